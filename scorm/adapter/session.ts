import type { Effect } from '../../src/engine/index.ts';
import type { CourseSession, SessionHealth } from '../../src/session.ts';
import { wrapApi, type LmsApi } from './api.ts';
import {
  ELEMENTS,
  exitValue,
  launchWrites,
  levelRecord,
  planEffects,
  sessionTimeWrite,
  stateWrites,
  type Clock,
  type CmiWrite,
  type Tracking,
} from './data-model.ts';
import { findApi, type FoundApi, type WindowLike } from './discovery.ts';
import { vocabulary, type ScormVersion } from './format.ts';
import { OTHER_WINDOW_MESSAGE, watchForNewerWindow } from './other-windows.ts';
import { keepUnconfirmed, readUnconfirmed, replayUnconfirmed } from './replay.ts';
import {
  chooseSaved,
  MAX_KNOWN_STATES,
  openState,
  sealState,
  stateHash,
  type DeviceCopy,
  type OpenedState,
} from './saved-state.ts';

export interface ScormSessionOptions {
  /**
   * localStorage key prefix for the local copy of the learner's state (the learner id is added),
   * kept so that nothing is lost while the LMS refuses to save. E.g. `<course id>:<level>`.
   */
  readonly storageKey: string;
  /** Module ids of the level: one cmi.objectives entry each, created on the first launch. */
  readonly modules?: readonly string[];
  /**
   * Where the API search starts, and whose events (pagehide, visibilitychange) end or save the
   * session.
   * @default globalThis.window
   */
  readonly window?: Window;
  /**
   * Which API to look for first when an LMS offers both.
   * @default '2004'
   */
  readonly prefer?: ScormVersion;
  /**
   * Commit this often (session_time included) while the course is open; 0 turns the timer off.
   * @default 60000
   */
  readonly commitIntervalMs?: number;
  /**
   * Extra tries for a SetValue or Commit the LMS refuses, before the learner is warned.
   * @default 2
   */
  readonly retries?: number;
  /** Use this API instead of searching for one (tests, or an LMS wrapper). */
  readonly api?: FoundApi;
  /** The clock, in milliseconds. @default Date.now */
  readonly now?: () => number;
  /**
   * When the writes of a learner event reach the LMS. The default, `whenIdle`, lets the next
   * view appear first: on an LMS whose Commit is a synchronous request, the learner would
   * otherwise wait for the network on every click. `(flush) => flush()` writes at once.
   * Whatever is waiting is written before a commit, on `finish()` and when the page is hidden
   * or closed, so nothing is lost by waiting. Given a deadline, `flush` writes what fits in the
   * idle time left and asks to be scheduled again for the rest.
   */
  readonly schedule?: (flush: (deadline?: IdleTime) => void) => void;
  /**
   * When the LMS refuses Initialize three times: wait this long (ms) before each further try, in
   * turn. Meanwhile the work is kept on the device, and goes to the LMS once it answers.
   * @default [1000, 2000, 4000, 8000, 15000, 30000]
   */
  readonly initializeRetryMs?: readonly number[];
  /**
   * Whether the course can restore a saved state (the engine's `restore(...).ok`): a copy it
   * cannot restore counts as unreadable, so the other copy is used if it can be. Without it, a
   * copy is readable when its seal matches.
   */
  readonly canRestore?: (state: string) => boolean;
}

/** A CourseSession backed by an LMS, with what the LMS told it at launch. */
export interface ScormSession extends CourseSession {
  readonly mode: 'lms';
  readonly version: ScormVersion;
  /** `ab-initio`, `resume` or `` as the LMS gave it (lower case). */
  readonly entry: string;
  /** True once Terminate/LMSFinish has been called. */
  readonly finished: boolean;
}

const DEFAULTS = Object.freeze({
  commitIntervalMs: 60_000,
  retries: 2,
  prefer: '2004' as const,
  initializeRetryMs: [1000, 2000, 4000, 8000, 15_000, 30_000],
});

/**
 * The most writes kept for a retry while the LMS refuses them: far more than a whole level makes
 * (about a thousand), so that none is dropped. A dropped interaction or objective id would make
 * the LMS refuse every later write that names it, for good.
 */
const MAX_PENDING = 20_000;

/** Tries at Initialize at launch, before the course starts from the device's copy and tries later. */
const INITIALIZE_TRIES = 3;

/** Said while the LMS has not answered Initialize (the course keeps trying, see initializeRetryMs). */
const NOT_STARTED_MESSAGE =
  'The learning system did not answer when this course opened, so your progress is not reaching ' +
  'it yet. The course keeps trying, and meanwhile your work is kept on this device. If this ' +
  'message stays, choose Save and exit, then open the course again from the learning system on ' +
  'this device: your work is passed on to it then. If it keeps happening, tell your training lead.';

/** Said after "Save and exit" when the LMS never answered Initialize. */
const LEFT_BEFORE_START_MESSAGE =
  'The learning system did not answer while you worked, so your progress has not reached it. ' +
  'It is kept on this device: open the course again from the learning system on this device ' +
  'and it is passed on then.';

/** Said at launch when the LMS's saved place cannot be read and this device has no copy of it. */
const UNREADABLE_MESSAGE =
  'Your saved place in this level could not be read back from the learning system, so the level ' +
  'starts from the beginning. Your results already recorded there are not affected.';

