import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-app/sg-app.ts';
import { levelContent } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';
import {
  button,
  deepActiveElement,
  deepQuery,
  expectNoAxeViolations,
  memorySession,
  mount,
  settled,
  text,
  click,
} from '../helpers.ts';

/**
 * The record of learning and the certificate as the app opens them: from the module list and
 * from the quiz results, focus on the new heading, and back to where the learner was, with
 * nothing sent to the session.
 */
const content = levelContent(course, 'foundation');
const turns = play(content, { outcome: 'pass', seed: 7 });
const finished = turns.at(-1)!.state;
const atResults = turns.find((t) => t.learner.modules[0]?.phase === 'results')!.state;

async function app(savedState = '', learnerName?: string) {
  const session = { ...memorySession(savedState, 'lms'), learnerId: 'learner-7', learnerName };
  const element = await mount('sg-app', { course, seed: 7, level: 'foundation', session });
  await settled(element);
  return { element, session };
}

const heading = (el: Element) =>
  text(deepQuery(el, 'main > .view')?.shadowRoot?.querySelector('h1'));

describe('record of learning in the app', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    document.body.replaceChildren();
    localStorage.clear();
  });

  it('opens from the module list and goes back to it; no certificate before the level is passed', async () => {
    const { element, session } = await app();
    expect(() => button(element, 'Your certificate')).toThrow();
    await click(element, 'Your record of learning');
    expect(heading(element)).toBe('Foundation level Record of learning');
    expect(text(deepActiveElement())).toBe('Foundation level Record of learning');
    await expectNoAxeViolations();
    await click(element, 'Go back');
    expect(heading(element)).toBe('Foundation level Your modules');
    expect(session.applied).toHaveLength(0);
  });

  it('offers the certificate once the level is passed, with the LMS learner’s name', async () => {
    const { element } = await app(finished, 'Sam Okafor');
    await click(element, 'Your certificate');
    expect(heading(element)).toBe('Certificate of completion');
    const certificate = text(deepQuery(element, '.certificate'));
    expect(certificate).toContain('Sam Okafor');
    expect(certificate).toContain('Foundation level');
    await expectNoAxeViolations();
  });

  it('opens from the quiz results and goes back to them', async () => {
    const { element } = await app(atResults);
    await click(element, 'Continue where you left off');
    expect(heading(element)).toContain('Your results');
    await click(element, 'Your record of learning');
    expect(heading(element)).toBe('Foundation level Record of learning');
    await click(element, 'Go back');
    expect(heading(element)).toContain('Your results');
  });
});
