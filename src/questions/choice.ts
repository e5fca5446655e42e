import type { QuestionBase, RichText } from '../model/course.ts';
import { deriveSeed, shuffledIndexes } from '../engine/random.ts';
import type {
  CheckTools,
  KindSchema,
  LinkTools,
  RecordedId,
  Rendered,
  ViewContext,
} from './kind.ts';
import { choiceRow, optionId } from './kind.ts';

/**
 * What single choice and multiple response share: options written with `correct:` and their own
 * feedback, shown as radios or checkboxes in a seeded order. Each type's module (single.ts,
 * multiple.ts) adds its answer and its rules.
 */

export interface ChoiceOption {
  readonly text: RichText;
  readonly correct: boolean;
  readonly feedback?: RichText;
}

export interface ChoiceQuestion extends QuestionBase {
  readonly type: 'single' | 'multiple';
  readonly options: readonly ChoiceOption[];
}

export interface RawChoice {
  text: string;
  correct?: boolean;
  feedback?: string;
}

export interface RawChoiceFields {
  options: RawChoice[];
}

export const choiceSchema = (title: string): KindSchema => ({
  title,
  required: ['options'],
  properties: {
    options: { type: 'array', maxItems: 8, items: { $ref: '#/definitions/choice' } },
  },
});

export const linkChoices = (raw: RawChoiceFields, { inline, markdown }: LinkTools) => ({
  options: raw.options.map((o): ChoiceOption => ({
    text: inline(o.text),
    correct: o.correct ?? false,
    ...(o.feedback ? { feedback: markdown(o.feedback) } : {}),
  })),
});

/**
 * At least 2 options, one right at least, then the type's own rule (`between`), then feedback for
 * each option (or overall): in this order, as authors see the messages.
 */
export function checkChoices(
  raw: RawChoiceFields & { id: string },
  { report, hasOverallFeedback }: CheckTools,
  between: (rightCount: number) => void,
): void {
  if (raw.options.length < 2)
    report(
      ['options'],
      `question "${raw.id}" has ${raw.options.length} option(s); it needs at least 2`,
      'add options',
    );
  const rightCount = raw.options.filter((o) => o.correct).length;
  if (rightCount === 0)
    report(
      ['options'],
      `question "${raw.id}" has no correct answer`,
      'mark the right option(s) with "correct: true"',
    );
  between(rightCount);
  if (!hasOverallFeedback)
    raw.options.forEach((o, oi) => {
      if (!o.feedback)
        report(
          ['options', oi],
          `option ${oi + 1} of question "${raw.id}" has no feedback`,
          'add "feedback:" to every option, or overall "feedback:" with "correct:" and "incorrect:"',
        );
    });
}

/** A seeded order, keyed by module and question (question ids are unique only within a module). */
export const choiceOrder = (q: ChoiceQuestion, seed: number, attempt: number, moduleId: string) =>
  shuffledIndexes(q.options.length, deriveSeed(seed, moduleId, q.id, 'options', attempt));

/** Which options are right ("0110"), for the content hash. */
export const rightKey = (q: ChoiceQuestion) =>
  q.options.map((o) => (o.correct ? '1' : '0')).join('');

export const rightIndexes = (q: ChoiceQuestion) =>
  q.options.flatMap((o, i) => (o.correct ? [i] : []));

export const choiceInteraction = (q: ChoiceQuestion, chosen: readonly number[]) =>
  ({
    type: 'choice',
    response: { type: 'choice', ids: [...chosen].sort((a, b) => a - b).map(optionId) },
    correctResponse: { type: 'choice', ids: rightIndexes(q).map(optionId) },
  }) as const;

/** Option `a` is the first option as written, `b` the second… */
export const recordedChoices = (q: ChoiceQuestion): RecordedId[] =>
  q.options.map((o, i) => ({ id: optionId(i), text: o.text.text }));

export const printChoices = (q: ChoiceQuestion) =>
  `<ul>${q.options
    .map(
      (o) =>
        `<li class="option">${o.text.html}${o.correct ? '<p class="answer">Right answer.</p>' : '<p>Not right.</p>'}${o.feedback?.html ?? ''}</li>`,
    )
    .join('')}</ul>`;

/** Radios or checkboxes in the presented order; each keeps its authored index as its id. */
export function choiceList<D>(
  view: ViewContext<ChoiceQuestion, D>,
  type: 'radio' | 'checkbox',
  checked: (i: number) => boolean,
  set: (i: number, checked: boolean) => void,
): Rendered {
  const { html, unsafeHTML } = view.lit;
  return html`<div class="choices">
    ${view.shown.map((i) =>
      choiceRow(view.lit, {
        type,
        id: `option-${i}`,
        checked: checked(i),
        answered: view.answered,
        label: unsafeHTML(view.question.options[i]?.text.html ?? ''),
        onChange: (on) => set(i, on),
      }),
    )}
  </div>`;
}

/** "You chose: …" and its feedback, for each chosen option that has feedback, in shown order. */
export function chosenFeedback<D>(
  view: ViewContext<ChoiceQuestion, D>,
  chosen: readonly number[],
): Rendered {
  const { html, unsafeHTML } = view.lit;
  const withFeedback = chosen.flatMap((i) => {
    const o = view.question.options[i];
    return o?.feedback ? [{ option: o, feedback: o.feedback }] : [];
  });
  return html`${withFeedback.map(
    (f) =>
      html`<p class="result">You chose: ${unsafeHTML(f.option.text.html)}</p>
        ${unsafeHTML(f.feedback.html)}`,
  )}`;
}
