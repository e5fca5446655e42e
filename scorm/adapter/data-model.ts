import type { Effect, Interaction } from '../../src/engine/index.ts';
import type { LevelRecord } from '../../src/session.ts';
import {
  clamp,
  formatDuration,
  formatResponse,
  formatResult,
  formatScaled,
  formatScore,
  formatTimeOfDay,
  formatTimestamp,
  LIMITS,
  sanitiseIdentifier,
} from './format.ts';
import type { ScormVersion } from '../version.ts';

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
  /**
   * The interaction id each cmi.interactions index holds, as far as known (2004: read at launch;
   * both versions: as written). A decision or question answered again replaces its own record.
   */
  readonly interactionIds?: readonly string[];
  /** Per module, the indexes its quiz answers took, and the attempt they belong to. */
  readonly quizzes?: Readonly<Record<string, QuizRecords>>;
  /** cmi.objectives ids, by index. */
  readonly objectives: readonly string[];
  /** The level is complete (status set to passed / failed / completed). */
  readonly complete: boolean;
  /**
   * The level's result the LMS held at launch, when it recorded the level as finished: a later
   * finish never lowers its score or demotes its status (see `levelRecord`).
   */
  readonly record?: LevelRecord;
}

/**
 * A module's quiz answers in cmi.interactions: a retry's answers go to the indexes the previous
 * attempt's took (one record per question place, the latest attempt's), so retries add nothing.
 */
