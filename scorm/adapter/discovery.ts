/**
 * Finding the LMS's API object: the own window, then up the parent chain (up to 500 steps, as
 * ADL's 2004 test content allows), then the opener's window and its parents. Every read of another
 * window is guarded: a cross-origin frame throws on access, and that must never stop the course.
 */
import type { ScormVersion } from '../version.ts';

/** The raw SCORM 1.2 API an LMS puts on `window.API`. */
export interface RawApi12 {
  LMSInitialize(parameter: ''): string;
  LMSFinish(parameter: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(parameter: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The raw SCORM 2004 API an LMS puts on `window.API_1484_11`. */
export interface RawApi2004 {
  Initialize(parameter: ''): string;
  Terminate(parameter: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(parameter: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export type FoundApi =
  | { readonly version: '2004'; readonly api: RawApi2004 }
  | { readonly version: '1.2'; readonly api: RawApi12 };

/** How far up a parent chain to look. */
export const MAX_PARENT_STEPS = 500;

/** The subset of Window the search uses (so tests can pass plain objects). */
export interface WindowLike {
  readonly parent?: WindowLike | null;
  readonly opener?: WindowLike | null;
}

const API_NAMES = { '2004': 'API_1484_11', '1.2': 'API' } as const;
const API_METHODS = { '2004': 'Initialize', '1.2': 'LMSInitialize' } as const;

/**
 * Looks for the 2004 API first, then 1.2 (or `prefer` first). Returns undefined when neither is
 * found: a normal case (a file share, a plain web page), never an error.
 */
export function findApi(start: WindowLike, prefer: ScormVersion = '2004'): FoundApi | undefined {
  const order = prefer === '2004' ? (['2004', '1.2'] as const) : (['1.2', '2004'] as const);
  for (const version of order) {
    const api = searchFrom(start, version);
    if (api) return { version, api } as FoundApi;
  }
  return undefined;
}

function searchFrom(start: WindowLike, version: ScormVersion): object | undefined {
  const own = searchParents(start, version);
  if (own) return own;
  // The opener chain: the window that opened this one (or the top's), and its parents, and so on.
  const seen = new Set<WindowLike>();
  let opener = openerOf(topOf(start)) ?? openerOf(start);
  while (opener && !seen.has(opener) && seen.size < MAX_PARENT_STEPS) {
    seen.add(opener);
    const found = searchParents(opener, version);
    if (found) return found;
    opener = openerOf(topOf(opener));
  }
  return undefined;
}

function searchParents(start: WindowLike, version: ScormVersion): object | undefined {
  let current: WindowLike | undefined = start;
  for (let steps = 0; current && steps <= MAX_PARENT_STEPS; steps++) {
    const api = apiOn(current, version);
    if (api) return api;
    const parent = parentOf(current);
    if (!parent || parent === current) return undefined;
    current = parent;
  }
  return undefined;
}

function apiOn(win: WindowLike, version: ScormVersion): object | undefined {
  try {
    const candidate: unknown = (win as Record<string, unknown>)[API_NAMES[version]];
    if (
      candidate &&
      (typeof candidate === 'object' || typeof candidate === 'function') &&
      typeof (candidate as Record<string, unknown>)[API_METHODS[version]] === 'function'
    )
      return candidate;
  } catch {
    // Cross-origin window: not ours to read.
  }
  return undefined;
}

function parentOf(win: WindowLike): WindowLike | undefined {
  try {
    return win.parent ?? undefined;
  } catch {
    // A cross-origin window throws on this read: the search stops there, as at the top.
    return undefined;
  }
}

function openerOf(win: WindowLike): WindowLike | undefined {
  try {
    return win.opener ?? undefined;
  } catch {
    // A cross-origin window throws on this read: the search stops there, as at the top.
    return undefined;
  }
}

function topOf(win: WindowLike): WindowLike {
  let current = win;
  for (let steps = 0; steps < MAX_PARENT_STEPS; steps++) {
    const parent = parentOf(current);
    if (!parent || parent === current) break;
    current = parent;
  }
  return current;
}
