import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import type { DecisionStep, Module } from '../../../src/model/course.ts';
import '../../../src/components/sg-scenario/sg-scenario.ts';
import { decisionOrder, type ScenarioProgress } from '../../../src/engine/index.ts';
import {
  ALL_EVENTS,
  button,
  chooseRadio,
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
/** Steps of the fixture scenario: 0 narrative, 1 decision, 2 reveal, 3 decision, 4 and 5 endings. */
const at = (step: number, extra: Partial<ScenarioProgress> = {}): ScenarioProgress => ({
  step,
  answered: false,
  flags: 0,
  choices: [-1, -1],
  ...extra,
});

/** A learner seed whose first decision is shown in an order other than the authored one. */
const SEED = 1;
const firstDecision = module.scenario.steps[1] as DecisionStep;
const shown = decisionOrder(module, firstDecision, SEED);
const authored = firstDecision.options.map((o) => o.text.text);

const scenario = (progress: ScenarioProgress, props = {}) =>
  mount('sg-scenario', { module, progress, seed: SEED, ...props });

describe('<sg-scenario>', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows a narrative step with what practitioners knew at this point', async () => {
    const el = await scenario(at(0));
    expect(text(deepQuery(el, 'h1'))).toContain('A referral');
    const knew = deepQuery(el, '.knew');
    expect(text(knew?.querySelector('h2'))).toBe('What practitioners knew at this point');
    expect(deepQueryAll(knew!, 'li').map(text)).toEqual(['The family has two children.']);
    await expectNoAxeViolations();
  });

  it('a step the module does not have shows nothing and is reported, not thrown', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const el = await scenario(at(99));
      expect(el.shadowRoot?.querySelector('h1')).toBeNull();
      expect(errors).toHaveBeenCalledWith(
        'The scenario has no step to show:',
        expect.objectContaining({ message: `Module "${module.id}" has no step 99.` }),
      );
    } finally {
      errors.mockRestore();
    }
  });

  it('sends one sg-continue when the learner continues', async () => {
    const el = await scenario(at(0));
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Continue'));
    expect(seen.map((e) => e.type)).toEqual(['sg-continue']);
  });

  it('asks a decision as radios in a fieldset with a legend, with an empty live region ready', async () => {
    const el = await scenario(at(1));
    const fieldset = deepQuery(el, 'fieldset');
    expect(text(fieldset?.querySelector('legend'))).toBe('What do you do?');
    const radios = deepQueryAll<HTMLInputElement>(el, 'input[type="radio"]');
    expect(radios.map((r) => text(r.labels?.[0]))).toEqual(shown.map((i) => authored[i]));
    expect(deepQuery(el, '.consequence')?.getAttribute('role')).toBe('status');
    expect(text(deepQuery(el, '.consequence'))).toBe('');
    await expectNoAxeViolations();
  });

  it('sends nothing when an option is selected, and exactly one sg-choose when the choice is confirmed', async () => {
    const el = await scenario(at(1));
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(deepQuery(el, '#option-2')!);
    await userEvent.click(deepQuery(el, '#option-1')!);
    expect(seen).toHaveLength(0);
    await userEvent.click(button(el, 'Confirm my choice'));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.type).toBe('sg-choose');
    expect((seen[0] as HTMLElementEventMap['sg-choose']).detail).toEqual({ option: 1 });
  });

  it('shows the options in the learner’s own order, and a click sends the option as written', async () => {
    expect(shown[0]).not.toBe(0); // the test means something only if the order differs
    const el = await scenario(at(1));
    const labels = () =>
      deepQueryAll<HTMLInputElement>(el, 'input[type="radio"]').map((r) => text(r.labels?.[0]));
    expect(labels()).toEqual(shown.map((i) => authored[i]));
    // Another learner sees another order; the same learner sees the same one again.
    const other = decisionOrder(module, firstDecision, 5);
    expect(other).not.toEqual(shown);
    el.seed = 5;
    await el.updateComplete;
    expect(labels()).toEqual(other.map((i) => authored[i]));
    el.seed = SEED;
    await el.updateComplete;
    expect(labels()).toEqual(shown.map((i) => authored[i]));

    const seen = recordEvents(el, ALL_EVENTS);
    const first = deepQueryAll<HTMLInputElement>(el, 'input[type="radio"]')[0]!;
    await userEvent.click(first.labels![0]!);
    await userEvent.click(button(el, 'Confirm my choice'));
    expect(seen.map((e) => (e as HTMLElementEventMap['sg-choose']).detail)).toEqual([
      { option: shown[0] },
    ]);
  });

  it('moves through the options in the order shown with the arrow keys', async () => {
    const el = await scenario(at(1));
    const seen = recordEvents(el, ALL_EVENTS);
    await tabTo((e) => e instanceof HTMLInputElement && e.type === 'radio');
    expect(deepActiveElement()?.id).toBe(`option-${shown[0]}`);
    await userEvent.keyboard('{ArrowDown}');
    expect(deepActiveElement()?.id).toBe(`option-${shown[1]}`);
    await userEvent.keyboard('{Enter}');
    expect(seen.map((e) => (e as HTMLElementEventMap['sg-choose']).detail)).toEqual([
      { option: shown[1] },
    ]);
  });

  it('can be chosen and confirmed by keyboard alone', async () => {
    const el = await scenario(at(1));
    const seen = recordEvents(el, ALL_EVENTS);
    await chooseRadio(2);
    await userEvent.keyboard('{Enter}');
    expect(seen.map((e) => (e as HTMLElementEventMap['sg-choose']).detail)).toEqual([
      { option: 2 },
    ]);
  });

  it('shows an error summary that takes focus when confirming with nothing chosen, and sends nothing', async () => {
    const el = await scenario(at(1));
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Confirm my choice'));
    const summary = deepQuery(el, '.error-summary');
    expect(text(summary)).toContain('There is a problem');
    expect(deepActiveElement()).toBe(summary);
    expect(deepQuery(el, 'fieldset')?.getAttribute('aria-describedby')).toBe('choice-error');
    expect(seen).toHaveLength(0);
    await expectNoAxeViolations();
    // The summary's link goes to the first option shown.
    await userEvent.click(deepQuery(el, '.error-summary a')!);
    expect(deepActiveElement()?.id).toBe(`option-${shown[0]}`);
  });

  it('shows the consequence of the chosen option in the live region, then a Continue button', async () => {
    const el = await scenario(at(1, { answered: true, choices: [0, -1], flags: 1 }));
    const region = deepQuery(el, '[role="status"]');
    expect(text(region)).toContain('What happened next');
    expect(text(region)).toContain('The review found siblings can be invisible.');
    expect(text(el)).toContain('You chose: Ask about the younger sibling');
    expect(deepQuery(el, 'fieldset')).toBeNull();
    await el.focusHeading();
    expect(text(deepActiveElement())).toBe('What happened next');
    await expectNoAxeViolations();
  });

  it('fires no event when its properties are set', async () => {
    const el = await scenario(at(0));
    const seen = recordEvents(el, ALL_EVENTS);
    el.progress = at(1);
    await el.updateComplete;
    el.progress = at(1, { answered: true, choices: [1, -1] });
    el.hasQuiz = true;
    await el.updateComplete;
    expect(seen).toHaveLength(0);
  });

  it('moves focus to the new step’s heading (tabindex -1)', async () => {
    const el = await scenario(at(0));
    el.progress = at(2, { choices: [1, -1] });
    await el.focusHeading();
    const focused = deepActiveElement();
    expect(focused?.tagName).toBe('H1');
    expect(focused?.getAttribute('tabindex')).toBe('-1');
    expect(text(focused)).toContain('What the review found');
  });

  it('titles a reveal “What the review found”', async () => {
    const el = await scenario(at(2, { choices: [1, -1] }));
    expect(text(deepQuery(el, 'h1'))).toBe('Sample module What the review found');
    expect(text(el)).toContain('Think sibling.');
    await expectNoAxeViolations();
  });

  it.each([
    ['Siblings and records', 'What the review found: Siblings and records'],
    ['What the review found: siblings', 'What the review found: siblings'],
    ['What the reviews found: two boards', 'What the reviews found: two boards'],
    ['What happened, and what the review found', 'What happened, and what the review found'],
  ])('says once that a reveal is what the review found (title “%s”)', async (title, shown) => {
    const steps = module.scenario.steps.map((s) => (s.type === 'reveal' ? { ...s, title } : s));
    const titled: Module = { ...module, scenario: { ...module.scenario, steps } };
    const atReveal = await mount('sg-scenario', {
      module: titled,
      progress: at(2, { choices: [1, -1] }),
    });
    expect(text(deepQuery(atReveal, 'h1'))).toBe(`Sample module ${shown}`);
    const after = await mount('sg-scenario', {
      module: titled,
      progress: at(3, { choices: [1, -1] }),
    });
    expect(deepQueryAll(after, '.timeline ol li').map(text)[2]).toBe(shown);
  });

  it('tags a reveal as the review’s finding, apart from the story’s steps', async () => {
    const el = await scenario(at(2, { choices: [1, -1] }));
    expect(text(deepQuery(el, '.tag.finding')?.parentElement)).toBe(
      'From the review This step is what the published review found.',
    );
    expect(text(deepQuery(el, '.finding-text'))).toContain('Think sibling.');
    // A narrative step has neither.
    const narrative = await scenario(at(0));
    expect(deepQuery(narrative, '.tag')).toBeNull();
    expect(deepQuery(narrative, '.finding-text')).toBeNull();
    await expectNoAxeViolations();
  });

  it('names a long chosen option in the path so far by its first words only', async () => {
    const long =
      'Ring the health visitor today, ask what she has seen of every child in the home, and write down what she says';
    const steps = module.scenario.steps.map((s) =>
      s.type === 'decision'
        ? {
            ...s,
            options: s.options.map((o) => ({ ...o, text: { html: `<p>${long}</p>`, text: long } })),
          }
        : s,
    );
    const wordy: Module = { ...module, scenario: { ...module.scenario, steps } };
    const el = await mount('sg-scenario', { module: wordy, progress: at(3, { choices: [1, -1] }) });
    expect(text(deepQuery(el, '.timeline .chosen'))).toBe(
      'You chose: Ring the health visitor today, ask what she has seen…',
    );
  });

  it('shows an ending with its debrief, and the way on to the quiz', async () => {
    const el = await scenario(at(4, { choices: [0, -1], flags: 1 }), { hasQuiz: true });
    expect(text(deepQuery(el, 'h1'))).toContain('The whole family seen');
    expect(text(deepQuery(el, '.panel'))).toBe('Debrief You thought sibling.');
    button(el, 'Continue to the quiz');
    await expectNoAxeViolations();
  });

  it('keeps a timeline of the learner’s path so far, with the choices made', async () => {
    const el = await scenario(at(3, { choices: [1, -1] }));
    const items = deepQueryAll(el, '.timeline ol li').map(text);
    expect(items).toEqual([
      'A referral',
      'Decision You chose: Focus on the referred child',
      'What the review found',
      'Decision',
    ]);
    expect(deepQueryAll(el, '.timeline li').at(-1)?.getAttribute('aria-current')).toBe('step');
  });

  it('tags a reconstructed step visibly, and says plainly that the step is invented', async () => {
    const steps = module.scenario.steps.map((s, i) =>
      i === 0 ? { ...s, reconstructed: true } : s,
    );
    const reconstructed: Module = { ...module, scenario: { ...module.scenario, steps } };
    const el = await mount('sg-scenario', { module: reconstructed, progress: at(0) });
    expect(text(deepQuery(el, '.tag.reconstruction'))).toBe('Reconstruction');
    expect(text(deepQuery(el, '.tag.reconstruction')?.parentElement)).toBe(
      'Reconstruction This step is invented, in the spirit of the review; what the review found is real.',
    );
    await expectNoAxeViolations();
  });
});