/**
 * Elements an LMS may leave out: refused once with one of the version's "not implemented" errors,
 * they are not written again this session, and no alarm is raised (the learner's progress, status
 * and score do not depend on them).
 */
const OPTIONAL = /^(cmi\.interactions|cmi\.objectives|adl\.nav\.request)/;
const NOT_IMPLEMENTED: Record<ScormVersion, readonly number[]> = {
  // 401 not implemented, 402 keyword, 403 read only, 404 write only.
  '1.2': [401, 402, 403, 404],
  // 401 undefined, 402 unimplemented, 404 read only.
  '2004': [401, 402, 404],
};

/**
 * Errors that say the LMS has ended the session itself (timed out, or its own Terminate): 1.2
 * "not initialized"; 2004 data or Commit before initialisation or after termination. Nothing
 * more is sent; the device keeps the work for the next launch.
 */
const ENDED_BY_LMS: Record<ScormVersion, readonly number[]> = {
  '1.2': [301],
  '2004': [122, 123, 132, 133, 142, 143],
};

/** SCORM's limit for cmi.suspend_data, which the sealed state must fit. */
const STATE_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64_000 };

/** Said when the learner goes on after the session ended (a page back from the back/forward cache). */
const ENDED_MESSAGE =
  'This page is no longer connected to the learning system, so what you do now is kept only on ' +
  'this device. Close the course and open it again from the learning system to carry on.';

/**
 * The LMS's error code, for the learner to pass on to their training lead: the number only. The
 * LMS's own error string is not shown: it is written for developers, and some LMSs answer with
 * an unfilled format string or bytes that are not text (issue 16 case 9).
 */
export function errorReference(code: number): string {
  return Number.isInteger(code) && code > 0 && code < 10_000
    ? ` (the learning system gave error ${code})`
    : '';
}

/** The longest a write waits for the browser to be idle. */
const WRITE_BEHIND_MS = 1000;

/** What `requestIdleCallback` tells its callback: how long the browser expects to stay idle. */
export interface IdleTime {
  readonly didTimeout: boolean;
  timeRemaining(): number;
}

/**
 * Runs `flush` when the browser is next idle (after the view the learner asked for has been
 * painted), and within WRITE_BEHIND_MS however busy it is. Browsers without requestIdleCallback
 * get a short timer (and no deadline: everything is written at once).
 */
export function whenIdle(flush: (deadline?: IdleTime) => void): void {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback((deadline) => flush(deadline), { timeout: WRITE_BEHIND_MS });
  else setTimeout(() => flush(), 50);
}

/** Leave this much of an idle period unused: one more call might not fit in less. */
const IDLE_MARGIN_MS = 3;

/**
 * The longest a flush keeps the page busy when the browser gives it no idle time (the idle
 * callback timed out, or there is no requestIdleCallback): the rest waits for the next flush, so
 * the learner's clicks and the next view go first. On a slow LMS (1–3 s a call) that is one call
 * per flush; it used to be the whole queue, and clicks took up to 22 s to show the next view.
 */
const SLICE_MS = 40;

const clockNow = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * Finds the LMS, initialises it and returns the session, or undefined when there is no LMS: the
 * caller then uses the standalone session. An LMS that refuses Initialize gets a session that
 * keeps the work on the device and tries again (createNotStartedSession). Never throws.
 */
export function connectScormSession(options: ScormSessionOptions): ScormSession | undefined {
  try {
    const win = options.window ?? (typeof window === 'undefined' ? undefined : window);
    const found =
      options.api ??
      (win ? findApi(win as unknown as WindowLike, options.prefer ?? DEFAULTS.prefer) : undefined);
    if (!found) return undefined;
    const lms = wrapApi(found);
    // An LMS that is slow to start may refuse the first Initialize; giving up at once would mean
    // standalone mode, which starts afresh and keeps this session's work away from the LMS.
    let initialised = false;
    for (let attempt = 0; attempt < INITIALIZE_TRIES && !initialised; attempt++)
      initialised = lms.initialize();
    // Launched from an LMS that does not answer yet: not standalone (that would start afresh under
    // another key and say no LMS records this), but the device's copy, tried again later.
    if (!initialised) return createNotStartedSession(lms, options, win);
    return createLmsSession(lms, options, win);
  } catch {
    // Only our own code can throw here (every LMS call is guarded): without a session the caller
    // falls back to standalone, which keeps progress on the device.
    return undefined;
  }
}

/**
 * @param carried the work done in this window before the LMS answered Initialize (see
 *   createNotStartedSession): the learner has it on screen, so it is what the LMS gets.
 */
