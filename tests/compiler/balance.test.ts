import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  courseBalance,
  formatBalance,
  moduleBalance,
  tellTaleWords,
  trueShareOutOfBand,
} from '../../src/compiler/balance.ts';
import { compileCourse, type ContentText } from '../../src/compiler/compile.ts';
import type { Diagnostic } from '../../src/compiler/diagnostics.ts';
import type { Module } from '../../src/model/course.ts';

const read = (path: string): ContentText => ({ path, text: readFileSync(path, 'utf8') });
const courseText = read('tests/compiler/fixtures/broken/course.yaml');
const tells = read('tests/compiler/fixtures/balance/tells.yaml');
const markedLines = (file: ContentText) =>
  file.text.split('\n').flatMap((line, i) => (line.includes('# <-- here') ? [i + 1] : []));

/** Compiles a module with the broken fixtures' course and keeps only the balance warnings. */
function compileTells(module: ContentText = tells) {
  const result = compileCourse(courseText, [module]);
  const isBalance = (d: Diagnostic) =>
    /is the longest in|true\/false questions (are keyed|is keyed)|keyed true/.test(d.message);
  return { course: result.course, warnings: result.diagnostics.filter(isBalance) };
}

describe('option balance', () => {
  it('counts how often the best or right option is the longest, its length ratio and the true/false keys', () => {
    const module = compileTells().course?.modules[0] as Module;
    const b = moduleBalance(module);
    expect(b.bestLongest).toEqual({ hits: 2, of: 3, ids: ['first', 'third'] });
    // Per decision: 51/4, 10/45, 41/mean(8, 9); the mean of the three.
    expect(b.bestRatio).toBeCloseTo((51 / 4 + 10 / 45 + 41 / 8.5) / 3, 5);
    expect(b.rightLongest).toEqual({ hits: 2, of: 3, ids: ['s1', 's3'] });
    expect(b.rightRatio).toBeCloseTo((31 / 5 + 5 / 20 + 29 / 5) / 3, 5);
    expect(b.multipleRightLonger).toEqual({ hits: 1, of: 2, ids: ['m1'] });
    expect(b.trueFalse).toEqual({ true: 0, false: 3 });
  });

  it('warns at the module where the options give the answer away, and for the course key split, without failing the build', () => {
    const { course, warnings } = compileTells();
    expect(course).toBeDefined();
    const [scenarioLine, questionsLine] = markedLines(tells);
    expect(warnings.map((d) => [d.file, d.line, d.severity, d.message])).toEqual([
      [
        tells.path,
        scenarioLine,
        'warning',
        'the best option is the longest in 2 of 3 decisions (first, third): a learner who picks the longest does well without reading',
      ],
      [
        tells.path,
        questionsLine,
        'warning',
        'all 3 true/false questions are keyed false: a learner who always answers false gets them all right',
      ],
      [
        tells.path,
        questionsLine,
        'warning',
        'the right answer is the longest in 2 of 3 single-choice questions (s1, s3)',
      ],
      [
        courseText.path,
        1,
        'warning',
        "0% of the course's 3 true/false questions are keyed true (fair: 35% to 65%)",
      ],
    ]);
    for (const w of warnings) expect(w.fix.length).toBeGreaterThan(10);
  });

  it('says nothing at a third or less, or when the true/false keys are mixed', () => {
    const balanced = {
      ...tells,
      text: tells.text
        .replace('Ask the school, the GP and the health visitor today', 'Ask the school')
        .replace('Wait\n', 'Wait for the school to ring back\n')
        .replace('The right answer, kindly worded', 'Right')
        .replace(
          'answer: false\n    feedback: { correct: Yes., incorrect: No. }\n  - id: tf3',
          'answer: true\n    feedback: { correct: Yes., incorrect: No. }\n  - id: tf3',
        ),
    };
    const { course, warnings } = compileTells(balanced);
    expect(warnings).toEqual([]);
    const b = moduleBalance(course?.modules[0] as Module);
    expect(b.bestLongest.hits).toBe(1);
    expect(b.rightLongest.hits).toBe(1);
    expect(b.trueFalse).toEqual({ true: 1, false: 2 });
  });

  it('adds the modules up for the course, and judges the course key split to the nearest whole question', () => {
    const module = compileTells().course?.modules[0] as Module;
    const twice = courseBalance([module, { ...module, id: 'again' }]);
    expect(twice.bestLongest).toEqual({
      hits: 4,
      of: 6,
      ids: ['broken/first', 'broken/third', 'again/first', 'again/third'],
    });
    expect(twice.bestRatio).toBeCloseTo(moduleBalance(module).bestRatio ?? 0, 5);
    expect(twice.trueFalse).toEqual({ true: 0, false: 6 });
    expect(trueShareOutOfBand(twice)).toBe(0);
    const few = { ...twice, trueFalse: { true: 2, false: 0 } };
    expect(trueShareOutOfBand(few)).toBeUndefined();
    expect(trueShareOutOfBand({ ...twice, trueFalse: { true: 7, false: 6 } })).toBeUndefined();
    // 10 questions: 3 to 7 keyed true is as near the band as whole questions allow.
    expect(trueShareOutOfBand({ ...twice, trueFalse: { true: 7, false: 3 } })).toBeUndefined();
    expect(trueShareOutOfBand({ ...twice, trueFalse: { true: 8, false: 2 } })).toBe(0.8);
    expect(trueShareOutOfBand({ ...twice, trueFalse: { true: 9, false: 23 } })).toBeCloseTo(9 / 32);
  });

  it('prints one row per module and one for the course', () => {
    const module = compileTells().course?.modules[0] as Module;
    const table = formatBalance([moduleBalance(module), courseBalance([module])]);
    expect(table).toMatch(/\n {2}broken +2\/3 +5\.93x +2\/3 +4\.08x +1\/2 +0\/3\n/);
    expect(table).toMatch(/\n {2}course +2\/3 +5\.93x +2\/3 +4\.08x +1\/2 +0\/3$/);
  });

  it('finds a tell-tale word that only the best option has, and not one a wrong option shares', () => {
    const module = compileTells().course?.modules[0] as Module;
    const text = (t: string) => ({ html: `<p>${t}</p>`, text: t });
    const decision = module.scenario.steps.find((step) => step.type === 'decision')!;
    if (decision.type !== 'decision') throw new Error('the fixture has a decision');
    const top = Math.max(...decision.options.map((o) => o.weight));
    const withWords = (best: string, other: string): Module => ({
      ...module,
      questions: [],
      scenario: {
        ...module.scenario,
        steps: [
          {
            ...decision,
            options: decision.options.map((o) =>
              o.weight === top ? { ...o, text: text(best) } : { ...o, text: text(other) },
            ),
          },
        ],
      },
    });
    expect(tellTaleWords(withWords('Tell the DSL today, in writing.', 'Wait and see.'))).toEqual([
      { id: decision.id, word: 'today' },
      { id: decision.id, word: 'in writing' },
    ]);
    expect(tellTaleWords(withWords('Tell the DSL today.', 'Tell a friend today.'))).toEqual([]);
    expect(tellTaleWords(withWords('Tell the DSL.', 'Wait until Monday.'))).toEqual([]);
  });
});
