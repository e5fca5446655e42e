import type { CmiWrite } from './data-model.ts';
import { readUnconfirmed } from './replay.ts';
import {
  chooseSaved,
  MAX_KNOWN_STATES,
  openState,
  sealState,
  stateHash,
  type DeviceCopy,
  type OpenedState,
} from './saved-state.ts';
import { readJson, readText, removeItem, writeJson, writeText } from '../../src/storage.ts';

/**
 * The LMS session's copy of the learner's work on this device (localStorage, per learner id), kept
 * against the LMS's so that nothing is lost while the LMS refuses to save or goes away; and which
 * copy a launch starts from (saved-state.ts `chooseSaved` decides).
 *
 * The device copy is a fallback for the LMS's: storage that is blocked or full loses nothing while
 * the LMS saves, and while it does not, the session's health state already warns the learner. So a
 * copy that cannot be stored here is not told separately (a known limit: the warning then says the
 * work is kept on this device when it is not).
 *
 * Stored: `state` (sealed), `location`, `base`, `known`, `unconfirmed`, and `savedAt` on an
 * unidentified copy only (the one place it is read). Copies stored by earlier versions also carry
 * `complete` and, on every copy, `savedAt`: nothing read them, and they are ignored.
 */

/** The device's copy for this learner (an LMS that gives no id: one shared "anonymous" copy). */
export function learnerKey(storageKey: string, learnerId: string): string {
  return `${storageKey}:lms:${learnerId || 'anonymous'}`;
}

/**
 * Work done while the LMS did not answer Initialize (it has not named the learner): handed to the
 * next learner the LMS names here only on the terms of `chooseSaved` and within
 * UNIDENTIFIED_MAX_AGE_MS.
 */
export function unidentifiedKey(storageKey: string): string {
  return `${storageKey}:lms-unidentified`;
}

/** An unidentified copy older than this is not handed to anyone (a shared device, a day later). */
export const UNIDENTIFIED_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const lastLearnerKey = (storageKey: string) => `${storageKey}:lms-last-learner`;

/**
 * The learner the LMS names, remembered for a later launch whose Initialize is refused. Not kept
 * (blocked or full storage): that launch then starts from nothing, and its own warning says the
 * LMS did not answer, so nothing is lost that the learner is not told of.
 */
export function rememberLearner(storageKey: string, learnerId: string): void {
  writeText(lastLearnerKey(storageKey), learnerId);
}

/** The learner the LMS last named on this device; undefined when none is known (or readable). */
export function lastLearner(storageKey: string): string | undefined {
  return readText(lastLearnerKey(storageKey));
}

export type Restorable = (opened: OpenedState) => OpenedState;

/** A state the course says it cannot restore is as unreadable as a damaged one. */
export function restorableBy(canRestore: ((state: string) => boolean) | undefined): Restorable {
  return (opened) => {
    if (opened.kind !== 'state' || !canRestore) return opened;
    let ok = false;
    try {
      ok = canRestore(opened.state);
    } catch (error) {
      // A check that throws has not said the state can be restored: it is unreadable, and the
      // launch says so if no other copy can be read (UNREADABLE_MESSAGE).
      console.warn('The course could not check a saved state:', error);
    }
    return ok ? opened : { kind: 'unreadable', why: 'damaged' };
  };
}

/**
 * The copy under `key` if it is there, readable (seal checked, and `restorable`) and not older than
 * `maxAgeMs`. A copy that is missing, blocked or damaged is as good as none: the LMS's copy counts.
 */
export function readDeviceCopy(
  key: string,
  maxAgeMs = Infinity,
  restorable: Restorable = (opened) => opened,
): DeviceCopy | undefined {
  const stored = readJson(key);
  if (!stored) return undefined;
  const opened = restorable(openState(typeof stored.state === 'string' ? stored.state : ''));
  // A damaged copy never wins over a readable LMS copy: it is as good as none.
  if (opened.kind !== 'state') return undefined;
  if (maxAgeMs !== Infinity) {
    const savedAt = Date.parse(typeof stored.savedAt === 'string' ? stored.savedAt : '');
    if (!(Date.now() - savedAt <= maxAgeMs)) return undefined;
  }
  return {
    state: opened.state,
    location: typeof stored.location === 'string' ? stored.location : '',
    base: typeof stored.base === 'string' ? stored.base : '',
    known: Array.isArray(stored.known)
      ? stored.known.filter((h): h is string => typeof h === 'string')
      : [],
    unconfirmed: readUnconfirmed(stored.unconfirmed),
  };
}

