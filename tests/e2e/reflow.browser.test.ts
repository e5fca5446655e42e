import { afterAll, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../src/components/sg-app/sg-app.ts';
import { drawQuestions, levelContent } from '../../src/engine/index.ts';
import { button, deepQuery, memorySession, mount, settled } from '../components/helpers.ts';

/**
 * WCAG 1.4.10 Reflow: at 320 CSS pixels wide (what 400% zoom of a 1280px window gives) no screen
 * scrolls sideways. Walks the Advanced level of the fixture course, checking every screen.
 */
const SEED = 7;

function fitsWidth(): boolean {
  const root = document.documentElement;
  return root.scrollWidth <= root.clientWidth;
}

describe('reflow at 320px', () => {
  afterAll(async () => {
    document.body.replaceChildren();
    await page.viewport(414, 896);
  });

  it('never needs horizontal scrolling, on any screen of a level', async () => {
    await page.viewport(320, 640);
    expect(window.innerWidth).toBe(320);
    const screens: string[] = [];
    const check = async (name: string) => {
      await settled(document.body.firstElementChild as Element);
      screens.push(name);
      expect(fitsWidth(), `${name} scrolls sideways at 320px`).toBe(true);
    };
    const click = async (label: string) => {
      await userEvent.click(button(app, label));
      await settled(app);
    };

    const chooser = await mount('sg-app', { course });
    void chooser;
    await check('level chooser');

    const app = await mount('sg-app', {
      course,
      level: 'advanced',
      seed: SEED,
      session: memorySession(),
    });
    await check('module list');
    await click('Start');
    await check('module start');
    await click('Start the scenario');
    await check('narrative');
    await click('Continue');
    await click('Confirm my choice');
    await check('decision with error summary');
    await userEvent.click(deepQuery(app, '#option-1')!);
    await click('Confirm my choice');
    await check('decision consequence');
    await click('Continue');
    await check('reveal');
    await click('Continue');
    await userEvent.click(deepQuery(app, '#option-0')!);
    await click('Confirm my choice');
    await click('Continue');
    await check('ending');
    await click('Continue to the quiz');
    const content = levelContent(course, 'advanced');
    const questions = drawQuestions(content.modules[0]!, content.level, SEED, 1);
    for (const [i, q] of questions.entries()) {
      await check(`question ${q.type}`);
      if (q.type === 'matching')
        for (let p = 0; p < q.pairs.length; p++)
          await userEvent.selectOptions(
            deepQuery<HTMLSelectElement>(app, `#match-${p}`)!,
            String(p),
          );
      else if (q.type !== 'ordering') await userEvent.click(deepQuery(app, '#option-0')!);
      await click('Submit answer');
      await check(`question ${q.type} feedback`);
      await click(i === questions.length - 1 ? 'See your results' : 'Next question');
    }
    await check('results');
    await click('Go back to the modules');
    await click('Continue');
    await click('Save and exit');
    await check('saved page');
    expect(screens.length).toBeGreaterThan(15);
  });
});
