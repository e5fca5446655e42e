import type { SessionHealth } from '../../src/session.ts';

export type HealthListener = (health: SessionHealth) => void;

/**
 * The views that want to hear about the session's health (the banner the learner sees). A
 * listener that throws is the course's own bug: it is logged, the others are still told, and the
 * session goes on (saving does not depend on a view).
 */
export class HealthListeners {
  readonly #listeners: HealthListener[] = [];

  add(listener: HealthListener): void {
    this.#listeners.push(listener);
  }

  /** Tells every listener. */
  tell(health: SessionHealth): void {
    for (const listener of this.#listeners) tellOne(listener, health);
  }

  /** The listeners so far, for a session that takes over from this one. */
  all(): readonly HealthListener[] {
    return this.#listeners;
  }
}

/** Tells one listener; a listener that throws is logged (see HealthListeners). */
export function tellOne(listener: HealthListener, health: SessionHealth): void {
  try {
    listener(health);
  } catch (error) {
    console.error('A view listening to the LMS session failed:', error);
  }
}
