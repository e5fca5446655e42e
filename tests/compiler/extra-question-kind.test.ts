import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { compileCourse } from '../../src/compiler/compile.ts';
import { formatDiagnostic } from '../../src/compiler/diagnostics.ts';
import {
  levelContent,
  restore,
  serialise,
  worstCaseSize,
  type Interaction,
} from '../../src/engine/index.ts';
import { facilitatorPack } from '../../src/facilitator/pack.ts';
import type * as Registry from '../../src/questions/index.ts';
import { play } from '../../scripts/players/learner.ts';

/**
 * A new question type needs its module and one line in the registry, nothing else. This test adds
 * a throwaway type (yes-no-kind.ts) to the registry's list, as that one line would, and shows the
 * compiler (schema and checks), the engine (draw, scoring, interactions), the saved state and the
 * facilitator pack all take it with no other change.
 */
vi.mock('../../src/questions/index.ts', async (importOriginal) => {
  const registry = await importOriginal<typeof Registry>();
  const { yesNo } = await import('./yes-no-kind.ts');
  return { ...registry, QUESTION_KINDS: [...registry.QUESTION_KINDS, yesNo] };
});

const dir = 'tests/compiler/fixtures/valid';
const courseText = { path: `${dir}/course.yaml`, text: readFileSync(`${dir}/course.yaml`, 'utf8') };
const sample = readFileSync(`${dir}/modules/sample.yaml`, 'utf8');

/** The fixture module with one more question, written after `questions:`. */
function withQuestion(lines: string) {
  const text = sample.replace(/^questions:\n/m, `questions:\n${lines}`);
  expect(text).not.toBe(sample);
  return compileCourse(courseText, [{ path: `${dir}/modules/sample.yaml`, text }]);
}

const yesNoQuestion = `  - id: q-yes-no
    type: yes-no
    prompt: Should you tell the DSL the same day?
    key-message: Tell the DSL the same day.
    yes: true
    feedback:
      correct: Yes.
      incorrect: Tell them the same day.
`;

describe('a question type added to the registry alone', () => {
  it('compiles: the schema and the link step take it', () => {
    const result = withQuestion(yesNoQuestion);
    expect(result.diagnostics.map(formatDiagnostic)).toEqual([]);
    const question = result.course?.modules[0]?.questions.find((q) => q.id === 'q-yes-no');
    expect(question).toMatchObject({
      type: 'yes-no',
      yes: true,
      prompt: { text: expect.stringContaining('DSL') },
    });
  });

  it('its schema part and its checks report what is wrong', () => {
    const missing = withQuestion(yesNoQuestion.replace('    yes: true\n', ''));
    expect(missing.diagnostics.map(formatDiagnostic).join('\n')).toMatch(/yes/);
    const noFeedback = withQuestion(yesNoQuestion.replace(/ {4}feedback:\n.*\n.*\n/, ''));
    expect(noFeedback.diagnostics.map(formatDiagnostic).join('\n')).toMatch(/feedback/);
  });

  it('the engine asks, scores and records it, and saved state keeps its answer', () => {
    const course = withQuestion(yesNoQuestion).course!;
    const content = levelContent(course, 'advanced');
    for (const outcome of ['pass', 'fail'] as const) {
      const turns = play(content, { outcome });
      const answered = turns.findIndex(
        (t) =>
          t.event.type === 'answer' && // The type exists at run time only (TypeScript sees the committed registry).
          (t.event.answer.type as string) === 'yes-no',
      );
      expect(answered).toBeGreaterThanOrEqual(0);
      const recorded = turns[answered]!.effects.flatMap((e) =>
        e.type === 'record-interaction' ? [e.interaction] : [],
      );
      expect(recorded).toEqual([
        expect.objectContaining<Partial<Interaction>>({
          id: 'sample_q-yes-no',
          type: 'choice',
          result: outcome === 'pass' ? 'correct' : 'incorrect',
          response: { type: 'choice', ids: [outcome === 'pass' ? 'a' : 'b'] },
        }),
      ]);
      const saved = turns[answered]!.state;
      expect(saved).toMatch(outcome === 'pass' ? /[.:]y(:|$|~)/ : /[.:]n(:|$|~)/);
      const restored = restore(content, saved, 1);
      expect(restored.ok).toBe(true);
      expect(restored.state).toEqual(turns[answered]!.learner);
      expect(serialise(content, restored.state)).toBe(saved);
    }
    expect(worstCaseSize(content)).toBeGreaterThan(0);
  });

  it('the facilitator pack prints its answer', () => {
    const course = withQuestion(yesNoQuestion).course!;
    const answers = facilitatorPack(course).find((f) => f.path === 'advanced/sample-answers.html');
    expect(answers?.html).toContain('<p class="answer">Answer: yes.</p>');
  });
});
