import type { SessionHealth } from '../../src/session.ts';
import { HealthListeners, tellOne, type HealthListener } from './listeners.ts';
import { BROKEN_MESSAGE, ENDED_MESSAGE, notSavingMessage } from './messages.ts';

/**
 * The LMS session's health: what the learner is shown (a banner, or nothing), and who is told when
 * it changes. Policy only; the session says what happened.
 */
export class SessionHealthState {
  readonly #listeners = new HealthListeners();
  #health: SessionHealth;
  /** Said at launch (the LMS's copy could not be read), until the learner's first step. */
  #launchNotice: string | undefined;
  /** The LMS ended the session itself: that message stays. */
  #ended = false;
  /** The last Commit failed, or the adapter itself did (see broken). */
  commitFailed = false;

  constructor(launchNotice?: string) {
    this.#launchNotice = launchNotice;
    this.#health = launchNotice ? { ok: false, message: launchNotice } : { ok: true };
  }

  get current(): SessionHealth {
    return this.#health;
  }

  /** Tells the listeners when it changes (a new message is a change too). */
  set(next: SessionHealth): void {
    const health = this.#health;
    if (next.ok ? health.ok : !health.ok && next.message === health.message) return;
    this.#health = next;
    this.#listeners.tell(next);
  }

  /**
   * After writes or a Commit: saving works unless something that matters to the learner's record
   * is refused (`essentialRefused`) or the last Commit failed; the LMS's error number goes with it.
   */
  update(essentialRefused: boolean, lastError: () => number): void {
    if (this.#ended) return;
    if (!essentialRefused && !this.commitFailed)
      this.set(this.#launchNotice ? { ok: false, message: this.#launchNotice } : { ok: true });
    else this.set({ ok: false, message: notSavingMessage(lastError()) });
  }

  /** The learner has moved on from the first screen; true when a launch notice was showing. */
  launchNoticeRead(): boolean {
    const had = this.#launchNotice !== undefined;
    this.#launchNotice = undefined;
    return had;
  }

  /** A failure in the adapter itself: logged, and the same warning as a refusing LMS. */
  broken(error: unknown): void {
    console.error('The LMS session failed:', error);
    this.commitFailed = true;
    this.set({ ok: false, message: BROKEN_MESSAGE });
  }

  /** The LMS ended the session itself: the learner is told to reopen the course. */
  ended(): void {
    this.#ended = true;
    this.set({ ok: false, message: ENDED_MESSAGE });
  }

  /** Everything reached the LMS as the learner left. */
  saved(): void {
    this.commitFailed = false;
    this.#launchNotice = undefined;
    this.set({ ok: true });
  }

  /** Adds a listener; saving may already be failing (the launch commit): it hears so at once. */
  listen(listener: HealthListener): void {
    this.#listeners.add(listener);
    if (!this.#health.ok) tellOne(listener, this.#health);
  }
}
