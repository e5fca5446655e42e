import type { CmiWrite } from './data-model.ts';

/**
 * The most refused writes kept for a retry. Kept one per element (a newer value replaces an older
 * one), so a whole level cannot reach it: SCORM 2004's 250 interactions and 100 objectives make
 * about 2,500 elements at most, SCORM 1.2's fewer. Past it the oldest is dropped: the bound is
 * there so that a fault nobody foresaw cannot fill the page's memory, and a dropped write is not
 * lost for good (interactions and objectives are kept on the device and sent at the next launch,
 * replay.ts; the state is in the device's copy).
 */
export const MAX_REFUSED = 20_000;

/** Sends one write to the LMS: true when the LMS took it (or it need not go, see session.ts). */
export type Send = (write: CmiWrite) => boolean;

/**
 * The LMS writes of a session that have not reached the LMS yet: those planned and not yet sent
 * (sent in order, a few at a time, see scheduler.ts), and those the LMS refused, kept for a retry.
 * Pure: no LMS calls but through the `Send` it is given.
 *
 * Each operation costs the same however long the queue is (a Map keyed by element keeps the
 * refused writes in the order they were refused; an index walks the planned ones), and a retry
 * stops at the first write the LMS still refuses. Before, each write filtered the whole list of
 * refused writes and each Commit retried all of them: a long outage cost time and LMS calls that
 * grew with the square of its length (the advanced level, refused throughout: 127,000 LMS calls,
 * now 4,300).
 */
export class WriteQueue {
  /** Planned, in order; those before #next are sent. */
  #planned: CmiWrite[] = [];
  #next = 0;
  /** Refused, by element, oldest first: a newer refusal of an element replaces it at the end. */
  readonly #refused = new Map<string, CmiWrite>();
  /** How many of #refused are essential (see `essential`). */
  #essentialRefused = 0;

  /**
   * @param essential whether a write matters to the learner's record (its refusal is told to the
   *   learner); optional elements are retried quietly.
   */
  constructor(
    private readonly essential: (element: string) => boolean,
    private readonly maxRefused = MAX_REFUSED,
  ) {}

  /** Adds writes to send, after those already planned. */
  plan(writes: readonly CmiWrite[]): void {
    for (const write of writes) this.#planned.push(write);
  }

  /** Whether a planned write is waiting to be sent. */
  get hasPlanned(): boolean {
    return this.#next < this.#planned.length;
  }

  /** The next planned write, taken off the queue (the caller sends it and reports the answer). */
  takePlanned(): CmiWrite | undefined {
    const write = this.#planned[this.#next];
    if (write === undefined) return undefined;
    this.#next++;
    if (this.#next === this.#planned.length) {
      this.#planned = [];
      this.#next = 0;
    }
    return write;
  }

  /** The LMS took a value of `element`: an older refused value is not sent again. */
  accepted(element: string): void {
    this.#forget(element);
  }

  /** The LMS refused `write`: kept for a retry, in place of an older value of its element. */
  refused(write: CmiWrite): void {
    this.#forget(write.element);
    this.#refused.set(write.element, write);
    if (this.essential(write.element)) this.#essentialRefused++;
    if (this.#refused.size > this.maxRefused) {
      const oldest = this.#refused.keys().next();
      if (!oldest.done) this.#forget(oldest.value);
    }
  }

  /** Sends `write` and keeps it for a retry if the LMS refuses it; true when taken. */
  send(write: CmiWrite, send: Send): boolean {
    const taken = send(write);
    if (taken) this.accepted(write.element);
    else this.refused(write);
    return taken;
  }

  /**
   * Sends the refused writes again, oldest first, keeping each in its place while the LMS still
   * refuses it. `until-refused` (before each Commit) stops at the first refusal: an LMS that still
   * refuses the oldest is still failing, and asking for the rest would cost calls for nothing, in
   * number the length of the outage; the rest go at the next Commit, or at the end. `all` (the
   * last chance, at the end of the session) tries every one.
   */
  retry(send: Send, mode: 'until-refused' | 'all'): void {
    // A Map's iteration is live: an entry dropped meanwhile (by `send`: dropRefused) is skipped.
    for (const write of this.#refused.values()) {
      if (send(write)) this.#forget(write.element);
      else if (mode === 'until-refused') return;
    }
  }

  /** Drops every refused write whose element matches (an element the LMS says it lacks). */
  dropRefused(matches: (element: string) => boolean): void {
    for (const element of this.#refused.keys()) if (matches(element)) this.#forget(element);
  }

  /** Whether the LMS refused a value of `element` that has not reached it since. */
  isRefused(element: string): boolean {
    return this.#refused.has(element);
  }

  /** Whether a refused write matters to the learner's record. */
  get hasEssentialRefused(): boolean {
    return this.#essentialRefused > 0;
  }

  /** Every write not yet taken by the LMS: refused (oldest first), then planned. */
  waiting(): CmiWrite[] {
    return [...this.#refused.values(), ...this.#planned.slice(this.#next)];
  }

  #forget(element: string): void {
    const write = this.#refused.get(element);
    if (write === undefined) return;
    this.#refused.delete(element);
    if (this.essential(element)) this.#essentialRefused--;
  }
}
