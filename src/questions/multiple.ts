import {
  checkChoices,
  choiceInteraction,
  choiceList,
  choiceOrder,
  choiceSchema,
  chosenFeedback,
  linkChoices,
  printChoices,
  recordedChoices,
  rightIndexes,
  rightKey,
  type ChoiceQuestion,
  type RawChoiceFields,
} from './choice.ts';
import { b36, indexes, inRange, parseB36, type QuestionKind } from './kind.ts';

/** Multiple response: every right option must be ticked, and no other; shown as checkboxes. */
export interface MultipleResponseQuestion extends ChoiceQuestion {
  readonly type: 'multiple';
}

/** The options ticked (authored indexes, ascending). */
export interface MultipleAnswer {
  readonly type: 'multiple';
  readonly options: readonly number[];
}

export const multiple: QuestionKind<
  MultipleResponseQuestion,
  MultipleAnswer,
  RawChoiceFields,
  readonly number[]
> = {
  type: 'multiple',
  schema: choiceSchema('Multiple response'),
  example: {
    options: [
      { text: 'The school nurse', correct: true, feedback: 'Yes: health sees the child.' },
      { text: 'The GP', correct: true, feedback: 'Yes: the GP knows the family.' },
      { text: 'Nobody', feedback: 'Sharing is how risk is seen.' },
    ],
  },
  link: linkChoices,
  check: (raw, tools) => checkChoices(raw, tools, () => {}),

  optionCount: (q) => q.options.length,
  fits: (q, a) =>
    a.options.every(inRange(q.options.length)) && new Set(a.options).size === a.options.length,
  isCorrect: (q, a) => {
    const chosen = new Set(a.options);
    return q.options.every((o, i) => o.correct === chosen.has(i));
  },
  presentedOrder: choiceOrder,
  /** A bitmask: bit i set ⇔ option i ticked. */
  encode: (a) => b36(a.options.reduce((bits, i) => bits | (1 << i), 0)),
  decode: (_q, text, n) => {
    const bits = parseB36(text, 2 ** n - 1);
    return { type: 'multiple', options: indexes(n).filter((i) => (bits & (1 << i)) !== 0) };
  },
  widest: (q) => ({ type: 'multiple', options: indexes(q.options.length) }),
  answerKey: rightKey,

  interaction: (q, a) => choiceInteraction(q, a.options),

  samples: (q) => {
    const wrong = q.options.flatMap((o, i) => (o.correct ? [] : [i]));
    return {
      right: { type: 'multiple', options: rightIndexes(q) },
      // Every wrong option; where all are right, all but the first (never an empty answer).
      wrong: {
        type: 'multiple',
        options: wrong.length > 0 ? wrong : indexes(q.options.length).slice(1),
      },
    };
  },
  recordedIds: recordedChoices,
  printAnswer: printChoices,

  view: {
    hint: 'Select all that apply.',
    draft: (_q, answer) => answer?.options ?? [],
    controls: (view) =>
      choiceList(
        view,
        'checkbox',
        (i) => view.draft.includes(i),
        (i, checked) =>
          view.setDraft(
            checked ? [...view.draft, i].sort((a, b) => a - b) : view.draft.filter((x) => x !== i),
          ),
      ),
    build: (_q, draft, shown) =>
      draft.length === 0
        ? [{ target: `option-${shown[0] ?? 0}`, message: 'Select all the answers that apply' }]
        : { type: 'multiple', options: draft },
    feedback: (view, answer) => ({
      // In the order they were shown.
      chosen: chosenFeedback(
        view,
        view.shown.filter((i) => answer.options.includes(i)),
      ),
      solution: view.lit.nothing,
    }),
  },
};
