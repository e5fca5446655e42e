import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import { createStandaloneSession } from '../../scorm/adapter/standalone.ts';
import '../../src/components/sg-app/sg-app.ts';
import { levelContent, presentedOrder, drawQuestions } from '../../src/engine/index.ts';
import type { Question } from '../../src/model/course.ts';
import {
  byText,
  chooseRadio,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  mount,
  settled,
  tabTo,
  text,
} from '../components/helpers.ts';

/**
 * Whole journeys through the UI with the keyboard alone (Tab, Space, Enter, arrow keys; no
 * clicks), on the fixture course and the real standalone session.
 */
const KEY = 'sg-progress:e2e';
const SEED = 7;

async function boot(level: string) {
  const app = await mount('sg-app', {
    course,
    level,
    seed: SEED,
    session: createStandaloneSession(KEY),
  });
  await settled(app);
  return app;
}

async function press(label: string, key = '{Enter}') {
  await tabTo(byText(label), 60, label);
  await userEvent.keyboard(key);
  await settled(document.body.firstElementChild as Element);
}

const heading = () => text(deepQuery(document.body, 'h1'));
const focusedText = () => text(deepActiveElement());

/** Keyboard only: the right answer to a question of any type. */
async function answer(question: Question, attempt: number) {
  switch (question.type) {
    case 'single':
    case 'true-false': {
      const correct =
        question.type === 'single'
          ? question.options.findIndex((o) => o.correct)
          : question.answer
            ? 0
            : 1;
      await chooseRadio(correct);
      break;
    }
    case 'multiple': {
      // Tab forward through the options as shown (a per-learner order), ticking the right ones.
      for (const i of presentedOrder(question, SEED, attempt, 'sample')) {
        if (!question.options[i]?.correct) continue;
        await tabTo((el) => el.id === `option-${i}`);
        await userEvent.keyboard(' ');
      }
      break;
    }
    case 'ordering': {
      const order = presentedOrder(question, SEED, attempt, 'sample');
      for (let target = 0; target < order.length; target++) {
        let at = order.indexOf(target);
        if (at === target) continue;
        const label = `Move up: ${question.items[target]?.text}`;
        await tabTo((el) => text(el) === label);
        while (at > target) {
          await userEvent.keyboard('{Enter}');
          order.splice(at, 1);
          order.splice(at - 1, 0, target);
          at--;
        }
        await settled(document.body.firstElementChild as Element);
      }
      break;
    }
    case 'matching': {
      const shown = presentedOrder(question, SEED, attempt, 'sample');
      for (let prompt = 0; prompt < question.pairs.length; prompt++) {
        await tabTo((el) => el.id === `match-${prompt}`);
        const steps = shown.indexOf(prompt) + 1;
        for (let i = 0; i < steps; i++) await userEvent.keyboard('{ArrowDown}');
      }
      break;
    }
  }
  await press('Submit answer');
}

describe('a whole level by keyboard', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => document.body.replaceChildren());

  it('completes the Advanced level of the fixture course: scenario, all five question types, results, reflection', async () => {
    const app = await boot('advanced');
    expect(heading()).toContain('Your modules');

    await press('Start');
    expect(heading()).toContain('Sample module');
    expect(focusedText()).toContain('Sample module');

    await press('Start the scenario');
    expect(focusedText()).toContain('A referral');

    await press('Continue');
    expect(focusedText()).toContain('Decision');
    await chooseRadio(0);
    await userEvent.keyboard('{Enter}'); // submits the form: confirm my choice
    await settled(app);
    expect(focusedText()).toBe('What happened next');
    expect(text(deepQuery(app, '[role="status"] .feedback'))).toContain(
      'The review found siblings can be invisible.',
    );

    await press('Continue');
    expect(focusedText()).toContain('What the review found');
    await press('Continue');
    expect(focusedText()).toContain('The whole family seen');
    await press('Continue to the quiz');

    const content = levelContent(course, 'advanced');
    const module = content.modules[0];
    if (!module) throw new Error('no module');
    const questions = drawQuestions(module, content.level, SEED, 1);
    expect(new Set(questions.map((q) => q.type))).toEqual(
      new Set(['single', 'multiple', 'true-false', 'ordering', 'matching']),
    );
    for (const [i, question] of questions.entries()) {
      expect(focusedText()).toBe(`Question ${i + 1} of ${questions.length}`);
      await answer(question, 1);
      expect(focusedText()).toBe('Correct');
      await press(i === questions.length - 1 ? 'See your results' : 'Next question');
    }

    expect(focusedText()).toContain('Your results');
    expect(text(deepQuery(app, 'sg-quiz-results'))).toContain('You passed this module.');
    await press('Continue to reflection');
    expect(focusedText()).toContain('Test it in supervision');

    await tabTo((el) => el.id === 'learned');
    await userEvent.keyboard('Think sibling');
    await press('Finish this module');

    expect(focusedText()).toContain('Your modules');
    expect(text(deepQuery(app, 'sg-module-list'))).toContain(
      'You have finished the Advanced level',
    );
    expect(text(deepQuery(app, 'sg-module-list'))).toContain('Passed');
    expect(deepQuery<HTMLProgressElement>(app, 'progress')?.value).toBe(100);
    const saved = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { location?: string };
    expect(saved.location).toBe('modules');
    const notes = Object.keys(localStorage).filter((k) =>
      /^sg-notes:.+:fixture-course:advanced:sample$/.test(k),
    );
    expect(notes.map((k) => localStorage.getItem(k))).toEqual([
      expect.stringContaining('Think sibling'),
    ]);
  });

  it('leaves mid-scenario with Save and exit, and resumes on the same step with earlier answers intact', async () => {
    await boot('foundation');
    await press('Start');
    await press('Start the scenario');
    await press('Continue');
    await chooseRadio(1);
    await press('Confirm my choice');
    await press('Continue'); // to the reveal
    await press('Continue'); // to the second decision
    expect(focusedText()).toContain('Decision');
    await chooseRadio(0);
    await press('Confirm my choice');
    expect(focusedText()).toBe('What happened next');

    await press('Save and exit');
    expect(focusedText()).toBe('Your progress is saved');
    expect(text(deepQuery(document.body, 'main'))).toContain(
      'Your progress is saved You can close this window.',
    );
    document.body.replaceChildren();

    const app = await boot('foundation');
    expect(heading()).toBe('Welcome back');
    await press('Continue where you left off');
    const scenario = deepQuery(app, 'sg-scenario');
    expect(text(deepQuery(scenario as Element, 'h1'))).toContain('Decision');
    expect(text(deepQuery(scenario as Element, '.feedback'))).toContain(
      'Partnership with families.',
    );
    expect(text(scenario)).toContain('You chose: Tell the family about the referral');
    const timeline = deepQueryAll(scenario as Element, '.timeline li').map(text);
    expect(timeline[1]).toContain('You chose: Focus on the referred child');
    expect(timeline).toHaveLength(4);
  });
});
