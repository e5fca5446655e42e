import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import { connectScormSession, type ScormSession } from '../../scorm/adapter/index.ts';
import '../../src/components/sg-app/sg-app.ts';
import type { Question } from '../../src/model/course.ts';
import {
  drawQuestions,
  initialState,
  levelContent,
  serialise,
  transition,
  type Answer,
  type LearnerEvent,
  type LearnerState,
} from '../../src/engine/index.ts';
import {
  button,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectNoAxeViolations,
  memorySession,
  mount,
  settled,
  text,
} from '../components/helpers.ts';
import { createTestLms, savedForRelaunch, type TestLms } from '../scorm/support/lms.ts';

/**
 * Review mode: a learner who has played a module's scenario opens it again, from the quiz results
 * and from the module list, reads their own path and choices, and goes back; the session the app
 * was given hears nothing (no interaction, no progress, no save, no commit).
 */
const SEED = 7;
const content = levelContent(course, 'foundation');

function play(events: readonly LearnerEvent[]): LearnerState {
  return events.reduce((s, e) => transition(content, s, e)[0], initialState(content, SEED));
}

function answerFor(q: Question, right: boolean): Answer {
  switch (q.type) {
    case 'single':
      return { type: 'single', option: q.options.findIndex((o) => o.correct === right) };
    case 'multiple':
      return {
        type: 'multiple',
        options: q.options.flatMap((o, i) => (o.correct === right ? [i] : [])),
      };
    case 'true-false':
      return { type: 'true-false', value: right ? q.answer : !q.answer };
    case 'ordering':
      return {
        type: 'ordering',
        order: q.items.map((_, i) => (right ? i : q.items.length - 1 - i)),
      };
    case 'matching':
      return {
        type: 'matching',
        matches: q.pairs.map((_, i) => (right ? i : (i + 1) % q.pairs.length)),
      };
  }
}

/** The longer way through the fixture scenario (the referred child only; not telling the family). */
const scenario: LearnerEvent[] = [
  { type: 'open-module', module: 0 },
  { type: 'continue' },
  { type: 'continue' },
  { type: 'choose', option: 1 },
  { type: 'continue' },
  { type: 'continue' },
  { type: 'choose', option: 1 },
  { type: 'continue' },
  { type: 'continue' }, // the ending → the quiz
];

const quiz = (right: boolean): LearnerEvent[] =>
  drawQuestions(content.modules[0]!, content.level, SEED, 1).flatMap((q) => [
    { type: 'answer', answer: answerFor(q, right) } as const,
    { type: 'continue' } as const,
  ]);

async function boot(state: LearnerState) {
  const session = memorySession(serialise(content, state));
  const app = await mount('sg-app', { course, level: 'foundation', seed: SEED, session });
  await settled(app);
  return { app, session };
}

async function click(app: HTMLElement, label: string) {
  await userEvent.click(button(app, label));
  await settled(app);
}

/** The heading of the view showing (in its own shadow root). */
const heading = (app: HTMLElement) => text(deepQuery(deepQuery(app, 'main > .view')!, 'h1'));
const yourChoices = (app: HTMLElement) => deepQueryAll(app, '.your-choice').map(text);

/** The adapter against scorm-again, writing at once (no idle wait), so a write would show. */
const sessions: ScormSession[] = [];
function connect(lms: TestLms) {
  const session = connectScormSession({
    storageKey: 'review-mode:foundation',
    modules: content.modules.map((m) => m.id),
    api: lms.found,
    commitIntervalMs: 0,
    schedule: (flush) => flush(),
  });
  if (!session) throw new Error('No session');
  sessions.push(session);
  return session;
}

describe('review mode', () => {
  afterEach(() => {
    for (const session of sessions.splice(0)) session.finish();
    localStorage.clear();
    document.body.replaceChildren();
  });

  it('from a failed quiz: the scenario is read again with the learner’s own choices, and nothing reaches the session', async () => {
    const failed = play([...scenario, ...quiz(false)]);
    expect(failed.modules[0]?.phase).toBe('results');
    expect(failed.modules[0]?.completed).toBe(false);
    const { app, session } = await boot(failed);
    await click(app, 'Continue where you left off');
    expect(heading(app)).toContain('Your results');
    const saved = session.savedState;

    await click(app, 'Read the scenario again');
    expect(heading(app)).toBe('Sample module The scenario, as you played it');
    // Focus moves to the review's heading, as for every new view.
    await expect.poll(() => text(deepActiveElement())).toBe(heading(app));
    expect(yourChoices(app)).toEqual([
      'Your choice Focus on the referred child',
      'Your choice Do not tell them, in case they stop working with you',
    ]);
    expect(text(app)).toContain('What happened next Trust suffers.');
    expect(text(app)).toContain('Debrief Consider the whole family.');
    await expectNoAxeViolations();

    await click(app, 'Back to your results');
    expect(heading(app)).toContain('Your results');
    await expect.poll(() => text(deepActiveElement())).toBe(heading(app));
    // A retry is still there: the review changed nothing in the module.
    button(app, 'Try the quiz again');
    expect(session.applied).toEqual([]);
    expect(session.finished).toBe(0);
    expect(session.savedState).toBe(saved);
  }, 60_000);

  it('from the module list after a pass: the scenario, not only the reflection, and back to the list; nothing recorded', async () => {
    const passed = play([
      ...scenario,
      ...quiz(true),
      { type: 'continue' }, // results → reflection
      { type: 'continue' }, // reflection → done, back to the list
    ]);
    expect(passed.modules[0]?.phase).toBe('done');
    expect(passed.current).toBeNull();
    const { app, session } = await boot(passed);
    expect(heading(app)).toContain('Your modules');

    await click(app, 'Read the scenario again');
    expect(heading(app)).toBe('Sample module The scenario, as you played it');
    expect(yourChoices(app)).toHaveLength(2);
    expect(deepQueryAll(deepQuery(app, 'main > .view')!, 'input, form')).toEqual([]);
    await expectNoAxeViolations();

    await click(app, 'Back to the modules');
    expect(heading(app)).toContain('Your modules');
    expect(session.applied).toEqual([]);
    expect(session.finished).toBe(0);
  }, 60_000);

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}, a real scorm-again LMS: reading the scenario again from the results calls nothing on the LMS`, async () => {
      // A first launch leaves the failed attempt in the LMS, as a learner's would.
      const failed = play([...scenario, ...quiz(false)]);
      const first = createTestLms(version);
      connect(first).apply(
        [{ type: 'save' }, { type: 'commit' }],
        serialise(content, failed),
        'sample/results',
      );
      const lms = createTestLms(version, savedForRelaunch(first));
      const session = connect(lms);
      const app = await mount('sg-app', { course, level: 'foundation', seed: SEED, session });
      await settled(app);
      await click(app, 'Continue where you left off');
      expect(heading(app)).toContain('Your results');
      const calls = lms.strict.calls.length;
      const held = lms.cmi();

      await click(app, 'Read the scenario again');
      expect(yourChoices(app)).toEqual([
        'Your choice Focus on the referred child',
        'Your choice Do not tell them, in case they stop working with you',
      ]);
      await click(app, 'Back to your results');
      expect(heading(app)).toContain('Your results');

      expect(lms.strict.calls.slice(calls)).toEqual([]);
      expect(lms.cmi()).toEqual(held);
      expect(lms.strict.violations).toEqual([]);
    }, 60_000);
  }
});
