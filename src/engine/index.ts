/**
 * The course engine: pure TypeScript, no DOM, Lit, LMS or clock (a lint rule keeps it so).
 * Views send it learner events; the LMS adapter carries out the effects it returns.
 */
export { initialState, levelContent, decisionSteps, previewState, PHASES } from './state.ts';
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
  progressMeasure,
} from './transition.ts';
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
  STATE_VERSION,
  SUSPEND_DATA_LIMIT,
} from './serialise.ts';
export type { RestoreResult } from './serialise.ts';
export { drawQuestions, presentedOrder, isCorrect, questionBank, quizScore } from './quiz.ts';
export { pathSoFar, currentStep, resolveNext, scenarioScore } from './scenario.ts';
export type { PathEntry } from './scenario.ts';
export { walkScenario } from './walk.ts';
export type { ScenarioWalk } from './walk.ts';
