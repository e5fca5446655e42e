/**
 * The saved state as it travels to the LMS and the device, and which copy a launch trusts.
 *
 * The adapter seals the engine's string with a CRC-32 before it leaves (`#<7 base-36 digits>~`
 * in front), and checks and strips it when it comes back, so a copy that an LMS cut (some cap
 * suspend_data at 255 or 4096), padded, or changed by one character is seen as unreadable instead
 * of restoring a different state. A CRC-32 catches every change of one character and every cut
 * but one in four billion. The engine never sees the seal (src/engine/serialise.ts is unchanged).
 * A state saved before the seal existed has none: it is read as it is.
 *
 * Pure: no LMS, no storage.
 */
import { LIMITS } from './format.ts';

/** `#` + 7 base-36 digits + `~`: 9 characters in front of the engine's string. */
export const SEAL_LENGTH = 9;
const SEALED = /^#([0-9a-z]{7})~/;
const UNSEALED = /^\d{1,3}~/;

/**
 * The longest saved state the course ever writes: the engine's strings fit SCORM 1.2's 4096
 * (the build checks it), plus the seal. Anything longer is not this course's and is refused at
 * once, without parsing (a broken LMS once returned 10 MB, which took 46 s to restore).
 */
export const MAX_SAVED_STATE = LIMITS['1.2'].suspendData + SEAL_LENGTH;

export type OpenedState =
  | { readonly kind: 'empty' }
  | { readonly kind: 'state'; readonly state: string; readonly sealed: boolean }
  | { readonly kind: 'unreadable'; readonly why: 'too long' | 'damaged' };

/**
 * The engine's string, sealed. Over `limit` with the seal (SCORM 1.2's 4096, only for a state
 * within 9 characters of it) it goes unsealed: a state the LMS can store beats a checked one.
 */
export function sealState(state: string, limit: number): string {
  if (state === '') return '';
  const sealed = `#${stateHash(state)}~${state}`;
  return sealed.length <= limit ? sealed : state;
}

/** What an LMS or the device handed back, checked. */
export function openState(raw: string | undefined | null): OpenedState {
  if (raw == null) return { kind: 'empty' };
  // Refused before anything else touches it (trim included).
  if (raw.length > MAX_SAVED_STATE + 64) return { kind: 'unreadable', why: 'too long' };
  const text = raw.trim();
  // Some LMSs answer "null" (or "undefined") for a suspend_data never set.
  if (text === '' || text === 'null' || text === 'undefined') return { kind: 'empty' };
  if (text.length > MAX_SAVED_STATE) return { kind: 'unreadable', why: 'too long' };
  const seal = SEALED.exec(text);
  if (seal) {
    const state = text.slice(SEAL_LENGTH);
    return stateHash(state) === seal[1]
      ? { kind: 'state', state, sealed: true }
      : { kind: 'unreadable', why: 'damaged' };
  }
  // Without a seal: an older version of the course wrote it (the engine's strings start with
  // their format number and `~`), read as it is; anything else is a damaged seal.
  if (!UNSEALED.test(text)) return { kind: 'unreadable', why: 'damaged' };
  return { kind: 'state', state: text, sealed: false };
}

/** CRC-32 (IEEE) of the string's UTF-16 code units, as 7 base-36 digits. */
export function stateHash(text: string): string {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    crc = CRC_TABLE[(crc ^ unit) & 0xff]! ^ (crc >>> 8);
    crc = CRC_TABLE[(crc ^ (unit >>> 8)) & 0xff]! ^ (crc >>> 8);
  }
  return ((crc ^ 0xffffffff) >>> 0).toString(36).padStart(7, '0');
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

// ---------------------------------------------------------------------------------------------

/** What the device keeps for one learner (localStorage, per learner id), as read back. */
export interface DeviceCopy {
  /** The engine's string (unsealed). */
  readonly state: string;
  readonly location: string;
  /** The suspend_data the LMS was last known to hold (read at launch, or confirmed by a Commit). */
  readonly base: string;
  /**
   * `stateHash` of every state this device held (and so may have written), newest last: an LMS
   * that holds one of them holds this device's own older work (it stored a SetValue that was
   * never committed, auto-committed, or timed the session out), so the device's copy is newer.
   */
  readonly known: readonly string[];
  /**
   * Interaction and objective writes the LMS never confirmed, sent again at the next launch into
   * the same attempt (replay.ts). Absent in copies made before it existed, or while Initialize
   * was refused.
   */
  readonly unconfirmed?: readonly { readonly element: string; readonly value: string }[];
}

/** How many states a device copy remembers as its own: a level takes a few hundred events. */
export const MAX_KNOWN_STATES = 1000;

/**
 * Which copy a launch resumes from. The device's, when it is readable and newer: the LMS's copy
 * is unreadable, or it is one this device wrote (or read) on the way to its own, or the LMS holds
 * nothing and was never known to hold anything (it lost it all, or never got it). The LMS's,
 * when it holds anything else: another device went on, or the attempt was reset.
 */
export function chooseSaved(lms: OpenedState, device: DeviceCopy | undefined): 'lms' | 'device' {
  if (!device) return 'lms';
  switch (lms.kind) {
    case 'unreadable':
      return 'device';
    case 'empty':
      return device.base === '' ? 'device' : 'lms';
    case 'state':
      if (lms.state === device.state) return 'lms';
      return lms.state === device.base || device.known.includes(stateHash(lms.state))
        ? 'device'
        : 'lms';
  }
}