function createLmsSession(
  lms: LmsApi,
  options: ScormSessionOptions,
  win: Window | undefined,
  carried?: DeviceCopy,
): ScormSession {
  const version = lms.version;
  const names = ELEMENTS[version];
  const now = options.now ?? Date.now;
  const retries = Math.max(0, options.retries ?? DEFAULTS.retries);
  const startedAt = now();
  let lastApplyAt = startedAt;
  let terminated = false;
  /** The LMS ended the session itself (see endedByLms). */
  let lmsEnded = false;
  const listeners: ((health: SessionHealth) => void)[] = [];
  let health: SessionHealth = { ok: true };
  /** Writes the LMS refused, retried before each commit. */
  let pending: CmiWrite[] = [];
  let commitFailed = false;

  const get = (element: string) => lms.getValue(element);

  // --- What the LMS knows -------------------------------------------------------------------
  const entry = vocabulary(get(names.entry));
  const lmsMode = vocabulary(get(names.mode));
  const reviewOnly = lmsMode === 'browse' || lmsMode === 'review';
  const learnerName = readableName(get(names.learnerName));
  const learnerId = get(names.learnerId);
  const status = vocabulary(get(names.status));
  const complete =
    version === '1.2' ? ['passed', 'completed', 'failed'].includes(status) : status === 'completed';
  // The level's result as the LMS holds it, read only when it is finished: shown to a learner who
  // comes back with no saved progress, and never lowered by a later finish (issue 18 case 3).
  const launchRecord = complete
    ? levelRecord(version, {
        status,
        success: version === '2004' ? vocabulary(get('cmi.success_status')) : undefined,
        scaled: version === '2004' ? get('cmi.score.scaled') : undefined,
        raw: get(version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw'),
      })
    : undefined;
  // Trimmed, "null" read as nothing, the seal checked; an over-long value refused unread.
  const restorable = restorableBy(options.canRestore);
  const lmsSaved = restorable(openState(get(names.suspendData)));
  const lmsState = lmsSaved.kind === 'state' ? lmsSaved.state : '';
  // Not read: credit and the pass mark. The pass mark is the course's own (course/course.yaml),
  // written into the manifest, so the LMS's is the same number; and every read before the first
  // view costs the learner time.

  const localKey = learnerKey(options.storageKey, learnerId);
  if (!reviewOnly) rememberLearner(options.storageKey, learnerId);
  // The device's copy is newer than the LMS's when the LMS holds a state this device had on the
  // way to it (a write never confirmed, an LMS that auto-committed or timed out), or what it held
  // when the copy moved on, or nothing while it was never known to hold anything; or when the
  // LMS's copy cannot be read. Then the copy wins, completion included. When the LMS holds
  // anything else (another device went on, or the attempt was reset), the LMS wins. A copy made
  // while the LMS did not answer Initialize, by a learner not yet known, is taken on the same
  // terms (see createNotStartedSession).
  const own = readLocal(localKey, Infinity, restorable);
  const waited = reviewOnly
    ? undefined
    : readLocal(unidentifiedKey(options.storageKey), UNIDENTIFIED_MAX_AGE_MS, restorable);
  // Work from a launch whose Initialize was refused first, when it is newer than this learner's
  // record; then this learner's own copy.
  const device =
    carried ?? (waited && chooseSaved(lmsSaved, waited) === 'device' ? waited : undefined) ?? own;
  const useLocal =
    !reviewOnly &&
    device !== undefined &&
    (carried !== undefined || chooseSaved(lmsSaved, device) === 'device');
  if (useLocal && device !== own) forgetLocal(unidentifiedKey(options.storageKey));
  const savedState = useLocal ? device.state : lmsState;
  /** What the LMS holds, as far as this session knows (a Commit confirms each state written). */
  let accepted = lmsState;
  /** stateHash of each state this device held, newest last (see DeviceCopy.known). */
  let known: string[] = [
    ...(useLocal ? device.known : []),
    ...(lmsState ? [stateHash(lmsState)] : []),
  ];
  let localCopy: Omit<LocalCopy, 'base' | 'known'> | undefined = useLocal ? device : undefined;
  /**
   * The course was opened for this learner in a newer window (see handOver): this one writes
   * nothing more, to the LMS or the device.
   */
  let handedOver = false;
  /**
   * Interaction and objective writes planned but not confirmed by a Commit (refused, waiting, or
   * written since the last Commit): kept with the device's copy, sent again at the next launch.
   */
  let unconfirmed: CmiWrite[] = [];
  /** From the device's copy, when it belongs to the attempt the LMS holds: sent at launch. */
  const toReplay =
    !reviewOnly && device?.unconfirmed && (useLocal || device.state === lmsState)
      ? device.unconfirmed
      : [];
  const keepLocal = () => {
    if (localCopy && !handedOver)
      writeLocal(localKey, { ...localCopy, base: accepted, known, unconfirmed });
  };
  // The device's copy must say at once that it started from what the LMS holds now.
  if (useLocal) keepLocal();
  /** Said at launch (the LMS's copy could not be read), until the learner's first step. */
  let launchNotice =
    !reviewOnly && !useLocal && lmsSaved.kind === 'unreadable' ? UNREADABLE_MESSAGE : undefined;
  if (launchNotice) health = { ok: false, message: launchNotice };
  let trackingRead: Tracking | undefined;
  const tracking = () =>
    (trackingRead ??= {
      interactions: readCount(get('cmi.interactions._count')),
      // 2004 interactions are readable: an answer given again replaces its own record.
      ...(version === '2004' ? { interactionIds: readInteractionIds(lms) } : {}),
      objectives: readObjectiveIds(lms),
      complete,
      ...(launchRecord ? { record: launchRecord } : {}),
    });
  /** What this session last wrote (the location is written once even if the LMS has it). */
  let written: { state: string; location: string | undefined } = {
    state: lmsState,
    location: undefined,
  };

  // --- Saving -------------------------------------------------------------------------------
  const setHealth = (next: SessionHealth) => {
    // A new message is told too (the LMS ending the session says more than "not saving").
    if (next.ok ? health.ok : !health.ok && next.message === health.message) return;
    health = next;
    for (const listener of listeners) {
      try {
        listener(next);
      } catch {
        // A listener's failure must not stop the course.
      }
    }
  };

  /** Elements the LMS said it does not implement: not written again (see OPTIONAL). */
  const unsupported = new Set<string>();
  const family = (element: string) => OPTIONAL.exec(element)?.[1];
  /** Pending writes that matter to the learner's record (optional elements are retried quietly). */
  const essentialPending = () => pending.some((p) => family(p.element) === undefined);

  /** An unexpected failure in the adapter itself: the same warning as a refusing LMS. */
  const reportBroken = () => {
    commitFailed = true;
    setHealth({
      ok: false,
      message:
        'The course could not pass your progress to the learning system just now. Your ' +
        'progress is kept on this device; if this message stays, tell your training lead ' +
        'before closing the course.',
    });
  };

  const updateHealth = () => {
    if (lmsEnded) return;
    if (!essentialPending() && !commitFailed) {
      setHealth(launchNotice ? { ok: false, message: launchNotice } : { ok: true });
      return;
    }
    setHealth({
      ok: false,
      message:
        'The learning system is not saving your progress at the moment. Your progress is kept ' +
        'on this device and will be sent again automatically; if this message stays, tell your ' +
        'training lead before closing the course' +
        errorReference(lms.lastError()) +
        '.',
    });
  };

  /** Essential values written since the last Commit the LMS confirmed (see finish). */
  let uncommitted = false;
  /** The exit value last written this session (finish writes it only if it changes). */
  let lastExit: string | undefined;

  /** True when written, or dropped because the LMS does not implement the element. */
  const trySet = (write: CmiWrite): boolean => {
    const optional = family(write.element);
    if (optional && unsupported.has(optional)) return true;
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (lms.setValue(write.element, write.value)) {
        if (!optional && write.element !== names.sessionTime) uncommitted = true;
        if (write.element === names.exit) lastExit = write.value;
        return true;
      }
      const code = lms.lastError();
      if (optional && NOT_IMPLEMENTED[version].includes(code)) {
        // One refusal is enough: asking again only costs calls (and used to raise an alarm).
        unsupported.add(optional);
        pending = pending.filter((p) => family(p.element) !== optional);
        unconfirmed = unconfirmed.filter((p) => family(p.element) !== optional);
        return true;
      }
      if (ENDED_BY_LMS[version].includes(code)) {
        endedByLms();
        return false;
      }
    }
    return false;
  };

  const write = (writes: readonly CmiWrite[]) => {
    for (const w of writes) {
      if (terminated) return;
      // A newer value for an element replaces any older one still waiting for a retry.
      const ok = trySet(w);
      const others = pending.filter((p) => p.element !== w.element);
      pending = ok ? others : [...others, w].slice(-MAX_PENDING);
    }
  };

  /**
   * Interaction and objective writes planned: unconfirmed until a Commit confirms them (see
   * confirm). An objective's later writes do not name it, so its id goes with them.
   */
  const noteUnconfirmed = (writes: readonly CmiWrite[]) => {
    const kept: CmiWrite[] = [];
    for (const w of writes) {
      const optional = family(w.element);
      if (!optional || optional === 'adl.nav.request' || unsupported.has(optional)) continue;
      const objective = /^cmi\.objectives\.(\d+)\.(?!id$)/.exec(w.element)?.[1];
      const id = objective === undefined ? undefined : tracking().objectives[Number(objective)];
      if (id) kept.push({ element: `cmi.objectives.${objective}.id`, value: id });
      kept.push(w);
    }
    if (kept.length > 0) unconfirmed = keepUnconfirmed(unconfirmed, kept);
  };

  const retryPending = () => {
    const again = pending;
    pending = [];
    write(again);
  };

  // --- Writing behind the view ----------------------------------------------------------------
  // A learner event's effects wait in `queued` until `flush` runs (see `schedule`): planning and
  // writing them happen after the next view is on screen, in as many idle periods as they need, so
  // a burst of writes never holds up the learner's next click. Events planned together share one
  // suspend_data/location write and at most one Commit. The launch's own writes go first.
  const schedule = options.schedule ?? whenIdle;
  let launchWritten = reviewOnly;
  let queued: { effects: readonly Effect[]; clock: Clock }[] = [];
  let queuedState: { state: string; location: string } | undefined;
  /** The level is complete, as far as the local copy knows. */
  let localComplete = complete;
  /** Planned, in order, not yet sent. */
  const unsent: CmiWrite[] = [];
  let commitWanted = false;
  let flushScheduled = false;

  /** Turns what is queued into writes (pure planning, no LMS calls but the counts' first read). */
  const planQueued = () => {
    const before = unconfirmed;
    if (!launchWritten) {
      launchWritten = true;
      const writes = launch();
      unsent.push(...writes);
      noteUnconfirmed(writes);
      commitWanted = true;
    }
    const events = queued;
    queued = [];
    for (const { effects, clock } of events) {
      try {
        const plan = planEffects(version, effects, tracking(), clock);
        trackingRead = plan.tracking;
        unsent.push(...plan.writes);
        noteUnconfirmed(plan.writes);
        commitWanted ||= plan.commit;
      } catch (error) {
        // An event the data model cannot take is dropped; the others, and the state, still go.
        console.warn('A learner event could not be turned into LMS writes:', error);
      }
    }
    if (unconfirmed !== before) keepLocal();
    const latest = queuedState;
    queuedState = undefined;
    if (latest) {
      const sealed = sealState(latest.state, STATE_LIMIT[version]);
      unsent.push(
        ...stateWrites(version, sealed, latest.location).filter((w) =>
          w.element === names.suspendData
            ? latest.state !== written.state
            : latest.location !== written.location,
        ),
      );
      // Every new state is committed (every screen, with the idle scheduling's batching), so a
      // page that closes without a working Terminate loses nothing but the session time.
      commitWanted ||= latest.state !== written.state;
      written = latest;
    }
  };

  /** Sends planned writes while `more()` says there is time; true when none is left. */
  const send = (more: () => boolean = () => true): boolean => {
    while (unsent.length > 0 && !terminated && more()) write(unsent.splice(0, 1));
    return unsent.length === 0;
  };

  /** Plans and sends everything waiting, now (before a commit, on finish). */
  const writeQueued = () => {
    planQueued();
    send();
  };

  const flush = (deadline?: IdleTime) => {
    flushScheduled = false;
    try {
      if (terminated) return;
      const started = clockNow();
      // One call at least, so that every flush gets on; then while the idle period (or, without
      // one, the slice) lasts.
      let calls = 0;
      const more = () =>
        calls++ === 0 ||
        (deadline && !deadline.didTimeout
          ? deadline.timeRemaining() > IDLE_MARGIN_MS
          : clockNow() - started < SLICE_MS);
      planQueued();
      if (!send(more) || (commitWanted && !more())) {
        scheduleFlush();
        return;
      }
      if (commitWanted) commit();
      else updateHealth();
    } catch {
      // Only the adapter's own code can throw here (LMS calls are guarded): the course goes on,
      // the device copy is already kept, and the learner is told saving is not working.
      reportBroken();
    }
  };

  const scheduleFlush = () => {
    if (flushScheduled) return;
    flushScheduled = true;
    schedule(flush);
  };

  const commit = () => {
    // Review or browse mode writes nothing, not even session_time when the page is hidden.
    if (terminated || reviewOnly) return;
    writeQueued();
    commitWanted = false;
    retryPending();
    write([sessionTimeWrite(version, now() - startedAt)]);
    commitNow();
    updateHealth();
  };

  /** Commit (with retries) and note what it confirmed; true when the LMS took it. */
  const commitNow = (): boolean => {
    let ok = false;
    for (let attempt = 0; attempt <= retries && !ok && !terminated; attempt++) {
      ok = lms.commit();
      if (!ok && ENDED_BY_LMS[version].includes(lms.lastError())) endedByLms();
    }
    commitFailed = !ok;
    if (ok && !essentialPending()) uncommitted = false;
    confirm(ok);
    return ok;
  };

  /**
   * The navigation request for the learner's exit (2004), if any. None once the level is complete
   * (the LMS ends a finished attempt itself; exitAll is what Moodle's sequencer answered with an
   * HTML alert, issue 18), and none when the LMS says suspendAll is not valid now or has no
   * navigation data model. "unknown" (scorm-again, LMSs that cannot tell in advance) is no refusal:
   * without a request some LMSs leave the learner in a dead frame.
   */
  const navigationRequest = (): string | undefined => {
    if (tracking().complete || unsupported.has('adl.nav.request')) return undefined;
    const valid = vocabulary(get('adl.nav.request_valid.suspendAll'));
    const code = lms.lastError();
    if (code !== 0) {
      if (NOT_IMPLEMENTED[version].includes(code)) unsupported.add('adl.nav.request');
      return undefined;
    }
    return valid === 'false' ? undefined : 'suspendAll';
  };

  /** After a Commit: the state written is what the LMS holds, unless a write of it is waiting. */
  const confirm = (committed: boolean) => {
    if (!committed) return;
    // The interactions and objectives written before this Commit are the LMS's now; what is still
    // refused or waiting is not.
    const left = keepUnconfirmed([...pending, ...unsent]);
    let changed = left.length > 0 || unconfirmed.length > 0;
    unconfirmed = left;
    if (!pending.some((p) => p.element === names.suspendData) && accepted !== written.state) {
      accepted = written.state;
      changed = true;
    }
    if (changed) keepLocal();
  };

  // --- Launch -------------------------------------------------------------------------------
  /**
   * The launch's writes, made by the first flush: the first launch's (status, exit, one objective
   * per module), then the interactions and objectives an earlier launch on this device wrote and
   * the LMS never confirmed, each where it belongs (replay.ts).
   */
  function launch(): CmiWrite[] {
    const writes = launchOnly();
    // Replaced by the writes as planned now (their indexes may differ).
    unconfirmed = [];
    if (toReplay.length === 0) return writes;
    const replayed = replayUnconfirmed(version, toReplay, tracking());
    trackingRead = replayed.tracking;
    return [...writes, ...replayed.writes];
  }

  function launchOnly(): CmiWrite[] {
    if (complete) return [{ element: names.exit, value: exitValue(version, true) }];
    const first = status !== 'incomplete' || entry === 'ab-initio';
    const objectives = first && tracking().objectives.length === 0 ? (options.modules ?? []) : [];
    const writes = launchWrites(version, objectives);
    if (objectives.length > 0)
      trackingRead = {
        ...tracking(),
        objectives: writes
          .filter((w) => /^cmi\.objectives\.\d+\.id$/.test(w.element))
          .map((w) => w.value),
      };
    return status === 'incomplete' ? writes.filter((w) => w.element !== names.status) : writes;
  }
  if (!reviewOnly) {
    // The local copy the LMS lost goes back to it, with the launch writes, behind the first view.
    if (useLocal) queuedState = { state: device.state, location: device.location };
    scheduleFlush();
  }

  // --- Page events --------------------------------------------------------------------------
  const onHidden = () => {
    if (win?.document?.visibilityState === 'hidden') commit();
  };
  const onPageHide = () => finish(false);
  const timer =
    win && !reviewOnly && (options.commitIntervalMs ?? DEFAULTS.commitIntervalMs) > 0
      ? win.setInterval(commit, options.commitIntervalMs ?? DEFAULTS.commitIntervalMs)
      : undefined;
  win?.document?.addEventListener('visibilitychange', onHidden);
  win?.addEventListener('pagehide', onPageHide);
  // Back from the back/forward cache: pagehide ended the session while the page was away. Said
  // as soon as the page shows again, not at the learner's next click (issue 16 case 9).
  win?.addEventListener('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted && terminated && !reviewOnly)
      setHealth({ ok: false, message: handedOver ? OTHER_WINDOW_MESSAGE : ENDED_MESSAGE });
  });
  // A newer window of this course for this learner takes over (issue 16 case 6).
  const otherWindows = reviewOnly ? undefined : watchForNewerWindow(localKey, () => handOver());

  /** No more calls: the timer and the page events go too. */
  function stopListening() {
    if (timer !== undefined) win?.clearInterval(timer);
    win?.document?.removeEventListener('visibilitychange', onHidden);
    win?.removeEventListener('pagehide', onPageHide);
    otherWindows?.close();
  }

  /**
   * The course was opened for this learner in another window, which started from the latest copy
   * on this device. Two windows would each save over the other (the one closed last winning with
   * older work), so this one writes what it still holds and ends its LMS session now (an LMS that
   * posts its whole data model at Terminate would otherwise post this window's older one later),
   * and then saves nothing, not even on the device; the learner is told to carry on there.
   */
  function handOver() {
    if (handedOver) return;
    handedOver = true;
    finish(false);
    setHealth({ ok: false, message: OTHER_WINDOW_MESSAGE });
  }

  /**
   * The LMS ended the session itself: calling on would be refused (and a strict LMS counts each
   * call). What follows is kept on the device, whose copy wins at the next launch (its states
   * are the device's own), and the learner is told to reopen the course.
   */
  function endedByLms() {
    terminated = true;
    lmsEnded = true;
    stopListening();
    setHealth({ ok: false, message: ENDED_MESSAGE });
  }

  function finish(learnerExit: boolean) {
    if (terminated) return;
    stopListening();
    let saved = true;
    if (!reviewOnly) {
      writeQueued();
      retryPending();
      const exit = exitValue(version, tracking().complete);
      if (exit !== lastExit) write([{ element: names.exit, value: exit }]);
      if (version === '1.2') {
        write([sessionTimeWrite(version, now() - startedAt)]);
        saved = commitNow();
      } else {
        // On the learner's exit, what changed since the last Commit is committed first: Terminate
        // alone would carry it, and an LMS whose Terminate fails (Moodle's, at page close, over
        // 64 KB) would lose it. Not when the page is closing (some LMSs refuse a Commit during
        // unload: Cornerstone, 391) and never right before Terminate (session_time comes between).
        if (learnerExit && uncommitted) commitNow();
        write([sessionTimeWrite(version, now() - startedAt)]);
        const request = learnerExit ? navigationRequest() : undefined;
        if (request) write([{ element: 'adl.nav.request', value: request }]);
      }
      saved &&= !essentialPending();
      // Said before Terminate, while the LMS still answers for its last error.
      if (!saved) {
        commitFailed = true;
        updateHealth();
      }
    }
    terminated = true;
    const ended = lms.terminate();
    if (reviewOnly || !saved) return;
    // What "Save and exit" then says rests on this: saved if the LMS confirmed Terminate, or if
    // the last Commit it confirmed holds everything (then only the session time rides on
    // Terminate: an unclear answer, such as Moodle's alert before "true", is not a failure).
    if (ended === 'true' || (!uncommitted && !commitFailed)) {
      commitFailed = false;
      if (ended === 'true') confirm(true);
      launchNotice = undefined;
      setHealth({ ok: true });
    } else {
      setHealth({
        ok: false,
        message:
          'The learning system did not confirm that it saved your progress as you left. ' +
          'Your progress is kept on this device and goes to the learning system when you next ' +
          'open the course here.',
      });
    }
  }

  const session: ScormSession = {
    mode: 'lms',
    version,
    entry,
    savedState,
    resumed: entry === 'resume' || savedState !== '',
    reviewOnly,
    levelComplete: complete,
    ...(launchRecord ? { launchRecord } : {}),
    ...(learnerName ? { learnerName } : {}),
    ...(learnerId ? { learnerId } : {}),
    get finished() {
      return terminated;
    },
    apply(effects: readonly Effect[], state: string, location: string) {
      try {
        if (reviewOnly) return;
        if (handedOver) {
          setHealth({ ok: false, message: OTHER_WINDOW_MESSAGE });
          return;
        }
        // The local copy at once (it is cheap): it is what survives if the LMS never gets this.
        localComplete ||= effects.some((e) => e.type === 'complete-level');
        localCopy = { state, location, complete: localComplete };
        const hash = stateHash(state);
        if (known.at(-1) !== hash) known = [...known, hash].slice(-MAX_KNOWN_STATES);
        keepLocal();
        // The learner has moved on from the first screen: the launch notice has been read.
        if (launchNotice) {
          launchNotice = undefined;
          updateHealth();
        }
        if (terminated) {
          // The page came back after it was hidden for good (the back/forward cache), or the LMS
          // ended the session: only this device keeps what the learner does now, interactions
          // and objectives included (planned as far as known: never a call to the LMS now).
          if (trackingRead) {
            const at = now();
            const plan = planEffects(version, effects, trackingRead, {
              now: new Date(at),
              latencyMs: null,
            });
            trackingRead = plan.tracking;
            noteUnconfirmed(plan.writes);
            keepLocal();
          }
          setHealth({ ok: false, message: ENDED_MESSAGE });
          return;
        }
        const at = now();
        queued.push({ effects, clock: { now: new Date(at), latencyMs: at - lastApplyAt } });
        lastApplyAt = at;
        queuedState = { state, location };
        scheduleFlush();
      } catch {
        // Only the adapter's own code can throw here: the course goes on, and is told.
        reportBroken();
      }
    },
    finish() {
      try {
        finish(true);
      } catch {
        // As above.
        reportBroken();
      }
    },
    onHealthChange(listener) {
      listeners.push(listener);
      // Saving may already be failing (the launch commit): say so at once.
      if (!health.ok) {
        try {
          listener(health);
        } catch {
          // A listener's failure must not stop the course.
        }
      }
    },
  };
  return session;
}

