import type Scorm12Type from 'scorm-again/scorm12';
import * as scorm12 from 'scorm-again/scorm12';
import type Scorm2004Type from 'scorm-again/scorm2004';
import * as scorm2004 from 'scorm-again/scorm2004';
import type { FoundApi } from '../../../scorm/adapter/index.ts';
import {
  createStrictApi,
  type Fault,
  type StrictApi,
} from '../../../scorm/preview/strict-checks.ts';

// scorm-again 3.4.3's types declare a default export; its ESM build has only the named one.
const { Scorm12API } = scorm12 as unknown as { Scorm12API: typeof Scorm12Type };
const { Scorm2004API } = scorm2004 as unknown as { Scorm2004API: typeof Scorm2004Type };

/**
 * scorm-again as the LMS, behind the strict observer. `seed` is saved CMI data (flattened element
 * names), loaded before Initialize as an LMS does on a relaunch.
 */
export interface TestLms {
  readonly version: '1.2' | '2004';
  readonly inner: Scorm12Type | Scorm2004Type;
  readonly strict: StrictApi;
  readonly found: FoundApi;
  /** Makes SetValue and Commit answer "false" (with an error) while true. */
  failing: boolean;
  /** The LMS's faults now (strict-checks.ts `FAULTS`): add or delete one at any point. */
  readonly faults: Set<Fault>;
  /** The data model as the LMS holds it now. */
  cmi(): Record<string, string>;
  /** Calls by function name, in order. */
  fns(): string[];
}

export function createTestLms(
  version: '1.2' | '2004',
  seed: Record<string, string> = {},
  faults: readonly Fault[] = [],
  /** How long each call takes with the `slow` fault. */
  slowCallMs?: number,
): TestLms {
  const inner =
    version === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  if (Object.keys(seed).length > 0) inner.loadFromFlattenedJSON(seed);
  const lms: TestLms = {
    version,
    inner,
    failing: false,
    faults: new Set(),
    strict: undefined as unknown as StrictApi,
    found: undefined as unknown as FoundApi,
    cmi: () => flatten(inner.getFlattenedCMI()),
    fns: () => lms.strict.calls.map((c) => c.fn),
  };
  // A failing LMS: SetValue/Commit refuse while `failing` is set; errors read as 101 meanwhile.
  let lastFailed = false;
  const names =
    version === '1.2'
      ? { set: 'LMSSetValue', commit: 'LMSCommit', error: 'LMSGetLastError' }
      : { set: 'SetValue', commit: 'Commit', error: 'GetLastError' };
  const raw = inner as unknown as Record<string, (...args: string[]) => string>;
  const proxy: Record<string, unknown> = new Proxy(raw, {
    get(target, key: string) {
      const value = target[key];
      if (typeof value !== 'function') return value;
      if (key === names.set || key === names.commit)
        return (...args: string[]) => {
          lastFailed = lms.failing;
          return lms.failing ? 'false' : value.apply(target, args);
        };
      if (key === names.error) return () => (lastFailed ? '101' : value.apply(target, []));
      return (...args: string[]) => {
        lastFailed = false;
        return value.apply(target, args);
      };
    },
  });
  const strict = createStrictApi(version, proxy, { faults, slowCallMs });
  Object.assign(lms, {
    strict,
    faults: strict.faults,
    found: { version, api: strict.api } as unknown as FoundApi,
  });
  return lms;
}

function flatten(value: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) if (typeof v === 'string') out[key] = v;
  return out;
}

/** The saved data a real LMS would hand a relaunch: what this SCO left, plus entry=resume. */
export function savedForRelaunch(lms: TestLms): Record<string, string> {
  const cmi = lms.cmi();
  const keep =
    lms.version === '1.2'
      ? [
          'cmi.suspend_data',
          'cmi.core.lesson_location',
          'cmi.core.lesson_status',
          'cmi.core.score.raw',
        ]
      : ['cmi.suspend_data', 'cmi.location', 'cmi.completion_status', 'cmi.success_status'];
  const saved: Record<string, string> = {};
  for (const key of keep) if (cmi[key]) saved[key] = cmi[key];
  saved[lms.version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = 'resume';
  return saved;
}
