import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory, moduleFileNames } from '../../src/compiler/load.ts';

/**
 * The course's rules are content checks now (src/compiler/shape.ts, real-names.ts, balance.ts,
 * duration.ts): `npm run validate` reports each with file:line and a fix. These tests show the
 * real course's result per module and per level, so a failure names the file and the rule.
 */
const result = compileCourseDirectory('course');
const inFile = (file: string) =>
  result.diagnostics.filter((d) => d.file === file).map(formatDiagnostic);

describe('course rules', () => {
  it.each(moduleFileNames('course'))(
    '%s meets its profile (shape, care for learners, real names, fair options, duration)',
    (file) => {
      expect(inFile(file)).toEqual([]);
    },
  );

  it('every learning outcome of every level is delivered by a module and tested by a question', () => {
    const outcomes = result.diagnostics.filter((d) => d.message.startsWith('learning outcome'));
    expect(outcomes.map(formatDiagnostic)).toEqual([]);
    expect(result.course?.levels.flatMap((l) => l.outcomes).length).toBeGreaterThan(0);
  });
});