/**
 * The session while an LMS that was found refuses Initialize. The learner works from the device's
 * copy of the learner the LMS last named here (else from nothing), and is told plainly. The work
 * is kept on the device for the LMS (not as standalone progress), as unidentified: the LMS has not
 * said who is working, and on a shared device it may be someone else. Initialize is tried again
 * after each of `initializeRetryMs`; once it answers, the real session takes over with this
 * window's work, which then goes to the LMS. Otherwise the next launch that works takes it, on
 * the terms of `chooseSaved`: the learner's record is one it started from or went through, or is
 * empty while it started from nothing. Never calls the LMS but Initialize.
 */
function createNotStartedSession(
  lms: LmsApi,
  options: ScormSessionOptions,
  win: Window | undefined,
): ScormSession {
  const last = lastLearner(options.storageKey);
  const key = unidentifiedKey(options.storageKey);
  const restorable = restorableBy(options.canRestore);
  const start =
    readLocal(key, UNIDENTIFIED_MAX_AGE_MS, restorable) ??
    (last === undefined
      ? undefined
      : readLocal(learnerKey(options.storageKey, last), Infinity, restorable));
  /** This window's work (the device copy it started from, moved on by each learner event). */
  let copy: DeviceCopy | undefined = start;
  let moved = false;
  let connected: ScormSession | undefined;
  let ended = false;
  const listeners: ((health: SessionHealth) => void)[] = [];
  const waiting: SessionHealth = { ok: false, message: NOT_STARTED_MESSAGE };
  const tell = (listener: (health: SessionHealth) => void, health: SessionHealth) => {
    try {
      listener(health);
    } catch {
      // A listener's failure must not stop the course.
    }
  };

  const delays = options.initializeRetryMs ?? DEFAULTS.initializeRetryMs;
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
      connected = createLmsSession(lms, options, win, moved ? copy : undefined);
      for (const listener of listeners) {
        connected.onHealthChange(listener);
        // The real session tells only of trouble; the warning above is over.
        tell(listener, { ok: true });
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
    for (const listener of listeners) tell(listener, { ok: false, message: ENDED_MESSAGE });
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
      try {
        const hash = stateHash(state);
        const known = copy?.known ?? [];
        copy = {
          state,
          location,
          complete: (copy?.complete ?? false) || effects.some((e) => e.type === 'complete-level'),
          base: copy?.base ?? '',
          known: known.at(-1) === hash ? known : [...known, hash].slice(-MAX_KNOWN_STATES),
        };
        moved = true;
        writeLocal(key, copy);
      } catch {
        // Never throws: writeLocal is guarded, and this is plain data.
      }
    },
    finish() {
      if (connected) {
        connected.finish();
        return;
      }
      end();
      for (const listener of listeners)
        tell(listener, { ok: false, message: LEFT_BEFORE_START_MESSAGE });
    },
    onHealthChange(listener) {
      if (connected) {
        connected.onHealthChange(listener);
        return;
      }
      listeners.push(listener);
      tell(listener, waiting);
    },
  };
}

