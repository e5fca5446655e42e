import { afterEach, describe, expect, it } from 'vitest';
import course from 'virtual:course';
import { connectScormSession } from '../../../scorm/adapter/index.ts';
import { OTHER_WINDOW_MESSAGE } from '../../../scorm/adapter/other-windows.ts';
import { openState } from '../../../scorm/adapter/saved-state.ts';
import { createStandaloneSession } from '../../../scorm/adapter/standalone.ts';
import { FAULTS, JUNK_ERROR_STRING } from '../../../scorm/preview/strict-checks.ts';
import '../../../src/components/sg-app/sg-app.ts';
import { levelContent } from '../../../src/engine/index.ts';
import type { CourseSession } from '../../../src/session.ts';
import { mount, settled, text } from '../../components/helpers.ts';
import { play, type Turn } from '../../../scripts/players/learner.ts';
import { createTestLms, savedForRelaunch, type TestLms } from '../support/lms.ts';

/**
 * Issue 16 cases 6 and 9, with the real adapter in Chromium against scorm-again made to
 * misbehave: two windows of the course for one learner, and what the learner is told (plain words
 * only, and at once after a back/forward-cache restore).
 */
const content = levelContent(course, 'advanced');
const modules = content.modules.map((m) => m.id);
const storageKey = `windows:${content.level.id}`;
const learner = 'learner-9';

const open: CourseSession[] = [];
function connect(lms: TestLms, extra: Partial<Parameters<typeof connectScormSession>[0]> = {}) {
  const session = connectScormSession({
    storageKey,
    modules,
    api: lms.found,
    commitIntervalMs: 0,
    schedule: (flush) => flush(),
    ...extra,
  });
  if (!session) throw new Error('No session');
  open.push(session);
  return session;
}

afterEach(() => {
  for (const session of open.splice(0)) session.finish();
  localStorage.clear();
  document.body.replaceChildren();
});

const messagesOf = (session: CourseSession) => {
  const messages: string[] = [];
  session.onHealthChange((h) => messages.push(h.ok ? 'ok' : h.message));
  return messages;
};

const applyAll = (session: CourseSession, turns: readonly Turn[]) => {
  for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
};

/** The engine's string the device keeps for the learner. */
const deviceState = () => {
  const raw = localStorage.getItem(`${storageKey}:lms:${learner}`);
  const opened = openState((JSON.parse(raw ?? '{}') as { state?: string }).state);
  return opened.kind === 'state' ? opened.state : opened.kind;
};

/**
 * What a learner must never be shown: a format string, bytes that are not text, the data model's
 * or the API's names, the engine's counts and formats.
 */
const INTERNAL = new RegExp(
  [
    '%[sdx0-9]',
    // Control characters (a NUL among them) and the replacement character.
    '[\\u0000-\\u0008\\u000e-\\u001f\\ufffd]',
    'ERR_',
    'cmi\\.',
    'suspend_data',
    '\\b(LMS|SCORM|API|Initiali[sz]e|Commit|Terminate|General Exception)\\b',
    'saved for \\d+',
    '\\bformat \\d',
  ].join('|'),
);

