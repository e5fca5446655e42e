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
  rightKey,
  type ChoiceQuestion,
  type RawChoiceFields,
} from './choice.ts';
import { b36, inRange, parseB36, type QuestionKind } from './kind.ts';

/** Single choice: one right option among several, shown as radios. */
export interface SingleChoiceQuestion extends ChoiceQuestion {
  readonly type: 'single';
}

/** The option chosen (authored index). */
export interface SingleAnswer {
  readonly type: 'single';
  readonly option: number;
}

export const single: QuestionKind<
  SingleChoiceQuestion,
  SingleAnswer,
  RawChoiceFields,
  number | null
> = {
  type: 'single',
  schema: choiceSchema('Single choice'),
  example: {
    options: [
      { text: 'Ask the child what happened', correct: true, feedback: 'Yes: listen first.' },
      { text: 'Wait and see', feedback: 'Waiting leaves the child at risk.' },
    ],
  },
  link: linkChoices,
  check(raw, tools) {
    checkChoices(raw, tools, (right) => {
      if (right > 1)
        tools.report(
          ['type'],
          `single-choice question "${raw.id}" has ${right} correct answers`,
          'mark only one option correct, or use "type: multiple"',
        );
    });
  },

  optionCount: (q) => q.options.length,
  fits: (q, a) => inRange(q.options.length)(a.option),
  isCorrect: (q, a) => q.options[a.option]?.correct === true,
  presentedOrder: choiceOrder,
  encode: (a) => b36(a.option),
  decode: (_q, text, n) => ({ type: 'single', option: parseB36(text, n - 1) }),
  widest: (q) => ({ type: 'single', option: q.options.length - 1 }),
  answerKey: rightKey,

  interaction: (q, a) => choiceInteraction(q, [a.option]),

  samples: (q) => ({
    right: { type: 'single', option: q.options.findIndex((o) => o.correct) },
    wrong: {
      type: 'single',
      option: Math.max(
        0,
        q.options.findIndex((o) => !o.correct),
      ),
    },
  }),
  recordedIds: recordedChoices,
  printAnswer: printChoices,

  view: {
    hint: 'Select one answer.',
    draft: (_q, answer) => answer?.option ?? null,
    controls: (view) =>
      choiceList(
        view,
        'radio',
        (i) => view.draft === i,
        (i) => view.setDraft(i),
      ),
    build: (_q, draft, shown) =>
      draft === null
        ? [{ target: `option-${shown[0] ?? 0}`, message: 'Select an answer' }]
        : { type: 'single', option: draft },
    feedback: (view, answer) => ({
      chosen: chosenFeedback(view, [answer.option]),
      solution: view.lit.nothing,
    }),
  },
};
