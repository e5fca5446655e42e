import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-app/sg-app.ts';
import { levelContent, serialise } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';
import {
  ALL_EVENTS,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  memorySession,
  mount,
  recordEvents,
  settled,
  text,
  click,
} from '../helpers.ts';

const SEED = 7;

async function app(props: Parameters<typeof mount<'sg-app'>>[1] = {}) {
  const element = await mount('sg-app', { course, seed: SEED, ...props });
  await settled(element);
  return element;
}

describe('<sg-app>', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the level chooser when no level is set, with each level and a link that starts it', async () => {
    const element = await app();
    expect(text(deepQuery(element, 'h1'))).toBe('Choose your level');
    const chooser = deepQuery(element, 'sg-level-chooser')!;
    const levels = deepQueryAll(chooser, 'h2').map(text);
    expect(levels).toEqual(course.levels.map((l) => l.title));
    const links = deepQueryAll<HTMLAnchorElement>(chooser, 'a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['?level=foundation', '?level=advanced']);
  });

  it('explains an unknown level and offers the chooser', async () => {
    const element = await app({ level: 'expert', session: memorySession() });
    expect(text(element)).toContain('This course has no level called “expert”');
  });

  it('shows the shell: course and level, progress as text and a labelled progress bar, module status in words, the standalone notice', async () => {
    const element = await app({ level: 'foundation', session: memorySession() });
    const shell = text(element);
    expect(shell).toContain('Fixture course');
    expect(shell).toContain('Foundation level');
    expect(shell).toContain('0% complete');
    const progress = deepQuery<HTMLProgressElement>(element, 'progress');
    expect(progress?.labels?.[0]?.textContent).toBe('Your progress');
    expect(shell).toContain('Status: Not started');
    expect(shell).toContain('not being recorded by a learning management system');
  });

  it('says so when the LMS launched the course for review only, and greets the learner by name on return', async () => {
    const session = { ...memorySession('', 'lms'), reviewOnly: true, learnerName: 'Sam' };
    let element = await app({ level: 'foundation', session });
    expect(text(element)).toContain(
      'You are reviewing this course: nothing you do now is recorded.',
    );
    await click(element, 'Start');
    const saved = memorySession('', 'lms');
    element = await app({ level: 'foundation', session: saved });
    await click(element, 'Start');
    const resumed = { ...memorySession(saved.applied.at(-1)?.state ?? ''), learnerName: 'Sam' };
    element = await app({ level: 'foundation', session: resumed });
    expect(text(deepQuery(element, 'h1'))).toBe('Welcome back, Sam');
  });

  it('has no standalone notice under an LMS', async () => {
    const element = await app({ level: 'foundation', session: memorySession('', 'lms') });
    expect(text(element)).not.toContain('not being recorded');
  });

  it('has a skip link first in the tab order that moves focus to the main content', async () => {
    const element = await app({ level: 'foundation', session: memorySession() });
    await userEvent.tab();
    expect(text(deepActiveElement())).toBe('Skip to main content');
    await userEvent.keyboard('{Enter}');
    expect(deepActiveElement()?.id).toBe('main');
    expect(deepActiveElement()?.tagName).toBe('MAIN');
    void element;
  });

  it('shows a notification banner when saving starts failing, and removes it when saving works again', async () => {
    const session = memorySession();
    const element = await app({ level: 'foundation', session });
    session.setHealth({ ok: false, message: 'Saving to the LMS failed.' });
    await settled(element);
    const banner = deepQuery(element, '.banner');
    expect(banner?.getAttribute('role')).toBe('alert');
    expect(text(banner)).toContain('Saving to the LMS failed.');
    session.setHealth({ ok: true });
    await settled(element);
    expect(deepQuery(element, '.banner')).toBeNull();
  });

  it('runs the engine on each learner action and gives the session the effects, the state and a short bookmark', async () => {
    const session = memorySession();
    const element = await app({ level: 'foundation', session });
    await click(element, 'Start');
    expect(session.applied.at(-1)?.location).toBe('sample/intro');
    expect(session.applied.at(-1)?.effects).toEqual([{ type: 'save' }]);
    await click(element, 'Start the scenario');
    await click(element, 'Continue');
    expect(session.applied.at(-1)?.location).toBe('sample/first-choice');
    await userEvent.click(deepQuery(element, '#option-0')!);
    await click(element, 'Confirm my choice');
    const last = session.applied.at(-1);
    // Progress moves with every step now, so the choice also reports the new measure.
    expect(last?.effects.map((e) => e.type)).toEqual([
      'set-progress',
      'record-interaction',
      'save',
      'commit',
    ]);
    expect(last?.state).toMatch(/^1~foundation~/);
  });

  it('moves focus to the new view’s heading after each action', async () => {
    const element = await app({ level: 'foundation', session: memorySession() });
    await click(element, 'Start');
    expect(text(deepActiveElement())).toBe('Module Sample module');
    await click(element, 'Start the scenario');
    expect(text(deepActiveElement())).toBe('Sample module A referral');
    await click(element, 'Continue');
    expect(deepActiveElement()?.tagName).toBe('H1');
    expect(text(deepActiveElement())).toContain('Decision');
  });

  it('Save and exit finishes the session and says the progress is saved', async () => {
    const session = memorySession();
    const element = await app({ level: 'foundation', session });
    await click(element, 'Start');
    await click(element, 'Save and exit');
    expect(session.finished).toBe(1);
    expect(text(deepActiveElement())).toBe('Your progress is saved');
    expect(text(element)).toContain('Your progress is saved You can close this window.');
    expect(deepQueryAll(element, 'button').map(text)).not.toContain('Save and exit');
  });

  it('after Save and exit, does not say the progress is saved while saving fails', async () => {
    const session = memorySession();
    const element = await app({ level: 'foundation', session });
    session.setHealth({ ok: false, message: 'Saving to the LMS failed.' });
    await click(element, 'Save and exit');
    expect(text(deepActiveElement())).toBe('Your progress could not be saved');
    expect(text(element)).not.toContain('Your progress is saved');
    expect(text(deepQuery(element, '.banner'))).toContain('Saving to the LMS failed.');
    session.setHealth({ ok: true });
    await settled(element);
    expect(text(deepQuery(element, 'main h1'))).toBe('Your progress is saved');
  });

  it('opens an author’s preview straight at the step named, says it saves nothing, and plays on from there', async () => {
    const element = await app({
      level: 'foundation',
      preview: { module: 'sample', step: 'finding' },
    });
    const heading = () => text(deepQuery(deepQuery(element, 'main > .view')!, 'h1'));
    expect(heading()).toBe('Sample module What the review found');
    expect(text(element)).toContain(
      'Preview for authors: this page opened at step “finding” of “sample”. Nothing you do here is saved.',
    );
    expect(deepQueryAll(element, 'header button').map(text)).toEqual(['Back to the modules']);
    await click(element, 'Continue');
    expect(heading()).toContain('Decision');
  });

  it('says so when a preview names a step the level does not have, and shows the module list', async () => {
    const element = await app({
      level: 'foundation',
      preview: { module: 'sample', step: 'nowhere' },
    });
    expect(text(element)).toContain(
      'There is no step “nowhere” in a module “sample” of this level.',
    );
    expect(text(element)).not.toContain('Preview for authors');
    expect(deepQuery(element, 'main > .view')?.tagName).toBe('SG-MODULE-LIST');
  });

  it('lets the learner step back to the module list from a scenario and come back to the same step', async () => {
    const session = memorySession();
    const element = await app({ level: 'foundation', session });
    const headerButtons = () => deepQueryAll(element, 'header button').map(text);
    expect(headerButtons()).toEqual(['Save and exit']);
    await click(element, 'Start');
    // The module start has its own way back; the header does not repeat it.
    expect(headerButtons()).toEqual(['Save and exit']);
    await click(element, 'Start the scenario');
    await click(element, 'Continue');
    const step = text(deepActiveElement());
    expect(step).toContain('Decision');
    expect(headerButtons()).toEqual(['Back to the modules', 'Save and exit']);

    await click(element, 'Back to the modules');
    expect(text(deepActiveElement())).toContain('Your modules');
    expect(text(element)).toContain('Status: In progress');
    expect(session.applied.at(-1)?.effects).toEqual([{ type: 'save' }, { type: 'commit' }]);
    expect(session.applied.at(-1)?.location).toBe('modules');
    expect(session.finished).toBe(0);
    expect(headerButtons()).toEqual(['Save and exit']);

    await click(element, 'Continue');
    expect(text(deepActiveElement())).toBe(step);
    expect(session.applied.at(-1)?.location).toBe('sample/first-choice');
  });

  it('offers to continue where the learner left off, or to review from the module list', async () => {
    const first = memorySession();
    let element = await app({ level: 'foundation', session: first });
    await click(element, 'Start');
    await click(element, 'Start the scenario');
    const saved = first.applied.at(-1)?.state ?? '';

    element = await app({ level: 'foundation', session: memorySession(saved) });
    expect(text(deepQuery(element, 'h1'))).toBe('Welcome back');
    expect(text(element)).toContain('the scenario, at “A referral”');
    await click(element, 'Continue where you left off');
    expect(text(deepActiveElement())).toContain('A referral');

    const second = memorySession(saved);
    element = await app({ level: 'foundation', session: second });
    await click(element, 'Review from the module list');
    expect(text(deepActiveElement())).toContain('Your modules');
    expect(text(element)).toContain('Status: In progress');
    expect(second.applied.at(-1)?.location).toBe('modules');
  });

  it('reports a finished level the LMS does not record as finished, once, at launch', async () => {
    // Saved progress that finishes the level (its completion never reached the LMS).
    const content = levelContent(course, 'foundation');
    const done = play(content, { outcome: 'pass', seed: SEED }).at(-1)!.learner;
    const saved = serialise(content, done);
    const unreported = memorySession(saved, 'lms', false);
    await app({ level: 'foundation', session: unreported });
    const sent = unreported.applied.flatMap((a) => a.effects);
    expect(sent.filter((e) => e.type === 'complete-level')).toEqual([
      { type: 'complete-level', passed: true, score: 100 },
    ]);
    expect(unreported.applied[0]?.state).toBe(saved);
    // Recorded already, or under no LMS: nothing to tell.
    for (const session of [memorySession(saved, 'lms', true), memorySession(saved)]) {
      await app({ level: 'foundation', session });
      expect(session.applied).toEqual([]);
    }
  });

  it('starts afresh with a quiet note when the saved progress cannot be read', async () => {
    const element = await app({ level: 'foundation', session: memorySession('9~foundation~x') });
    expect(text(deepQuery(element, 'h1'))).toContain('Your modules');
    const note = deepQuery(element, '.notice[role="status"]');
    // In plain words: the engine's reason (a format number) goes to the console only.
    expect(text(note)).toContain('Your saved place in this level could not be read back');
    expect(text(note)).not.toMatch(/format \d/);
  });

  it('fires no event when its properties are set', async () => {
    const seen = recordEvents(document, ALL_EVENTS);
    const element = await app({ level: 'foundation', session: memorySession() });
    element.level = 'advanced';
    await settled(element);
    expect(seen).toHaveLength(0);
  });
});
