import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import course from 'virtual:fixture-course';
import { connectScormSession, type ScormSession } from '../../../scorm/adapter/index.ts';
import { openState } from '../../../scorm/adapter/saved-state.ts';
import { levelContent, restore } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';
import { createTestLms, savedForRelaunch, type TestLms } from '../support/lms.ts';

// The small fixture course (stable while the real content is being written).
const content = levelContent(course, 'foundation');
const modules = content.modules.map((m) => m.id);
const storageKey = `test:${content.level.id}`;

const open: ScormSession[] = [];
function connect(lms: TestLms, extra: Partial<Parameters<typeof connectScormSession>[0]> = {}) {
  const session = connectScormSession({
    storageKey,
    modules,
    api: lms.found,
    commitIntervalMs: 0,
    ...extra,
  });
  if (session) open.push(session);
  return session;
}

/**
 * The session writes behind the view, when the browser is idle and in as many idle periods as it
 * needs (see scorm/README.md); this waits until a Commit has followed call number `from`.
 */
const committedAfter = (lms: TestLms, from: number, commit: string) =>
  expect
    .poll(() => lms.strict.calls.slice(from).some((c) => c.fn === commit), { timeout: 5000 })
    .toBe(true);

/** The engine's string inside a saved state as the adapter writes it (sealed with a checksum). */
const unsealed = (value: string | undefined) => {
  const opened = openState(value ?? '');
  return opened.kind === 'state' ? opened.state : '';
};
/** What the LMS holds as suspend_data, unsealed. */
const heldState = (lms: TestLms) => unsealed(lms.cmi()['cmi.suspend_data']);

afterEach(() => {
  for (const session of open.splice(0)) session.finish();
  localStorage.clear();
  delete (window as unknown as Record<string, unknown>).API;
  delete (window as unknown as Record<string, unknown>).API_1484_11;
});

const n = (version: '1.2' | '2004') =>
  version === '1.2'
    ? {
        init: 'LMSInitialize',
        finish: 'LMSFinish',
        commit: 'LMSCommit',
        set: 'LMSSetValue',
        status: 'cmi.core.lesson_status',
        exit: 'cmi.core.exit',
        name: 'API',
      }
    : {
        init: 'Initialize',
        finish: 'Terminate',
        commit: 'Commit',
        set: 'SetValue',
        status: 'cmi.completion_status',
        exit: 'cmi.exit',
        name: 'API_1484_11',
      };

describe('discovery in a real browser', () => {
  it('returns undefined (standalone) when no window has an API', () => {
    expect(connectScormSession({ storageKey, window })).toBeUndefined();
  });

  for (const version of ['1.2', '2004'] as const) {
    it(`finds the ${version} API on the parent of the course's frame and initialises once`, async () => {
      const lms = createTestLms(version);
      (window as unknown as Record<string, unknown>)[n(version).name] = lms.strict.api;
      const frame = document.createElement('iframe');
      document.body.append(frame);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const session = connectScormSession({
        storageKey,
        window: frame.contentWindow!,
        commitIntervalMs: 0,
      });
      expect(session?.mode).toBe('lms');
      expect(session?.version).toBe(version);
      session?.finish();
      frame.remove();
      expect(lms.fns().filter((f) => f === n(version).init)).toHaveLength(1);
      expect(lms.strict.violations).toEqual([]);
    });
  }
});

