import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import type { Module } from '../../../src/model/course.ts';
import '../../../src/components/sg-scenario/sg-scenario-review.ts';
import type { ModuleProgress } from '../../../src/engine/index.ts';
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

const module = course.modules[0] as Module;

/**
 * The fixture scenario played the longer way (steps 0 narrative, 1 decision, 2 reveal, 3 decision,
 * 5 ending): the referred child only, then not telling the family; now at the quiz results.
 */
const played = (
  choices: number[],
  ending: number,
  phase: ModuleProgress['phase'] = 'results',
  flags = 0,
) =>
  ({
    phase,
    completed: false,
    scenario: { step: ending, answered: false, flags, choices },
    quiz: { attempt: 1, question: 3, answered: false, answers: [], best: 25 },
  }) satisfies ModuleProgress;

const review = (progress: ModuleProgress, props = {}) =>
  mount('sg-scenario-review', { module, progress, ...props });

describe('<sg-scenario-review>', () => {
  afterEach(() => document.body.replaceChildren());

  it("reads the learner's path again: every step, their own choices, what happened next, the finding and the debrief", async () => {
    const el = await review(played([1, 1], 5));
    expect(text(deepQuery(el, 'h1'))).toBe('Sample module The scenario, as you played it');
    expect(deepQueryAll(el, '.review-path > li > h2').map(text)).toEqual([
      'A referral',
      'Decision',
      'What the review found',
      'Decision',
      'A partial picture',
    ]);
    const choices = deepQueryAll(el, '.your-choice').map(text);
    expect(choices).toEqual([
      'Your choice Focus on the referred child',
      'Your choice Do not tell them, in case they stop working with you',
    ]);
    const shown = text(el);
    expect(shown).toContain('What do you do? Your choice');
    expect(shown).toContain('What happened next Understandable, and common.');
    expect(shown).toContain('What happened next Trust suffers.');
    expect(shown).toContain('Think sibling.');
    // The finding is tagged as the review's, as in the player; only the finding is.
    expect(
      deepQueryAll(el, '.tag.finding').map((t) => text(t.closest('li')?.querySelector('h2'))),
    ).toEqual(['What the review found']);
    expect(text(deepQuery(el, '.finding-text'))).toContain('Think sibling.');
    expect(shown).toContain('Debrief Consider the whole family.');
    // Only the learner's own choices: the options they did not take are not shown.
    expect(shown).not.toContain('Ask about the younger sibling');
    expect(shown).not.toContain('Tell the family about the referral');
    expect(shown).toContain('Nothing here is scored, recorded or saved');
    // A reading, not a player: no radios, no form, nothing to confirm.
    expect(deepQueryAll(el, 'input, form')).toEqual([]);
    await expectNoAxeViolations();
  });

  it('follows the other way when the learner took it', async () => {
    // asked-sibling set (flag 1)
    const el = await review(played([0, -1], 4, 'done', 1));
    expect(deepQueryAll(el, '.review-path > li > h2').map(text)).toEqual([
      'A referral',
      'Decision',
      'What the review found',
      'The whole family seen',
    ]);
    expect(deepQueryAll(el, '.your-choice').map(text)).toEqual([
      'Your choice Ask about the younger sibling',
    ]);
  });

  it('sends only sg-close-review, from the way back named for where the learner came from', async () => {
    const el = await review(played([1, 1], 5), { backLabel: 'Back to your results' });
    const seen = recordEvents(el, [...ALL_EVENTS, 'sg-close-review']);
    await userEvent.click(button(el, 'Back to your results'));
    expect(seen.map((e) => e.type)).toEqual(['sg-close-review']);
  });

  it('says there is nothing to read again before the scenario has ended', async () => {
    const el = await review(played([1, -1], 3, 'scenario'));
    expect(deepQuery(el, '.review-path')).toBeNull();
    expect(text(el)).toContain('You have not finished this scenario yet');
  });
});
