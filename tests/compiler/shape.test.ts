import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileCourse, type ContentText } from '../../src/compiler/compile.ts';

/**
 * Module profiles: the shape rules that used to be bare test assertions are content checks with a
 * file:line and a fix. Each case edits the minimal local module (tests/compiler/fixtures/broken/
 * valid-base.yaml) and compiles it with the broken fixtures' course.
 */
const read = (path: string): ContentText => ({ path, text: readFileSync(path, 'utf8') });
const course = read('tests/compiler/fixtures/broken/course.yaml');
const base = read('tests/compiler/fixtures/broken/valid-base.yaml');
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((line) => line.includes(needle)) + 1;

function compile(edit: (text: string) => string) {
  const module = { ...base, text: edit(base.text) };
  const result = compileCourse(course, [module]);
  const shaped = result.diagnostics.filter((d) => d.file === base.path);
  return {
    module,
    course: result.course,
    found: shaped.map((d) => [d.line, d.severity, d.message]),
    fixes: shaped.map((d) => d.fix),
  };
}

/** Four more decisions, chained before the first ending. */
const moreDecisions = (text: string, n: number) => {
  const extra = Array.from(
    { length: n },
    (_, i) => `    - id: extra-${i}
      type: decision
      question: Which?
      options:
        - text: One
          feedback: One follows.
          next: ${i + 1 < n ? `extra-${i + 1}` : 'end-one'}
        - text: Two
          feedback: Two follows.
          next: end-two
`,
  ).join('');
  return text
    .replace('          next: end-one\n', '          next: extra-0\n')
    .replace('    - id: end-one\n', `${extra}    - id: end-one\n`);
};

describe('module profiles', () => {
  it('passes a local module with one decision and three questions', () => {
    const { course, found } = compile((t) => t);
    expect(found).toEqual([]);
    expect(course).toBeDefined();
  });

  it('lets a local module name no review, and asks any other module for its source, with the way out', () => {
    const noSource = (t: string) =>
      t.replace(
        'source: { name: Review, board: Board, published: 2019, link-text: Board website }\n',
        '',
      );
    const local = compile(noSource);
    expect(local.found).toEqual([]);
    expect(local.course?.modules[0]?.source).toBeUndefined();
    const review = compile((t) => noSource(t).replace('profile: local\n', 'profile: thematic\n'));
    const missing = review.found.filter(([, , message]) => String(message).includes('"source"'));
    // At the top of the file, where the module's keys start.
    expect(missing).toEqual([
      [lineOf(review.module.text, 'id: broken'), 'error', 'missing required field "source"'],
    ]);
    expect(review.fixes).toContain(
      'add "source:" with the review the module is built on, or "profile: local" for a module of your own that is not built on one',
    );
    // One message for it: not also the schema's "must match else".
    expect(review.found.filter(([, , message]) => /else/.test(String(message)))).toEqual([]);
  });

  it('holds a case-review module (the default) to the full shape, each rule at its line with a fix', () => {
    const { module, course, found, fixes } = compile((t) => t.replace('profile: local\n', ''));
    const steps = lineOf(module.text, '  steps:');
    const questions = lineOf(module.text, 'questions:');
    expect(found).toEqual([
      [
        lineOf(module.text, 'id: broken'),
        'error',
        'a case-review module lists no facts under "facts:": every fact it states about the real case needs its source and line',
      ],
      [
        steps,
        'error',
        'a case-review module needs at least 1 reveal step ("what the review found"); this one has none',
      ],
      [steps, 'error', 'a case-review module needs at least 5 decisions; this one has 1'],
      [questions, 'error', 'a case-review module needs at least 6 questions; this one has 3'],
      [
        questions,
        'error',
        "a case-review module's questions need at least 3 different types; these have 2",
      ],
      [
        lineOf(module.text, 'reflection:'),
        'error',
        'a case-review module needs 3 to 5 reflection prompts; this one has 1',
      ],
    ]);
    expect(course).toBeUndefined();
    for (const fix of fixes.slice(0, 3)) expect(fix).toContain('profile: local');
  });

  it('asks a thematic module for four decisions, and five of a module without a profile', () => {
    const thematic = compile((t) =>
      moreDecisions(t.replace('profile: local', 'profile: thematic'), 2),
    );
    expect(thematic.found).toContainEqual([
      lineOf(thematic.module.text, '  steps:'),
      'error',
      'a thematic module needs at least 4 decisions; this one has 3',
    ]);
    const four = compile((t) => moreDecisions(t.replace('profile: local', 'profile: thematic'), 3));
    expect(four.found.filter(([, , m]) => String(m).includes('decisions'))).toEqual([]);
    // No profile is a case review, held to five.
    const undeclared = compile((t) => moreDecisions(t.replace('profile: local\n', ''), 3));
    expect(undeclared.found).toContainEqual([
      lineOf(undeclared.module.text, '  steps:'),
      'error',
      'a case-review module needs at least 5 decisions; this one has 4',
    ]);
    expect(undeclared.fixes).toContain(
      'add decision steps, or set "profile: thematic" if the module teaches across reviews, or set "profile: local" if this is a short local module',
    );
  });

  it('keeps care for learners in every profile: a content note, a debrief and a reconstruction note worth reading', () => {
    const { module, found } = compile((t) =>
      t
        .replace(
          'content-note: This fixture module describes harm to a child, briefly.',
          'content-note: Harm.',
        )
        .replace('debrief: Debrief two, which says what this ending shows.', 'debrief: Read on.')
        .replace('      title: Start\n', '      title: Start\n      reconstructed: true\n'),
    );
    expect(found).toEqual([
      [
        lineOf(module.text, 'id: broken'),
        'error',
        'steps are marked "reconstructed: true", but the module does not say what is invented',
      ],
      [
        lineOf(module.text, 'content-note:'),
        'error',
        'the content note is too short to tell a learner what difficult material is coming',
      ],
      [
        lineOf(module.text, 'Read on.'),
        'error',
        'the debrief of ending "end-two" is too short to teach anything (8 characters)',
      ],
    ]);
  });

  it("reports a level's outcome that no module delivers or no question tests, at the outcome in the course file", () => {
    const outcomeLine = lineOf(course.text, '- id: f-1');
    const outcomeErrors = (edit: (text: string) => string) =>
      compileCourse(course, [{ ...base, text: edit(base.text) }])
        .diagnostics.filter((d) => d.message.startsWith('learning outcome "f-1" of level'))
        .map((d) => [d.file, d.line, d.severity, d.message]);
    expect(outcomeErrors((t) => t)).toEqual([]);
    expect(outcomeErrors((t) => t.replace(/^outcomes: \[f-1\]\n/m, ''))).toEqual([
      [
        course.path,
        outcomeLine,
        'error',
        'learning outcome "f-1" of level "foundation" is delivered by no module in the level',
      ],
    ]);
    expect(outcomeErrors((t) => t.replace(/^ {4}outcomes: \[f-1\]\n/m, ''))).toEqual([
      [
        course.path,
        outcomeLine,
        'error',
        'learning outcome "f-1" of level "foundation" is tested by no question this level\'s quizzes can ask',
      ],
    ]);
  });

  it('leaves a draft no level includes until one does', () => {
    const { found } = compile((t) =>
      t
        .replace('profile: local\n', '')
        .replace('levels: [foundation]', 'levels: []')
        .replaceAll(/^ *outcomes: \[f-1\]\n/gm, ''),
    );
    expect(found.filter(([, severity]) => severity === 'error')).toEqual([]);
  });
});