// -------------------------------------------------------------------------------------------

/** "Last, First" (the usual LMS form) → "First Last"; anything else as given. */
export function readableName(name: string): string {
  const trimmed = name.trim();
  const parts = trimmed.split(',');
  if (parts.length === 2 && parts[0]?.trim() && parts[1]?.trim())
    return `${parts[1].trim()} ${parts[0].trim()}`;
  return trimmed;
}

function readCount(value: string): number {
  const count = Number.parseInt(value, 10);
  return Number.isFinite(count) && count > 0 ? count : 0;
}

function readInteractionIds(lms: LmsApi): string[] {
  const count = readCount(lms.getValue('cmi.interactions._count'));
  return Array.from({ length: count }, (_, n) => lms.getValue(`cmi.interactions.${n}.id`));
}

function readObjectiveIds(lms: LmsApi): string[] {
  const count = readCount(lms.getValue('cmi.objectives._count'));
  return Array.from({ length: count }, (_, n) => lms.getValue(`cmi.objectives.${n}.id`));
}

/** The device's copy of one learner's work, as kept in localStorage (state sealed there). */
type LocalCopy = DeviceCopy;

/** The device's copy for this learner (an LMS that gives no id: one shared "anonymous" copy). */
function learnerKey(storageKey: string, learnerId: string): string {
  return `${storageKey}:lms:${learnerId || 'anonymous'}`;
}