for (const version of ['1.2', '2004'] as const) {
  const names = n(version);

  describe(`SCORM ${version} lifecycle with scorm-again as the LMS`, () => {
    it('on a first launch sets incomplete and exit=suspend, and commits once the browser is idle after the first view', async () => {
      const lms = createTestLms(version);
      const session = connect(lms)!;
      expect(session.savedState).toBe('');
      expect(session.resumed).toBe(false);
      // Initialize and reads only: the writes wait behind the course's first view.
      expect(lms.fns().filter((f) => f === names.set || f === names.commit)).toEqual([]);
      await committedAfter(lms, 0, names.commit);
      expect(lms.cmi()[names.status]).toBe('incomplete');
      expect(lms.strict.values.get(names.exit)).toBe('suspend');
      expect(lms.fns()).toContain(names.commit);
      expect(lms.strict.violations).toEqual([]);
    });

    it('passes a level: every value strict-valid, one interaction per effect, finished once', () => {
      const lms = createTestLms(version);
      const session = connect(lms)!;
      const turns = play(content, { outcome: 'pass' });
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      session.finish();
      session.finish();
      const interactions = turns
        .flatMap((t) => t.effects)
        .filter((e) => e.type === 'record-interaction');
      const cmi = lms.cmi();
      expect(lms.strict.violations).toEqual([]);
      expect(
        lms.strict.calls.every((c) => c.error === 0 || (version === '2004' && c.fn === 'GetValue')),
      ).toBe(true);
      expect(lms.fns().filter((f) => f === names.init)).toHaveLength(1);
      expect(lms.fns().filter((f) => f === names.finish)).toHaveLength(1);
      expect(lms.fns().at(-1)).toBe(names.finish);
      expect(interactions.length).toBeGreaterThan(0);
      if (version === '1.2') {
        expect(cmi['cmi.core.lesson_status']).toBe('passed');
        expect(lms.strict.values.get('cmi.core.exit')).toBe('');
        expect(Number(cmi['cmi.core.score.raw'])).toBeGreaterThanOrEqual(content.level.passMark);
      } else {
        expect(cmi['cmi.completion_status']).toBe('completed');
        expect(cmi['cmi.success_status']).toBe('passed');
        expect(lms.strict.values.get('cmi.exit')).toBe('normal');
        // No navigation request once the level is complete (issue 18: Moodle's sequencer
        // answered exitAll with an HTML alert, and the learner read "could not be saved").
        expect(lms.strict.values.has('adl.nav.request')).toBe(false);
        expect(cmi['cmi.progress_measure']).toBe('1');
      }
      const ids = [...lms.strict.values.keys()].filter((k) =>
        /^cmi\.interactions\.\d+\.id$/.test(k),
      );
      expect(ids).toHaveLength(interactions.length);
      expect(lms.strict.values.get('cmi.objectives.0.id')).toBe(modules[0]);
    });

    it('fails a quiz and leaves: still incomplete, exit suspend, resumable', () => {
      const lms = createTestLms(version);
      const session = connect(lms)!;
      const turns = play(content, { outcome: 'fail' });
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      session.finish();
      expect(lms.strict.violations).toEqual([]);
      expect(lms.cmi()[names.status]).toBe('incomplete');
      expect(lms.strict.values.get(names.exit)).toBe('suspend');
      if (version === '2004') expect(lms.strict.values.get('adl.nav.request')).toBe('suspendAll');
    });

    it('leaves mid-module and, relaunched with the saved data, lands on the same step', () => {
      const first = createTestLms(version);
      const session = connect(first)!;
      const turns = play(content, { outcome: 'pass', maxTurns: 14 });
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      session.finish();
      const last = turns.at(-1)!;

      const second = createTestLms(version, savedForRelaunch(first));
      const again = connect(second)!;
      expect(again.entry).toBe('resume');
      expect(again.resumed).toBe(true);
      expect(again.savedState).toBe(last.state);
      const restored = restore(content, again.savedState, 1);
      expect(restored.ok).toBe(true);
      expect(restored.state).toEqual(last.learner);
      expect(second.strict.values.has(names.status)).toBe(false);
      expect(second.strict.violations).toEqual([]);
    });

    it('in review mode reads the saved state and writes nothing', () => {
      const mode = version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
      const lms = createTestLms(version, { [mode]: 'review', 'cmi.suspend_data': '1~saved' });
      const session = connect(lms, { window })!;
      expect(session.reviewOnly).toBe(true);
      expect(session.savedState).toBe('1~saved');
      const turns = play(content, { outcome: 'pass', maxTurns: 3 });
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      // Hiding the page (another tab) commits in normal mode; in review mode it must not.
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      delete (document as unknown as Record<string, unknown>).visibilityState;
      session.finish();
      expect(lms.fns().filter((f) => f === names.set || f === names.commit)).toEqual([]);
      expect(lms.fns().at(-1)).toBe(names.finish);
    });

    it('leaves part-way through the level: the LMS, which holds the pass mark, still says not finished', () => {
      // An LMS that holds a pass mark may judge a score itself: SCORM 1.2 LMSs (Moodle, and
      // scorm-again) set passed or failed from score.raw against mastery_score when the session
      // ends, and a 2004 LMS works out success_status from score.scaled. So no level score may
      // reach the LMS before the level is complete.
      const mastery: Record<string, string> =
        version === '1.2'
          ? { 'cmi.student_data.mastery_score': String(content.level.passMark) }
          : { 'cmi.scaled_passing_score': String(content.level.passMark / 100) };
      for (const outcome of ['pass', 'fail'] as const) {
        const lms = createTestLms(version, mastery);
        const session = connect(lms)!;
        const turns = play(content, { outcome });
        // Up to the end of the scenario, where the quiz starts and the course reports progress:
        // the level is not complete.
        const upTo = turns.findIndex((t) => t.effects.some((e) => e.type === 'set-progress'));
        expect(upTo).toBeGreaterThan(0);
        const partWay = turns.slice(0, upTo + 1);
        expect(partWay.flatMap((t) => t.effects).some((e) => e.type === 'complete-level')).toBe(
          false,
        );
        for (const turn of partWay) session.apply(turn.effects, turn.state, turn.location);
        session.finish();
        const cmi = lms.cmi();
        if (version === '1.2') {
          expect(cmi['cmi.core.lesson_status'], outcome).toBe('incomplete');
          expect(cmi['cmi.core.score.raw'] ?? '', outcome).toBe('');
        } else {
          expect(cmi['cmi.completion_status'], outcome).toBe('incomplete');
          expect(['unknown', undefined], outcome).toContain(cmi['cmi.success_status']);
          expect(cmi['cmi.score.scaled'] ?? '', outcome).toBe('');
        }
        expect(lms.strict.violations).toEqual([]);
      }
    });

    it('reads the learner name as people write it', () => {
      const seed = {
        [version === '1.2' ? 'cmi.core.student_name' : 'cmi.learner_name']: 'Smith, Jo',
      };
      const session = connect(createTestLms(version, seed))!;
      expect(session.learnerName).toBe('Jo Smith');
    });

    it('terminates once on pagehide, and not again on finish()', () => {
      const lms = createTestLms(version);
      const session = connect(lms, { window })!;
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      session.finish();
      expect(session.finished).toBe(true);
      expect(lms.fns().filter((f) => f === names.finish)).toHaveLength(1);
      expect(lms.strict.values.has('adl.nav.request')).toBe(false);
      expect(lms.strict.violations).toEqual([]);
    });

    it('commits with session_time on a timer and when the page is hidden', async () => {
      const lms = createTestLms(version);
      connect(lms, { window, commitIntervalMs: 20 });
      const before = lms.fns().filter((f) => f === names.commit).length;
      await new Promise((resolve) => setTimeout(resolve, 70));
      const afterTimer = lms.fns().filter((f) => f === names.commit).length;
      expect(afterTimer).toBeGreaterThan(before);
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      delete (document as unknown as Record<string, unknown>).visibilityState;
      expect(lms.fns().filter((f) => f === names.commit).length).toBeGreaterThan(afterTimer);
      const time = version === '1.2' ? 'cmi.core.session_time' : 'cmi.session_time';
      expect(lms.strict.values.get(time)).toBeDefined();
      expect(lms.strict.violations).toEqual([]);
    });

    it('writes behind the view: events before the next paint share one suspend_data write and one Commit', async () => {
      const lms = createTestLms(version);
      const session = connect(lms)!;
      await committedAfter(lms, 0, names.commit);
      const turns = play(content, { outcome: 'pass', maxTurns: 14 });
      const decisions = turns.filter((t) => t.effects.some((e) => e.type === 'commit'));
      expect(decisions.length).toBeGreaterThan(1);
      const from = lms.strict.calls.length;
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      expect(lms.strict.calls.length).toBe(from);
      // The local copy is not kept waiting: it is what survives if the LMS never gets the rest.
      const local = JSON.parse(localStorage.getItem(`${storageKey}:lms:anonymous`) ?? '{}') as {
        state?: string;
      };
      expect(unsealed(local.state)).toBe(turns.at(-1)!.state);
      await committedAfter(lms, from, names.commit);
      const calls = lms.strict.calls.slice(from);
      const stateWrites = calls.filter(
        (c) => c.fn === names.set && c.args[0] === 'cmi.suspend_data',
      );
      expect(stateWrites.map((c) => unsealed(c.args[1]))).toEqual([turns.at(-1)!.state]);
      expect(calls.filter((c) => c.fn === names.commit)).toHaveLength(1);
      // Every interaction is still written, in order.
      const ids = calls.filter(
        (c) => c.fn === names.set && /^cmi\.interactions\.\d+\.id$/.test(c.args[0] ?? ''),
      );
      expect(ids.length).toBe(
        turns.flatMap((t) => t.effects).filter((e) => e.type === 'record-interaction').length,
      );
      expect(lms.strict.violations).toEqual([]);
    });

    it('writes in the idle time there is: a burst is split over idle periods, then one Commit', () => {
      const lms = createTestLms(version);
      const waiting: ((deadline?: { didTimeout: boolean; timeRemaining(): number }) => void)[] = [];
      const session = connect(lms, { schedule: (flush) => waiting.push(flush) })!;
      const turns = play(content, { outcome: 'pass', maxTurns: 14 });
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      const from = lms.strict.calls.length;
      // Idle periods with room for three calls each (the margin is 3 ms).
      let flushes = 0;
      while (waiting.length > 0 && flushes < 200) {
        let room = 3;
        waiting.shift()!({ didTimeout: false, timeRemaining: () => (room-- > 0 ? 10 : 0) });
        flushes++;
      }
      const calls = lms.strict.calls.slice(from);
      expect(flushes).toBeGreaterThan(5);
      expect(calls.filter((c) => c.fn === names.commit)).toHaveLength(1);
      expect(calls.at(-1)?.fn).toBe(names.commit);
      expect(heldState(lms)).toBe(turns.at(-1)!.state);
      expect(lms.cmi()[names.status]).toBe('incomplete');
      expect(lms.strict.violations).toEqual([]);
    });

    it('drops an event the data model cannot take, says so on the console, and writes the others once', async () => {
      // The drop is reported, not swallowed: caught here so the run's output stays clean.
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
      onTestFinished(() => warn.mockRestore());
      const lms = createTestLms(version);
      const session = connect(lms)!;
      await committedAfter(lms, 0, names.commit);
      const turns = play(content, { outcome: 'pass', maxTurns: 14 });
      const decision = turns.find((t) => t.effects.some((e) => e.type === 'record-interaction'))!;
      const broken = [
        { type: 'record-interaction', interaction: undefined },
      ] as unknown as Parameters<typeof session.apply>[0];
      const from = lms.strict.calls.length;
      session.apply(broken, decision.state, decision.location);
      session.apply(decision.effects, decision.state, decision.location);
      await committedAfter(lms, from, names.commit);
      // Another event and flush: the good one is not planned again.
      session.apply([{ type: 'commit' }], decision.state, decision.location);
      await committedAfter(lms, lms.strict.calls.length, names.commit);
      const ids = lms.strict.calls
        .slice(from)
        .filter((c) => c.fn === names.set && /^cmi\.interactions\.\d+\.id$/.test(c.args[0] ?? ''));
      expect(ids).toHaveLength(1);
      expect(warn.mock.calls.map(([message]) => message)).toEqual([
        'A learner event could not be turned into LMS writes:',
      ]);
      expect(lms.strict.violations).toEqual([]);
    });

    it('writes what is waiting before it terminates, when the learner leaves before the next paint', () => {
      const lms = createTestLms(version);
      const session = connect(lms)!;
      const turns = play(content, { outcome: 'pass', maxTurns: 3 });
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      session.finish();
      const fns = lms.fns();
      expect(fns.at(-1)).toBe(names.finish);
      const lastState = lms.strict.calls.findLast(
        (c) => c.fn === names.set && c.args[0] === 'cmi.suspend_data',
      );
      expect(unsealed(lastState?.args[1])).toBe(turns.at(-1)!.state);
      expect(lms.cmi()[names.status]).toBe('incomplete');
      expect(lms.strict.violations).toEqual([]);
    });

    it('when the LMS refuses to save: retries, warns, keeps a local copy, and recovers', async () => {
      const lms = createTestLms(version);
      const session = connect(lms)!;
      const health: boolean[] = [];
      session.onHealthChange((h) => health.push(h.ok));
      const turns = play(content, { outcome: 'pass', maxTurns: 4 });
      lms.failing = true;
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      await expect.poll(() => health, { timeout: 5000 }).toEqual([false]);
      const sets = lms.strict.calls.filter((c) => c.fn === names.set && c.result === 'false');
      expect(sets.length).toBeGreaterThan(1);
      const local = JSON.parse(
        localStorage.getItem(`${storageKey}:lms:`) ??
          localStorage.getItem(`${storageKey}:lms:anonymous`) ??
          '{}',
      ) as { state?: string };
      expect(unsealed(local.state)).toBe(turns.at(-1)!.state);

      lms.failing = false;
      const more = play(content, { outcome: 'pass', maxTurns: 1, from: turns.at(-1)!.learner });
      for (const turn of more)
        session.apply([...turn.effects, { type: 'commit' }], turn.state, turn.location);
      await expect.poll(() => health, { timeout: 5000 }).toEqual([false, true]);
      expect(heldState(lms)).toBe(more.at(-1)!.state);
    });

    it('relaunched after the LMS refused the later saves, resumes from the newer copy on this device', async () => {
      const first = createTestLms(version);
      const session = connect(first, { schedule: (flush) => flush() })!;
      const turns = play(content, { outcome: 'pass' });
      const accepted = turns.slice(0, 6);
      for (const turn of accepted)
        session.apply([...turn.effects, { type: 'commit' }], turn.state, turn.location);
      expect(heldState(first)).toBe(accepted.at(-1)!.state);
      first.failing = true;
      for (const turn of turns.slice(6)) session.apply(turn.effects, turn.state, turn.location);
      session.finish();

      // The LMS still holds the sixth turn; this device holds the last, the level finished.
      const second = createTestLms(version, savedForRelaunch(first));
      const again = connect(second, { schedule: (flush) => flush() })!;
      expect(again.savedState).toBe(turns.at(-1)!.state);
      expect(heldState(second)).toBe(turns.at(-1)!.state);
      expect(second.strict.violations).toEqual([]);
    });

    it('relaunched where the LMS holds other progress (another device, or a reset), takes the LMS’s', () => {
      const first = createTestLms(version);
      const session = connect(first, { schedule: (flush) => flush() })!;
      const turns = play(content, { outcome: 'pass', maxTurns: 8 });
      for (const turn of turns.slice(0, 4))
        session.apply([...turn.effects, { type: 'commit' }], turn.state, turn.location);
      first.failing = true;
      for (const turn of turns.slice(4)) session.apply(turn.effects, turn.state, turn.location);
      session.finish();
      const onThisDevice = turns.at(-1)!.state;

      // Another device went on (a state this device never had: any state it had, the LMS holding
      // it means this device's copy is newer, issue 16 case 1): the LMS's state wins.
      const other = play(content, { outcome: 'pass', maxTurns: 8, seed: 999 }).at(-1)!.state;
      expect(turns.map((t) => t.state)).not.toContain(other);
      const elsewhere = { ...savedForRelaunch(first), 'cmi.suspend_data': other };
      expect(connect(createTestLms(version, elsewhere))!.savedState).toBe(other);
      // The attempt was reset: the LMS holds nothing, and nothing comes back from this device.
      expect(connect(createTestLms(version))!.savedState).toBe('');
      expect(onThisDevice).not.toBe(other);
    });

    it('says whether "Save and exit" saved: not while the LMS refuses, yes once it takes it all', () => {
      for (const failing of [true, false]) {
        const lms = createTestLms(version);
        const session = connect(lms, { schedule: (flush) => flush() })!;
        const health: boolean[] = [];
        session.onHealthChange((h) => health.push(h.ok));
        const turns = play(content, { outcome: 'pass', maxTurns: 4 });
        lms.failing = true;
        for (const turn of turns)
          session.apply([...turn.effects, { type: 'commit' }], turn.state, turn.location);
        lms.failing = failing;
        session.finish();
        expect(health.at(-1), `failing: ${failing}`).toBe(!failing);
        expect(lms.strict.violations.filter((v) => !v.includes('→ error'))).toEqual([]);
      }
    });

    it('after the page was hidden for good (back from the back/forward cache), keeps what follows on this device and says so', () => {
      const lms = createTestLms(version);
      const session = connect(lms, { window })!;
      const health: boolean[] = [];
      session.onHealthChange((h) => health.push(h.ok));
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      const calls = lms.strict.calls.length;
      const [turn] = play(content, { outcome: 'pass', maxTurns: 1 });
      session.apply(turn!.effects, turn!.state, turn!.location);
      expect(lms.strict.calls.length).toBe(calls);
      const local = JSON.parse(localStorage.getItem(`${storageKey}:lms:anonymous`) ?? '{}') as {
        state?: string;
      };
      expect(unsealed(local.state)).toBe(turn!.state);
      expect(health).toEqual([false]);
    });

    it('in review mode keeps nothing on this device either', () => {
      const mode = version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode';
      const session = connect(createTestLms(version, { [mode]: 'browse' }))!;
      const [turn] = play(content, { outcome: 'pass', maxTurns: 1 });
      session.apply(turn!.effects, turn!.state, turn!.location);
      session.finish();
      expect(localStorage.getItem(`${storageKey}:lms:anonymous`)).toBeNull();
    });

    it('tries Initialize again when the LMS refuses it once, and resumes what the LMS holds', () => {
      const lms = createTestLms(version, { 'cmi.suspend_data': '1~saved' });
      let refused = 0;
      const api = { ...lms.strict.api };
      api[names.init] = (...args: string[]) => {
        if (refused++ === 0) return 'false';
        return lms.strict.api[names.init]!(...args);
      };
      const session = connect(lms, { api: { version, api } as unknown as typeof lms.found })!;
      expect(session?.mode).toBe('lms');
      expect(session.savedState).toBe('1~saved');
      expect(lms.fns().filter((f) => f === names.init)).toHaveLength(1);
      expect(lms.strict.violations).toEqual([]);
    });

    it('relaunched after the LMS lost everything, resumes from the local copy', async () => {
      localStorage.setItem(
        `${storageKey}:lms:anonymous`,
        JSON.stringify({ state: '1~kept', location: 'm/s', complete: false }),
      );
      const lms = createTestLms(version);
      const session = connect(lms)!;
      expect(session.savedState).toBe('1~kept');
      expect(session.resumed).toBe(true);
      await expect.poll(() => heldState(lms), { timeout: 5000 }).toBe('1~kept');
    });
  });
}
