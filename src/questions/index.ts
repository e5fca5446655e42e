import type { QuestionKind } from './kind.ts';
import { matching } from './matching.ts';
import { multiple } from './multiple.ts';
import { ordering } from './ordering.ts';
import { single } from './single.ts';
import { trueFalse } from './true-false.ts';

/**
 * The question types, one line each: a type's module (beside this file) holds all of it, and this
 * list is how the compiler, the engine, the LMS side, the facilitator pack and `<sg-question>` find
 * it (through lookup.ts). The types below (`Question`, `Answer`, the authored fields) come from this
 * list, so a new line here is all the rest of the code needs. docs/authoring.md, "Adding a question
 * type", says what a new type's module holds.
 */
export const QUESTION_KINDS = [single, multiple, trueFalse, ordering, matching] as const;

type Kinds = (typeof QUESTION_KINDS)[number];

type QuestionOf<K> = K extends QuestionKind<infer Q, infer _A, infer _R, infer _D> ? Q : never;
type AnswerOf<K> = K extends QuestionKind<infer _Q, infer A, infer _R, infer _D> ? A : never;
type RawOf<K> =
  K extends QuestionKind<infer Q, infer _A, infer R, infer _D> ? R & { type: Q['type'] } : never;

/** A compiled question of any registered type (narrow it by `type`). */
export type AnyQuestion = QuestionOf<Kinds>;
/** A learner's answer to a question of any registered type. */
export type AnyAnswer = AnswerOf<Kinds>;
/** The type-specific fields of an authored question (beside id, prompt and the rest), by type. */
export type RawQuestionFields = RawOf<Kinds>;
export type QuestionType = AnyQuestion['type'];

/** A kind as the registry calls it: looked up by the question's type, so any question fits. */
export type AnyKind = QuestionKind<AnyQuestion, AnyAnswer, object, unknown>;