export interface QuizRecords {
  readonly attempt: number;
  /** Indexes holding this module's quiz answers, in the order they were first taken. */
  readonly slots: readonly number[];
  /** Of those, the ones this attempt has written. */
  readonly used: readonly number[];
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
        const placed = placeInteraction(version, current, effect.interaction);
        if (!placed) break;
        writes.push(...interactionWrites(version, placed.index, effect.interaction, clock));
        current = placed.tracking;
        break;
      }
      case 'set-progress':
        // A level the LMS already records as finished keeps its progress (1), whatever a replay does.
        if (version === '2004' && !current.record)
          writes.push({ element: 'cmi.progress_measure', value: formatScaled(effect.measure) });
        break;
      case 'complete-module': {
        // A level finished before this launch keeps its modules' records too: a replay that went
        // worse must not mark a passed module failed.
        if (current.record) break;
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
      case 'complete-level': {
        // Against the LMS's record from launch: the score only if higher, the status only if
        // better (a learner who passed with 100 and finishes again with 86 keeps 100 and passed).
        const { record } = current;
        const status = effect.passed ? 'passed' : 'failed';
        if (!record || record.score === null || effect.score > record.score)
          writes.push(...scoreWrites(version, 'cmi', effect.score));
        const better = !record || STATUS_RANK[status] > STATUS_RANK[record.status];
        if (version === '1.2') {
          if (better) writes.push({ element: 'cmi.core.lesson_status', value: status });
        } else {
          writes.push({ element: 'cmi.completion_status', value: 'completed' });
          if (better) writes.push({ element: 'cmi.success_status', value: status });
          writes.push({ element: 'cmi.progress_measure', value: '1' });
        }
        writes.push({ element: ELEMENTS[version].exit, value: exitValue(version, true) });
        current = { ...current, complete: true };
        break;
      }
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

/**
 * The elements each interaction writes. Kept small on purpose: an LMS such as Moodle posts the
 * whole data model on every Commit and on Terminate, and at page close that post goes by
 * `sendBeacon`, which Chrome refuses over 64 KB (issue 18: the last save was lost). Left out:
 * the description (the question's text, up to 250 characters: the largest part, and the id names
 * the question), the correct response (the same for every learner: it is in the course), weighting
 * (always 1), latency, and the objective link (the id starts with the module's id). Kept: which
 * decision or question, when, the learner's answer and the result. The advanced level's worst
 * case, every question of its banks answered over retries, then posts about 28 KB (measured by
 * tests/scorm/moodle/post-size.test.ts).
 */
export function interactionWrites(
  version: ScormVersion,
  n: number,
  interaction: Interaction,
  clock: Clock,
): CmiWrite[] {
  const base = `cmi.interactions.${n}`;
  return [
    { element: `${base}.id`, value: sanitiseIdentifier(version, interaction.id) },
    { element: `${base}.type`, value: interaction.type },
    version === '1.2'
      ? { element: `${base}.time`, value: formatTimeOfDay(clock.now) }
      : { element: `${base}.timestamp`, value: formatTimestamp(clock.now) },
    {
      element: version === '1.2' ? `${base}.student_response` : `${base}.learner_response`,
      value: formatResponse(version, interaction.response),
    },
    { element: `${base}.result`, value: formatResult(version, interaction.result) },
  ];
}

/**
 * Where an interaction's record goes: the index that already holds the same decision or question
 * (answered again), else for a quiz retry the index of a previous attempt's answer in the same
 * module not yet replaced by this attempt, else a new index at the end. So a level writes one
 * record per decision and per question place, however many retries (2004 caps the list at 250).
 * Undefined when there is no room.
 */
export function placeInteraction(
  version: ScormVersion,
  tracking: Tracking,
  interaction: Interaction,
): { index: number; tracking: Tracking } | undefined {
  const id = sanitiseIdentifier(version, interaction.id);
  const ids = [...(tracking.interactionIds ?? [])];
  // Indexes written before this launch whose ids are unknown (1.2 cannot read them back).
  while (ids.length < tracking.interactions) ids.push('');
  let index = ids.indexOf(id);
  let quizzes = tracking.quizzes;
  if (interaction.kind === 'question' && interaction.attempt !== undefined) {
    const before = tracking.quizzes?.[interaction.module];
    const quiz: QuizRecords =
      before && before.attempt === interaction.attempt
        ? before
        : { attempt: interaction.attempt, slots: before?.slots ?? [], used: [] };
    // 2004 makes an interaction's id immutable once set (RTE 4.1.6: error 351), so there a new
    // question never takes another's index; 1.2 lets an index be written again.
    if (index < 0 && version === '1.2')
      index = quiz.slots.find((slot) => !quiz.used.includes(slot)) ?? -1;
    const slot = index < 0 ? ids.length : index;
    quizzes = {
      ...tracking.quizzes,
      [interaction.module]: {
        attempt: quiz.attempt,
        slots: quiz.slots.includes(slot) ? quiz.slots : [...quiz.slots, slot],
        used: [...quiz.used, slot],
      },
    };
  }
  let count = tracking.interactions;
  if (index < 0) {
    if (version === '2004' && count >= MAX_INTERACTIONS) return undefined;
    index = count;
    count += 1;
  }
  ids[index] = id;
  return {
    index,
    tracking: {
      ...tracking,
      interactions: count,
      interactionIds: ids,
      ...(quizzes ? { quizzes } : {}),
    },
  };
}

/** How good a level result is: a later finish may raise it, never lower it. */
const STATUS_RANK: Readonly<Record<LevelRecord['status'], number>> = {
  failed: 0,
  completed: 1,
  passed: 2,
};

/**
 * The level's result as the LMS holds it at launch, from the values read then (lower case,
 * trimmed): undefined unless the LMS records the level as finished (1.2 lesson_status passed,
 * failed or completed; 2004 completion_status completed). The score is 0–100 (2004: from
 * score.scaled, else score.raw), null when the LMS has none.
 */
export function levelRecord(
  version: ScormVersion,
  read: {
    readonly status: string;
    readonly success?: string;
    readonly scaled?: string;
    readonly raw?: string;
  },
): LevelRecord | undefined {
  const number = (text: string | undefined) => {
    const value = text === undefined || text.trim() === '' ? NaN : Number(text);
    return Number.isFinite(value) ? value : undefined;
  };
  const raw = number(read.raw);
  if (version === '1.2') {
    if (read.status !== 'passed' && read.status !== 'failed' && read.status !== 'completed')
      return undefined;
    return { status: read.status, score: raw === undefined ? null : clampScore(raw) };
  }
  if (read.status !== 'completed') return undefined;
  const scaled = number(read.scaled);
  const status =
    read.success === 'passed' ? 'passed' : read.success === 'failed' ? 'failed' : 'completed';
  const score = scaled !== undefined ? scaled * 100 : raw;
  return { status, score: score === undefined ? null : clampScore(score) };
}

const clampScore = (score: number) => Math.round(Math.min(100, Math.max(0, score)) * 100) / 100;
