import type { Effect, Interaction } from '../../src/engine/index.ts';
import {
  clamp,
  formatDecimal,
  formatDuration,
  formatResponse,
  formatResult,
  formatScaled,
  formatScore,
  formatTimeOfDay,
  formatTimestamp,
  LIMITS,
  sanitiseIdentifier,
  type ScormVersion,
} from './format.ts';

/**
 * Engine effects → SCORM data-model writes, as pure functions. The session (session.ts) carries
 * the writes out; everything that decides *what* is written lives here and is tested in Node.
 */

/** One `SetValue(element, value)`. */
export interface CmiWrite {
  readonly element: string;
  readonly value: string;
}

/** What the adapter knows about the LMS's data between calls. */
export interface Tracking {
  /** Next free index in cmi.interactions. */
  readonly interactions: number;
  /** cmi.objectives ids, by index. */
  readonly objectives: readonly string[];
  /** The level is complete (status set to passed / failed / completed). */
  readonly complete: boolean;
}

export interface Clock {
  readonly now: Date;
  /** Milliseconds since the step or question was shown, for latency; null when unknown. */
  readonly latencyMs: number | null;
}

export interface Plan {
  readonly writes: readonly CmiWrite[];
  readonly tracking: Tracking;
  /** A `commit` effect asked for a commit. */
  readonly commit: boolean;
}

/** 2004 SPM for cmi.interactions and cmi.objectives. */
export const MAX_INTERACTIONS = 250;
export const MAX_OBJECTIVES = 100;

/** Element names that differ between the versions. */
export const ELEMENTS = Object.freeze({
  '1.2': {
    entry: 'cmi.core.entry',
    location: 'cmi.core.lesson_location',
    suspendData: 'cmi.suspend_data',
    mode: 'cmi.core.lesson_mode',
    learnerName: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
    mastery: 'cmi.student_data.mastery_score',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    status: 'cmi.core.lesson_status',
  },
  '2004': {
    entry: 'cmi.entry',
    location: 'cmi.location',
    suspendData: 'cmi.suspend_data',
    mode: 'cmi.mode',
    learnerName: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
    mastery: 'cmi.scaled_passing_score',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    status: 'cmi.completion_status',
  },
});

/** Exit value: `suspend` while incomplete (so the LMS resumes); after completion 2004 `normal`, 1.2 `""`. */
export function exitValue(version: ScormVersion, complete: boolean): string {
  if (!complete) return 'suspend';
  return version === '2004' ? 'normal' : '';
}

/** Writes for a first launch: incomplete at once, and exit=suspend so a crash still resumes. */
export function launchWrites(version: ScormVersion, modules: readonly string[]): CmiWrite[] {
  const writes: CmiWrite[] = [
    { element: ELEMENTS[version].status, value: 'incomplete' },
    { element: ELEMENTS[version].exit, value: 'suspend' },
  ];
  modules.slice(0, MAX_OBJECTIVES).forEach((module, n) => {
    const base = `cmi.objectives.${n}`;
    writes.push({ element: `${base}.id`, value: sanitiseIdentifier(version, module) });
    if (version === '1.2') writes.push({ element: `${base}.status`, value: 'incomplete' });
    else writes.push({ element: `${base}.completion_status`, value: 'incomplete' });
  });
  return writes;
}

/**
 * The state and the bookmark. The bookmark is clamped to the version's limit; a state over the
 * limit is not written at all (a cut state cannot be restored, the last one that fitted can), which
 * the build rules out for this course (src/build/state-budget.ts).
 */
export function stateWrites(version: ScormVersion, state: string, location: string): CmiWrite[] {
  const writes: CmiWrite[] = [];
  if (state.length <= LIMITS[version].suspendData)
    writes.push({ element: ELEMENTS[version].suspendData, value: state });
  writes.push({
    element: ELEMENTS[version].location,
    value: clamp(location, LIMITS[version].location),
  });
  return writes;
}

/** session_time in the version's format: written on every commit so a lost finish loses nothing. */
export function sessionTimeWrite(version: ScormVersion, elapsedMs: number): CmiWrite {
  return { element: ELEMENTS[version].sessionTime, value: formatDuration(version, elapsedMs) };
}

/**
 * Maps the engine's effects, in order, to writes. `save` effects are not mapped here (the session
 * writes suspend_data and location from the state it is given); `commit` sets `commit`.
 */
