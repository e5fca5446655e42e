import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-app/sg-app.ts';
import { drawQuestions, levelContent } from '../../../src/engine/index.ts';
import {
  axeViolations,
  deepQuery,
  expectNoAxeViolations,
  memorySession,
  mount,
  settled,
  click,
} from '../helpers.ts';

/**
 * axe-core (WCAG 2.0/2.1/2.2 A and AA rules) over every screen type, in the full app shell, driven
 * the way a learner drives it. Each screen must have no violations.
 */
const SEED = 7;

describe('accessibility of every screen (axe)', () => {
  afterEach(() => document.body.replaceChildren());

  it('level chooser', async () => {
    const app = await mount('sg-app', { course });
    await settled(app);
    await expectNoAxeViolations();
  });

  it('the whole Advanced level: module list, module start, every step type, every question type before and after answering, results, reflection, Save and exit', async () => {
    const session = memorySession();
    const app = await mount('sg-app', { course, level: 'advanced', seed: SEED, session });
    await settled(app);
    await expectNoAxeViolations(); // module list (shell)

    session.setHealth({ ok: false, message: 'Your progress could not be saved.' });
    await settled(app);
    await expectNoAxeViolations(); // notification banner
    session.setHealth({ ok: true });

    await click(app, 'Start');
    await expectNoAxeViolations(); // module start
    await click(app, 'Start the scenario');
    await expectNoAxeViolations(); // narrative
    await click(app, 'Continue');
    await expectNoAxeViolations(); // decision, before choosing
    await click(app, 'Confirm my choice');
    await expectNoAxeViolations(); // decision with the error summary
    await userEvent.click(deepQuery(app, '#option-1') as HTMLElement);
    await click(app, 'Confirm my choice');
    await expectNoAxeViolations(); // decision, consequence showing
    await click(app, 'Continue');
    await expectNoAxeViolations(); // reveal
    await click(app, 'Continue');
    await click(app, 'Confirm my choice');
    await userEvent.click(deepQuery(app, '#option-0') as HTMLElement);
    await click(app, 'Confirm my choice');
    await click(app, 'Continue');
    await expectNoAxeViolations(); // ending
    await click(app, 'Continue to the quiz');

    const content = levelContent(course, 'advanced');
    const questions = drawQuestions(content.modules[0]!, content.level, SEED, 1);
    for (const [i, question] of questions.entries()) {
      await expectNoAxeViolations(); // the question, unanswered
      if (question.type !== 'ordering') {
        await click(app, 'Submit answer');
        await expectNoAxeViolations(); // with the error summary
      }
      if (question.type === 'matching') {
        for (let p = 0; p < question.pairs.length; p++)
          await userEvent.selectOptions(
            deepQuery<HTMLSelectElement>(app, `#match-${p}`)!,
            String(p),
          );
      } else if (question.type !== 'ordering') {
        await userEvent.click(deepQuery(app, '#option-0') as HTMLElement);
      }
      await click(app, 'Submit answer');
      await expectNoAxeViolations(); // the question with its feedback
      await click(app, i === questions.length - 1 ? 'See your results' : 'Next question');
    }
    await expectNoAxeViolations(); // results, not passed, with a retry
    await click(app, 'Try the quiz again');
    await expectNoAxeViolations(); // a fresh attempt
  });

  it('reflection, resume offer and the saved page', async () => {
    // Build a state at reflection by playing through with clicks, then check the later screens.
    const session = memorySession();
    const app = await mount('sg-app', { course, level: 'foundation', seed: SEED, session });
    await settled(app);
    await click(app, 'Start');
    await click(app, 'Start the scenario');
    await click(app, 'Continue');
    await userEvent.click(deepQuery(app, '#option-0') as HTMLElement);
    await click(app, 'Confirm my choice');
    await click(app, 'Continue');
    await click(app, 'Continue');
    await click(app, 'Continue to the quiz');
    const content = levelContent(course, 'foundation');
    const questions = drawQuestions(content.modules[0]!, content.level, SEED, 1);
    for (const [i, q] of questions.entries()) {
      if (q.type === 'matching') {
        for (let p = 0; p < q.pairs.length; p++)
          await userEvent.selectOptions(
            deepQuery<HTMLSelectElement>(app, `#match-${p}`)!,
            String(p),
          );
      } else if (q.type === 'single') {
        await userEvent.click(deepQuery(app, `#option-${q.options.findIndex((o) => o.correct)}`)!);
      } else if (q.type === 'multiple') {
        for (const [o, option] of q.options.entries())
          if (option.correct) await userEvent.click(deepQuery(app, `#option-${o}`)!);
      } else if (q.type === 'true-false') {
        await userEvent.click(deepQuery(app, q.answer ? '#option-0' : '#option-1')!);
      }
      await click(app, 'Submit answer');
      await click(app, i === questions.length - 1 ? 'See your results' : 'Next question');
    }
    await expectNoAxeViolations(); // results, passed
    await click(app, 'Continue to reflection');
    await expectNoAxeViolations(); // reflection

    const saved = session.applied.at(-1)?.state ?? '';
    document.body.replaceChildren();
    const again = await mount('sg-app', {
      course,
      level: 'foundation',
      seed: SEED,
      session: memorySession(saved),
    });
    await settled(again);
    await expectNoAxeViolations(); // resume offer
    await click(again, 'Save and exit');
    await expectNoAxeViolations(); // saved page
  });
});

describe('the axe helper', () => {
  it('sees into shadow roots (an unlabelled input inside one is a violation)', async () => {
    const host = document.createElement('div');
    host.attachShadow({ mode: 'open' }).innerHTML = '<input type="text">';
    document.body.replaceChildren(host);
    expect((await axeViolations()).join('\n')).toMatch(/^label:/m);
    document.body.replaceChildren();
  });
});
