import { describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../../src/compiler/load.ts';
import { BEACON_LIMIT } from '../../../scorm/preview/moodle-mode.ts';
import { measureLevel, type PostMeasure } from './measure.ts';

/**
 * Issue 18 case 1: Moodle's player posts the whole data model on every Commit and Terminate, and
 * at page close by sendBeacon, which Chrome refuses over 64 KB. Each level is played through the
 * course's data-model mapping into scorm-again, by a learner who passes at once and by one who
 * fails every quiz 20 times first (by then every question of the level's banks has been asked);
 * the largest post must stay within 32 KB, half the beacon limit.
 */

const BUDGET = 32 * 1024;
const course = compileCourseDirectory('course').course;

describe('the largest post a Moodle-like LMS makes, per level (worst case with retries)', () => {
  if (!course) throw new Error('The course in course/ does not compile: see tests/course.');
  const measured: PostMeasure[] = [];

  for (const level of course.levels.map((l) => l.id))
    for (const version of ['2004', '1.2'] as const)
      it(`${level}, SCORM ${version}: within ${BUDGET / 1024} KB with any number of retries`, () => {
        const once = measureLevel(level, version, 0);
        const worst = measureLevel(level, version, 20);
        measured.push(once, worst);
        console.log(
          `${level.padEnd(13)} SCORM ${version.padEnd(4)}  no retry: ${kb(once)} (${once.interactions} interactions)` +
            `  20 retries: ${kb(worst)} (${worst.interactions} interactions)`,
        );
        expect(once.refusedWrites).toEqual([]);
        expect(worst.refusedWrites).toEqual([]);
        expect(worst.bytes).toBeLessThanOrEqual(BUDGET);
        expect(BUDGET).toBeLessThan(BEACON_LIMIT);
      });
});

const kb = (m: PostMeasure) => `${(m.bytes / 1024).toFixed(1)} KB`;