/**
 * Work done while the LMS did not answer Initialize (it has not named the learner): handed to the
 * next learner the LMS names here only on the terms of `chooseSaved` and within
 * UNIDENTIFIED_MAX_AGE_MS.
 */
function unidentifiedKey(storageKey: string): string {
  return `${storageKey}:lms-unidentified`;
}

/** An unidentified copy older than this is not handed to anyone (a shared device, a day later). */
const UNIDENTIFIED_MAX_AGE_MS = 12 * 60 * 60 * 1000;

const lastLearnerKey = (storageKey: string) => `${storageKey}:lms-last-learner`;

/** The learner the LMS last named on this device, for a launch whose Initialize is refused. */
function rememberLearner(storageKey: string, learnerId: string): void {
  try {
    globalThis.localStorage?.setItem(lastLearnerKey(storageKey), learnerId);
  } catch {
    // Blocked or full storage: a launch whose Initialize is refused then starts from nothing.
  }
}

function lastLearner(storageKey: string): string | undefined {
  try {
    return globalThis.localStorage?.getItem(lastLearnerKey(storageKey)) ?? undefined;
  } catch {
    // Blocked storage: nobody is known, which is the safe answer.
    return undefined;
  }
}

/** The copy under `key` if it is there, readable (seal checked) and not older than `maxAgeMs`. */
/** A state the course says it cannot restore is as unreadable as a damaged one. */
function restorableBy(canRestore: ((state: string) => boolean) | undefined) {
  return (opened: OpenedState): OpenedState => {
    if (opened.kind !== 'state' || !canRestore) return opened;
    let ok = false;
    try {
      ok = canRestore(opened.state);
    } catch {
      // A check that throws has not said the state can be restored: treated as unreadable.
    }
    return ok ? opened : { kind: 'unreadable', why: 'damaged' };
  };
}

