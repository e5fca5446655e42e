import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Course } from '../model/course.ts';
import { levelContent, walkLevel, type LevelPathProblem, type LevelWalk } from '../engine/index.ts';

/**
 * Every path of every scenario at every level (or the one level a package teaches), walked through
 * the engine (`walkLevel`), with each problem as `file:line  what  (fix)`: what `npm run validate`
 * prints, and what a build can fail on.
 */
export interface CoursePathCheck {
  readonly walks: readonly LevelWalk[];
  /** Complete paths walked, over every module of every level walked. */
  readonly paths: number;
  readonly seconds: number;
  /** One line per problem, `file:line  level …: what  (fix)`; empty when every path is sound. */
  readonly problems: readonly string[];
}

export function checkCoursePaths(
  course: Course,
  courseDir: string,
  level?: string,
): CoursePathCheck {
  const started = performance.now();
  const levels = level ? course.levels.filter((l) => l.id === level) : course.levels;
  const walks = levels.map((l) => walkLevel(levelContent(course, l.id)));
  const seconds = (performance.now() - started) / 1000;
  const paths = walks.reduce((n, w) => n + [...w.paths.values()].reduce((a, b) => a + b, 0), 0);
  const found = walks.flatMap((w) => w.problems);
  const where = found.length > 0 ? sourceLines(courseDir) : new Map();
  const courseFile = relative(process.cwd(), join(courseDir, 'course.yaml'));
  return { walks, paths, seconds, problems: found.map((p) => formatProblem(p, where, courseFile)) };
}

type SourceLines = Map<string, { file: string; steps: Map<string, number> }>;

/**
 * `file:line` of each module (by id) and of each step in it, read from the module files as the
 * compiler names them. The compiled course keeps no positions, and the walk runs only on a course
 * that compiled, so a plain look for `id:` lines is enough here.
 */
function sourceLines(courseDir: string): SourceLines {
  const files: SourceLines = new Map();
  const folder = join(courseDir, 'modules');
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n))) {
    const path = join(folder, name);
    const lines = readFileSync(path, 'utf8').split('\n');
    const id = lines.map((l) => /^id:\s*([a-z0-9-]+)/.exec(l)?.[1]).find(Boolean);
    if (!id) continue;
    const steps = new Map<string, number>();
    lines.forEach((line, i) => {
      const step = /^\s+- id:\s*([a-z0-9-]+)/.exec(line)?.[1];
      if (step && !steps.has(step)) steps.set(step, i + 1);
    });
    files.set(id, { file: relative(process.cwd(), path) || path, steps });
  }
  return files;
}

function formatProblem(problem: LevelPathProblem, where: SourceLines, courseFile: string): string {
  const source = problem.module === undefined ? undefined : where.get(problem.module);
  const line = (problem.step && source?.steps.get(problem.step)) || 1;
  const place = source ? `${source.file}:${line}` : courseFile;
  const step = problem.step ? `, step "${problem.step}"` : '';
  return `${place}  level ${problem.level}${step}: ${problem.message}  (${problem.fix})`;
}
