/**
 * The course's side of the LMS. `connectScormSession` finds a SCORM 2004 or 1.2 API, initialises
 * it and returns a CourseSession that turns the engine's effects into data-model calls; undefined
 * means no LMS, and the caller uses the standalone session (standalone.ts).
 *
 *     const session = connectScormSession({ storageKey, modules }) ?? createStandaloneSession(storageKey);
 */
import type { CourseSession } from '../../src/session.ts';
import { connectScormSession as connectLms } from './session.ts';
import { createStandaloneSession } from './standalone.ts';

export { connectScormSession, readableName } from './session.ts';
export type { ScormSession, ScormSessionOptions } from './session.ts';
export { findApi, MAX_PARENT_STEPS } from './discovery.ts';
export type { FoundApi, RawApi12, RawApi2004, WindowLike } from './discovery.ts';
export { wrapApi } from './api.ts';
export type { LmsApi } from './api.ts';
export type { ScormVersion } from '../version.ts';

export interface ConnectOptions {
  readonly courseId: string;
  readonly level: string;
  /** The level's module ids: one LMS objective each. */
  readonly modules?: readonly string[];
  /** Whether the course can restore a saved state: see ScormSessionOptions.canRestore. */
  readonly canRestore?: (state: string) => boolean;
}

/**
 * What boot (src/main.ts) calls: the LMS session when an LMS API is found (even one that refuses
 * Initialize: see connectScormSession), else the standalone one.
 * Both keep a local copy under `sg-progress:<course>:<level>` (the LMS one adds `:lms:<learner>`).
 */
export function connectSession(options: ConnectOptions): CourseSession {
  const storageKey = `sg-progress:${options.courseId}:${options.level}`;
  return (
    connectLms({
      storageKey,
      modules: options.modules ?? [],
      ...(options.canRestore ? { canRestore: options.canRestore } : {}),
    }) ?? createStandaloneSession(storageKey)
  );
}
