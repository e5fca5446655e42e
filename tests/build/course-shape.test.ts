import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compareShapes,
  courseShape,
  formatShapeChange,
  parseShape,
  SHAPE_FILE,
  type CourseShape,
} from '../../src/build/course-shape.ts';
import { compileCourse } from '../../src/compiler/compile.ts';
import { levelContent, moduleHash } from '../../src/engine/index.ts';
import type { Course } from '../../src/model/course.ts';
import { createZip } from '../../scorm/package/zip.ts';

/**
 * Which modules an update restarts for learners (newcomer trial F12): every package carries its
 * level's shape (the module hashes saved progress is kept under), and `npm run validate -- --since
 * <package>` compares this content with it.
 */
const dir = 'tests/compiler/fixtures/valid';
const courseText = readFileSync(`${dir}/course.yaml`, 'utf8');
const moduleText = readFileSync(`${dir}/modules/sample.yaml`, 'utf8');

function compile(module = moduleText): Course {
  const result = compileCourse({ path: `${dir}/course.yaml`, text: courseText }, [
    { path: `${dir}/modules/sample.yaml`, text: module },
  ]);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return result.course!;
}

const course = compile();
const shape = courseShape(course, 'foundation');
/** The fixture with its first decision's best option weighted 0.9 instead of 1: a structural edit. */
const reweighted = compile(moduleText.replace('weight: 1', 'weight: 0.9'));

describe('a level’s shape', () => {
  it('is each module’s hash at that level, the one its saved progress carries', () => {
    const content = levelContent(course, 'foundation');
    expect(shape).toEqual({
      course: 'fixture-course',
      version: course.version,
      level: 'foundation',
      modules: { sample: moduleHash(content, content.modules[0]!) },
    });
    expect(shape.modules.sample).toMatch(/^[0-9a-z]{3}$/);
  });

  it('keeps learners’ place through a wording change, and names the module a structural change restarts', () => {
    const reworded = compile(moduleText.replace('What the sample covers.', 'What it covers now.'));
    expect(reworded.modules[0]!.covers.text).toBe('What it covers now.');
    expect(compareShapes(shape, courseShape(reworded, 'foundation'))).toMatchObject({
      restarted: [],
      kept: ['sample'],
    });
    expect(compareShapes(shape, courseShape(reweighted, 'foundation'))).toEqual({
      level: 'foundation',
      from: course.version,
      to: course.version,
      restarted: ['sample'],
      added: [],
      removed: [],
      kept: [],
    });
  });

  it('says in plain words what the update does, and that the version should be raised', () => {
    const restarts = formatShapeChange(
      compareShapes(shape, courseShape(reweighted, 'foundation')),
      'old.zip',
    );
    expect(restarts).toContain(
      `Compared with old.zip (level foundation, version ${course.version}):`,
    );
    expect(restarts).toContain('RESTARTS sample: the structure changed');
    expect(restarts).toContain(`The version is still ${course.version}: raise \`version\``);
    const moved: CourseShape = {
      ...shape,
      version: '0.0.1',
      modules: { gone: 'abc', ...shape.modules },
    };
    const calm = formatShapeChange(
      compareShapes(moved, { ...shape, modules: { ...shape.modules, fresh: 'xyz' } }),
      'old.zip',
    );
    expect(calm.split('\n').slice(1)).toEqual([
      '  No module restarts: learners keep their place in every module.',
      '  progress kept: sample',
      '  new in this level: fresh',
      "  no longer in this level: gone (learners' progress in it is dropped)",
    ]);
  });

  it('reads a shape back from its file, and says what is wrong with a broken one', () => {
    expect(parseShape(JSON.stringify(shape))).toEqual(shape);
    expect(parseShape('{')).toMatch(/^its course-shape\.json is not JSON/);
    expect(parseShape('{"course":"x","version":"1.0.0","level":"a"}')).toBe(
      'its course-shape.json does not have a course, version, level and module hashes',
    );
    expect(parseShape('null')).toMatch(/does not have a course/);
  });
});

describe('npm run validate -- --since <package>', () => {
  const work = mkdtempSync(join(tmpdir(), 'sg-since-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));
  const validate = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate-course.ts', dir, ...args], {
      encoding: 'utf8',
      timeout: 50_000,
    });

  it('names the module this content restarts against a package in the LMS, and a package too old to tell', async () => {
    // A package of the reweighted content, as it was in the LMS, and one built before shapes.
    const before = courseShape(reweighted, 'foundation');
    const old = join(work, 'course_foundation_scorm12_v0.9.0.zip');
    writeFileSync(old, await createZip(new Map([[SHAPE_FILE, JSON.stringify(before)]])));
    const older = join(work, 'older.zip');
    writeFileSync(older, await createZip(new Map([['index.html', '<!doctype html>']])));
    const run = validate('--since', old, '--since', older);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      `Compared with course_foundation_scorm12_v0.9.0.zip (level foundation, version ${course.version}):`,
    );
    expect(run.stdout).toContain('RESTARTS sample: the structure changed');
    expect(run.stdout).toContain('older.zip: has no course-shape.json, so it was built before');
  }, 60_000);

  it('fails, saying so, when the package named is not there', () => {
    const run = validate('--since', join(work, 'nowhere.zip'));
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(
      `--since ${join(work, 'nowhere.zip')}: there is no such file or folder.`,
    );
  }, 60_000);
});
