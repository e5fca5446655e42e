import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import { checkCoursePaths } from '../../src/build/path-check.ts';
import { levelContent, walkLevel, worstCaseSize } from '../../src/engine/index.ts';
import { fixtureLevel } from './fixture.ts';

/**
 * A course that compiles (the compiler sees chase → finding as a way out) but where a learner who
 * chose "Wait" sets a flag that sends chase back round for ever.
 */
const STUCK = 'tests/engine/fixtures/stuck-path';

function stuckCourse() {
  const result = compileCourseDirectory(STUCK);
  if (!result.course) throw new Error(formatDiagnostics(result.diagnostics));
  return result.course;
}
const stuckLevel = () => levelContent(stuckCourse(), 'foundation');

describe('walkLevel', () => {
  it('finds no problem in a sound level, and counts its paths and saved-state sizes', () => {
    const content = fixtureLevel('foundation');
    const walk = walkLevel(content);
    expect(walk.problems).toEqual([]);
    expect(walk.paths.get('sample')).toBe(3);
    expect(walk.walkedMax).toBeGreaterThan(0);
    expect(walk.walkedMax).toBeLessThanOrEqual(walk.worstCase);
    expect(walk.worstCase).toBe(worstCaseSize(content));
  });

  it('reports a path that cannot finish once, at the step that loops, with a fix', () => {
    const walk = walkLevel(stuckLevel());
    expect(walk.problems).toHaveLength(1);
    const [problem] = walk.problems;
    expect(problem).toMatchObject({ level: 'foundation', module: 'sample', step: 'school-again' });
    expect(problem?.message).toContain('loop with no way out');
    expect(problem?.message).toContain('intro → first-choice → school-again');
    expect(problem?.fix).toMatch(/leads to an ending whatever flags/);
  });

  it('reports a worst-case saved state over the limit for the level, with a fix', () => {
    const content = fixtureLevel('foundation');
    const walk = walkLevel(content, worstCaseSize(content) - 1);
    expect(walk.problems).toHaveLength(1);
    const [problem] = walk.problems;
    expect(problem?.level).toBe('foundation');
    expect(problem?.module).toBeUndefined();
    expect(problem?.message).toContain(`over SCORM 1.2's limit of ${worstCaseSize(content) - 1}`);
    expect(problem?.fix).toContain('questions-per-module');
  });
});

describe('checkCoursePaths (what validate prints, and a build can fail on)', () => {
  it('gives each problem as file:line, for one level when a package teaches one', () => {
    const check = checkCoursePaths(stuckCourse(), STUCK, 'advanced');
    expect(check.walks.map((w) => w.level)).toEqual(['advanced']);
    expect(check.problems).toHaveLength(1);
    expect(check.problems[0]).toMatch(
      /^tests\/engine\/fixtures\/stuck-path\/modules\/sample\.yaml:53 {2}level advanced, step "school-again": /,
    );
  });

  it('finds nothing in a sound course, and counts its paths', () => {
    const valid = compileCourseDirectory('tests/compiler/fixtures/valid').course!;
    expect(checkCoursePaths(valid, 'tests/compiler/fixtures/valid').problems).toEqual([]);
    expect(checkCoursePaths(valid, 'tests/compiler/fixtures/valid').paths).toBe(6);
  });
});

describe('`npm run validate` walks every path', () => {
  it('exits 1 on a course that compiles but has a path that cannot finish, naming file:line and a fix', () => {
    const validate = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/validate-course.ts', STUCK],
      { encoding: 'utf8', timeout: 50_000 },
    );
    expect(validate.error).toBeUndefined();
    expect(validate.status).toBe(1);
    // school-again is declared on line 53 of the fixture module.
    expect(validate.stdout).toMatch(
      /tests\/engine\/fixtures\/stuck-path\/modules\/sample\.yaml:53 {2}level foundation, step "school-again": a path cannot finish: loop with no way out.*\(give the step/,
    );
    expect(validate.stdout).toContain('2 error(s)');
  }, 60_000);

  it('passes the sound fixture course, saying how many paths it walked', () => {
    const validate = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/validate-course.ts', 'tests/compiler/fixtures/valid'],
      { encoding: 'utf8', timeout: 50_000 },
    );
    expect(validate.status).toBe(0);
    expect(validate.stdout).toMatch(
      /Every path walked through the engine: 6 path\(s\) over 2 level\(s\) in [\d.]+ s, 0 problem\(s\)\./,
    );
  }, 60_000);
});
