import type { Effect } from '../../src/engine/index.ts';
import type { CourseSession, SessionHealth } from '../../src/session.ts';
import { wrapApi, type LmsApi } from './api.ts';
import {
  ELEMENTS,
  exitValue,
  launchWrites,
  planEffects,
  sessionTimeWrite,
  stateWrites,
  type Clock,
  type CmiWrite,
  type Tracking,
} from './data-model.ts';
import { findApi, type FoundApi, type WindowLike } from './discovery.ts';
import { vocabulary, type ScormVersion } from './format.ts';

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

/**
 * The most writes kept for a retry while the LMS refuses them: far more than a whole level makes
 * (about a thousand), so that none is dropped. A dropped interaction or objective id would make
 * the LMS refuse every later write that names it, for good.
 */
const MAX_PENDING = 20_000;

/** Tries at Initialize before the course falls back to keeping progress on the device alone. */
const INITIALIZE_TRIES = 3;

/** Said when the learner goes on after the session ended (a page back from the back/forward cache). */
const ENDED_MESSAGE =
  'This page is no longer connected to the learning system, so what you do now is kept only on ' +
  'this device. Close the course and open it again from the learning system to carry on.';

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
 * Finds the LMS, initialises it and returns the session, or undefined when there is no LMS (or it
 * refuses to initialise): the caller then uses the standalone session. Never throws.
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
    if (!initialised) return undefined;
    return createLmsSession(lms, options, win);
  } catch {
    return undefined;
  }
}

