/**
 * `npm run validate`: checks the course content and prints every problem, with no build.
 * Exit code 1 when there are errors. Pass a folder to check another course (default: course/).
 * Then walks every path of every scenario at every level through the engine (a path that cannot
 * finish, or a saved state over SCORM 1.2's limit, is an error with its file and a fix) and prints
 * the figures behind the warnings: saved-state budgets, option balance and durations.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { courseBalance, formatBalance, moduleBalance } from '../src/content/balance.ts';
import { formatDiagnostics, hasErrors } from '../src/content/diagnostics.ts';
import { formatDurations } from '../src/content/duration.ts';
import { compileCourseDirectory } from '../src/content/load.ts';
import { formatStateBudgets, stateBudgets } from '../src/build/state-budget.ts';
import { levelContent, walkLevel, type LevelPathProblem } from '../src/engine/index.ts';

const dir = process.argv[2] ?? 'course';
const result = compileCourseDirectory(dir);
if (result.diagnostics.length > 0) console.log(formatDiagnostics(result.diagnostics));
const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
const warnings = result.diagnostics.length - errors;
if (hasErrors(result.diagnostics) || !result.course) {
  console.log(
    `\n${errors} error(s), ${warnings} warning(s). The course does not build until the errors are fixed.`,
  );
  process.exit(1);
}
const course = result.course;
const budgets = stateBudgets(course);
console.log(
  `${course.title} ${course.version}: ${course.modules.length} module(s), ${warnings} warning(s).`,
);
console.log(formatStateBudgets(budgets));
const { modules } = course;
console.log(`\n${formatBalance([...modules.map(moduleBalance), courseBalance(modules)])}`);
console.log(`\n${formatDurations(course)}`);

const started = performance.now();
const walks = course.levels.map((level) => walkLevel(levelContent(course, level.id)));
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const paths = walks.reduce((n, w) => n + [...w.paths.values()].reduce((a, b) => a + b, 0), 0);
const problems = walks.flatMap((w) => w.problems);
console.log(
  `\nEvery path walked through the engine: ${paths} path(s) over ${walks.length} level(s) in ${seconds} s, ` +
    `${problems.length} problem(s).`,
);
if (problems.length > 0) {
  const where = sourceLines(dir);
  console.log(problems.map((p) => formatProblem(p, where)).join('\n'));
  console.log(`\n${problems.length} error(s). The course does not build until they are fixed.`);
  process.exit(1);
}

/**
 * `file:line` of each module (by id) and of each step in it, read from the module files as the
 * compiler names them. The compiled course keeps no positions, and the walk runs only on a course
 * that compiled, so a plain look for `id:` lines is enough here.
 */
function sourceLines(courseDir: string) {
  const files = new Map<string, { file: string; steps: Map<string, number> }>();
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

function formatProblem(problem: LevelPathProblem, where: ReturnType<typeof sourceLines>): string {
  const source = problem.module === undefined ? undefined : where.get(problem.module);
  const line = (problem.step && source?.steps.get(problem.step)) || 1;
  const place = source ? `${source.file}:${line}` : join(dir, 'course.yaml').replace(/^\.\//, '');
  const step = problem.step ? `, step "${problem.step}"` : '';
  return `${place}  level ${problem.level}${step}: ${problem.message}  (${problem.fix})`;
}
