import type { DecisionStep, Module, Question } from '../model/course.ts';
import { kindOf } from '../questions/lookup.ts';
import { optionId } from './options.ts';
import { drawQuestions, drawSize, isCorrect, answerFits, quizScore } from './quiz.ts';
import { progressMeasure } from './progress.ts';
import { currentStep, decisionSlot, flagBit, resolveNext, scenarioScore } from './scenario.ts';
import {
  MAX_ATTEMPT_COUNT,
  type Answer,
  type LearnerState,
  type LevelContent,
  type ModuleProgress,
} from './state.ts';

/**
 * The engine as a reducer: `transition(content, state, event) → [state, effects]`. It never touches
 * the DOM, the LMS or the clock; effects describe what the outside world should do (record an
 * interaction, report a score, save) and the LMS adapter carries them out. An event that does not
 * fit the current state (a double click, a stale view) changes nothing and has no effects.
 */

export type LearnerEvent =
  /** From the module list: open a module where the learner left it (or at its start). */
  | { readonly type: 'open-module'; readonly module: number }
  /** Move on: intro → scenario, a step → the next, an ending → the quiz, feedback → next question… */
  | { readonly type: 'continue' }
  /** At a decision: choose an option (index in authored order). */
  | { readonly type: 'choose'; readonly option: number }
  /** At a quiz question: answer it. */
  | { readonly type: 'answer'; readonly answer: Answer }
  /** At the quiz results, after a fail with attempts left: start a new attempt. */
  | { readonly type: 'retry-quiz' }
  /** Back to the module list; progress is kept. */
  | { readonly type: 'leave-module' };

export type Effect =
  | { readonly type: 'record-interaction'; readonly interaction: Interaction }
  /** 0–1 share of the level's work done. */
  | { readonly type: 'set-progress'; readonly measure: number }
  | {
      readonly type: 'complete-module';
      readonly module: string;
      readonly passed: boolean;
      /** null for a module with no quiz at this level. */
      readonly score: number | null;
    }
  | { readonly type: 'complete-level'; readonly passed: boolean; readonly score: number }
  /** The state changed: keep it (suspend data and bookmark). */
  | { readonly type: 'save' }
  /** Something the LMS should not lose happened: commit now. */
  | { readonly type: 'commit' };

export interface Interaction {
  /** Readable and stable: `<module>_<step or question id>`, e.g. `child-h_tell-parents`. */
  readonly id: string;
  readonly module: string;
  readonly kind: 'decision' | 'question';
  readonly type: InteractionResponse['type'];
  /** Plain text of the question asked. */
  readonly description: string;
  readonly response: InteractionResponse;
  readonly correctResponse: InteractionResponse;
  readonly result: 'correct' | 'incorrect' | 'neutral';
  readonly weighting: number;
  /** For a quiz answer, the attempt it belongs to (1-based): a retry's answers replace the last's. */
  readonly attempt?: number;
}

/**
 * Responses with short identifiers: options, items and matches by their id (`optionId`: a letter
 * from the authored place, never the place shown, which differs per learner); matching prompts `1`,
 * `2`… to those letters.
 */
export type InteractionResponse =
  | { readonly type: 'choice'; readonly ids: readonly string[] }
  | { readonly type: 'true-false'; readonly value: boolean }
  | { readonly type: 'sequencing'; readonly ids: readonly string[] }
  | { readonly type: 'matching'; readonly pairs: readonly (readonly [string, string])[] };

type Result = readonly [LearnerState, readonly Effect[]];

export function transition(
  content: LevelContent,
  state: LearnerState,
  event: LearnerEvent,
): Result {
  return withProgress(content, state, react(content, state, event));
}

/**
 * Progress goes out whenever it moves (each step, choice and answer), so the LMS's progress_measure
 * follows the bar; effects that already carry it (a module or the level completed) are left as
 * they are.
 */
function withProgress(content: LevelContent, before: LearnerState, result: Result): Result {
  const [after, effects] = result;
  if (after === before || effects.some((e) => e.type === 'set-progress')) return result;
  const measure = progressMeasure(content, after);
  if (measure === progressMeasure(content, before)) return result;
  return [after, [{ type: 'set-progress', measure }, ...effects]];
}

