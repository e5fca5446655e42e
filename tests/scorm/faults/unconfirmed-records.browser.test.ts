import { afterEach, describe, expect, it } from 'vitest';
import course from 'virtual:course';
import { connectScormSession } from '../../../scorm/adapter/index.ts';
import { sanitiseIdentifier } from '../../../scorm/adapter/format.ts';
import { levelContent } from '../../../src/engine/index.ts';
import type { CourseSession } from '../../../src/session.ts';
import { play, type Turn } from '../../../scripts/players/learner.ts';
import { createTestLms, type TestLms } from '../support/lms.ts';

/**
 * Issue 16 case 8, with the real adapter in Chromium against scorm-again: interactions and module
 * objectives the LMS never confirmed (an outage, or writes it stored but never committed) are
 * kept with the device's copy and sent at the next launch, each where it belongs, never twice.
 */
const content = levelContent(course, 'advanced');
const modules = content.modules.map((m) => m.id);
const storageKey = `records:${content.level.id}`;
const learner = 'learner-8';

const open: CourseSession[] = [];
function connect(lms: TestLms) {
  const session = connectScormSession({
    storageKey,
    modules,
    api: lms.found,
    commitIntervalMs: 0,
    schedule: (flush) => flush(),
  });
  if (!session) throw new Error('No session');
  open.push(session);
  return session;
}

afterEach(() => {
  for (const session of open.splice(0)) session.finish();
  localStorage.clear();
});

const applyAll = (session: CourseSession, turns: readonly Turn[]) => {
  for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
};

/**
 * What the LMS hands the next launch: its stored record of this attempt (state, status,
 * interactions, objectives) and entry=resume.
 */
function relaunchData(lms: TestLms, learnerId: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [key, value] of Object.entries(lms.cmi()))
    if (
      /^cmi\.(suspend_data|location|core\.lesson_location|core\.lesson_status|completion_status)$/.test(
        key,
      ) ||
      /^cmi\.(interactions|objectives)\.\d+\.(id|type|time|timestamp|student_response|learner_response|result|status|completion_status|success_status|score\.(raw|min|max|scaled))$/.test(
        key,
      )
    )
      kept[key] = value;
  kept[lms.version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'] = 'resume';
  kept[learnerId] = learner;
  return kept;
}

/** Interaction ids by index, and objective status by id, as the LMS holds them. */
function records(lms: TestLms) {
  const cmi = lms.cmi();
  const interactions: string[] = [];
  const objectives = new Map<string, string>();
  for (const [key, value] of Object.entries(cmi)) {
    const interaction = /^cmi\.interactions\.(\d+)\.id$/.exec(key);
    if (interaction) interactions[Number(interaction[1])] = value;
    const objective = /^cmi\.objectives\.(\d+)\.id$/.exec(key);
    if (objective) {
      const status =
        cmi[
          `cmi.objectives.${objective[1]}.${lms.version === '1.2' ? 'status' : 'success_status'}`
        ];
      objectives.set(value, status ?? '');
    }
  }
  return { interactions, objectives };
}

for (const version of ['1.2', '2004'] as const) {
  const learnerId = version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id';
  const turns = play(content, { outcome: 'pass' });
  const firstModuleDone = turns.findIndex((t) =>
    t.effects.some((e) => e.type === 'complete-module'),
  );
  const upTo = firstModuleDone + 3;
  const idsIn = (some: readonly Turn[]) => [
    ...new Set(
      some.flatMap((t) =>
        t.effects.flatMap((e) =>
          e.type === 'record-interaction' ? [sanitiseIdentifier(version, e.interaction.id)] : [],
        ),
      ),
    ),
  ];
  const passed = 'passed';

  describe(`SCORM ${version}: what the LMS never confirmed goes at the next launch (16.8)`, () => {
    it('an outage (every write and Commit refused until the page closed): the interactions and the module objective reach the LMS at the next launch', () => {
      expect(firstModuleDone).toBeGreaterThan(8);
      const first = createTestLms(version, { [learnerId]: learner });
      const session = connect(first);
      applyAll(session, turns.slice(0, 6));
      first.failing = true;
      applyAll(session, turns.slice(6, upTo));
      session.finish();
      first.failing = false;
      // The LMS kept only what came before the outage.
      const before = records(first);
      expect(before.interactions.length).toBeLessThan(idsIn(turns.slice(0, upTo)).length);

      const second = createTestLms(version, relaunchData(first, learnerId));
      const again = connect(second);
      expect(again.savedState).toBe(turns[upTo - 1]!.state);
      const after = records(second);
      // Every decision and answer once, in the order they were made.
      expect(after.interactions).toEqual(idsIn(turns.slice(0, upTo)));
      expect(after.objectives.get(sanitiseIdentifier(version, modules[0]!))).toBe(passed);
      expect(second.strict.violations).toEqual([]);

      // Confirmed now: the launch after that sends nothing again.
      again.finish();
      const third = createTestLms(version, relaunchData(second, learnerId));
      connect(third);
      expect(
        third.strict.calls.filter(
          (c) => /^cmi\.(interactions|objectives)\./.test(c.args[0] ?? '') && /Set/.test(c.fn),
        ),
      ).toEqual([]);
    });

    it('an LMS that ended the session part-way: what the learner did after is kept and sent at the next launch', () => {
      const first = createTestLms(version, { [learnerId]: learner });
      const session = connect(first);
      applyAll(session, turns.slice(0, 6));
      first.faults.add('end-session');
      applyAll(session, turns.slice(6, upTo));
      session.finish();
      first.faults.clear();
      const second = createTestLms(version, relaunchData(first, learnerId));
      expect(connect(second).savedState).toBe(turns[upTo - 1]!.state);
      const after = records(second);
      expect(after.interactions).toEqual(idsIn(turns.slice(0, upTo)));
      expect(after.objectives.get(sanitiseIdentifier(version, modules[0]!))).toBe(passed);
      expect(second.strict.violations).toEqual([]);
    });

    it('an LMS that stored the writes but never confirmed a Commit: nothing is recorded twice', () => {
      const first = createTestLms(version, { [learnerId]: learner });
      const session = connect(first);
      applyAll(session, turns.slice(0, 6));
      first.faults.add('refuse-commit');
      applyAll(session, turns.slice(6, upTo));
      session.finish();
      first.faults.clear();

      const second = createTestLms(version, relaunchData(first, learnerId));
      connect(second);
      const after = records(second);
      expect(after.interactions).toEqual(idsIn(turns.slice(0, upTo)));
      expect([...after.objectives.keys()]).toHaveLength(new Set(after.objectives.keys()).size);
      expect(after.objectives.get(sanitiseIdentifier(version, modules[0]!))).toBe(passed);
      expect(second.strict.violations).toEqual([]);
    });

    it('another attempt in the LMS (its saved state is not this device’s): nothing is sent from the device', () => {
      const first = createTestLms(version, { [learnerId]: learner });
      const session = connect(first);
      applyAll(session, turns.slice(0, 6));
      first.failing = true;
      applyAll(session, turns.slice(6, upTo));
      session.finish();
      // The attempt was reset in the LMS: a fresh record.
      const second = createTestLms(version, { [learnerId]: learner });
      expect(connect(second).savedState).toBe('');
      expect(records(second).interactions).toEqual([]);
    });
  });
}
