import { describe, expect, it } from 'vitest';
import { connectScormSession } from '../../../scorm/adapter/index.ts';
import { openState } from '../../../scorm/adapter/saved-state.ts';
import { loadCourse } from '../../../scorm/package/build.ts';
import { levelContent } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';
import { createTestLms } from '../support/lms.ts';

/**
 * A long LMS outage, on the real course's largest level: every write the LMS refused is kept and
 * sent again once it recovers, so no decision or answer is lost (a cap of 500 used to drop the
 * oldest, among them interaction ids, and the LMS then refused every write that named them).
 */
const course = loadCourse('course');
const level = [...course.levels].sort((a, b) => b.modules.length - a.modules.length)[0]!;
const content = levelContent(course, level.id);

describe(`a long LMS outage (level ${level.id})`, () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: every interaction and objective reaches the LMS once it recovers`, () => {
      const lms = createTestLms(version);
      const session = connectScormSession({
        storageKey: 'outage',
        modules: content.modules.map((m) => m.id),
        api: lms.found,
        commitIntervalMs: 0,
        schedule: (flush) => flush(),
      })!;
      const health: boolean[] = [];
      session.onHealthChange((h) => health.push(h.ok));
      const turns = play(content, { outcome: 'pass' });
      lms.failing = true;
      for (const turn of turns.slice(0, -3)) session.apply(turn.effects, turn.state, turn.location);
      lms.failing = false;
      for (const turn of turns.slice(-3)) session.apply(turn.effects, turn.state, turn.location);
      session.finish();

      const recorded = turns
        .flatMap((t) => t.effects)
        .filter((e) => e.type === 'record-interaction').length;
      expect(recorded).toBeGreaterThan(40);
      const cmi = lms.cmi();
      const ids = Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
      expect(ids).toHaveLength(recorded);
      expect(openState(cmi['cmi.suspend_data'])).toEqual({
        kind: 'state',
        state: turns.at(-1)!.state,
        sealed: true,
      });
      expect(health).toEqual([false, true]);
    });
  }

  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: the LMS calls of each event do not grow with the outage`, () => {
      const lms = createTestLms(version);
      const session = connectScormSession({
        storageKey: 'outage-calls',
        modules: content.modules.map((m) => m.id),
        api: lms.found,
        commitIntervalMs: 0,
        schedule: (flush) => flush(),
      })!;
      const turns = play(content, { outcome: 'pass' });
      lms.failing = true;
      const perEvent: number[] = [];
      for (const turn of turns) {
        const before = lms.strict.calls.length;
        session.apply(turn.effects, turn.state, turn.location);
        perEvent.push(lms.strict.calls.length - before);
      }
      session.finish();
      // Each Commit used to retry every write refused so far: the last tenth of the outage made
      // 17 times the calls of the first (127,000 calls in all on 1.2), where it now makes about as many
      // (4,300 in all).
      const tenth = Math.floor(perEvent.length / 10);
      const sum = (calls: number[]) => calls.reduce((a, b) => a + b, 0);
      const first = sum(perEvent.slice(0, tenth));
      const last = sum(perEvent.slice(-tenth));
      console.log(
        `SCORM ${version}: ${perEvent.length} events in the outage, ${sum(perEvent)} LMS calls; ` +
          `first tenth ${first}, last tenth ${last}`,
      );
      expect(last).toBeLessThan(2 * first);
    });
  }
});
