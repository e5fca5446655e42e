import type { QuestionBase } from '../../src/model/course.ts';
import { optionId, requireOverallFeedback, type QuestionKind } from '../../src/questions/kind.ts';

/**
 * A throwaway question type, for tests only: "Yes or no?", with `yes: true` or `yes: false` as its
 * answer. It exists to show that a new type is one module plus one line in the registry: the
 * tests that use it add it to the registry's list (`vi.mock` of src/questions/index.ts) and
 * change nothing else. It imports only the kind contract, as a real type's module does.
 */
export interface YesNoQuestion extends QuestionBase {
  readonly type: 'yes-no';
  readonly yes: boolean;
}

export interface YesNoAnswer {
  readonly type: 'yes-no';
  readonly yes: boolean;
}

export const yesNo: QuestionKind<YesNoQuestion, YesNoAnswer, { yes: boolean }, boolean | null> = {
  type: 'yes-no',
  schema: {
    title: 'Yes or no',
    required: ['yes', 'feedback'],
    properties: { yes: { type: 'boolean' } },
  },
  example: { yes: true },
  link: (raw) => ({ yes: raw.yes }),
  check: (raw, tools) => requireOverallFeedback(raw.id, tools),

  optionCount: () => 2,
  fits: (_q, a) => typeof a.yes === 'boolean',
  isCorrect: (q, a) => q.yes === a.yes,
  presentedOrder: () => [0, 1],
  encode: (a) => (a.yes ? 'y' : 'n'),
  decode: (_q, text) => {
    if (text !== 'y' && text !== 'n') throw new Error(`bad yes/no answer "${text}"`);
    return { type: 'yes-no', yes: text === 'y' };
  },
  widest: () => ({ type: 'yes-no', yes: true }),
  answerKey: (q) => (q.yes ? 'y' : 'n'),

  // Recorded as a choice between option a (yes) and b (no).
  interaction: (q, a) => ({
    type: 'choice',
    response: { type: 'choice', ids: [optionId(a.yes ? 0 : 1)] },
    correctResponse: { type: 'choice', ids: [optionId(q.yes ? 0 : 1)] },
  }),

  samples: (q) => ({
    right: { type: 'yes-no', yes: q.yes },
    wrong: { type: 'yes-no', yes: !q.yes },
  }),
  recordedIds: () => [
    { id: 'a', text: 'Yes' },
    { id: 'b', text: 'No' },
  ],
  printAnswer: (q) => `<p class="answer">Answer: ${q.yes ? 'yes' : 'no'}.</p>`,

  view: {
    hint: 'Select yes or no.',
    draft: (_q, answer) => answer?.yes ?? null,
    controls: ({ lit: { html }, draft, answered, setDraft }) =>
      html`<div class="choices">
        ${[true, false].map(
          (value) =>
            html`<div class="choice">
              <input
                type="radio"
                id="option-${value ? 'yes' : 'no'}"
                name="answer"
                .checked=${draft === value}
                ?disabled=${answered}
                @change=${() => setDraft(value)}
              />
              <label for="option-${value ? 'yes' : 'no'}">${value ? 'Yes' : 'No'}</label>
            </div>`,
        )}
      </div>`,
    build: (_q, draft) =>
      draft === null
        ? [{ target: 'option-yes', message: 'Select yes or no' }]
        : { type: 'yes-no', yes: draft },
    feedback: ({ lit: { html, nothing }, question }, _answer, correct) => ({
      chosen: nothing,
      solution: correct ? nothing : html`<p>The answer is ${question.yes ? 'yes' : 'no'}.</p>`,
    }),
  },
};