function react(content: LevelContent, state: LearnerState, event: LearnerEvent): Result {
  const unchanged: Result = [state, []];
  if (event.type === 'open-module') return openModule(content, state, event.module) ?? unchanged;
  if (state.current === null) return unchanged;
  const index = state.current;
  const module = content.modules[index];
  const progress = state.modules[index];
  if (!module || !progress) return unchanged;
  const context: ModuleContext = { content, state, index, module, progress };

  switch (event.type) {
    case 'leave-module':
      return [{ ...state, current: null }, [{ type: 'save' }, { type: 'commit' }]];
    case 'continue':
      return moveOn(context) ?? unchanged;
    case 'choose':
      return choose(context, event.option) ?? unchanged;
    case 'answer':
      return answer(context, event.answer) ?? unchanged;
    case 'retry-quiz':
      return retryQuiz(context) ?? unchanged;
  }
}

interface ModuleContext {
  readonly content: LevelContent;
  readonly state: LearnerState;
  readonly index: number;
  readonly module: Module;
  readonly progress: ModuleProgress;
}

function withModule(
  ctx: ModuleContext,
  progress: ModuleProgress,
  current: number | null = ctx.index,
): LearnerState {
  const modules = ctx.state.modules.map((m, i) => (i === ctx.index ? progress : m));
  return { ...ctx.state, current, modules };
}

function openModule(content: LevelContent, state: LearnerState, index: number): Result | undefined {
  const progress = state.modules[index];
  if (!progress || !content.modules[index]) return undefined;
  const opened: ModuleProgress =
    progress.phase === 'not-started' ? { ...progress, phase: 'intro' } : progress;
  const modules = state.modules.map((m, i) => (i === index ? opened : m));
  return [{ ...state, current: index, modules }, [{ type: 'save' }]];
}

function moveOn(ctx: ModuleContext): Result | undefined {
  const { module, progress } = ctx;
  switch (progress.phase) {
    case 'intro':
      return [withModule(ctx, { ...progress, phase: 'scenario' }), [{ type: 'save' }]];
    case 'scenario': {
      const step = currentStep(module, progress.scenario);
      if (step.type === 'ending') return endScenario(ctx);
      if (step.type === 'decision') {
        if (!progress.scenario.answered) return undefined;
        const choice =
          progress.scenario.choices[decisionSlot(module, progress.scenario.step)] ?? -1;
        const option = step.options[choice];
        if (!option) return undefined;
        return goToStep(ctx, resolveNext(module, option.next, progress.scenario.flags));
      }
      return goToStep(ctx, resolveNext(module, step.next, progress.scenario.flags));
    }
    case 'quiz': {
      if (!progress.quiz.answered) return undefined;
      const questions = drawQuestions(
        module,
        ctx.content.level,
        ctx.state.seed,
        progress.quiz.attempt,
      );
      const next = progress.quiz.question + 1;
      if (next < questions.length) {
        return [
          withModule(ctx, {
            ...progress,
            quiz: { ...progress.quiz, question: next, answered: false },
          }),
          [{ type: 'save' }],
        ];
      }
      return finishAttempt(ctx, questions);
    }
    case 'results':
      if (!progress.completed) return undefined; // failed with attempts left: retry-quiz or leave
      return [withModule(ctx, { ...progress, phase: 'reflection' }), [{ type: 'save' }]];
    case 'reflection':
      return [
        withModule(ctx, { ...progress, phase: 'done' }, null),
        [{ type: 'save' }, { type: 'commit' }],
      ];
    case 'not-started':
    case 'done':
      return undefined;
  }
}

function goToStep(ctx: ModuleContext, step: number): Result {
  const scenario = { ...ctx.progress.scenario, step, answered: false };
  return [withModule(ctx, { ...ctx.progress, scenario }), [{ type: 'save' }]];
}

function choose(ctx: ModuleContext, optionIndex: number): Result | undefined {
  const { module, progress } = ctx;
  if (progress.phase !== 'scenario' || progress.scenario.answered) return undefined;
  const step = currentStep(module, progress.scenario);
  if (step.type !== 'decision') return undefined;
  const option = step.options[optionIndex];
  if (!option) return undefined;
  const slot = decisionSlot(module, progress.scenario.step);
  const flags = option.sets.reduce(
    (bits, flag) => bits | flagBit(module, flag),
    progress.scenario.flags,
  );
  const choices = progress.scenario.choices.map((c, i) => (i === slot ? optionIndex : c));
  const state = withModule(ctx, {
    ...progress,
    scenario: { ...progress.scenario, answered: true, flags, choices },
  });
  return [
    state,
    [
      { type: 'record-interaction', interaction: decisionInteraction(module, step, optionIndex) },
      { type: 'save' },
      { type: 'commit' },
    ],
  ];
}

