import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import type { Module, Question } from '../../../src/model/course.ts';
import '../../../src/components/sg-question/sg-question.ts';
import { presentedOrder, type Answer } from '../../../src/engine/index.ts';
import {
  ALL_EVENTS,
  button,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectNoAxeViolations,
  mount,
  recordEvents,
  tabTo,
  text,
} from '../helpers.ts';

const module = course.modules[0] as Module;
const question = (id: string) => module.questions.find((q) => q.id === id) as Question;
const SEED = 7;

const ask = (id: string, props: Partial<HTMLElementTagNameMap['sg-question']> = {}) =>
  mount('sg-question', {
    question: question(id),
    seed: SEED,
    moduleId: module.id,
    attempt: 1,
    number: 2,
    total: 5,
    ...props,
  });

const answers = (seen: Event[]) =>
  seen.map((e) => (e as HTMLElementEventMap['sg-answer']).detail.answer);

describe('<sg-question>', () => {
  afterEach(() => document.body.replaceChildren());

  it('asks a single-choice question with radios in a fieldset and sends one sg-answer on submit', async () => {
    const el = await ask('q-single');
    expect(text(deepQuery(el, 'h1'))).toBe('Question 2 of 5');
    expect(text(deepQuery(el, 'legend'))).toBe('Who should you think about?');
    expect(deepQueryAll<HTMLInputElement>(el, 'input').map((i) => i.type)).toEqual([
      'radio',
      'radio',
    ]);
    // The live region is there, empty, before the answer, so its feedback will be announced.
    expect(deepQuery(el, 'form + [role="status"]')?.textContent?.trim()).toBe('');
    await expectNoAxeViolations();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(deepQuery(el, '#option-1')!);
    expect(seen).toHaveLength(0);
    await userEvent.click(button(el, 'Submit answer'));
    expect(answers(seen)).toEqual([{ type: 'single', option: 1 }]);
  });

  it.each(['q-single', 'q-multiple'])(
    'shows the options of %s in the learner’s own order, and a click records the option as written',
    async (id) => {
      const q = question(id);
      if (q.type !== 'single' && q.type !== 'multiple') throw new Error('not a choice question');
      const shown = presentedOrder(q, SEED, 1, module.id);
      expect(shown).not.toEqual(shown.toSorted((a, b) => a - b)); // a real shuffle, or no test
      const el = await ask(id);
      const inputs = deepQueryAll<HTMLInputElement>(el, 'input');
      expect(inputs.map((i) => text(i.labels?.[0]))).toEqual(
        shown.map((i) => q.options[i]?.text.text),
      );
      expect(inputs.map((i) => i.id)).toEqual(shown.map((i) => `option-${i}`));
      const seen = recordEvents(el, ALL_EVENTS);
      await userEvent.click(inputs.at(-1)!.labels![0]!);
      await userEvent.click(button(el, 'Submit answer'));
      expect(answers(seen)).toEqual([
        q.type === 'single'
          ? { type: 'single', option: shown.at(-1) }
          : { type: 'multiple', options: [shown.at(-1)] },
      ]);
      // A retry shows its own order; the same attempt shows the same order again.
      el.attempt = 2;
      await el.updateComplete;
      const retry = presentedOrder(q, SEED, 2, module.id);
      expect(deepQueryAll<HTMLInputElement>(el, 'input').map((i) => i.id)).toEqual(
        retry.map((i) => `option-${i}`),
      );
    },
  );

  it('moves through a single-choice question’s options in the order shown, by keyboard', async () => {
    const q = question('q-single');
    const shown = presentedOrder(q, SEED, 1, module.id);
    const el = await ask('q-single');
    const seen = recordEvents(el, ALL_EVENTS);
    await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio');
    expect(deepActiveElement()?.id).toBe(`option-${shown[0]}`);
    await userEvent.keyboard('{ArrowDown}');
    expect(deepActiveElement()?.id).toBe(`option-${shown[1]}`);
    await tabTo((b) => text(b) === 'Submit answer');
    await userEvent.keyboard('{Enter}');
    expect(answers(seen)).toEqual([{ type: 'single', option: shown[1] }]);
  });

  it('asks a multiple-response question with checkboxes', async () => {
    const el = await ask('q-multiple');
    expect(deepQueryAll<HTMLInputElement>(el, 'input').map((i) => i.type)).toEqual([
      'checkbox',
      'checkbox',
      'checkbox',
    ]);
    await expectNoAxeViolations();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(deepQuery(el, '#option-2')!);
    await userEvent.click(deepQuery(el, '#option-0')!);
    await userEvent.click(button(el, 'Submit answer'));
    expect(answers(seen)).toEqual([{ type: 'multiple', options: [0, 2] }]);
  });

  it('asks a true/false question with two radios', async () => {
    const el = await ask('q-tf');
    const labels = deepQueryAll<HTMLInputElement>(el, 'input[type="radio"]').map((i) =>
      text(i.labels?.[0]),
    );
    expect(labels).toEqual(['True', 'False']);
    await expectNoAxeViolations();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(deepQuery(el, '#option-1')!);
    await userEvent.click(button(el, 'Submit answer'));
    expect(answers(seen)).toEqual([{ type: 'true-false', value: false }]);
  });

  it('shows an error summary that takes focus when submitting with no answer, and sends nothing', async () => {
    const el = await ask('q-single');
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Submit answer'));
    const summary = deepQuery(el, '.error-summary');
    expect(deepActiveElement()).toBe(summary);
    expect(text(summary)).toBe('There is a problem Select an answer');
    expect(text(deepQuery(el, '.error-message'))).toBe('Error: Select an answer');
    expect(seen).toHaveLength(0);
    await expectNoAxeViolations();
    // The summary's link goes to the first option shown.
    await userEvent.click(deepQuery(el, '.error-summary a')!);
    const first = presentedOrder(question('q-single'), SEED, 1, module.id)[0];
    expect(deepActiveElement()?.id).toBe(`option-${first}`);
  });

  it('orders items with Move up / Move down by keyboard alone, starting from the presented order', async () => {
    const q = question('q-order');
    if (q.type !== 'ordering') throw new Error('not ordering');
    const el = await ask('q-order');
    const shown = presentedOrder(q, SEED, 1, module.id);
    const items = () => deepQueryAll(el, '.ordering .item').map(text);
    expect(items()).toEqual(shown.map((i) => q.items[i]?.text));
    await expectNoAxeViolations();

    // Selection sort by keyboard: for each position, Tab to the right item's Move up and press Enter.
    const order = [...shown];
    for (let target = 0; target < order.length; target++) {
      let position = order.indexOf(target);
      if (position === target) continue;
      await tabTo((b) => text(b) === `Move up: ${q.items[target]?.text}`);
      while (position > target) {
        await userEvent.keyboard('{Enter}');
        await el.updateComplete;
        order.splice(position, 1);
        order.splice(position - 1, 0, target);
        position--;
        // Focus follows the item, and the move is announced.
        expect(text(deepActiveElement())).toMatch(
          new RegExp(`^Move (up|down): ${q.items[target]?.text}$`),
        );
        expect(text(deepQuery(el, '.ordering + [role="status"]'))).toBe(
          `“${q.items[target]?.text}” moved to position ${position + 1} of ${order.length}.`,
        );
      }
    }
    expect(items()).toEqual(['Gather', 'Analyse', 'Plan', 'Review']);
    const seen = recordEvents(el, ALL_EVENTS);
    await tabTo((b) => text(b) === 'Submit answer');
    await userEvent.keyboard('{Enter}');
    expect(answers(seen)).toEqual([{ type: 'ordering', order: [0, 1, 2, 3] }]);
  });

  it('matches with a native select per prompt, in the presented order, by keyboard alone', async () => {
    const q = question('q-match');
    if (q.type !== 'matching') throw new Error('not matching');
    const el = await ask('q-match');
    const shown = presentedOrder(q, SEED, 1, module.id);
    const selects = deepQueryAll<HTMLSelectElement>(el, 'select');
    expect(selects.map((s) => text(s.labels?.[0]))).toEqual(q.pairs.map((p) => p.prompt.text));
    expect([...selects[0]!.options].map((o) => text(o))).toEqual([
      'Choose a match',
      ...shown.map((m, i) => `${'ABC'[i]}. ${q.pairs[m]?.match.text}`),
    ]);
    // Long matches cannot wrap in a select, so they are listed in full too.
    expect(deepQueryAll(el, '.matches li').map(text)).toEqual(
      shown.map((m) => q.pairs[m]?.match.text),
    );
    await expectNoAxeViolations();

    const seen = recordEvents(el, ALL_EVENTS);
    for (let prompt = 0; prompt < q.pairs.length; prompt++) {
      await tabTo((s) => s.id === `match-${prompt}`);
      for (let i = 0; i <= shown.indexOf(prompt); i++) await userEvent.keyboard('{ArrowDown}');
    }
    expect(seen).toHaveLength(0);
    await tabTo((b) => text(b) === 'Submit answer');
    await userEvent.keyboard('{Enter}');
    expect(answers(seen)).toEqual([{ type: 'matching', matches: [0, 1, 2] }]);
  });

  it('asks for a match for every prompt, and each match once', async () => {
    const el = await ask('q-match');
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Submit answer'));
    expect(text(deepQuery(el, '.error-summary'))).toContain('Choose a match for “Think sibling”');
    for (let p = 0; p < 3; p++)
      await userEvent.selectOptions(deepQuery<HTMLSelectElement>(el, `#match-${p}`)!, '0');
    await userEvent.click(button(el, 'Submit answer'));
    expect(text(deepQuery(el, '.error-summary'))).toContain('Each match can be used once');
    expect(seen).toHaveLength(0);
  });

  it('after answering, shows per-answer feedback and the key message in a live region, and Next question', async () => {
    const answer: Answer = { type: 'single', option: 0 };
    const el = await ask('q-single', { answer, answered: true });
    const region = deepQuery(el, '[role="status"]');
    expect(text(region)).toBe(
      'Not quite You chose: Only the referred child Siblings matter too. Key message Think sibling.',
    );
    expect(deepQueryAll<HTMLInputElement>(el, 'input').every((i) => i.disabled)).toBe(true);
    expect(deepQuery<HTMLInputElement>(el, '#option-0')?.checked).toBe(true);
    await el.focusHeading();
    expect(text(deepActiveElement())).toBe('Not quite');
    await expectNoAxeViolations();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Next question'));
    expect(seen.map((e) => e.type)).toEqual(['sg-continue']);
  });

  it('lists the options chosen in the order they were shown, in the feedback', async () => {
    const q = question('q-multiple');
    if (q.type !== 'multiple') throw new Error('not multiple');
    const withFeedback: Question = {
      ...q,
      options: q.options.map((o, i) => ({
        ...o,
        feedback: { html: `<p>Feedback ${i}.</p>`, text: `Feedback ${i}.` },
      })),
    };
    const shown = presentedOrder(withFeedback, SEED, 1, module.id);
    const el = await ask('q-multiple', {
      question: withFeedback,
      answer: { type: 'multiple', options: [0, 1, 2] },
      answered: true,
    });
    expect(deepQueryAll(el, '.feedback .result').map(text)).toEqual(
      shown.map((i) => `You chose: ${q.options[i]?.text.text}`),
    );
    await expectNoAxeViolations();
  });

  it.each([
    ['q-tf', { type: 'true-false', value: false }, ['option-1']],
    ['q-single', { type: 'single', option: 0 }, ['option-0']],
    ['q-multiple', { type: 'multiple', options: [0, 2] }, ['option-0', 'option-2']],
  ] as const)(
    'marks the learner’s own answer in words once %s is answered, not only by a disabled control',
    async (id, answer, chosen) => {
      const el = await ask(id, { answer: answer as Answer, answered: true });
      const marked = deepQueryAll(el, '.choice.chosen');
      const markedIds = marked.map((row) => row.querySelector('input')?.id);
      expect(markedIds).toEqual(chosen);
      for (const row of marked)
        expect(text(row.querySelector('label')?.querySelector('.tag'))).toBe('Your answer');
      // Before the answer is submitted nothing is marked, whatever is checked.
      const drafting = await ask(id, { answer: answer as Answer, answered: false });
      expect(deepQueryAll(drafting, '.choice.chosen')).toEqual([]);
      expect(text(drafting)).not.toContain('Your answer');
      await expectNoAxeViolations();
    },
  );

  it('gives overall feedback when options have none, and says See your results on the last question', async () => {
    const el = await ask('q-tf', {
      answer: { type: 'true-false', value: false },
      answered: true,
      number: 5,
      total: 5,
    });
    expect(text(deepQuery(el, '[role="status"]'))).toBe(
      'Correct Right. Key message Low-probability events occur.',
    );
    button(el, 'See your results');
  });

  it('shows the right order after a wrong ordering answer', async () => {
    const el = await ask('q-order', {
      answer: { type: 'ordering', order: [3, 2, 1, 0] },
      answered: true,
    });
    expect(text(deepQuery(el, 'form + [role="status"]'))).toContain(
      'The order the review’s learning suggests:',
    );
    expect(deepQueryAll(el, '.feedback ol li').map(text)).toEqual([
      'Gather',
      'Analyse',
      'Plan',
      'Review',
    ]);
    await expectNoAxeViolations();
  });

  it('fires no event when its properties are set', async () => {
    const el = await ask('q-single');
    const seen = recordEvents(el, ALL_EVENTS);
    el.question = question('q-order');
    await el.updateComplete;
    el.answer = { type: 'ordering', order: [0, 1, 2, 3] };
    el.answered = true;
    await el.updateComplete;
    expect(seen).toHaveLength(0);
  });
});
