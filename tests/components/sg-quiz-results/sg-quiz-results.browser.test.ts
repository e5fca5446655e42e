import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-quiz-results/sg-quiz-results.ts';
import {
  drawQuestions,
  initialState,
  levelContent,
  type Answer,
  type ModuleProgress,
} from '../../../src/engine/index.ts';
import {
  ALL_EVENTS,
  button,
  deepQuery,
  deepQueryAll,
  expectNoAxeViolations,
  mount,
  recordEvents,
  text,
} from '../helpers.ts';

const SEED = 7;
const content = levelContent(course, 'foundation');
const module = content.modules[0]!;
const questions = drawQuestions(module, content.level, SEED, 1);
const fresh = initialState(content, SEED).modules[0]!;

/** Results after attempt 1 with the given answers. */
function results(answers: (Answer | null)[], best: number, completed: boolean): ModuleProgress {
  return {
    ...fresh,
    phase: 'results',
    completed,
    quiz: { attempt: 1, question: questions.length - 1, answered: false, answers, best },
  };
}

const single = questions.findIndex((q) => q.type === 'single');
const allWrong = questions.map(() => null);
const oneRight = questions.map((_, i): Answer | null =>
  i === single ? { type: 'single', option: 1 } : null,
);

describe('<sg-quiz-results>', () => {
  afterEach(() => document.body.replaceChildren());

  it('gives the score against the pass mark in words, the missed key messages, what to revisit and a retry', async () => {
    const el = await mount('sg-quiz-results', {
      content,
      module,
      seed: SEED,
      progress: results(oneRight, 25, false),
    });
    const status = text(deepQuery(el, '[role="status"]'));
    expect(status).toContain('You answered 1 of 4 questions correctly (25%).');
    expect(status).toContain('Your module score is 25%. The pass mark is 80%.');
    expect(status).toContain('You have not reached the pass mark yet.');
    const missed = deepQueryAll(el, 'ul li').map(text);
    expect(missed).toHaveLength(3);
    expect(missed).not.toContain('Think sibling.');
    expect(text(el)).toContain(
      'Look again at the module “Sample module”: its scenario, and the review findings it shows.',
    );
    expect(text(el)).toContain('You have 1 attempt left.');
    await expectNoAxeViolations();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Try the quiz again'));
    await userEvent.click(button(el, 'Go back to the modules'));
    expect(seen.map((e) => e.type)).toEqual(['sg-retry-quiz', 'sg-leave-module']);
    expect(() => button(el, 'Continue to reflection')).toThrow();
  });

  it('once complete, offers reflection and no retry', async () => {
    const el = await mount('sg-quiz-results', {
      content,
      module,
      seed: SEED,
      progress: results(allWrong, 0, true),
    });
    expect(text(el)).toContain(
      'You did not reach the pass mark, and you have used all your attempts.',
    );
    expect(() => button(el, 'Try the quiz again')).toThrow();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Continue to reflection'));
    expect(seen.map((e) => e.type)).toEqual(['sg-continue']);
    await expectNoAxeViolations();
  });

  it('after a worse retry, says the module score comes from the best attempt', async () => {
    const retry = drawQuestions(module, content.level, SEED, 2);
    const el = await mount('sg-quiz-results', {
      content,
      module,
      seed: SEED,
      progress: {
        ...fresh,
        phase: 'results',
        completed: false,
        quiz: {
          attempt: 2,
          question: retry.length - 1,
          answered: false,
          answers: retry.map(() => null),
          best: 75,
        },
      },
    });
    const status = text(deepQuery(el, '[role="status"]'));
    expect(status).toContain(`You answered 0 of ${retry.length} questions correctly (0%).`);
    expect(status).toContain(
      'Your module score is 75% (from your best quiz attempt). The pass mark is 80%.',
    );
  });

  it('fires no event when its properties are set', async () => {
    const el = await mount('sg-quiz-results', {
      content,
      module,
      seed: SEED,
      progress: results(allWrong, 0, false),
    });
    const seen = recordEvents(el, ALL_EVENTS);
    el.progress = results(oneRight, 25, true);
    await el.updateComplete;
    expect(seen).toHaveLength(0);
  });
});
