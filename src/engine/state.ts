import type { Course, Level, Module } from '../model/course.ts';
import type { AnyAnswer } from '../questions/index.ts';

/**
 * The learner's state for one level of the course: everything needed to resume exactly where they
 * left off, and nothing that can be derived from the compiled course. It is what `serialise.ts`
 * writes to the LMS's suspend_data, so every field here costs characters in a 4096-character budget.
 */
export interface LearnerState {
  readonly level: string;
  /** Seeds the quiz draw and shuffles (see random.ts). */
  readonly seed: number;
  /** Index (in level order) of the module the learner is in, or null on the module list. */
  readonly current: number | null;
  /** One per module of the level, in level order. */
  readonly modules: readonly ModuleProgress[];
}

export const PHASES = [
  'not-started',
  'intro',
  'scenario',
  'quiz',
  'results',
  'reflection',
  'done',
] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Past the module's start page: in its scenario or beyond. The learner has made a move in it (the
 * progress bar counts from here), it has a path to record, and its view shows the module's text.
 */
export const isUnderway = (phase: Phase): boolean => phase !== 'not-started' && phase !== 'intro';

export interface ModuleProgress {
  readonly phase: Phase;
  /** True once the scenario ended and the quiz (if any) is passed or out of attempts. */
  readonly completed: boolean;
  readonly scenario: ScenarioProgress;
  readonly quiz: QuizProgress;
}

export interface ScenarioProgress {
  /** Index of the current step. */
  readonly step: number;
  /** At a decision: the learner has chosen and is reading the consequence. */
  readonly answered: boolean;
  /** Bit i set ⇔ flag i of the scenario (Scenario.flags) is set. */
  readonly flags: number;
  /** For each decision step (in authored order) the option last chosen, or -1. */
  readonly choices: readonly number[];
}

/**
 * The attempt counter stops here (two base-36 digits in saved state). With unlimited attempts a
 * learner past it keeps retrying; the counter only varies the question draw.
 */
export const MAX_ATTEMPT_COUNT = 36 * 36 - 1;

export interface QuizProgress {
  /** Attempts started; 0 before the quiz. */
  readonly attempt: number;
  /** Index into the attempt's drawn questions. */
  readonly question: number;
  /** The current question has been answered and its feedback is showing. */
  readonly answered: boolean;
  /** One per drawn question, null until answered. */
  readonly answers: readonly (Answer | null)[];
  /** Best finished attempt, as a percentage, or null. */
  readonly best: number | null;
}

/**
 * A learner's answer to a quiz question, of the question's type (each type's module under
 * src/questions/ defines its answer). Indexes refer to the authored order in the content, so
 * shuffled presentation never leaks into saved state.
 */
export type Answer = AnyAnswer;

/** The parts of the course one level uses, resolved once. */
export interface LevelContent {
  readonly course: Course;
  readonly level: Level;
  readonly modules: readonly Module[];
}

export function levelContent(course: Course, levelId: string): LevelContent {
  const level = course.levels.find((l) => l.id === levelId);
  if (!level) throw new Error(`The course has no level "${levelId}".`);
  const modules = level.modules.map((id) => {
    const module = course.modules.find((m) => m.id === id);
    if (!module)
      throw new Error(`Level "${levelId}" names module "${id}", which the course lacks.`);
    return module;
  });
  return { course, level, modules };
}

/** Decision steps of a module's scenario, as step indexes in authored order. */
export function decisionSteps(module: Module): number[] {
  return module.scenario.steps.flatMap((s, i) => (s.type === 'decision' ? [i] : []));
}

export function freshModule(module: Module): ModuleProgress {
  return {
    phase: 'not-started',
    completed: false,
    scenario: {
      step: module.scenario.stepIndex[module.scenario.start] ?? 0,
      answered: false,
      flags: 0,
      choices: decisionSteps(module).map(() => -1),
    },
    quiz: { attempt: 0, question: 0, answered: false, answers: [], best: null },
  };
}

export function initialState(content: LevelContent, seed: number): LearnerState {
  return {
    level: content.level.id,
    seed: seed >>> 0,
    current: null,
    modules: content.modules.map(freshModule),
  };
}

/**
 * A fresh state with one module open at one step of its scenario, no choices made: how an author
 * previewing an edit gets straight to the step they changed (the dev server's
 * `?module=…&step=…`). Undefined when the level has no such module, or the module no such step.
 */
export function previewState(
  content: LevelContent,
  seed: number,
  moduleId: string,
  stepId: string,
): LearnerState | undefined {
  const index = content.modules.findIndex((m) => m.id === moduleId);
  const steps = content.modules[index]?.scenario.stepIndex;
  // Own keys only: a step id comes from the address bar ("constructor" is no step).
  const step = steps && Object.hasOwn(steps, stepId) ? steps[stepId] : undefined;
  if (step === undefined) return undefined;
  const state = initialState(content, seed);
  return {
    ...state,
    current: index,
    modules: state.modules.map((m, i) =>
      i === index ? { ...m, phase: 'scenario', scenario: { ...m.scenario, step } } : m,
    ),
  };
}
