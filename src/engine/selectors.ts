import type { Module, Question } from '../model/course.ts';
import { drawQuestions, isCorrect, quizScore } from './quiz.ts';
import { currentStep } from './scenario.ts';
import type { LearnerEvent, Effect } from './transition.ts';
import { levelOutcome, moduleOutcome, moduleScore } from './transition.ts';
import type { LearnerState, LevelContent, ModuleProgress } from './state.ts';

/**
 * Rules about where the learner stands that the app, the tests' scripted learner and the bench all
 * need, so they read them here rather than each keeping a copy (their copies had drifted: the
 * learner's bookmark said `menu` and `m/quiz` where the app sent `modules` and `m/quiz-1-3`).
 */

/** The module open now and the learner's progress in it, or undefined at the module list. */
export function currentModule(
  content: LevelContent,
  state: LearnerState,
):
  | { readonly index: number; readonly module: Module; readonly progress: ModuleProgress }
  | undefined {
  const index = state.current;
  if (index === null) return undefined;
  const module = content.modules[index];
  const progress = state.modules[index];
  return module && progress ? { index, module, progress } : undefined;
}

/**
 * The LMS bookmark (`cmi.location`, `cmi.core.lesson_location`): short and readable, e.g.
 * `child-h/first-referral` (a scenario step), `child-h/quiz-1-3` (attempt 1, question 3),
 * `child-h/results`, or `modules` at the module list. Well within SCORM 1.2's 255 characters, as
 * ids are short. The course resumes from the saved state, never from this: it is for the LMS's
 * reports and for people reading them.
 */
export function location(content: LevelContent, state: LearnerState): string {
  const here = currentModule(content, state);
  if (!here) return 'modules';
  const { module, progress } = here;
  switch (progress.phase) {
    case 'scenario':
      return `${module.id}/${currentStep(module, progress.scenario).id}`;
    case 'quiz':
      return `${module.id}/quiz-${progress.quiz.attempt}-${progress.quiz.question + 1}`;
    default:
      return `${module.id}/${progress.phase}`;
  }
}

/**
 * What the learner's "Continue" means where they stand. A finished module reopened to review its
 * reflection has nothing after it, so there it takes them back to the module list; everywhere else
 * it moves them on.
 */
export function continueEvent(state: LearnerState): LearnerEvent {
  const progress = state.current === null ? undefined : state.modules[state.current];
  return progress?.phase === 'done' ? { type: 'leave-module' } : { type: 'continue' };
}

/**
 * At launch: what to tell the LMS about a level the saved state finishes but the LMS does not record
 * as finished (its completion was saved but never reached the LMS, as saving failed then; or a new
 * version of the course took out the one module left). No learner event would report it again.
 * Nothing when the level is not finished or the LMS already records it.
 */
export function launchEffects(
  content: LevelContent,
  state: LearnerState,
  lmsRecordsLevelComplete: boolean,
): readonly Effect[] {
  if (lmsRecordsLevelComplete) return [];
  const outcome = levelOutcome(content, state);
  if (!outcome.complete) return [];
  return [
    { type: 'complete-level', passed: outcome.passed, score: outcome.score },
    { type: 'save' },
    { type: 'commit' },
  ];
}

/** A module's standing as the module list and the record of learning say it (in words there). */
export type ModuleStatus = 'not-started' | 'in-progress' | 'completed' | 'passed' | 'not-passed';

/**
 * Passed or not passed: finished, with a quiz score at or above the pass mark or below it once the
 * attempts ran out (as the LMS records it). Completed: finished, with no quiz at this level.
 */
export function moduleStatus(
  content: LevelContent,
  module: Module,
  progress: ModuleProgress,
): ModuleStatus {
  if (progress.completed) {
    const outcome = moduleOutcome(content, module, progress);
    if (outcome.score === null) return 'completed';
    return outcome.passed ? 'passed' : 'not-passed';
  }
  return progress.phase === 'not-started' ? 'not-started' : 'in-progress';
}

export interface QuizResults {
  /** The questions of the latest attempt, in the order asked. */
  readonly questions: readonly Question[];
  /** Those answered wrongly or not at all in the latest attempt. */
  readonly missed: readonly Question[];
  /** 0–100: the latest attempt alone. */
  readonly attemptScore: number;
  /** 0–100: the module's score (best attempt blended with the scenario), and whether it passes. */
  readonly score: number;
  readonly passed: boolean;
  /** Attempts still allowed, or null where the level sets no limit. */
  readonly attemptsLeft: number | null;
}

/** What the quiz results page shows for the module's latest attempt. */
export function quizResults(
  content: LevelContent,
  module: Module,
  progress: ModuleProgress,
  seed: number,
): QuizResults {
  const { level } = content;
  const questions = drawQuestions(module, level, seed, progress.quiz.attempt);
  const missed = questions.filter((q, i) => {
    const a = progress.quiz.answers[i];
    return !a || !isCorrect(q, a);
  });
  return {
    questions,
    missed,
    attemptScore: quizScore(questions, progress.quiz.answers),
    score: moduleScore(content, module, progress),
    passed: moduleOutcome(content, module, progress).passed,
    attemptsLeft: level.attempts === 0 ? null : level.attempts - progress.quiz.attempt,
  };
}
