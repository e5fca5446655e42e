import type { Module } from '../../model/course.ts';
import {
  keysStartingWith,
  readJson,
  readText,
  removeItem,
  writeJson,
  writeText,
} from '../../storage.ts';
import { emptyAnswers, type ReflectionAnswers } from './reflective-log.ts';

/**
 * Where a learner's reflections are kept: this browser's localStorage, one entry per module, under
 * a key that names the learner, the course and the level. On a shared council or NHS computer the
 * next learner must never see the previous learner's notes, so the learner is part of every key:
 * the learner id the LMS gives (`lms:<id>`), or, with no LMS, a random id this browser picks on
 * first use (`browser:<id>`), which everyone using this browser profile shares.
 *
 * Every storage access is guarded (src/storage.ts): storage can be blocked (privacy settings,
 * sandboxed frames) or full, and the page must carry on regardless.
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
  const kept = readText(BROWSER_LEARNER_KEY);
  if (kept && /^[0-9a-f]{32}$/.test(kept)) return `browser:${kept}`;
  // None yet (or not one this store wrote): pick one, which only counts once it is kept.
  const id = randomId();
  return writeText(BROWSER_LEARNER_KEY, id) ? `browser:${id}` : undefined;
}

/** The localStorage key for one learner's reflection on one module at one level of one course. */
export function notesKey(owner: string, courseId: string, levelId: string, moduleId: string) {
  return `${PREFIX}${owner}:${[courseId, levelId, moduleId].map(encodeURIComponent).join(':')}`;
}

/** Reads saved answers; anything missing, blocked or malformed gives empty answers. */
export function loadNotes(key: string, module: Module): ReflectionAnswers {
  const empty = emptyAnswers(module);
  const parsed = readJson(key) as Partial<Record<keyof ReflectionAnswers, unknown>> | undefined;
  if (!parsed) return empty;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const prompts = Array.isArray(parsed.prompts) ? parsed.prompts : [];
  return {
    learned: text(parsed.learned),
    differently: text(parsed.differently),
    prompts: empty.prompts.map((_, i) => text(prompts[i])),
  };
}

/** Saves answers on this device; false when storage is blocked or full. Never throws. */
export function saveNotes(key: string, answers: ReflectionAnswers): boolean {
  return writeJson(key, answers);
}

/**
 * "Remove my notes from this computer": every note this learner kept in this browser, for every
 * course, level and module, and (without an LMS) the browser's learner id too, so nothing of
 * theirs is left. False when storage could not be reached or an entry could not be removed.
 * Never throws.
 */
export function removeNotes(owner: string): boolean {
  const keys = keysStartingWith(`${PREFIX}${owner}:`);
  if (!keys) return false;
  if (owner.startsWith('browser:')) keys.push(BROWSER_LEARNER_KEY);
  // Every key is tried, so one that fails leaves no other behind.
  return keys.map((key) => removeItem(key)).every(Boolean);
}

/**
 * Deletes notes kept before notes were keyed by learner. They are shown to no one: nothing says
 * whose they are (any learner on this computer may have written them), so giving them to the
 * first learner who opens the module would repeat the leak this store exists to stop. Blocked
 * storage holds no old notes that could be shown either, so a failure needs no answer here.
 */
export function dropUnkeyedNotes(): void {
  for (const key of keysStartingWith(UNKEYED_PREFIX) ?? []) removeItem(key);
}

/** 128 random bits as hex: enough that two browsers never pick the same learner. */
function randomId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
