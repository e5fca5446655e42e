import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCourse, type ContentText } from '../../src/compiler/compile.ts';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import { publishedLabel } from '../../src/compiler/published.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';

const broken = 'tests/compiler/fixtures/broken';
const read = (name: string): ContentText => {
  const path = join(broken, name);
  return { path, text: readFileSync(path, 'utf8') };
};

/** The line a fixture marks with `# <-- here`: where the error must be reported. */
function markedLines(file: ContentText): number[] {
  return file.text.split('\n').flatMap((line, i) => (line.includes('# <-- here') ? [i + 1] : []));
}

/** A broken fixture states the message it must produce in its first line: `# expect: …`. */
function expectedMessage(file: ContentText): string {
  const match = /^# expect: (.*)$/m.exec(file.text);
  if (!match?.[1]) throw new Error(`${file.path} has no "# expect:" line`);
  return match[1];
}

describe('content compiler', () => {
  it('compiles a valid course with no diagnostics', () => {
    const result = compileCourseDirectory('tests/compiler/fixtures/valid');
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.course?.modules.map((m) => m.id)).toEqual(['sample']);
    const sample = result.course?.modules[0];
    expect(sample?.scenario.flags).toEqual(['asked-sibling']);
    expect(sample?.scenario.steps.find((s) => s.id === 'finding')).toMatchObject({
      type: 'reveal',
      next: [
        { to: 'good-end', if: ['asked-sibling'], unless: [] },
        { to: 'second-choice', if: [], unless: [] },
      ],
    });
    expect(sample?.support).toEqual([
      {
        name: 'Samaritans',
        contact: '116 123',
        detail: 'any time, day or night, for anyone who is struggling',
      },
      { name: 'Example line', contact: '999' },
    ]);
    expect(result.course?.levels[1]).toMatchObject({
      id: 'advanced',
      passMark: 50,
      scenarioShare: 0.5,
      attempts: 0,
    });
  });

  it('accepts the minimal module every broken fixture starts from', () => {
    const result = compileCourse(read('course.yaml'), [read('valid-base.yaml')]);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    expect(result.course).toBeDefined();
  });

  /** The common YAML slips: each fixture also misspells a later "next:" (end-tow). */
  const yamlSlips = ['yaml-tab', 'yaml-missing-colon', 'yaml-bad-indent', 'yaml-unclosed-quote'];

  const moduleFixtures = [
    'unknown-key',
    'wrong-type',
    'missing-required',
    'duplicate-step-id',
    'missing-next-step',
    'unreachable-step',
    'dead-end',
    'loop-no-way-out',
    'decision-one-option',
    'option-without-feedback',
    'question-no-correct',
    'ordering-inconsistent',
    'matching-inconsistent',
    'flag-never-set',
    'unknown-step-type',
    'yaml-syntax',
    ...yamlSlips,
    'impossible-date',
    'real-name-invented-step',
    'case-review-too-small',
  ];

  it.each(moduleFixtures)('reports %s at the marked line of the module file, and fails', (name) => {
    const module = read(`${name}.yaml`);
    const result = compileCourse(read('course.yaml'), [module]);
    const [line] = markedLines(module);
    const hit = result.diagnostics.find((d) => d.message.includes(expectedMessage(module)));
    expect(hit, result.diagnostics.map(formatDiagnostic).join('\n')).toMatchObject({
      severity: 'error',
      file: module.path,
      line,
    });
    expect(hit?.fix.length).toBeGreaterThan(5);
    expect(result.course).toBeUndefined();
  });

  it.each(yamlSlips)('gives %s one YAML message, and still runs the checks after it', (name) => {
    const module = read(`${name}.yaml`);
    const result = compileCourse(read('course.yaml'), [module]);
    const shown = result.diagnostics.map(formatDiagnostic).join('\n');
    expect(
      result.diagnostics.filter((d) => d.message.startsWith('YAML:')),
      shown,
    ).toHaveLength(1);
    expect(result.diagnostics, shown).toContainEqual(
      expect.objectContaining({ message: 'next step "end-tow" does not exist' }),
    );
  });

  it('names every real name outside a reveal once per field, and none in reveals, debriefs or similar words', () => {
    const module = read('real-name-invented-step.yaml');
    const result = compileCourse(read('course.yaml'), [module]);
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [
        markedLines(module)[0],
        '"B", a real name from the review, in the decision step "choice" (option 2 feedback)',
      ],
      [
        markedLines(module)[0],
        '"Child B", a real name from the review, in the decision step "choice" (option 2 feedback)',
      ],
    ]);
  });

  it("gives a review's publication date as learners read it, and nothing where the source has none", () => {
    expect(publishedLabel('2018')).toBe('2018');
    expect(publishedLabel('2009-05')).toBe('May 2009');
    expect(publishedLabel('2019-07-11')).toBe('11 July 2019');
    expect(publishedLabel('2020-02-29')).toBe('29 February 2020');
    expect(publishedLabel('not stated in the source')).toBe('');
    for (const impossible of ['2019-02-29', '2019-13', '2019-00-10', '2019-04-31', 'May 2019'])
      expect(publishedLabel(impossible), impossible).toBeUndefined();
    const sample = compileCourseDirectory('tests/compiler/fixtures/valid').course?.modules[0];
    expect(sample?.source?.published).toBe('May 2020');
  });

  it('reports a level that names an unknown module in the course file, suggesting the near miss', () => {
    const course = read('course-unknown-module.yaml');
    const result = compileCourse(course, [read('valid-base.yaml')]);
    const hit = result.diagnostics.find((d) => d.message.includes('names unknown module "brokn"'));
    expect(hit).toMatchObject({
      severity: 'error',
      file: course.path,
      line: markedLines(course)[0],
    });
    expect(hit?.fix).toBe('did you mean "broken"?');
  });

  it("reports a level whose duration is not its modules' sum in the course file, and fails", () => {
    const course = read('course-duration-sum.yaml');
    const result = compileCourse(course, [read('valid-base.yaml')]);
    const hit = result.diagnostics.find((d) => d.message.includes(expectedMessage(course)));
    expect(hit).toMatchObject({
      severity: 'error',
      file: course.path,
      line: markedLines(course)[0],
    });
    expect(hit?.fix).toBe('make it 6, or change the modules\' "duration:" so they add up to 10');
    expect(result.course).toBeUndefined();
  });

  it('warns, at the line, about wording that reads wrongly on the page, without failing the build', () => {
    const module = read('wording.yaml');
    const result = compileCourse(read('course.yaml'), [module]);
    expect(result.course).toBeDefined();
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(result.diagnostics.map((d) => [d.line, d.message])).toEqual([
      [
        markedLines(module)[0],
        'the source\'s board says "published", and the course adds "published <date>" after it',
      ],
      [
        markedLines(module)[1],
        'the content note repeats the standard support (helpline, 999), which the course shows after every content note',
      ],
      [markedLines(module)[2], '"the the": the same word twice'],
      [
        markedLines(module)[3],
        'the text stops before "#1 to pick? # <-- here": YAML reads " #" as the start of a note to yourself',
      ],
      // Its type's own hint in other words; q1's "Pick one." is not ("Select one answer.").
      [
        markedLines(module)[4],
        'the prompt says "Choose true or false.", and the course shows "Select true or false." under every question of type "true-false"',
      ],
    ]);
  });

  it('warns about a module no level uses, without failing the build', () => {
    const spare = read('unused-module.yaml');
    const result = compileCourse(read('course.yaml'), [read('valid-base.yaml'), spare]);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        severity: 'warning',
        file: spare.path,
        line: markedLines(spare)[0],
        message: expect.stringContaining('not used by any level'),
      }),
    ]);
    expect(result.course).toBeDefined();
  });

  it('reports every error in one run, schema and graph alike', () => {
    const module = read('several-errors.yaml');
    const result = compileCourse(read('course.yaml'), [module]);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    const [keyLine, nextLine, questionLine] = markedLines(module);
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: keyLine, message: 'unknown key "colour"' }),
        expect.objectContaining({ line: nextLine, message: 'next step "end-zwei" does not exist' }),
        expect.objectContaining({
          line: questionLine,
          message: 'question "q1" has no correct answer',
        }),
      ]),
    );
  });

  it('names a misspelt next once, not once for every step it cuts off', () => {
    const module = read('misspelt-next.yaml');
    const result = compileCourse(read('course.yaml'), [module]);
    expect(result.diagnostics.map((d) => [d.line, d.message, d.fix])).toEqual([
      [markedLines(module)[0], 'next step "middel" does not exist', 'did you mean "middle"?'],
    ]);
  });

  it('says to add the level to the module first when a question names one the module lacks', () => {
    const base = read('valid-base.yaml');
    const module = {
      ...base,
      text: base.text
        .replace('levels: [foundation]', 'levels: []')
        .replace('  - id: q1\n', '  - id: q1\n    levels: [foundation]\n'),
    };
    const hit = compileCourse(read('course.yaml'), [module]).diagnostics.find((d) =>
      d.message.startsWith('question is for level'),
    );
    expect(hit?.fix).toBe('add "foundation" to the module\'s "levels:" first');
  });

  it('warns when a perfect quiz cannot reach the pass mark because of the scenario share', () => {
    const base = read('course.yaml');
    const warnings = (share: number, attempts: number) => {
      const course = {
        ...base,
        text: base.text.replace(
          '    pass-mark: 80\n',
          `    pass-mark: 80\n    scenario-share: ${share}\n    attempts: ${attempts}\n`,
        ),
      };
      return compileCourse(course, [read('valid-base.yaml')]).diagnostics.filter((d) =>
        d.message.startsWith('with scenario-share'),
      );
    };
    expect(warnings(0.5, 0)).toEqual([
      expect.objectContaining({
        severity: 'warning',
        line: 14,
        message:
          'with scenario-share 0.5, a perfect quiz gives 50%: a learner whose choices score 0 can never reach the pass mark of 80%, and with unlimited attempts never finishes the module',
        fix: 'lower scenario-share to at most 0.20, or lower the pass mark',
      }),
    ]);
    expect(warnings(0.5, 3)[0]?.message).not.toContain('unlimited');
    expect(warnings(0.2, 0)).toEqual([]);
  });

  it('rejects more than 99 quiz attempts (the saved state counts to 1295; more would never run out)', () => {
    const base = read('course.yaml');
    const course = {
      ...base,
      text: base.text.replace('    pass-mark: 80\n', '    pass-mark: 80\n    attempts: 100\n'),
    };
    const errors = compileCourse(course, [read('valid-base.yaml')]).diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(errors).toEqual([expect.objectContaining({ line: 14 })]);
    expect(errors[0]?.message).toMatch(/99/);
  });

  it('formats a diagnostic as file:line:column, message, then the fix in brackets', () => {
    const result = compileCourse(read('course.yaml'), [read('unknown-key.yaml')]);
    const unknownKey = result.diagnostics.find((d) => d.message.startsWith('unknown key'));
    expect(unknownKey && formatDiagnostic(unknownKey)).toMatch(
      /^tests\/compiler\/fixtures\/broken\/unknown-key\.yaml:3:1 {2}unknown key "titel" {2}\(check the spelling, or remove it; allowed here: id, title, .*\)$/,
    );
  });

  it('reports duplicate module ids across files', () => {
    const one = read('valid-base.yaml');
    const two = { path: 'elsewhere/copy.yaml', text: one.text };
    const result = compileCourse(read('course.yaml'), [one, two]);
    expect(result.diagnostics).toContainEqual(
      expect.objectContaining({
        file: 'elsewhere/copy.yaml',
        message: expect.stringContaining('duplicate module id "broken"'),
      }),
    );
  });
});