for (const version of ['1.2', '2004'] as const) {
  const learnerId = version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id';

  describe(`SCORM ${version}: two windows of the course for one learner (16.6)`, () => {
    it('the window opened first stops saving when a second opens, says so plainly, and never saves over the newer one', async () => {
      const turns = play(content, { outcome: 'pass', maxTurns: 40 });
      const firstLms = createTestLms(version, { [learnerId]: learner });
      const first = connect(firstLms);
      const firstSays = messagesOf(first);
      applyAll(first, turns.slice(0, 10));

      // The same learner opens the course again (another launch from the LMS, another tab): the
      // LMS hands it what it holds now.
      const secondLms = createTestLms(version, {
        ...savedForRelaunch(firstLms),
        [learnerId]: learner,
      });
      const second = connect(secondLms);
      expect(second.savedState).toBe(turns[9]!.state);
      await expect.poll(() => firstSays.at(-1), { timeout: 5000 }).toBe(OTHER_WINDOW_MESSAGE);
      // The first window wrote what it held and ended its LMS session at once.
      expect(first.finished).toBe(true);
      const firstCalls = firstLms.strict.calls.length;

      applyAll(second, turns.slice(10, 30));
      // The first window, still open, gets more clicks (its view is older): nothing is saved,
      // to the LMS or the device, and it says why again.
      applyAll(first, turns.slice(0, 12));
      expect(firstLms.strict.calls.length).toBe(firstCalls);
      expect(deviceState()).toBe(turns[29]!.state);
      expect(firstSays.at(-1)).toBe(OTHER_WINDOW_MESSAGE);

      // Closed last, the first window still saves nothing over the second's work.
      second.finish();
      first.finish();
      expect(firstLms.strict.calls.length).toBe(firstCalls);
      expect(deviceState()).toBe(turns[29]!.state);
      expect(openState(secondLms.cmi()['cmi.suspend_data'])).toMatchObject({
        state: turns[29]!.state,
      });
      expect(firstLms.strict.violations).toEqual([]);
      expect(secondLms.strict.violations).toEqual([]);
    });

    it('another learner, or another level, opening on this device changes nothing', async () => {
      const first = connect(createTestLms(version, { [learnerId]: learner }));
      const says = messagesOf(first);
      connect(createTestLms(version, { [learnerId]: 'someone-else' }));
      connect(createTestLms(version, { [learnerId]: learner }), {
        storageKey: 'windows:induction',
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(says).toEqual([]);
      expect(first.finished).toBe(false);
    });
  });

  describe(`SCORM ${version}: what the learner is told (16.9)`, () => {
    it('an LMS whose error string is junk: the banner has the error number, none of the junk', () => {
      const lms = createTestLms(version, { [learnerId]: learner }, ['junk-error-string']);
      const session = connect(lms);
      const says = messagesOf(session);
      lms.failing = true;
      applyAll(session, play(content, { outcome: 'pass', maxTurns: 3 }));
      expect(says).toHaveLength(1);
      expect(says[0]).toMatch(/not saving your progress/);
      expect(says[0]).toContain('error 101');
      expect(says[0]).not.toContain(JUNK_ERROR_STRING.slice(0, 6));
      expect(says[0]).not.toMatch(INTERNAL);
    });

    it('every fault mode of the preview LMS: nothing the adapter says uses internal terms or bytes', () => {
      const seen = new Set<string>();
      for (const fault of FAULTS) {
        localStorage.clear();
        const lms = createTestLms(
          version,
          { [learnerId]: learner },
          [fault, 'junk-error-string'],
          2,
        );
        const session = connect(lms, { initializeRetryMs: [] });
        const says = messagesOf(session);
        const turns = play(content, { outcome: 'pass', maxTurns: 25 });
        applyAll(session, turns.slice(0, 5));
        lms.failing = true;
        applyAll(session, turns.slice(5, 20));
        lms.failing = false;
        applyAll(session, turns.slice(20));
        session.finish();
        for (const message of says) seen.add(message);
      }
      const unclean = [...seen].filter((m) => INTERNAL.test(m));
      expect(unclean).toEqual([]);
      expect(seen.size).toBeGreaterThan(2);
    });

    it('back from the back/forward cache: says at once that the page is no longer connected', () => {
      const lms = createTestLms(version, { [learnerId]: learner });
      const session = connect(lms, { window });
      const says = messagesOf(session);
      applyAll(session, play(content, { outcome: 'pass', maxTurns: 3 }));
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      expect(session.finished).toBe(true);
      expect(says).toEqual([]);
      // Before any click: the page is shown again.
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(says).toHaveLength(1);
      expect(says[0]).toMatch(/no longer connected to the learning system/);
    });

    it('back from the back/forward cache while the LMS never answered: no longer "keeps trying"', () => {
      const lms = createTestLms(version, { [learnerId]: learner }, ['refuse-initialize']);
      const session = connect(lms, { window, initializeRetryMs: [60_000] });
      const says = messagesOf(session);
      expect(says[0]).toMatch(/keeps trying/);
      window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
      window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      expect(says).toHaveLength(2);
      expect(says[1]).toMatch(/no longer connected to the learning system/);
    });
  });
}

describe('saved progress the course cannot restore (16.9)', () => {
  const cases = [
    // Another level's progress, and a format this version does not know: the engine's reasons
    // name levels and format numbers.
    {
      what: 'another level',
      state: () =>
        play(levelContent(course, 'induction'), { outcome: 'pass', maxTurns: 4 }).at(-1)!.state,
    },
    {
      what: 'an unknown format',
      state: () =>
        play(content, { outcome: 'pass', maxTurns: 4 }).at(-1)!.state.replace(/^\d+~/, '99~'),
    },
  ];
  for (const { what, state } of cases) {
    it(`${what}: sg-app says so in plain words, and the engine's reason goes to the console only`, async () => {
      const key = `plain:${content.level.id}`;
      localStorage.setItem(key, JSON.stringify({ state: state(), location: 'x' }));
      const session = createStandaloneSession(key);
      expect(session.savedState).not.toBe('');
      const element = await mount('sg-app', { course, level: content.level.id, session });
      await settled(element);
      const shown = text(element);
      expect(shown).toContain('Your saved place in this level could not be read back');
      expect(shown).not.toMatch(/Saved progress (is|could)|format \d|level "/);
    });
  }

  it('the standalone session: a second window of the course takes over, the first says so and stores nothing', async () => {
    const key = `plain:${content.level.id}`;
    const turns = play(content, { outcome: 'pass', maxTurns: 12 });
    const first = createStandaloneSession(key);
    const says = messagesOf(first);
    applyAll(first, turns.slice(0, 6));
    const second = createStandaloneSession(key);
    expect(second.savedState).toBe(turns[5]!.state);
    await expect.poll(() => says.at(-1), { timeout: 5000 }).toBe(OTHER_WINDOW_MESSAGE);
    applyAll(second, turns.slice(6, 12));
    applyAll(first, turns.slice(0, 8));
    first.finish();
    const kept = JSON.parse(localStorage.getItem(key) ?? '{}') as { state?: string };
    expect(kept.state).toBe(turns[11]!.state);
  });
});
