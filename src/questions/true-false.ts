import type { QuestionBase } from '../model/course.ts';
import { choiceRow, requireOverallFeedback, type QuestionKind } from './kind.ts';

/** A statement the learner judges true or false; shown as two radios, True then False. */
export interface TrueFalseQuestion extends QuestionBase {
  readonly type: 'true-false';
  readonly answer: boolean;
}

export interface TrueFalseAnswer {
  readonly type: 'true-false';
  readonly value: boolean;
}

export const trueFalse: QuestionKind<
  TrueFalseQuestion,
  TrueFalseAnswer,
  { answer: boolean },
  boolean | null
> = {
  type: 'true-false',
  schema: {
    title: 'True or false',
    required: ['answer', 'feedback'],
    properties: { answer: { type: 'boolean' } },
  },
  example: { answer: false },
  link: (raw) => ({ answer: raw.answer }),
  check: (raw, tools) => requireOverallFeedback(raw.id, tools),

  optionCount: () => 2,
  fits: (_q, a) => typeof a.value === 'boolean',
  isCorrect: (q, a) => q.answer === a.value,
  presentedOrder: () => [0, 1],
  encode: (a) => (a.value ? 't' : 'f'),
  decode: (_q, text) => {
    if (text !== 't' && text !== 'f') throw new Error(`bad true/false answer "${text}"`);
    return { type: 'true-false', value: text === 't' };
  },
  widest: () => ({ type: 'true-false', value: true }),
  answerKey: () => '',

  interaction: (q, a) => ({
    type: 'true-false',
    response: { type: 'true-false', value: a.value },
    correctResponse: { type: 'true-false', value: q.answer },
  }),

  samples: (q) => ({
    right: { type: 'true-false', value: q.answer },
    wrong: { type: 'true-false', value: !q.answer },
  }),
  // The response is `true` or `false` itself.
  recordedIds: () => [],
  printAnswer: (q) => `<p class="answer">Answer: ${q.answer ? 'true' : 'false'}.</p>`,

  view: {
    hint: 'Select true or false.',
    draft: (_q, answer) => answer?.value ?? null,
    controls: ({ lit, draft, answered, setDraft }) =>
      lit.html`<div class="choices">
        ${[true, false].map((value, i) =>
          choiceRow(lit, {
            type: 'radio',
            id: `option-${i}`,
            checked: draft === value,
            answered,
            label: value ? 'True' : 'False',
            onChange: () => setDraft(value),
          }),
        )}
      </div>`,
    build: (_q, draft) =>
      draft === null
        ? [{ target: 'option-0', message: 'Select true or false' }]
        : { type: 'true-false', value: draft },
    feedback: ({ lit: { nothing } }) => ({ chosen: nothing, solution: nothing }),
  },
};
