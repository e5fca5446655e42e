import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/content/diagnostics.ts';
import { compileCourseDirectory } from '../../src/content/load.ts';
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
          const stepsSeen = new Set<string>();
          let states = 0;
          const paths = walkScenario(content, index, (state) => {
            states++;
            const saved = serialise(content, state);
            const back = restore(content, saved, 1);
            expect(back.ok && serialise(content, back.state)).toBe(saved);
          });
          for (const path of paths) {
            expect(path.stuck, path.steps.join(' → ')).toBeUndefined();
            const ending = module.scenario.steps.find((s) => s.id === path.ending);
            expect(ending?.type).toBe('ending');
            expect(ending?.type === 'ending' && ending.debrief.text.length).toBeGreaterThan(20);
            path.steps.forEach((s) => stepsSeen.add(s));
          }
          const endings = module.scenario.steps.filter((s) => s.type === 'ending').map((s) => s.id);
          expect(new Set(paths.map((p) => p.ending))).toEqual(new Set(endings));
          expect(endings.length).toBeGreaterThanOrEqual(2);
          expect([...stepsSeen].sort()).toEqual(module.scenario.steps.map((s) => s.id).sort());
          expect(states).toBeGreaterThan(paths.length);
        });
      });

      it(`keeps its worst-case saved state within SCORM 1.2's ${SUSPEND_DATA_LIMIT} characters`, () => {
        expect(worstCaseSize(content)).toBeLessThanOrEqual(SUSPEND_DATA_LIMIT);
      });
    });
  }
});