function endScenario(ctx: ModuleContext): Result {
  const { module, progress, content } = ctx;
  if (drawSize(module, content.level) > 0) {
    const quiz = {
      attempt: 1,
      question: 0,
      answered: false,
      answers: drawQuestions(module, content.level, ctx.state.seed, 1).map(() => null),
      best: null,
    };
    const state = withModule(ctx, { ...progress, phase: 'quiz', quiz });
    return [state, [progressEffect(content, state), { type: 'save' }, { type: 'commit' }]];
  }
  // No quiz at this level: the module is complete when its scenario ends.
  return completeModule(ctx, { ...progress, phase: 'reflection', completed: true });
}

function answer(ctx: ModuleContext, given: Answer): Result | undefined {
  const { module, progress, content } = ctx;
  if (progress.phase !== 'quiz' || progress.quiz.answered) return undefined;
  const questions = drawQuestions(module, content.level, ctx.state.seed, progress.quiz.attempt);
  const question = questions[progress.quiz.question];
  if (!question || !answerFits(question, given)) return undefined;
  const answers = progress.quiz.answers.map((a, i) => (i === progress.quiz.question ? given : a));
  const state = withModule(ctx, {
    ...progress,
    quiz: { ...progress.quiz, answers, answered: true },
  });
  return [
    state,
    [
      {
        type: 'record-interaction',
        interaction: {
          ...questionInteraction(module, question, given),
          attempt: progress.quiz.attempt,
        },
      },
      { type: 'save' },
      { type: 'commit' },
    ],
  ];
}

function finishAttempt(ctx: ModuleContext, questions: readonly Question[]): Result {
  const { progress, content } = ctx;
  const score = quizScore(questions, progress.quiz.answers);
  const best = Math.max(score, progress.quiz.best ?? 0);
  const quiz = { ...progress.quiz, best, answered: false };
  const outOfAttempts =
    content.level.attempts > 0 && progress.quiz.attempt >= content.level.attempts;
  const done =
    moduleScore(content, ctx.module, { ...progress, quiz }) >= content.level.passMark ||
    outOfAttempts;
  const next: ModuleProgress = { ...progress, phase: 'results', quiz, completed: done };
  if (done) return completeModule(ctx, next);
  const state = withModule(ctx, next);
  return [state, [{ type: 'save' }, { type: 'commit' }]];
}

function retryQuiz(ctx: ModuleContext): Result | undefined {
  const { progress, content, module } = ctx;
  if (progress.phase !== 'results' || progress.completed) return undefined;
  const attempt = Math.min(progress.quiz.attempt + 1, MAX_ATTEMPT_COUNT);
  const answers = drawQuestions(module, content.level, ctx.state.seed, attempt).map(() => null);
  const quiz = { ...progress.quiz, attempt, question: 0, answered: false, answers };
  return [
    withModule(ctx, { ...progress, phase: 'quiz', quiz }),
    [{ type: 'save' }, { type: 'commit' }],
  ];
}

function completeModule(ctx: ModuleContext, progress: ModuleProgress): Result {
  const { content, module } = ctx;
  const state = withModule(ctx, progress);
  const { passed, score } = moduleOutcome(content, module, progress);
  const effects: Effect[] = [
    { type: 'complete-module', module: module.id, passed, score },
    progressEffect(content, state),
  ];
  const outcome = levelOutcome(content, state);
  if (outcome.complete)
    effects.push({ type: 'complete-level', passed: outcome.passed, score: outcome.score });
  effects.push({ type: 'save' }, { type: 'commit' });
  return [state, effects];
}

// ---------------------------------------------------------------------------------------------
// Scores and progress (pure functions of content and state; views use them too)

function hasQuiz(content: LevelContent, module: Module): boolean {
  return drawSize(module, content.level) > 0;
}

