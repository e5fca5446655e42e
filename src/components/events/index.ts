/** The events the views send up to `sg-app`, each a typed Event subclass in its own file. */
export { SgAnswerEvent } from './sg-answer.ts';
export { SgChooseEvent } from './sg-choose.ts';
export { SgContinueEvent } from './sg-continue.ts';
export { SgLeaveModuleEvent } from './sg-leave-module.ts';
export { SgOpenModuleEvent } from './sg-open-module.ts';
export { SgRetryQuizEvent } from './sg-retry-quiz.ts';
