import type { Effect } from '../../src/engine/index.ts';
import type { CourseSession } from '../../src/session.ts';
import { wrapApi, type LmsApi } from './api.ts';
import {
  ELEMENTS,
  exitValue,
  levelRecord,
  sessionTimeWrite,
  type CmiWrite,
  type Tracking,
} from './data-model.ts';
import { findApi, type FoundApi, type WindowLike } from './discovery.ts';
import { vocabulary } from './format.ts';
import type { ScormVersion } from '../version.ts';
import { SessionHealthState } from './health.ts';
import { LmsWriter, optionalFamily } from './lms-writer.ts';
import { chooseStart, learnerKey, LocalCopy, rememberLearner, restorableBy } from './local-copy.ts';
import { ENDED_MESSAGE, NOT_CONFIRMED_AT_EXIT_MESSAGE, UNREADABLE_MESSAGE } from './messages.ts';
import { createNotStartedSession } from './not-started.ts';
import { OTHER_WINDOW_MESSAGE, watchForNewerWindow } from './other-windows.ts';
import { Planner } from './planner.ts';
import { keepUnconfirmed } from './replay.ts';
import { openState, stateHash, type DeviceCopy } from './saved-state.ts';
import { callBudget, coalescedFlush, whenIdle, type IdleTime, type Schedule } from './scheduler.ts';

/**
 * The LMS session's lifecycle: Initialize, the launch's reads, the writes of each learner event
 * (planned, planner.ts, and sent behind the view, scheduler.ts; SetValue and Commit with their
 * retries, lms-writer.ts; refused ones kept, write-queue.ts), Terminate, the health state the
 * learner is shown (health.ts), and the page's events. The device's copy of the learner's work is
 * local-copy.ts; a launch whose Initialize is refused is not-started.ts.
 */

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
  readonly schedule?: Schedule;
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

const DEFAULTS = Object.freeze({ commitIntervalMs: 60_000, retries: 2, prefer: '2004' as const });

/** Tries at Initialize at launch, before the course starts from the device's copy (tries later). */
const INITIALIZE_TRIES = 3;

/**
 * Finds the LMS, initialises it and returns the session, or undefined when there is no LMS: the
 * caller then uses the standalone session. An LMS that refuses Initialize gets a session that
 * keeps the work on the device and tries again (not-started.ts). Never throws.
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
    if (!initialised)
      return createNotStartedSession(lms, options, win, (carried) =>
        createLmsSession(lms, options, win, carried),
      );
    return createLmsSession(lms, options, win);
  } catch (error) {
    // Only the adapter's own code can throw here (every LMS call is guarded): a bug, logged. The
    // caller then uses the standalone session, which keeps progress on the device and tells the
    // learner if it cannot; what the LMS does not get is this launch's, as with no LMS at all.
    console.error('The course could not start its LMS session:', error);
    return undefined;
  }
}

/** What the LMS says at launch, read before the first view (every read costs the learner time). */
interface LaunchReads {
  readonly entry: string;
  readonly reviewOnly: boolean;
  readonly learnerName: string;
  readonly learnerId: string;
  readonly status: string;
  /** The LMS records the level as finished. */
  readonly complete: boolean;
  readonly launchRecord: ReturnType<typeof levelRecord> | undefined;
}

/**
 * Not read: credit and the pass mark. The pass mark is the course's own (course/course.yaml),
 * written into the manifest, so the LMS's is the same number.
 */
function readLaunch(lms: LmsApi): LaunchReads {
  const version = lms.version;
  const names = ELEMENTS[version];
  const get = (element: string) => lms.getValue(element);
  // In this order: a test LMS (and the strict observer) sees the reads as they always were.
  const entry = vocabulary(get(names.entry));
  const mode = vocabulary(get(names.mode));
  const learnerName = readableName(get(names.learnerName));
  const learnerId = get(names.learnerId);
  const status = vocabulary(get(names.status));
  const complete =
    version === '1.2' ? ['passed', 'completed', 'failed'].includes(status) : status === 'completed';
  return {
    entry,
    reviewOnly: mode === 'browse' || mode === 'review',
    learnerName,
    learnerId,
    status,
    complete,
    // The level's result as the LMS holds it, read only when it is finished: shown to a learner
    // who comes back with no saved progress, and never lowered by a later finish (issue 18 case 3).
    launchRecord: complete
      ? levelRecord(version, {
          status,
          success: version === '2004' ? vocabulary(get('cmi.success_status')) : undefined,
          scaled: version === '2004' ? get('cmi.score.scaled') : undefined,
          raw: get(version === '1.2' ? 'cmi.core.score.raw' : 'cmi.score.raw'),
        })
      : undefined,
  };
}

