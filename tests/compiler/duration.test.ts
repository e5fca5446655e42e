import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCourse, type ContentText } from '../../src/compiler/compile.ts';
import {
  formatDurations,
  longestPath,
  moduleDuration,
  statedFits,
} from '../../src/compiler/duration.ts';
import type { Module } from '../../src/model/course.ts';

const read = (path: string): ContentText => ({ path, text: readFileSync(path, 'utf8') });
const baseCourse = read('tests/compiler/fixtures/broken/course.yaml');
/** The broken fixtures' course, its one level lasting `minutes`. */
const courseOf = (minutes: number): ContentText => ({
  ...baseCourse,
  text: baseCourse.text.replace(/^ {4}duration: 6.*$/m, `    duration: ${minutes}`),
});
const paths = read('tests/compiler/fixtures/duration/paths.yaml');
const stated = (minutes: number): ContentText => ({
  ...paths,
  text: paths.text.replace('duration: 6 #', `duration: ${minutes} #`),
});
const markedLine = (file: ContentText) =>
  file.text.split('\n').findIndex((line) => line.includes('# <-- here')) + 1;

function compile(moduleMinutes: number, levelMinutes = moduleMinutes) {
  const result = compileCourse(courseOf(levelMinutes), [stated(moduleMinutes)]);
  const durationWarnings = result.diagnostics.filter((d) => /duration|add up/.test(d.message));
  return { ...result, durationWarnings, module: result.course?.modules[0] as Module };
}

describe('duration estimate', () => {
  it('reads the path with the most words, counting only branches the flags allow, and never going round', () => {
    const { module } = compile(6);
    expect(longestPath(module)).toEqual({
      // start 8, choice 6 + the chosen feedback 2, long-step 21, found 4, end-long 10
      words: 51,
      decisions: 1,
      steps: ['start', 'choice', 'long-step', 'found', 'end-long'],
    });
  });

  it('adds the module start, 0.5 min per decision, 1 min per question asked and 3 for the reflection', () => {
    const { module, course } = compile(6);
    const d = moduleDuration(module, course!.levels);
    expect(d.startWords).toBe(9);
    // (51 + 9) / 180 + 0.5 + 3 + 3 = 6.83
    expect(d.levels).toEqual([{ level: 'foundation', questions: 3, minutes: 7 }]);
    const drawOne = course!.levels.map((l) => ({ ...l, questionsPerModule: 1 }));
    expect(moduleDuration(module, drawOne).levels[0]).toMatchObject({ questions: 1, minutes: 5 });
  });

  it('allows a stated time within 25% of the estimate', () => {
    expect(statedFits(10, 8)).toBe(true);
    expect(statedFits(6, 8)).toBe(true);
    expect(statedFits(11, 8)).toBe(false);
    expect(statedFits(5, 8)).toBe(false);
  });

  it("warns at the module's duration: when it is more than 25% off, giving both figures", () => {
    expect(compile(7).durationWarnings).toEqual([]);
    const { durationWarnings, course } = compile(10);
    expect(course).toBeDefined();
    expect(durationWarnings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: paths.path,
        line: markedLine(paths),
        message:
          'duration: 10 minutes, but the estimate is 7 at foundation (more than 25% off): the longest path has 60 words to read and 1 decision, then the quiz and the reflection',
        fix: expect.stringContaining('state about 7 minutes'),
      }),
    ]);
  });

  it("reports a level whose duration is not the sum of its modules' at the level's duration:, and fails", () => {
    const { durationWarnings, course } = compile(6, 30);
    expect(course).toBeUndefined();
    expect(durationWarnings).toEqual([
      expect.objectContaining({
        severity: 'error',
        file: baseCourse.path,
        line: 14,
        message:
          'level "foundation" says 30 minutes, but its modules\' durations add up to 6 (broken 6)',
        fix: 'make it 6, or change the modules\' "duration:" so they add up to 30',
      }),
    ]);
  });

  it('sums no level with a module too broken to compile (that module has its own error)', () => {
    // "duration: five minutes": a wrong type, so the module cannot be linked.
    const broken = read('tests/compiler/fixtures/broken/wrong-type.yaml');
    const result = compileCourse(courseOf(30), [broken]);
    expect(result.diagnostics.some((d) => d.message.includes('should be a whole number'))).toBe(
      true,
    );
    expect(result.diagnostics.filter((d) => d.message.includes('add up'))).toEqual([]);
  });

  it('prints stated and estimated minutes per module and level', () => {
    const { course } = compile(10, 10);
    const table = formatDurations(course!);
    expect(table).toMatch(/\n {2}broken +10 +60 +1 +foundation 7 \(3 q\) +OFF BY >25%\n/);
    expect(table).toContain("foundation  level 10, modules' stated 10, estimated 7");
  });
});