function createLmsSession(
  lms: LmsApi,
  options: ScormSessionOptions,
  win: Window | undefined,
): ScormSession {
  const version = lms.version;
  const names = ELEMENTS[version];
  const now = options.now ?? Date.now;
  const retries = Math.max(0, options.retries ?? DEFAULTS.retries);
  const startedAt = now();
  let lastApplyAt = startedAt;
  let terminated = false;
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
  const lmsState = get(names.suspendData);
  // Not read: credit and the pass mark. The pass mark is the course's own (course/course.yaml),
  // written into the manifest, so the LMS's is the same number; and every read before the first
  // view costs the learner time.

  const localKey = `${options.storageKey}:lms:${learnerId || 'anonymous'}`;
  const local = readLocal(localKey);
  // The device's copy is newer than the LMS's when the LMS still holds what it held when the copy
  // moved on (saving failed since, or the LMS lost it all): then the copy wins, completion
  // included. When the LMS holds something else (another device went on, or the attempt was
  // reset), the LMS wins.
  const useLocal =
    !reviewOnly && local !== undefined && local.state !== lmsState && local.base === lmsState;
  const savedState = useLocal ? local.state : lmsState;
  /** What the LMS holds, as far as this session knows (a Commit confirms each state written). */
  let accepted = lmsState;
  let localCopy: Omit<LocalCopy, 'base'> | undefined = useLocal ? local : undefined;
  const keepLocal = () => {
    if (localCopy) writeLocal(localKey, { ...localCopy, base: accepted });
  };
  let trackingRead: Tracking | undefined;
  const tracking = () =>
    (trackingRead ??= {
      interactions: readCount(get('cmi.interactions._count')),
      objectives: readObjectiveIds(lms),
      complete,
    });
  /** What this session last wrote (the location is written once even if the LMS has it). */
  let written: { state: string; location: string | undefined } = {
    state: lmsState,
    location: undefined,
  };

  // --- Saving -------------------------------------------------------------------------------
  const setHealth = (next: SessionHealth) => {
    if (next.ok === health.ok) return;
    health = next;
    for (const listener of listeners) {
      try {
        listener(next);
      } catch {
        // A listener's failure must not stop the course.
      }
    }
  };

  const updateHealth = () => {
    if (pending.length === 0 && !commitFailed) {
      setHealth({ ok: true });
      return;
    }
    const code = lms.lastError();
    setHealth({
      ok: false,
      message:
        'The learning system is not saving your progress at the moment' +
        (code ? ` (error ${lms.describeError(code)})` : '') +
        '. Your progress is kept on this device and will be sent again automatically; ' +
        'if this message stays, tell your training lead before closing the course.',
    });
  };

  const trySet = (write: CmiWrite): boolean => {
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (lms.setValue(write.element, write.value)) return true;
    }
    return false;
  };

  const write = (writes: readonly CmiWrite[]) => {
    for (const w of writes) {
      if (terminated) return;
      // A newer value for an element replaces any older one still waiting for a retry.
      const others = pending.filter((p) => p.element !== w.element);
      pending = trySet(w) ? others : [...others, w].slice(-MAX_PENDING);
    }
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
    if (!launchWritten) {
      launchWritten = true;
      unsent.push(...launch());
      commitWanted = true;
    }
    const events = queued;
    queued = [];
    for (const { effects, clock } of events) {
      try {
        const plan = planEffects(version, effects, tracking(), clock);
        trackingRead = plan.tracking;
        unsent.push(...plan.writes);
        commitWanted ||= plan.commit;
      } catch {
        // An event the data model cannot take is dropped; the others, and the state, still go.
      }
    }
    const latest = queuedState;
    queuedState = undefined;
    if (latest) {
      unsent.push(
        ...stateWrites(version, latest.state, latest.location).filter((w) =>
          w.element === names.suspendData
            ? latest.state !== written.state
            : latest.location !== written.location,
        ),
      );
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
      const more = deadline
        ? () => deadline.didTimeout || deadline.timeRemaining() > IDLE_MARGIN_MS
        : () => true;
      planQueued();
      if (!send(more) || (commitWanted && !more())) {
        scheduleFlush();
        return;
      }
      if (commitWanted) commit();
      else updateHealth();
    } catch {
      // Never throws: a broken LMS must not stop the course.
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
    let ok = false;
    for (let attempt = 0; attempt <= retries && !ok; attempt++) ok = lms.commit();
    commitFailed = !ok;
    confirm(ok);
    updateHealth();
  };

  /** After a Commit: the state written is what the LMS holds, unless a write of it is waiting. */
  const confirm = (committed: boolean) => {
    if (!committed || pending.some((p) => p.element === names.suspendData)) return;
    if (accepted === written.state) return;
    accepted = written.state;
    keepLocal();
  };

  // --- Launch -------------------------------------------------------------------------------
  /** The first launch's writes (status, exit, one objective per module); made by the first flush. */
  function launch(): CmiWrite[] {
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
    if (useLocal) queuedState = { state: local.state, location: local.location };
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

  function finish(learnerExit: boolean) {
    if (terminated) return;
    if (timer !== undefined) win?.clearInterval(timer);
    win?.document?.removeEventListener('visibilitychange', onHidden);
    win?.removeEventListener('pagehide', onPageHide);
    let saved = true;
    if (!reviewOnly) {
      writeQueued();
      retryPending();
      write([
        { element: names.exit, value: exitValue(version, tracking().complete) },
        sessionTimeWrite(version, now() - startedAt),
      ]);
      if (version === '1.2') {
        saved = lms.commit();
      } else if (learnerExit) {
        // Without a navigation request some 2004 LMSs leave the learner in a dead frame. While
        // incomplete, suspendAll keeps the attempt (exitAll would end it and lose the bookmark).
        write([
          { element: 'adl.nav.request', value: tracking().complete ? 'exitAll' : 'suspendAll' },
        ]);
      }
      // 2004: no Commit right before Terminate (Terminate commits; some LMSs reject the Commit).
      saved &&= pending.length === 0;
      // Said before Terminate, while the LMS still answers for its last error.
      if (!saved) {
        commitFailed = true;
        updateHealth();
      }
    }
    terminated = true;
    const ended = lms.terminate();
    if (reviewOnly || !saved) return;
    // What "Save and exit" then says rests on this: saved only if the LMS took it all.
    if (ended) {
      commitFailed = false;
      confirm(true);
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
    ...(learnerName ? { learnerName } : {}),
    ...(learnerId ? { learnerId } : {}),
    get finished() {
      return terminated;
    },
    apply(effects: readonly Effect[], state: string, location: string) {
      try {
        if (reviewOnly) return;
        // The local copy at once (it is cheap): it is what survives if the LMS never gets this.
        localComplete ||= effects.some((e) => e.type === 'complete-level');
        localCopy = { state, location, complete: localComplete };
        keepLocal();
        if (terminated) {
          // The page came back after it was hidden for good (the back/forward cache): the LMS
          // session has ended, so only this device keeps what the learner does now.
          setHealth({ ok: false, message: ENDED_MESSAGE });
          return;
        }
        const at = now();
        queued.push({ effects, clock: { now: new Date(at), latencyMs: at - lastApplyAt } });
        lastApplyAt = at;
        queuedState = { state, location };
        scheduleFlush();
      } catch {
        // Never throws: a broken LMS must not stop the course.
      }
    },
    finish() {
      try {
        finish(true);
      } catch {
        // As above.
      }
    },
    onHealthChange(listener) {
      listeners.push(listener);
      // Saving may already be failing (the launch commit): say so at once.
      if (!health.ok) {
        try {
          listener(health);
        } catch {
          // As above.
        }
      }
    },
  };
  return session;
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

function readObjectiveIds(lms: LmsApi): string[] {
  const count = readCount(lms.getValue('cmi.objectives._count'));
  return Array.from({ length: count }, (_, n) => lms.getValue(`cmi.objectives.${n}.id`));
}

interface LocalCopy {
  readonly state: string;
  readonly location: string;
  readonly complete: boolean;
  /**
   * The suspend_data the LMS was last known to hold (read at launch, then each state a Commit
   * confirmed). The copy is newer than the LMS's only while the LMS still holds exactly this.
   */
  readonly base: string;
}

function readLocal(key: string): LocalCopy | undefined {
  try {
    const raw = globalThis.localStorage?.getItem(key);
    if (!raw) return undefined;
    const parsed = JSON.parse(raw) as Partial<LocalCopy>;
    if (typeof parsed.state !== 'string' || parsed.state === '') return undefined;
    return {
      state: parsed.state,
      location: typeof parsed.location === 'string' ? parsed.location : '',
      complete: parsed.complete === true,
      base: typeof parsed.base === 'string' ? parsed.base : '',
    };
  } catch {
    return undefined;
  }
}

function writeLocal(key: string, copy: LocalCopy): void {
  try {
    globalThis.localStorage?.setItem(
      key,
      JSON.stringify({ ...copy, savedAt: new Date().toISOString() }),
    );
  } catch {
    // Blocked or full storage: the LMS copy is the one that counts.
  }
}