/**
 * @param carried the work done in this window before the LMS answered Initialize (see
 *   not-started.ts): the learner has it on screen, so it is what the LMS gets.
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
  /** The course was opened for this learner in a newer window (see handOver). */
  let handedOver = false;

  // --- What the LMS knows, and which copy the learner resumes from ---------------------------
  const { entry, reviewOnly, learnerName, learnerId, status, complete, launchRecord } =
    readLaunch(lms);
  // Trimmed, "null" read as nothing, the seal checked; an over-long value refused unread.
  const restorable = restorableBy(options.canRestore);
  const lmsSaved = restorable(openState(lms.getValue(names.suspendData)));
  const lmsState = lmsSaved.kind === 'state' ? lmsSaved.state : '';
  if (!reviewOnly) rememberLearner(options.storageKey, learnerId);
  // Review mode keeps nothing on the device and resumes from the LMS's copy.
  const { device, resume } = reviewOnly
    ? { device: undefined, resume: undefined }
    : chooseStart(options.storageKey, learnerId, lmsSaved, restorable, carried);
  const savedState = resume ? resume.state : lmsState;
  const local = new LocalCopy(learnerKey(options.storageKey, learnerId), {
    ...(resume ? { current: { state: resume.state, location: resume.location } } : {}),
    base: lmsState,
    known: [...(resume ? resume.known : []), ...(lmsState ? [stateHash(lmsState)] : [])],
  });
  /** From the device's copy, when it belongs to the attempt the LMS holds: sent at launch. */
  const toReplay =
    device?.unconfirmed && (resume || device.state === lmsState) ? device.unconfirmed : [];
  // The device's copy must say at once that it started from what the LMS holds now.
  local.keep();

  // --- Health: what the learner is shown ----------------------------------------------------
  const health = new SessionHealthState(
    !reviewOnly && !resume && lmsSaved.kind === 'unreadable' ? UNREADABLE_MESSAGE : undefined,
  );
  const updateHealth = () => health.update(queue.hasEssentialRefused, () => lms.lastError());

  // --- Writing to the LMS -------------------------------------------------------------------
  const writer = new LmsWriter(lms, retries, {
    ended: () => endedByLms(),
    unsupported: (family) => {
      local.unconfirmed = local.unconfirmed.filter((p) => optionalFamily(p.element) !== family);
    },
  });
  const queue = writer.queue;
  const write = (writes: readonly CmiWrite[]) => writer.write(writes);

  /** Commit (with retries) and note what it confirmed; true when the LMS took it. */
  const commitNow = (): boolean => {
    const ok = writer.commit();
    health.commitFailed = !ok;
    if (ok) confirm();
    return ok;
  };

  /** After a Commit the LMS took: the state written is what it holds, unless a write waits. */
  const confirm = () => {
    // The interactions and objectives written before this Commit are the LMS's now; what is still
    // refused or waiting is not.
    const left = keepUnconfirmed(queue.waiting());
    let changed = left.length > 0 || local.unconfirmed.length > 0;
    local.unconfirmed = left;
    if (!queue.isRefused(names.suspendData) && local.base !== planner.plannedState) {
      local.base = planner.plannedState;
      changed = true;
    }
    if (changed) local.keep();
  };

  // --- Writing behind the view ----------------------------------------------------------------
  // A learner event waits in the planner until a flush (scheduler.ts): planning and writing happen
  // after the next view is on screen, in as many idle periods as they need, so a burst of writes
  // never holds up the learner's next click.
  const planner = new Planner(
    version,
    reviewOnly ? undefined : { complete, status, entry, modules: options.modules ?? [], toReplay },
    () => readTracking(lms, complete, launchRecord),
    local,
    writer.unsupported,
    lmsState,
  );
  const planQueued = () => queue.plan(planner.plan());

  /** Sends planned writes while `more()` says there is time; true when none is left. */
  const sendPlanned = (more: () => boolean = () => true): boolean => {
    while (queue.hasPlanned && !writer.stopped && more()) write([queue.takePlanned()!]);
    return !queue.hasPlanned;
  };

  const flusher = coalescedFlush(options.schedule ?? whenIdle, (deadline?: IdleTime) => {
    try {
      if (writer.stopped) return;
      const more = callBudget(deadline);
      planQueued();
      if (!sendPlanned(more) || (planner.commitWanted && !more())) {
        flusher.request();
        return;
      }
      if (planner.commitWanted) commit();
      else updateHealth();
    } catch (error) {
      // Only the adapter's own code can throw here (LMS calls are guarded): the course goes on,
      // the device copy is already kept, and the learner is told saving is not working.
      health.broken(error);
    }
  });

  const commit = () => {
    // Review or browse mode writes nothing, not even session_time when the page is hidden.
    if (writer.stopped || reviewOnly) return;
    planQueued();
    sendPlanned();
    planner.commitWanted = false;
    writer.retry('until-refused');
    write([sessionTimeWrite(version, now() - startedAt)]);
    commitNow();
    updateHealth();
  };

  /**
   * The navigation request for the learner's exit (2004), if any. None once the level is complete
   * (the LMS ends a finished attempt itself; exitAll is what Moodle's sequencer answered with an
   * HTML alert, issue 18), and none when the LMS says suspendAll is not valid now or has no
   * navigation data model. "unknown" (scorm-again, LMSs that cannot tell in advance) is no refusal:
   * without a request some LMSs leave the learner in a dead frame.
   */
  const navigationRequest = (): string | undefined => {
    if (planner.tracking().complete || writer.unsupported.has('adl.nav.request')) return undefined;
    const valid = vocabulary(lms.getValue('adl.nav.request_valid.suspendAll'));
    const code = lms.lastError();
    if (code !== 0) {
      writer.implemented('adl.nav.request', code);
      return undefined;
    }
    return valid === 'false' ? undefined : 'suspendAll';
  };

  // --- Launch -------------------------------------------------------------------------------
  if (!reviewOnly) {
    // The local copy the LMS lost goes back to it, with the launch writes, behind the first view.
    if (resume) planner.setState(resume.state, resume.location);
    flusher.request();
  }

  // --- Page events --------------------------------------------------------------------------
  const onHidden = () => {
    if (win?.document?.visibilityState === 'hidden') commit();
  };
  const onPageHide = () => finish(false);
  const commitIntervalMs = options.commitIntervalMs ?? DEFAULTS.commitIntervalMs;
  const timer =
    win && !reviewOnly && commitIntervalMs > 0
      ? win.setInterval(commit, commitIntervalMs)
      : undefined;
  win?.document?.addEventListener('visibilitychange', onHidden);
  win?.addEventListener('pagehide', onPageHide);
  // Back from the back/forward cache: pagehide ended the session while the page was away. Said
  // as soon as the page shows again, not at the learner's next click (issue 16 case 9).
  win?.addEventListener('pageshow', (event) => {
    if ((event as PageTransitionEvent).persisted && writer.stopped && !reviewOnly)
      health.set({ ok: false, message: handedOver ? OTHER_WINDOW_MESSAGE : ENDED_MESSAGE });
  });
  // A newer window of this course for this learner takes over (issue 16 case 6).
  const otherWindows = reviewOnly
    ? undefined
    : watchForNewerWindow(learnerKey(options.storageKey, learnerId), () => handOver());

  /** No more calls: the timer and the page events go too. */
  function stopListening() {
    if (timer !== undefined) win?.clearInterval(timer);
    win?.document?.removeEventListener('visibilitychange', onHidden);
    win?.removeEventListener('pagehide', onPageHide);
    otherWindows?.close();
  }

  // --- The end ------------------------------------------------------------------------------
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
    local.stop();
    finish(false);
    health.set({ ok: false, message: OTHER_WINDOW_MESSAGE });
  }

  /**
   * The LMS ended the session itself: calling on would be refused (and a strict LMS counts each
   * call). What follows is kept on the device, whose copy wins at the next launch (its states
   * are the device's own), and the learner is told to reopen the course.
   */
  function endedByLms() {
    stopListening();
    health.ended();
  }

  function finish(learnerExit: boolean) {
    if (writer.stopped) return;
    stopListening();
    let saved = true;
    if (!reviewOnly) {
      planQueued();
      sendPlanned();
      // The last chance this session: every refused write is tried again.
      writer.retry('all');
      const exit = exitValue(version, planner.tracking().complete);
      if (exit !== writer.lastExit) write([{ element: names.exit, value: exit }]);
      if (version === '1.2') {
        write([sessionTimeWrite(version, now() - startedAt)]);
        saved = commitNow();
      } else {
        // On the learner's exit, what changed since the last Commit is committed first: Terminate
        // alone would carry it, and an LMS whose Terminate fails (Moodle's, at page close, over
        // 64 KB) would lose it. Not when the page is closing (some LMSs refuse a Commit during
        // unload: Cornerstone, 391) and never right before Terminate (session_time comes between).
        if (learnerExit && writer.uncommitted) commitNow();
        write([sessionTimeWrite(version, now() - startedAt)]);
        const request = learnerExit ? navigationRequest() : undefined;
        if (request) write([{ element: 'adl.nav.request', value: request }]);
      }
      saved &&= !queue.hasEssentialRefused;
      // Said before Terminate, while the LMS still answers for its last error.
      if (!saved) {
        health.commitFailed = true;
        updateHealth();
      }
    }
    writer.stop();
    const ended = lms.terminate();
    if (reviewOnly || !saved) return;
    // What "Save and exit" then says rests on this: saved if the LMS confirmed Terminate, or if
    // the last Commit it confirmed holds everything (then only the session time rides on
    // Terminate: an unclear answer, such as Moodle's alert before "true", is not a failure).
    if (ended === 'true' || (!writer.uncommitted && !health.commitFailed)) {
      if (ended === 'true') confirm();
      health.saved();
    } else health.set({ ok: false, message: NOT_CONFIRMED_AT_EXIT_MESSAGE });
  }

  return {
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
      return writer.stopped;
    },
    apply(effects: readonly Effect[], state: string, location: string) {
      try {
        if (reviewOnly) return;
        if (handedOver) {
          health.set({ ok: false, message: OTHER_WINDOW_MESSAGE });
          return;
        }
        // The local copy at once (it is cheap): it is what survives if the LMS never gets this.
        local.moveTo(state, location);
        // The learner has moved on from the first screen: the launch notice has been read.
        if (health.launchNoticeRead()) updateHealth();
        if (writer.stopped) {
          // The page came back after it was hidden for good (the back/forward cache), or the LMS
          // ended the session: only this device keeps what the learner does now, interactions
          // and objectives included (planned as far as known: never a call to the LMS now).
          if (planner.noteAfterEnd(effects, new Date(now()))) local.keep();
          health.set({ ok: false, message: ENDED_MESSAGE });
          return;
        }
        const at = now();
        planner.addEvent(effects, { now: new Date(at), latencyMs: at - lastApplyAt });
        lastApplyAt = at;
        planner.setState(state, location);
        flusher.request();
      } catch (error) {
        // Only the adapter's own code can throw here: the course goes on, and the learner is told.
        health.broken(error);
      }
    },
    finish() {
      try {
        finish(true);
      } catch (error) {
        // Only the adapter's own code can throw here (LMS calls are guarded): the learner is told
        // the progress may not have reached the LMS; the device's copy is kept.
        health.broken(error);
      }
    },
    onHealthChange(listener) {
      health.listen(listener);
    },
  };
}

// --- Launch reads ----------------------------------------------------------------------------

/** "Last, First" (the usual LMS form) → "First Last"; anything else as given. */
export function readableName(name: string): string {
  const trimmed = name.trim();
  const parts = trimmed.split(',');
  if (parts.length === 2 && parts[0]?.trim() && parts[1]?.trim())
    return `${parts[1].trim()} ${parts[0].trim()}`;
  return trimmed;
}

/** The LMS's counts and ids of interactions and objectives, read when a flush first needs them. */
function readTracking(
  lms: LmsApi,
  complete: boolean,
  launchRecord: LaunchReads['launchRecord'],
): Tracking {
  return {
    interactions: readCount(lms.getValue('cmi.interactions._count')),
    // 2004 interactions are readable: an answer given again replaces its own record.
    ...(lms.version === '2004' ? { interactionIds: readInteractionIds(lms) } : {}),
    objectives: readObjectiveIds(lms),
    complete,
    ...(launchRecord ? { record: launchRecord } : {}),
  };
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
