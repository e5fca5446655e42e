import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import {
  levelContent,
  restore,
  serialise,
  SUSPEND_DATA_LIMIT,
  walkScenario,
  worstCaseSize,
} from '../../src/engine/index.ts';

/** The real course in course/: it must compile, and every path through it must be sound. */
const result = compileCourseDirectory('course');

describe('the course in course/', () => {
  it('compiles with no errors and no warnings', () => {
    expect(formatDiagnostics(result.diagnostics)).toBe('');
    expect(result.course).toBeDefined();
  });

  const course = result.course;
  if (!course) return;

  for (const level of course.levels) {
    const content = levelContent(course, level.id);
    describe(`level ${level.id}`, () => {
      content.modules.forEach((module, index) => {
        it(`${module.id}: every path through the scenario reaches an ending with a debrief, and saved state round-trips at every step`, () => {
          let states = 0;
          const walk = walkScenario(content, index, (state) => {
            states++;
            const saved = serialise(content, state);
            const back = restore(content, saved, 1);
            expect(back.ok && serialise(content, back.state)).toBe(saved);
          });
          expect(walk.stuck).toEqual([]);
          expect(walk.paths).toBeGreaterThanOrEqual(2);
          const endings = module.scenario.steps.filter((s) => s.type === 'ending');
          expect(endings.length).toBeGreaterThanOrEqual(2);
          for (const ending of endings) {
            expect(ending.type === 'ending' && ending.debrief.text.length).toBeGreaterThan(20);
          }
          expect(walk.endingsReached).toEqual(new Set(endings.map((s) => s.id)));
          expect(walk.stepsVisited).toEqual(new Set(module.scenario.steps.map((s) => s.id)));
          expect(states).toBeGreaterThanOrEqual(walk.situations);
        });
      });

      it(`keeps its worst-case saved state within SCORM 1.2's ${SUSPEND_DATA_LIMIT} characters`, () => {
        expect(worstCaseSize(content)).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
      });
    });
  }
});
