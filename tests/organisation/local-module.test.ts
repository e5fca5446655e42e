import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCourse } from '../../src/compiler/compile.ts';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';

/**
 * Issue 13: a training lead's own short module (one decision, three questions) passes the checks
 * as `profile: local`, and the same module marked `case-review` fails them, each rule at a line of
 * the module file with a fix: never as a bare test assertion.
 */
const DIR = 'tests/fixtures/organisations/local-module';
const MODULE = `${DIR}/modules/our-procedures.yaml`;

describe('a local module', () => {
  it('with one decision and three questions passes validate, its placeholders filled', () => {
    const result = compileCourseDirectory(DIR);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const module = result.course!.modules[0]!;
    expect(module.scenario.steps.filter((s) => s.type === 'decision')).toHaveLength(1);
    expect(module.questions).toHaveLength(3);
    const who = module.questions[0]!;
    expect(who.type === 'single' && who.options[0]!.text.text).toBe(
      'the Eastbay Trust safeguarding team',
    );
    // The image in the first step, bundled from the fixture's images/ folder.
    const first = module.scenario.steps[0]!;
    expect(first.type === 'narrative' && first.text.html).toContain(
      '<img src="data:image/png;base64,',
    );
    expect(module.covers.text).toBe(
      'How to report a worry about a child at Eastbay NHS Trust, and who to tell.',
    );
  });

  it('marked case-review fails validate, each rule at a line of the module with a fix', () => {
    const text = readFileSync(MODULE, 'utf8').replace(/^profile: local$/m, 'profile: case-review');
    const organisation = `${DIR}/organisation.yaml`;
    const result = compileCourse(
      { path: `${DIR}/course.yaml`, text: readFileSync(`${DIR}/course.yaml`, 'utf8') },
      [{ path: MODULE, text }],
      {
        text: { path: organisation, text: readFileSync(organisation, 'utf8') },
        readAsset: () => ({ problem: 'is not there' }),
      },
    );
    expect(result.course).toBeUndefined();
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const lines = text.split('\n');
    const stepsLine = lines.findIndex((l) => l.trim() === 'steps:') + 1;
    const questionsLine = lines.indexOf('questions:') + 1;
    expect(errors.map(formatDiagnostic)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^${MODULE}:${stepsLine}:\\d+  a case-review module needs at least 5 decisions; this one has 1  \\(.*profile: local.*\\)$`,
          ),
        ),
        expect.stringMatching(new RegExp(`^${MODULE}:${questionsLine}:\\d+  .*6 questions`)),
        expect.stringMatching(new RegExp(`^${MODULE}:\\d+:\\d+  .*reveal`)),
      ]),
    );
    // Every error is at a line of the module file, and says how to fix it.
    for (const error of errors) {
      expect(error.file).toBe(MODULE);
      expect(error.line).toBeGreaterThan(0);
      expect(error.line).toBeLessThanOrEqual(lines.length);
      expect(error.fix.length).toBeGreaterThan(10);
    }
  });
});
