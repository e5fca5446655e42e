import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  answeredByWording,
  checkBalance,
  courseBalance,
  formatBalance,
  guessFromWording,
  moduleBalance,
  tellTaleWords,
  trueShareOutOfBand,
} from '../../src/compiler/balance.ts';
import { compileCourse, type ContentText } from '../../src/compiler/compile.ts';
import type { Diagnostic } from '../../src/compiler/diagnostics.ts';
import { SourceFile } from '../../src/compiler/source-file.ts';
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
    /is the longest in|exactly the shortest|true\/false questions (are keyed|is keyed)|keyed true|sweeping claim/.test(
      d.message,
    );
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
    // m1's right options are the two longest, m2's the shortest.
    expect(b.multipleByLength).toEqual({ hits: 2, of: 2, ids: ['m1', 'm2'] });
    expect(b.trueFalse).toEqual({ true: 0, false: 3 });
    // "A statement." sweeps nothing, so the wording says true; all three are false.
    expect(b.trueFalseByWording).toEqual({ hits: 0, of: 3, ids: [] });
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
        tells.path,
        questionsLine,
        'warning',
        'the right options are exactly the shortest or the longest in 2 of 2 multiple-response questions (m1, m2): a learner who ticks by length gets them right',
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
        .replace('A long right option', 'Short')
        .replace('A long wrong option', 'Wrong')
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
    // m1's right options are now one short, one long; m2's right and wrong are as long.
    expect(b.multipleByLength.hits).toBe(0);
  });

  it('reads a sweeping claim as false and the rest as true, as a learner guessing from wording would', () => {
    expect(guessFromWording('Every worker involved knew about the risks.')).toBe(false);
    expect(guessFromWording('A record from six years ago only matters if it is recent.')).toBe(
      false,
    );
    expect(guessFromWording('There is nothing to learn from it.')).toBe(false);
    expect(guessFromWording('No one needs to be told.')).toBe(false);
    // A hedge outweighs a sweep; whole words only ("allow" is not "all", "cannot" is no hedge).
    expect(guessFromWording('Every agency can share information.')).toBe(true);
    expect(guessFromWording('Agencies allow a review.')).toBe(true);
    expect(guessFromWording('A seen child may still not be safe.')).toBe(true);
  });

  it('warns for the course when the wording alone answers 70% of 10 or more true/false questions, naming them', () => {
    expect(answeredByWording({ hits: 7, of: 10, ids: [] })).toBe(true);
    expect(answeredByWording({ hits: 6, of: 10, ids: [] })).toBe(false);
    // Too few to tell from a guesser's luck.
    expect(answeredByWording({ hits: 9, of: 9, ids: [] })).toBe(false);
    const sweeping = tells.text.replace(
      /prompt: A statement\.\n(\s+key-message: A message\.\n\s+answer: false)/g,
      (_m, rest: string) => `prompt: Every child is always safe.\n${rest}`,
    );
    const module = compileTells({ ...tells, text: sweeping }).course?.modules[0] as Module;
    expect(moduleBalance(module).trueFalseByWording).toEqual({
      hits: 3,
      of: 3,
      ids: ['tf1', 'tf2', 'tf3'],
    });
    // Four such modules: 12 true/false questions, all answered by their wording.
    const file = new SourceFile(tells.path, sweeping);
    const out: Diagnostic[] = [];
    checkBalance(
      ['a', 'b', 'c', 'd'].map((id) => ({ module: { ...module, id }, file })),
      new SourceFile(courseText.path, courseText.text),
      out,
    );
    const byWording = out.filter((w) => /sweeping claim/.test(w.message));
    expect(byWording.map((w) => [w.file, w.line, w.message])).toEqual([
      [
        courseText.path,
        1,
        "a learner who answers false to every sweeping claim (always, only, every…) and true to the rest gets 12 of the course's 12 true/false questions right (100%; guessing gets half)",
      ],
    ]);
    expect(byWording[0]?.fix).toContain('a/tf1, a/tf2, a/tf3, b/tf1');
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
    expect(table).toMatch(/\n {2}broken +2\/3 +5\.93x +2\/3 +4\.08x +2\/2 +0\/3 +0\/3\n/);
    expect(table).toMatch(/\n {2}course +2\/3 +5\.93x +2\/3 +4\.08x +2\/2 +0\/3 +0\/3$/);
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
