import type { LmsApi } from './api.ts';
import { HealthListeners, tellOne } from './listeners.ts';
import {
  lastLearner,
  learnerKey,
  readDeviceCopy,
  restorableBy,
  UNIDENTIFIED_MAX_AGE_MS,
  unidentifiedKey,
  withKnown,
  writeDeviceCopy,
} from './local-copy.ts';
import { ENDED_MESSAGE, LEFT_BEFORE_START_MESSAGE, NOT_STARTED_MESSAGE } from './messages.ts';
import type { DeviceCopy } from './saved-state.ts';
import type { ScormSession, ScormSessionOptions } from './session.ts';

/** Tries at Initialize after the launch's: wait this long (ms) before each, in turn. */
export const INITIALIZE_RETRY_MS = [1000, 2000, 4000, 8000, 15_000, 30_000];

/**
 * The session while an LMS that was found refuses Initialize. The learner works from the device's
 * copy of the learner the LMS last named here (else from nothing), and is told plainly. The work
 * is kept on the device for the LMS (not as standalone progress), as unidentified: the LMS has not
 * said who is working, and on a shared device it may be someone else. Initialize is tried again
 * after each of `initializeRetryMs`; once it answers, `connect` makes the real session, which
 * takes over with this window's work (`carried`), and that goes to the LMS. Otherwise the next
 * launch that works takes it, on the terms of `chooseSaved`: the learner's record is one it
 * started from or went through, or is empty while it started from nothing. Never calls the LMS but
 * Initialize.
 */
export function createNotStartedSession(
  lms: LmsApi,
  options: ScormSessionOptions,
  win: Window | undefined,
  connect: (carried: DeviceCopy | undefined) => ScormSession,
): ScormSession {
  const last = lastLearner(options.storageKey);
  const key = unidentifiedKey(options.storageKey);
  const restorable = restorableBy(options.canRestore);
  const start =
    readDeviceCopy(key, UNIDENTIFIED_MAX_AGE_MS, restorable) ??
    (last === undefined
      ? undefined
      : readDeviceCopy(learnerKey(options.storageKey, last), Infinity, restorable));
  /** This window's work (the device copy it started from, moved on by each learner event). */
  let copy: DeviceCopy | undefined = start;
  let moved = false;
  let connected: ScormSession | undefined;
  let ended = false;
  const listeners = new HealthListeners();

  const delays = options.initializeRetryMs ?? INITIALIZE_RETRY_MS;
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const retry = (attempt: number) => {
    const delay = delays[attempt];
    if (delay === undefined || ended) return;
    timeout = setTimeout(() => {
      timeout = undefined;
      if (ended) return;
      if (!lms.initialize()) {
        retry(attempt + 1);
        return;
      }
      win?.removeEventListener('pagehide', onPageHide);
      // This window's work is on screen: it is what the LMS gets, whatever it holds.
      const session = connect(moved ? copy : undefined);
      connected = session;
      for (const listener of listeners.all()) {
        session.onHealthChange(listener);
        // The real session tells only of trouble; the warning above is over.
        tellOne(listener, { ok: true });
      }
    }, delay);
  };
  retry(0);

  const end = () => {
    ended = true;
    if (timeout !== undefined) clearTimeout(timeout);
    win?.removeEventListener('pagehide', onPageHide);
  };
  const onPageHide = () => end();
  win?.addEventListener('pagehide', onPageHide);
  // Back from the back/forward cache: the tries stopped at pagehide, so the "keeps trying" message
  // is no longer true. Said at once (issue 16 case 9).
  win?.addEventListener('pageshow', (event) => {
    if (!(event as PageTransitionEvent).persisted || !ended || connected) return;
    listeners.tell({ ok: false, message: ENDED_MESSAGE });
  });

  const savedState = start?.state ?? '';
  return {
    mode: 'lms',
    version: lms.version,
    entry: '',
    savedState,
    resumed: savedState !== '',
    reviewOnly: false,
    levelComplete: false,
    get finished() {
      return connected?.finished ?? ended;
    },
    apply(effects, state, location) {
      if (connected) {
        connected.apply(effects, state, location);
        return;
      }
      copy = {
        state,
        location,
        base: copy?.base ?? '',
        known: withKnown(copy?.known ?? [], state),
      };
      moved = true;
      // Not stored (blocked or full storage): this window still carries the work to the LMS if it
      // answers; the learner has been told the LMS is not getting it (see local-copy.ts).
      writeDeviceCopy(key, copy, true);
    },
    finish() {
      if (connected) {
        connected.finish();
        return;
      }
      end();
      listeners.tell({ ok: false, message: LEFT_BEFORE_START_MESSAGE });
    },
    onHealthChange(listener) {
      if (connected) {
        connected.onHealthChange(listener);
        return;
      }
      listeners.add(listener);
      tellOne(listener, { ok: false, message: NOT_STARTED_MESSAGE });
    },
  };
}
