import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../src/components/sg-question/sg-question.ts';
import { renderInlineMarkdown, renderMarkdown } from '../../../src/compiler/markdown.ts';
import type { Question } from '../../../src/model/course.ts';
import type * as Registry from '../../../src/questions/index.ts';
import type { YesNoQuestion } from '../../compiler/yes-no-kind.ts';
import {
  ALL_EVENTS,
  button,
  deepActiveElement,
  deepQuery,
  expectNoAxeViolations,
  mount,
  recordEvents,
  text,
} from '../helpers.ts';

/**
 * `<sg-question>` shows a question type it has never heard of, once the type is registered: the
 * throwaway yes-no type (tests/compiler/yes-no-kind.ts) is added to the registry's list, as its one
 * line would be, and the element draws its controls, its error and its feedback unchanged.
 */
vi.mock('../../../src/questions/index.ts', async (importOriginal) => {
  const registry = await importOriginal<typeof Registry>();
  const { yesNo } = await import('../../compiler/yes-no-kind.ts');
  return { ...registry, QUESTION_KINDS: [...registry.QUESTION_KINDS, yesNo] };
});

const yesNoQuestion: YesNoQuestion = {
  id: 'q-yes-no',
  type: 'yes-no',
  prompt: renderMarkdown('Should you tell the DSL the same day?'),
  keyMessage: renderMarkdown('Tell the DSL the same day.'),
  levels: ['foundation'],
  outcomes: [],
  feedback: { correct: renderMarkdown('Yes.'), incorrect: renderInlineMarkdown('Tell them.') },
  yes: true,
};
// Registered at run time only: TypeScript sees the committed registry.
const question = yesNoQuestion as unknown as Question;

const ask = (props: Partial<HTMLElementTagNameMap['sg-question']> = {}) =>
  mount('sg-question', { question, seed: 7, moduleId: 'sample', ...props });

describe('<sg-question> with a question type added to the registry alone', () => {
  afterEach(() => document.body.replaceChildren());

  it('draws its controls in the fieldset, with its hint, and sends its answer', async () => {
    const el = await ask();
    expect(text(deepQuery(el, 'legend'))).toBe('Should you tell the DSL the same day?');
    expect(text(deepQuery(el, '.hint'))).toBe('Select yes or no.');
    await expectNoAxeViolations();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(deepQuery(el, '#option-no')!);
    await userEvent.click(button(el, 'Submit answer'));
    expect(seen.map((e) => (e as HTMLElementEventMap['sg-answer']).detail.answer)).toEqual([
      { type: 'yes-no', yes: false },
    ]);
  });

  it('an empty submit shows its error, and the summary link moves focus to its control', async () => {
    const el = await ask();
    await userEvent.click(button(el, 'Submit answer'));
    const link = deepQuery<HTMLAnchorElement>(el, '[data-error-summary] a');
    expect(text(link)).toBe('Select yes or no');
    await userEvent.click(link!);
    expect(deepActiveElement()?.id).toBe('option-yes');
  });

  it('answered wrong, shows the overall feedback and its own solution', async () => {
    const el = await ask({ answer: { type: 'yes-no', yes: false } as never, answered: true });
    const feedback = text(deepQuery(el, '.feedback'));
    expect(feedback).toContain('Not quite');
    expect(feedback).toContain('Tell them.');
    expect(feedback).toContain('The answer is yes.');
    expect(deepQuery<HTMLInputElement>(el, '#option-no')?.checked).toBe(true);
    await expectNoAxeViolations();
  });
});
