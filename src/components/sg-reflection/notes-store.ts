import type { Module } from '../../content/types.ts';
import { emptyAnswers, type ReflectionAnswers } from './reflective-log.ts';

/**
 * Where a learner's reflections are kept: this browser's localStorage, one entry per module, under
 * a key that names the learner, the course and the level. On a shared council or NHS computer the
 * next learner must never see the previous learner's notes, so the learner is part of every key:
 * the learner id the LMS gives (`lms:<id>`), or, with no LMS, a random id this browser picks on
 * first use (`browser:<id>`), which everyone using this browser profile shares.
 *
 * Every storage access is guarded: storage can be blocked (privacy settings, sandboxed frames) or
 * full, and the page must carry on regardless.
 */

const PREFIX = 'sg-notes:';
/** Where the browser's own learner id is kept when there is no LMS. */
export const BROWSER_LEARNER_KEY = 'sg-notes-browser-learner';
/** Notes kept before they were keyed by learner: `sg-reflection:<course>:<level>:<module>`. */
const UNKEYED_PREFIX = 'sg-reflection:';

/**
 * Whose notes these are: the LMS learner when the LMS names one, else this browser's learner
 * (chosen now if this is the first use). Undefined when storage is blocked: nothing can be kept.
 */
export function notesOwner(lmsLearnerId: string | undefined): string | undefined {
  if (lmsLearnerId) return `lms:${encodeURIComponent(lmsLearnerId)}`;
  try {
    const storage = globalThis.localStorage;
    if (!storage) return undefined;
    let id = storage.getItem(BROWSER_LEARNER_KEY);
    if (!id || !/^[0-9a-f]{32}$/.test(id)) {
      id = randomId();
      storage.setItem(BROWSER_LEARNER_KEY, id);
    }
    return `browser:${id}`;
  } catch {
    return undefined;
  }
}

/** The localStorage key for one learner's reflection on one module at one level of one course. */
export function notesKey(owner: string, courseId: string, levelId: string, moduleId: string) {
  return `${PREFIX}${owner}:${[courseId, levelId, moduleId].map(encodeURIComponent).join(':')}`;
}

/** Reads saved answers; anything missing, blocked or malformed gives empty answers. */
export function loadNotes(key: string, module: Module): ReflectionAnswers {
  const empty = emptyAnswers(module);
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return empty;
    const parsed = JSON.parse(raw) as Partial<Record<keyof ReflectionAnswers, unknown>>;
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const prompts = Array.isArray(parsed.prompts) ? parsed.prompts : [];
    return {
      learned: text(parsed.learned),
      differently: text(parsed.differently),
      prompts: empty.prompts.map((_, i) => text(prompts[i])),
    };
  } catch {
    return empty;
  }
}

/** Saves answers on this device; false when storage is blocked or full. Never throws. */
export function saveNotes(key: string, answers: ReflectionAnswers): boolean {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return false;
    storage.setItem(key, JSON.stringify(answers));
    return true;
  } catch {
    return false;
  }
}

/**
 * "Remove my notes from this computer": every note this learner kept in this browser, for every
 * course, level and module, and (without an LMS) the browser's learner id too, so nothing of
 * theirs is left. False when storage could not be reached. Never throws.
 */
export function removeNotes(owner: string): boolean {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return false;
    for (const key of keysStartingWith(storage, `${PREFIX}${owner}:`)) storage.removeItem(key);
    if (owner.startsWith('browser:')) storage.removeItem(BROWSER_LEARNER_KEY);
    return true;
  } catch {
    return false;
  }
}

/**
 * Deletes notes kept before notes were keyed by learner. They are shown to no one: nothing says
 * whose they are (any learner on this computer may have written them), so giving them to the
 * first learner who opens the module would repeat the leak this store exists to stop.
 */
export function dropUnkeyedNotes(): void {
  try {
    const storage = globalThis.localStorage;
    if (!storage) return;
    for (const key of keysStartingWith(storage, UNKEYED_PREFIX)) storage.removeItem(key);
  } catch {
    // Blocked storage holds no old notes that could be shown either.
  }
}

function keysStartingWith(storage: Storage, prefix: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i);
    if (key?.startsWith(prefix)) keys.push(key);
  }
  return keys;
}

/** 128 random bits as hex: enough that two browsers never pick the same learner. */
function randomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