function readLocal(
  key: string,
  maxAgeMs = Infinity,
  restorable: (opened: OpenedState) => OpenedState = (opened) => opened,
): LocalCopy | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<Record<keyof LocalCopy | 'savedAt', unknown>>;
    const opened = restorable(openState(typeof parsed.state === 'string' ? parsed.state : ''));
    // A damaged copy never wins over a readable LMS copy: it is as good as none.
    if (opened.kind !== 'state') return undefined;
    const savedAt = Date.parse(typeof parsed.savedAt === 'string' ? parsed.savedAt : '');
    if (maxAgeMs !== Infinity && !(Date.now() - savedAt <= maxAgeMs)) return undefined;
    return {
      state: opened.state,
      location: typeof parsed.location === 'string' ? parsed.location : '',
      complete: parsed.complete === true,
      base: typeof parsed.base === 'string' ? parsed.base : '',
      known: Array.isArray(parsed.known)
        ? parsed.known.filter((h): h is string => typeof h === 'string')
        : [],
      unconfirmed: readUnconfirmed(parsed.unconfirmed),
    };
  } catch {
    // Blocked storage or a copy that is not JSON: as good as none (the LMS's copy counts).
    return undefined;
  }
}

function writeLocal(key: string, copy: LocalCopy): void {
  try {
    globalThis.localStorage?.setItem(
      key,
      JSON.stringify({
        ...copy,
        state: sealState(copy.state, Infinity),
        savedAt: new Date().toISOString(),
      }),
    );
  } catch {
    // Blocked or full storage: the LMS copy is the one that counts.
  }
}

function forgetLocal(key: string): void {
  try {
    globalThis.localStorage?.removeItem(key);
  } catch {
    // Blocked storage: nothing was kept there either.
  }
}