/** 0–100: the best quiz attempt, blended with the scenario's choices by the level's scenario share. */
export function moduleScore(
  content: LevelContent,
  module: Module,
  progress: ModuleProgress,
): number {
  const share = content.level.scenarioShare;
  const scenario = scenarioScore(module, progress.scenario.choices);
  if (!hasQuiz(content, module)) return scenario;
  return Math.round(share * scenario + (1 - share) * (progress.quiz.best ?? 0));
}

export interface ModuleOutcome {
  /** The module's quiz (if any) passed: true for a module with no quiz at this level. */
  readonly passed: boolean;
  /** 0–100, or null for a module with no quiz at this level. */
  readonly score: number | null;
}

/** How a module stands on its score: what the LMS is told and the module list shows. */
export function moduleOutcome(
  content: LevelContent,
  module: Module,
  progress: ModuleProgress,
): ModuleOutcome {
  if (!hasQuiz(content, module)) return { passed: true, score: null };
  const score = moduleScore(content, module, progress);
  return { passed: score >= content.level.passMark, score };
}

export interface LevelOutcome {
  readonly complete: boolean;
  /** Every scored module passed. */
  readonly passed: boolean;
  /**
   * 0–100: the lowest score of the completed modules that have a quiz (100 when none has one).
   * The level passes when every module passes, i.e. when its lowest score reaches the pass mark,
   * so passed ⇔ score ≥ pass mark, as an LMS holding the pass mark judges it. A mean would let the
   * LMS record as passed a level the course failed (100, 100, 100, 67: a mean of 92).
   */
  readonly score: number;
}

export function levelOutcome(content: LevelContent, state: LearnerState): LevelOutcome {
  const outcomes = content.modules.flatMap((module, i) => {
    const progress = state.modules[i];
    return progress?.completed ? [moduleOutcome(content, module, progress)] : [];
  });
  const scores = outcomes.flatMap((o) => (o.score === null ? [] : [o.score]));
  const complete = state.modules.every((m) => m.completed);
  const score = scores.length === 0 ? (complete ? 100 : 0) : Math.min(...scores);
  return { complete, passed: complete && outcomes.every((o) => o.passed), score };
}

/**
 * Progress only: the level's score goes out with `complete-level`, never before. An LMS that holds
 * a pass mark judges any score it is given (a SCORM 1.2 LMS sets passed or failed from score.raw
 * when the session ends; a 2004 LMS works out success_status from score.scaled), so a running
 * score would pass or fail a learner who has not finished the level.
 */
function progressEffect(content: LevelContent, state: LearnerState): Effect {
  return { type: 'set-progress', measure: progressMeasure(content, state) };
}

// ---------------------------------------------------------------------------------------------
// Interactions

/** The interaction id the LMS records a decision or question under: `<module>_<step or question>`. */
export const interactionId = (moduleId: string, id: string) => `${moduleId}_${id}`;

/**
 * What choosing `option` records as the decision's result: `correct` for a best option (highest
 * weight), `incorrect` for one weighted 0, `neutral` for one in between (or when every option is
 * weighted 0): a decision has consequences, not a right answer, so only the ends are marked.
 */
export function decisionResult(
  step: DecisionStep,
  option: number,
): 'correct' | 'incorrect' | 'neutral' {
  const weights = step.options.map((o) => o.weight);
  const best = Math.max(...weights);
  const weight = weights[option] ?? 0;
  if (best === 0 || (weight > 0 && weight < best)) return 'neutral';
  return weight === best ? 'correct' : 'incorrect';
}

function decisionInteraction(module: Module, step: DecisionStep, option: number): Interaction {
  const weights = step.options.map((o) => o.weight);
  const best = Math.max(...weights);
  const result = decisionResult(step, option);
  return {
    id: interactionId(module.id, step.id),
    module: module.id,
    kind: 'decision',
    type: 'choice',
    description: step.question.text,
    response: { type: 'choice', ids: [optionId(option)] },
    correctResponse: {
      type: 'choice',
      ids: weights.flatMap((w, i) => (w === best ? [optionId(i)] : [])),
    },
    result,
    weighting: 1,
  };
}

function questionInteraction(module: Module, question: Question, given: Answer): Interaction {
  return {
    id: interactionId(module.id, question.id),
    module: module.id,
    kind: 'question',
    description: question.prompt.text,
    result: isCorrect(question, given) ? 'correct' : 'incorrect',
    weighting: 1,
    // Its type and responses: each question type's own (src/questions/).
    ...kindOf(question).interaction(question, given),
  };
}
