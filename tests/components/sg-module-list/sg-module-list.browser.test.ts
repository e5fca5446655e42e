import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-module-list/sg-module-list.ts';
import { initialState, levelContent, type LearnerState } from '../../../src/engine/index.ts';
import {
  ALL_EVENTS,
  button,
  deepQuery,
  expectNoAxeViolations,
  mount,
  recordEvents,
  text,
} from '../helpers.ts';

const content = levelContent(course, 'foundation');
const fresh = initialState(content, 7);
const withModule = (patch: Partial<LearnerState['modules'][number]>): LearnerState => ({
  ...fresh,
  modules: fresh.modules.map((m) => ({ ...m, ...patch })),
});

describe('<sg-module-list>', () => {
  afterEach(() => document.body.replaceChildren());

  it('gives each module its status in words and a button that opens it', async () => {
    const el = await mount('sg-module-list', { content, state: fresh });
    expect(text(deepQuery(el, 'h1'))).toBe('Foundation level Your modules');
    expect(text(deepQuery(el, '.tag'))).toBe('Status: Not started');
    expect(text(deepQuery(el, 'li button'))).toBe('Start Sample module');
    await expectNoAxeViolations();
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Start'));
    expect(seen).toHaveLength(1);
    expect((seen[0] as HTMLElementEventMap['sg-open-module']).detail).toEqual({ module: 0 });
  });

  it('says In progress, Passed or Not passed', async () => {
    const el = await mount('sg-module-list', { content, state: withModule({ phase: 'quiz' }) });
    expect(text(deepQuery(el, '.tag'))).toBe('Status: In progress');
    expect(text(deepQuery(el, 'li button'))).toBe('Continue Sample module');

    const passed = withModule({
      phase: 'done',
      completed: true,
      quiz: { attempt: 1, question: 3, answered: false, answers: [], best: 100 },
    });
    el.state = passed;
    await el.updateComplete;
    expect(text(deepQuery(el, '.tag'))).toBe('Status: Passed');
    expect(text(el)).toContain('You have finished the Foundation level');

    el.state = withModule({
      phase: 'done',
      completed: true,
      quiz: { attempt: 2, question: 3, answered: false, answers: [], best: 25 },
    });
    await el.updateComplete;
    // Finished below the pass mark (the attempts ran out): as the LMS records it, not "Completed".
    expect(text(deepQuery(el, '.tag'))).toBe('Status: Not passed');
    expect(text(deepQuery(el, 'li button'))).toBe('Review Sample module');
    expect(text(el)).toContain('You have not reached the pass mark in every module.');
    await expectNoAxeViolations();
  });

  it('shows the result the LMS records for a level finished before, when this device has no progress', async () => {
    const el = await mount('sg-module-list', {
      content,
      state: fresh,
      record: { status: 'passed', score: 100 },
    });
    const panel = text(deepQuery(el, '.panel'));
    expect(panel).toContain('You have completed the Foundation level');
    expect(panel).toContain(
      'The learning system records your result as passed, with a score of 100%.',
    );
    expect(panel).toContain('will not lower the result the learning system keeps');
    expect(text(deepQuery(el, 'li button'))).toBe('Start Sample module');
    await expectNoAxeViolations();

    el.reviewing = true;
    el.record = { status: 'completed', score: null };
    await el.updateComplete;
    expect(text(deepQuery(el, '.panel'))).toContain('records your result as completed.');
    expect(text(deepQuery(el, '.panel'))).toContain(
      'This is a review: nothing you do now is recorded.',
    );
  });

  it('finished again below the recorded result: says which result the LMS keeps', async () => {
    const finished = withModule({
      phase: 'done',
      completed: true,
      quiz: { attempt: 1, question: 3, answered: false, answers: [], best: 86 },
    });
    const el = await mount('sg-module-list', {
      content,
      state: finished,
      record: { status: 'passed', score: 100 },
    });
    expect(text(el)).toContain('Your score is 86%');
    expect(text(el)).toContain(
      'The learning system keeps your earlier, better result: passed, with a score of 100%.',
    );
    el.record = { status: 'passed', score: 80 };
    await el.updateComplete;
    expect(text(el)).not.toContain('earlier, better result');
  });

  it('after a pass, says what next and names the next level, with its audience', async () => {
    const passed = withModule({
      phase: 'done',
      completed: true,
      quiz: { attempt: 1, question: 3, answered: false, answers: [], best: 100 },
    });
    // A package: the next level is not in it, so the learner is told where it is.
    const el = await mount('sg-module-list', { content, state: passed });
    const panel = text(deepQuery(el, '.panel'));
    expect(panel).toContain('What next');
    expect(panel).toContain(
      'The next level is the Advanced level. Who it is for: Practitioners who assess. It is a separate course in your learning system.',
    );
    expect(deepQuery(el, '.panel a')).toBeNull();
    await expectNoAxeViolations();

    // The web build holds every level: a link opens the next one.
    el.nextLevelHref = '?level=advanced';
    await el.updateComplete;
    const link = deepQuery<HTMLAnchorElement>(el, '.panel a');
    expect(text(link)).toBe('Open the Advanced level');
    expect(link?.getAttribute('href')).toBe('?level=advanced');

    // Not passed: no next level.
    el.state = withModule({
      phase: 'done',
      completed: true,
      quiz: { attempt: 2, question: 3, answered: false, answers: [], best: 25 },
    });
    await el.updateComplete;
    expect(text(el)).not.toContain('What next');
    expect(text(el)).not.toContain('Advanced');

    // The last level names none.
    const last = levelContent(course, 'advanced');
    const lastPassed: LearnerState = {
      ...initialState(last, 7),
      modules: initialState(last, 7).modules.map((m) => ({
        ...m,
        phase: 'done',
        completed: true,
        quiz: { attempt: 1, question: 3, answered: false, answers: [], best: 100 },
      })),
    };
    const end = await mount('sg-module-list', { content: last, state: lastPassed });
    expect(text(deepQuery(end, '.panel'))).toContain('This is the last level of the course.');
  });

  it('fires no event when its properties are set', async () => {
    const el = await mount('sg-module-list', { content, state: fresh });
    const seen = recordEvents(el, ALL_EVENTS);
    el.state = withModule({ phase: 'intro' });
    await el.updateComplete;
    expect(seen).toHaveLength(0);
  });
});