/**
 * Stores `copy` under `key`, its state sealed; `stamped` adds the time (an unidentified copy, read
 * within UNIDENTIFIED_MAX_AGE_MS). False when storage is blocked or full (see the note above).
 */
export function writeDeviceCopy(key: string, copy: DeviceCopy, stamped = false): boolean {
  return writeJson(key, {
    ...copy,
    state: sealState(copy.state, Infinity),
    ...(stamped ? { savedAt: new Date().toISOString() } : {}),
  });
}

/** `known` with `state` added as the newest (once, and at most MAX_KNOWN_STATES). */
export function withKnown(known: readonly string[], state: string): readonly string[] {
  const hash = stateHash(state);
  return known.at(-1) === hash ? known : [...known, hash].slice(-MAX_KNOWN_STATES);
}

/** Where a launch starts from, as far as the device is concerned. */
export interface Start {
  /** The device's copy that counts for this launch (its unconfirmed writes may be sent). */
  readonly device: DeviceCopy | undefined;
  /** `device`, when the learner resumes from it rather than from the LMS's copy. */
  readonly resume: DeviceCopy | undefined;
}

/**
 * The device's copy is newer than the LMS's when the LMS holds a state this device had on the way
 * to it (a write never confirmed, an LMS that auto-committed or timed out), or what it held when
 * the copy moved on, or nothing while it was never known to hold anything; or when the LMS's copy
 * cannot be read. Then the copy wins, completion included. When the LMS holds anything else
 * (another device went on, or the attempt was reset), the LMS wins. Work from a launch whose
 * Initialize was refused (`carried` in this window, else an unidentified copy) goes first, on the
 * same terms; then this learner's own copy. An unidentified copy taken is then removed.
 */
export function chooseStart(
  storageKey: string,
  learnerId: string,
  lmsSaved: OpenedState,
  restorable: Restorable,
  carried: DeviceCopy | undefined,
): Start {
  const own = readDeviceCopy(learnerKey(storageKey, learnerId), Infinity, restorable);
  const waited = readDeviceCopy(unidentifiedKey(storageKey), UNIDENTIFIED_MAX_AGE_MS, restorable);
  const device =
    carried ?? (waited && chooseSaved(lmsSaved, waited) === 'device' ? waited : undefined) ?? own;
  const resume =
    device !== undefined && (carried !== undefined || chooseSaved(lmsSaved, device) === 'device')
      ? device
      : undefined;
  // Not removed (blocked storage): the copy stays, and is handed on only on chooseSaved's terms,
  // which the LMS's record, moved on by this session, no longer meets.
  if (resume && resume !== own) removeItem(unidentifiedKey(storageKey));
  return { device, resume };
}

/**
 * The device's copy during an LMS session: the learner's latest state, what the LMS holds as far as
 * the session knows (`base`), the states this device held (`known`), and the interaction and
 * objective writes the LMS has not confirmed (`unconfirmed`, sent again at the next launch).
 */
export class LocalCopy {
  #current: { readonly state: string; readonly location: string } | undefined;
  #known: readonly string[];
  #stopped = false;
  /** What the LMS holds, as far as this session knows (a Commit confirms each state written). */
  base: string;
  /** Interaction and objective writes planned but not confirmed by a Commit. */
  unconfirmed: CmiWrite[] = [];

  /** @param start the copy resumed from (nothing is stored before there is a state to store). */
  constructor(
    private readonly key: string,
    start: {
      readonly current?: { readonly state: string; readonly location: string };
      readonly base: string;
      readonly known: readonly string[];
    },
  ) {
    this.#current = start.current;
    this.base = start.base;
    this.#known = start.known;
  }

  /** The learner moved on: stored at once (it is what survives if the LMS never gets it). */
  moveTo(state: string, location: string): void {
    this.#current = { state, location };
    this.#known = withKnown(this.#known, state);
    this.keep();
  }

  /** Stores the copy as it is now (see the note at the top on storage that refuses it). */
  keep(): void {
    if (!this.#current || this.#stopped) return;
    writeDeviceCopy(this.key, {
      ...this.#current,
      base: this.base,
      known: this.#known,
      unconfirmed: this.unconfirmed,
    });
  }

  /** Nothing more is stored (the course was opened in a newer window, which stores instead). */
  stop(): void {
    this.#stopped = true;
  }
}
