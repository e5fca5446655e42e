import { describe, expect, it } from 'vitest';
import type { Course, DecisionStep, Module } from '../../src/model/course.ts';
import { levelContent, walkScenario } from '../../src/engine/index.ts';
import { fixtureCourse, fixtureLevel } from './fixture.ts';

/** The fixture course with its sample module's scenario changed by `edit`. */
function withScenario(edit: (module: Module) => Module): Course {
  const course = fixtureCourse();
  return { ...course, modules: course.modules.map(edit) };
}

describe('scenario walker', () => {
  it('counts every complete path, and does not follow a loop back to where it has been', () => {
    const walk = walkScenario(fixtureLevel('foundation'), 0);
    // first-choice: ask (→ good end) | focus (→ second-choice: 2 endings) | wait (→ back to the
    // start, where this path has already been: a loop, not counted again) = 3.
    expect(walk.paths).toBe(3);
    expect(walk.stuck).toEqual([]);
    expect(walk.endingsReached).toEqual(new Set(['good-end', 'other-end']));
  });

  it('reports a decision whose every option goes round a loop', () => {
    const course = withScenario((module) => {
      const steps = module.scenario.steps.map((step) =>
        step.id === 'first-choice'
          ? {
              ...(step as DecisionStep),
              options: (step as DecisionStep).options.map((o) => ({
                ...o,
                next: [{ to: 'intro', if: [], unless: [] }],
              })),
            }
          : step,
      );
      return { ...module, scenario: { ...module.scenario, steps } };
    });
    const walk = walkScenario(levelContent(course, 'foundation'), 0);
    expect(walk.paths).toBe(0);
    expect(walk.stuck.length).toBeGreaterThan(0);
    for (const { reason } of walk.stuck)
      expect(reason).toMatch(/^loop with no way out: from step "(intro|first-choice)"/);
  });

  it('walks a scenario of many decisions without enumerating every path one by one', () => {
    // Twelve decisions of three options in a row: 531,441 paths, a few dozen situations.
    const decisions = Array.from({ length: 12 }, (_, i): DecisionStep => ({
      id: `d${i}`,
      type: 'decision',
      title: `Decision ${i}`,
      reconstructed: false,
      question: { html: '', text: `Question ${i}` },
      options: [0, 1, 2].map((o) => ({
        text: { html: '', text: `Option ${o}` },
        feedback: { html: '', text: 'Feedback' },
        weight: o / 2,
        sets: [],
        next: [{ to: i === 11 ? (o === 0 ? 'end-a' : 'end-b') : `d${i + 1}`, if: [], unless: [] }],
      })),
    }));
    const ending = (id: string) => ({
      id,
      type: 'ending' as const,
      title: id,
      reconstructed: false,
      text: { html: '', text: id },
      debrief: { html: '', text: 'Debrief' },
    });
    const steps = [...decisions, ending('end-a'), ending('end-b')];
    const course = withScenario((module) => ({
      ...module,
      scenario: {
        start: 'd0',
        steps,
        stepIndex: Object.fromEntries(steps.map((s, i) => [s.id, i])),
        flags: [],
      },
    }));
    const walk = walkScenario(levelContent(course, 'foundation'), 0);
    expect(walk.paths).toBe(3 ** 12);
    expect(walk.situations).toBeLessThan(100);
    expect(walk.stuck).toEqual([]);
  });
});
