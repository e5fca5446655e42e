/**
 * The course engine: pure TypeScript, no DOM, Lit, LMS or clock (a lint rule keeps it so).
 * Views send it learner events; the LMS adapter carries out the effects it returns.
 */
export {
  initialState,
  isUnderway,
  levelContent,
  decisionSteps,
  previewState,
  PHASES,
} from './state.ts';
export type {
  Answer,
  LearnerState,
  LevelContent,
  ModuleProgress,
  Phase,
  QuizProgress,
  ScenarioProgress,
} from './state.ts';
export {
  transition,
  moduleScore,
  moduleOutcome,
  levelOutcome,
  decisionResult,
  interactionId,
} from './transition.ts';
export { progressMeasure } from './progress.ts';
export type {
  Effect,
  Interaction,
  InteractionResponse,
  LearnerEvent,
  LevelOutcome,
  ModuleOutcome,
} from './transition.ts';
export {
  serialise,
  restore,
  worstCaseSize,
  moduleHash,
  upgradeSaved,
  SAVED_FORMATS,
  STATE_VERSION,
  MIN_COMPATIBLE_VERSION,
  SUSPEND_DATA_LIMIT,
} from './serialise.ts';
export type { Migration, RestoreResult, SavedFormats, UpgradeResult } from './serialise.ts';
export { drawQuestions, isCorrect, questionBank, quizScore } from './quiz.ts';
export { decisionOrder, optionId, presentedOrder } from './options.ts';
export { pathSoFar, currentStep, resolveNext, scenarioScore } from './scenario.ts';
export type { PathEntry } from './scenario.ts';
export { scenarioReview } from './review.ts';
export { walkScenario } from './walk.ts';
export type { ScenarioWalk } from './walk.ts';
export { walkLevel } from './level-walk.ts';
export {
  continueEvent,
  currentModule,
  launchEffects,
  location,
  moduleStatus,
  quizResults,
} from './selectors.ts';
export type { ModuleStatus, QuizResults } from './selectors.ts';
export type { LevelPathProblem, LevelWalk } from './level-walk.ts';
