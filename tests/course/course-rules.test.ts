import { describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../src/content/load.ts';
import { levelContent, questionBank } from '../../src/engine/index.ts';

/**
 * Every learning outcome of every level is delivered by at least one module in that level and
 * tested by at least one question that level's quizzes can ask.
 */
const { course } = compileCourseDirectory('course');

describe('learning outcomes', () => {
  for (const level of course?.levels ?? []) {
    const content = levelContent(course!, level.id);
    describe(`level ${level.id}`, () => {
      it.each(level.outcomes.map((o) => [o.id, o.text]))(
        '%s is delivered by a module and tested by a question',
        (id) => {
          const delivering = content.modules
            .filter((m) => m.outcomes.includes(id))
            .map((m) => m.id);
          const testing = content.modules.flatMap((m) =>
            questionBank(m, level)
              .filter((q) => q.outcomes.includes(id))
              .map((q) => `${m.id}/${q.id}`),
          );
          expect(delivering, `no module in ${level.id} delivers ${id}`).not.toEqual([]);
          expect(testing, `no ${level.id} question tests ${id}`).not.toEqual([]);
        },
      );
    });
  }
});

describe('care for learners', () => {
  it.each((course?.modules ?? []).map((m) => [m.id, m]))(
    '%s has a content note, and says so where it reconstructs',
    (_, module) => {
      // (A note that repeats the standard support, which the module start adds after every
      // content note, is a compiler warning: tests/course/course.test.ts allows none.)
      expect(module.contentNote.text.length).toBeGreaterThan(40);
      const reconstructed = module.scenario.steps.some((s) => s.reconstructed);
      if (reconstructed) expect(module.reconstruction?.text.length ?? 0).toBeGreaterThan(40);
    },
  );
});

/** Thematic modules teach across reviews in shorter scenarios; every other module is a case. */
const THEMATIC = new Set(['induction-essentials', 'national-picture', 'key-messages']);

describe('module shape', () => {
  it.each((course?.modules ?? []).map((m) => [m.id, m]))(
    '%s has the decisions, endings, reveals, quiz and reflection a module needs',
    (id, module) => {
      const count = (type: string) => module.scenario.steps.filter((s) => s.type === type).length;
      expect(count('decision')).toBeGreaterThanOrEqual(THEMATIC.has(id) ? 4 : 5);
      expect(count('ending')).toBeGreaterThanOrEqual(2);
      expect(count('reveal')).toBeGreaterThanOrEqual(1);
      expect(module.questions.length).toBeGreaterThanOrEqual(6);
      expect(new Set(module.questions.map((q) => q.type)).size).toBeGreaterThanOrEqual(3);
      expect(module.reflection.length).toBeGreaterThanOrEqual(3);
      expect(module.reflection.length).toBeLessThanOrEqual(5);
    },
  );
});
