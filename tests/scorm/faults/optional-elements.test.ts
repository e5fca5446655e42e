import { describe, expect, it } from 'vitest';
import { connectScormSession } from '../../../scorm/adapter/index.ts';
import { loadCourse } from '../../../scorm/package/build.ts';
import type { Fault } from '../../../scorm/preview/strict-checks.ts';
import { levelContent } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';
import { createTestLms } from '../support/lms.ts';

/**
 * Issue 16 case 3, measured: one induction run on an LMS without the optional elements (SCORM 1.2
 * with no cmi.interactions or cmi.objectives; 2004 with no adl.nav.request) makes about as many
 * API calls as on a normal LMS, where the course used to retry every refused write before each
 * Commit (14,234 calls against 435 in the run) and warned the learner all session.
 */
const course = loadCourse('course');
const content = levelContent(course, 'induction');

function run(version: '1.2' | '2004', faults: Fault[]) {
  const lms = createTestLms(version, {}, faults);
  const session = connectScormSession({
    storageKey: `optional-${version}-${faults.join()}`,
    modules: content.modules.map((m) => m.id),
    api: lms.found,
    commitIntervalMs: 0,
    schedule: (flush) => flush(),
  })!;
  const alarms: boolean[] = [];
  session.onHealthChange((h) => alarms.push(h.ok));
  for (const turn of play(content, { outcome: 'pass' }))
    session.apply(turn.effects, turn.state, turn.location);
  session.finish();
  return { calls: lms.strict.calls.length, alarms, cmi: lms.cmi() };
}

describe('an LMS without the optional elements (induction, one passing run)', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: about as many API calls as a normal LMS, no alarm, the level recorded`, () => {
      const normal = run(version, []);
      const without = run(version, ['no-optional']);
      console.log(
        `SCORM ${version} induction run: ${normal.calls} API calls on a normal LMS, ` +
          `${without.calls} on one without the optional elements`,
      );
      expect(without.alarms).toEqual([]);
      expect(without.calls).toBeLessThanOrEqual(normal.calls * 1.1);
      const status = version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status';
      expect(without.cmi[status]).toBe('passed');
    });
  }
});
