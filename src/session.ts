import type { Effect } from './engine/index.ts';

/**
 * What the course needs from wherever it runs: an LMS (SCORM 1.2 or 2004) or nothing at all
 * (a file share, a plain web server), in which case progress is kept on the learner's device.
 * The views know only this interface; scorm/adapter/ implements it.
 */
export interface CourseSession {
  /** `lms` when an LMS API was found and initialised; `standalone` otherwise. */
  readonly mode: 'lms' | 'standalone';
  /** The saved state (suspend_data or the local copy), or '' on a first launch. */
  readonly savedState: string;
  /** True when the LMS says this launch resumes an earlier one. */
  readonly resumed: boolean;
  /** The LMS asked for browse or review mode: nothing the learner does is recorded. */
  readonly reviewOnly: boolean;
  /** The LMS already records the level as finished (passed, failed or completed); false without one. */
  readonly levelComplete: boolean;
  /**
   * The level's result as the LMS recorded it before this launch, when it records the level as
   * finished: shown to a learner who comes back with no saved progress (a new device, a review, an
   * LMS that drops the saved state once an attempt ends), and never lowered by a later finish.
   */
  readonly launchRecord?: LevelRecord;
  /** The learner's name as the LMS gives it, if it does. */
  readonly learnerName?: string;
  /** The learner's id as the LMS gives it, if it does: the notes kept on this device are keyed by it. */
  readonly learnerId?: string;
  /**
   * Carries out the engine's effects, in order, and keeps `state` (the serialised engine state)
   * with `location` (a short bookmark, e.g. `child-h/first-referral`). Never throws.
   */
  apply(effects: readonly Effect[], state: string, location: string): void;
  /** Saves, reports and ends the session (the learner's "Save and exit", or the page closing). */
  finish(): void;
  /**
   * Without an LMS only: removes the progress kept on this device (a learner leaving a shared
   * computer), so that the next launch starts afresh; what the learner does next is kept again.
   * False when storage could not be reached. An LMS session has none: the LMS keeps the record.
   */
  forget?(): boolean;
  /** Told whenever saving to the LMS starts or stops failing, so the learner can be warned. */
  onHealthChange(listener: (health: SessionHealth) => void): void;
}

export type SessionHealth =
  { readonly ok: true } | { readonly ok: false; readonly message: string };

/** A finished level's result as an LMS records it: the status, and the score (0–100) if any. */
export interface LevelRecord {
  readonly status: 'passed' | 'failed' | 'completed';
  readonly score: number | null;
}
