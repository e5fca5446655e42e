import type { Frame } from 'playwright';
import type { Course, Module, Question } from '../../src/model/course.ts';
import { kindOf } from '../../src/questions/lookup.ts';

/**
 * A learner that drives the real UI in a frame (Playwright), for the built-package runtime tests.
 * It reads which question or decision is on screen from its legend, looks it up in the compiled
 * course, and answers right (`pass`: best decision, correct answer) or wrong (`fail`).
 * Returns when the level is finished (pass) or after the first failed quiz (fail).
 * `afterAction`, if given, is awaited after each action (the benchmark counts each action's LMS
 * calls with it).
 */
export async function playThroughUi(
  frame: Frame,
  course: Course,
  outcome: 'pass' | 'fail',
  maxActions = 400,
  afterAction?: (what: string) => Promise<void>,
): Promise<string[]> {
  const actions: string[] = [];
  const done = async (what: string) => {
    actions.push(what);
    await afterAction?.(what);
  };
  const norm = (text: string) => text.replace(/\s+/g, ' ').trim();
  const questions = new Map<string, Question>();
  const decisions = new Map<string, number[]>();
  for (const module of course.modules as readonly Module[]) {
    for (const q of module.questions) questions.set(norm(q.prompt.text), q);
    for (const step of module.scenario.steps)
      if (step.type === 'decision')
        decisions.set(
          norm(step.question.text),
          step.options.map((o) => o.weight),
        );
  }
  /** Which of `selectors` is on screen (one round trip: searches every open shadow root). */
  const onScreen = (selectors: readonly string[]) =>
    frame.evaluate((list) => {
      const deep = (root: Document | ShadowRoot, selector: string): Element | null => {
        const found = root.querySelector(selector);
        if (found) return found;
        for (const element of root.querySelectorAll('*')) {
          const inner = element.shadowRoot && deep(element.shadowRoot, selector);
          if (inner) return inner;
        }
        return null;
      };
      // `host inner`: the host anywhere, then inner inside the host's own shadow root.
      const find = (selector: string) => {
        const [host = '', ...inner] = selector.split(' ');
        const element = deep(document, host);
        if (!element || inner.length === 0) return element;
        return deep(element.shadowRoot ?? document, inner.join(' '));
      };
      return list.filter((selector) => find(selector)?.checkVisibility() ?? false);
    }, selectors);
  const SCREENS = [
    'sg-question button[type="submit"]',
    'sg-question .button-group button',
    'sg-quiz-results',
    'sg-reflection',
    'sg-scenario input[type="radio"]',
    'sg-scenario button',
    'sg-module-start',
    'sg-module-list',
  ] as const;
  let shown: string[] = [];
  const visible = (selector: (typeof SCREENS)[number]) => shown.includes(selector);
  const click = async (selector: string, what: string) => {
    await frame.locator(selector).first().click();
    await done(what);
  };

  for (let i = 0; i < maxActions; i++) {
    shown = await onScreen(SCREENS);
    if (visible('sg-question button[type="submit"]')) {
      const legend = norm(await frame.locator('sg-question legend').first().innerText());
      const question = questions.get(legend);
      if (!question) throw new Error(`Question not found in the course: "${legend}"`);
      await answer(frame, question, outcome);
      await click('sg-question button[type="submit"]', `answer ${question.id}`);
      continue;
    }
    if (visible('sg-question .button-group button')) {
      await click('sg-question .button-group button', 'next question');
      continue;
    }
    if (visible('sg-quiz-results')) {
      const onward = frame.getByRole('button', { name: 'Continue to reflection' });
      if ((await onward.count()) > 0) {
        await onward.click();
        await done('continue to reflection');
        continue;
      }
      await frame.getByRole('button', { name: 'Go back to the modules' }).click();
      await done('failed: back to the modules');
      return actions;
    }
    if (visible('sg-reflection')) {
      await frame.getByRole('button', { name: /Finish this module|Back to the modules/ }).click();
      await done('finish module');
      continue;
    }
    if (visible('sg-scenario input[type="radio"]')) {
      const legend = norm(await frame.locator('sg-scenario legend').first().innerText());
      const weights = decisions.get(legend);
      if (!weights) throw new Error(`Decision not found in the course: "${legend}"`);
      const best = weights.indexOf(Math.max(...weights));
      const worst = weights.indexOf(Math.min(...weights));
      await frame.locator(`sg-scenario #option-${outcome === 'pass' ? best : worst}`).check();
      await click('sg-scenario button[type="submit"]', `decide ${legend.slice(0, 40)}`);
      continue;
    }
    if (visible('sg-scenario button')) {
      await click('sg-scenario button >> nth=-1', 'continue');
      continue;
    }
    if (visible('sg-module-start')) {
      await frame.getByRole('button', { name: 'Start the scenario' }).click();
      await done('start the scenario');
      continue;
    }
    if (visible('sg-module-list')) {
      const open = frame
        .locator('sg-module-list button')
        .filter({ hasText: /^\s*(Start|Continue)\b/ });
      if ((await open.count()) === 0) return actions; // every module done
      await open.first().click();
      await done('open module');
      continue;
    }
    await frame.waitForTimeout(50);
  }
  throw new Error(`Gave up after ${maxActions} actions: ${actions.slice(-5).join(' → ')}`);
}

/**
 * Enters the question type's right or wrong sample answer (its kind's `samples`, src/questions/)
 * through the controls its view draws: radios and checkboxes `#option-<authored index>`, the
 * ordering list's Move up buttons, a select `#match-<prompt>` per prompt. A type with a new kind of
 * control needs its driver here.
 */
async function answer(frame: Frame, question: Question, outcome: 'pass' | 'fail') {
  const samples = kindOf(question).samples(question);
  const given = outcome === 'pass' ? samples.right : samples.wrong;
  const q = 'sg-question';
  const check = (i: number) => frame.locator(`${q} #option-${i}`).check();
  switch (given.type) {
    case 'single':
      return check(given.option);
    case 'multiple':
      for (const i of given.options) await check(i);
      return;
    case 'true-false':
      return check(given.value ? 0 : 1);
    case 'ordering': {
      if (outcome === 'fail') return; // the presented order is never the right one
      // Moves each item up until it sits at its place in the answer.
      for (const [target, item] of given.order.entries()) {
        for (let guard = 0; guard < given.order.length; guard++) {
          const order = await frame
            .locator(`${q} [data-move^="up-"]`)
            .evaluateAll((buttons) =>
              buttons.map((b) => Number(b.getAttribute('data-move')?.slice(3))),
            );
          if (order.indexOf(item) <= target) break;
          await frame.locator(`${q} [data-move="up-${item}"]`).click();
        }
      }
      return;
    }
    case 'matching':
      for (const [p, m] of given.matches.entries())
        await frame.locator(`${q} #match-${p}`).selectOption(String(m));
      return;
  }
}
