/**
 * When the session's writes reach the LMS: behind the view, in the browser's idle time, a little
 * at a time. Policy only (no LMS calls): session.ts says what a flush does.
 */

/** The longest a write waits for the browser to be idle. */
export const WRITE_BEHIND_MS = 1000;

/** Leave this much of an idle period unused: one more call might not fit in less. */
export const IDLE_MARGIN_MS = 3;

/**
 * The longest a flush keeps the page busy when the browser gives it no idle time (the idle
 * callback timed out, or there is no requestIdleCallback): the rest waits for the next flush, so
 * the learner's clicks and the next view go first. On a slow LMS (1–3 s a call) that is one call
 * per flush; it used to be the whole queue, and clicks took up to 22 s to show the next view.
 */
export const SLICE_MS = 40;

/** What `requestIdleCallback` tells its callback: how long the browser expects to stay idle. */
export interface IdleTime {
  readonly didTimeout: boolean;
  timeRemaining(): number;
}

/** Runs a flush later; given a deadline, the flush writes what fits and asks again for the rest. */
export type Schedule = (flush: (deadline?: IdleTime) => void) => void;

/**
 * Runs `flush` when the browser is next idle (after the view the learner asked for has been
 * painted), and within WRITE_BEHIND_MS however busy it is. Browsers without requestIdleCallback
 * get a short timer (and no deadline: everything is written at once).
 */
export const whenIdle: Schedule = (flush) => {
  if (typeof requestIdleCallback === 'function')
    requestIdleCallback((deadline) => flush(deadline), { timeout: WRITE_BEHIND_MS });
  else setTimeout(() => flush(), 50);
};

const monotonicNow = () => (typeof performance === 'undefined' ? Date.now() : performance.now());

/**
 * Whether a flush that started now may make one more LMS call: the first always (so that every
 * flush gets on), then while the idle period lasts (IDLE_MARGIN_MS left over), or, with no idle
 * time given, for SLICE_MS from the start.
 */
export function callBudget(
  deadline: IdleTime | undefined,
  clock: () => number = monotonicNow,
): () => boolean {
  const started = clock();
  let calls = 0;
  return () =>
    calls++ === 0 ||
    (deadline && !deadline.didTimeout
      ? deadline.timeRemaining() > IDLE_MARGIN_MS
      : clock() - started < SLICE_MS);
}

/**
 * `run` through `schedule`, at most once waiting at a time: asking again before it has run does
 * nothing (it will pick up whatever was added meanwhile). `run` may ask again for the rest.
 */
export function coalescedFlush(
  schedule: Schedule,
  run: (deadline?: IdleTime) => void,
): { request(): void } {
  let scheduled = false;
  const flush = (deadline?: IdleTime) => {
    scheduled = false;
    run(deadline);
  };
  return {
    request() {
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
  };
}