export function planEffects(
  version: ScormVersion,
  effects: readonly Effect[],
  tracking: Tracking,
  clock: Clock,
): Plan {
  const writes: CmiWrite[] = [];
  let current = tracking;
  let commit = false;
  for (const effect of effects) {
    switch (effect.type) {
      case 'record-interaction': {
        if (current.interactions >= MAX_INTERACTIONS && version === '2004') break;
        writes.push(...interactionWrites(version, current.interactions, effect.interaction, clock));
        current = { ...current, interactions: current.interactions + 1 };
        break;
      }
      case 'set-progress':
        if (version === '2004')
          writes.push({ element: 'cmi.progress_measure', value: formatScaled(effect.measure) });
        break;
      case 'complete-module': {
        const id = sanitiseIdentifier(version, effect.module);
        let n = current.objectives.indexOf(id);
        if (n < 0) {
          if (current.objectives.length >= MAX_OBJECTIVES) break;
          n = current.objectives.length;
          current = { ...current, objectives: [...current.objectives, id] };
          writes.push({ element: `cmi.objectives.${n}.id`, value: id });
        }
        writes.push(...objectiveWrites(version, n, effect.passed, effect.score));
        break;
      }
      case 'complete-level':
        writes.push(...scoreWrites(version, 'cmi', effect.score));
        if (version === '1.2') {
          writes.push({
            element: 'cmi.core.lesson_status',
            value: effect.passed ? 'passed' : 'failed',
          });
        } else {
          writes.push(
            { element: 'cmi.completion_status', value: 'completed' },
            { element: 'cmi.success_status', value: effect.passed ? 'passed' : 'failed' },
            { element: 'cmi.progress_measure', value: '1' },
          );
        }
        writes.push({ element: ELEMENTS[version].exit, value: exitValue(version, true) });
        current = { ...current, complete: true };
        break;
      case 'commit':
        commit = true;
        break;
      case 'save':
        break;
    }
  }
  return { writes, tracking: current, commit };
}

function scoreWrites(version: ScormVersion, base: string, score: number): CmiWrite[] {
  const raw = version === '1.2' && base === 'cmi' ? 'cmi.core.score' : `${base}.score`;
  const writes: CmiWrite[] = [
    { element: `${raw}.min`, value: '0' },
    { element: `${raw}.max`, value: '100' },
    { element: `${raw}.raw`, value: formatScore(score) },
  ];
  if (version === '2004')
    writes.push({ element: `${raw}.scaled`, value: formatScaled(Math.max(0, score) / 100) });
  return writes;
}

function objectiveWrites(
  version: ScormVersion,
  n: number,
  passed: boolean,
  score: number | null,
): CmiWrite[] {
  const base = `cmi.objectives.${n}`;
  const writes = score === null ? [] : scoreWrites(version, base, score);
  if (version === '1.2') {
    const status = score === null ? 'completed' : passed ? 'passed' : 'failed';
    writes.push({ element: `${base}.status`, value: status });
  } else {
    writes.push({ element: `${base}.completion_status`, value: 'completed' });
    // A module with no quiz at this level is finished but not judged, in 2004 as in 1.2.
    const success = score === null ? 'unknown' : passed ? 'passed' : 'failed';
    writes.push({ element: `${base}.success_status`, value: success });
  }
  return writes;
}

/** The element writes for one interaction at index `n`; in 2004 the id comes first (else 408). */
export function interactionWrites(
  version: ScormVersion,
  n: number,
  interaction: Interaction,
  clock: Clock,
): CmiWrite[] {
  const base = `cmi.interactions.${n}`;
  const writes: CmiWrite[] = [
    { element: `${base}.id`, value: sanitiseIdentifier(version, interaction.id) },
    { element: `${base}.type`, value: interaction.type },
    {
      element: `${base}.objectives.0.id`,
      value: sanitiseIdentifier(version, interaction.module),
    },
  ];
  if (version === '1.2') {
    writes.push({ element: `${base}.time`, value: formatTimeOfDay(clock.now) });
  } else {
    writes.push({ element: `${base}.timestamp`, value: formatTimestamp(clock.now) });
  }
  writes.push(
    { element: `${base}.weighting`, value: formatDecimal(interaction.weighting) },
    {
      element: `${base}.correct_responses.0.pattern`,
      value: formatResponse(version, interaction.correctResponse),
    },
    {
      element: version === '1.2' ? `${base}.student_response` : `${base}.learner_response`,
      value: formatResponse(version, interaction.response),
    },
    { element: `${base}.result`, value: formatResult(version, interaction.result) },
  );
  if (clock.latencyMs !== null)
    writes.push({ element: `${base}.latency`, value: formatDuration(version, clock.latencyMs) });
  if (version === '2004' && interaction.description.trim() !== '')
    writes.push({
      element: `${base}.description`,
      value: clamp(interaction.description.replace(/\s+/g, ' ').trim(), LIMITS['2004'].description),
    });
  return writes;
}
