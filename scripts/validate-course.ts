/**
 * `npm run validate`: checks the course content and prints every problem, with no build.
 * Exit code 1 when there are errors. Pass a folder to check another course (default: course/).
 * Then walks every path of every scenario at every level through the engine (a path that cannot
 * finish, or a saved state over SCORM 1.2's limit, is an error with its file and a fix) and prints
 * the figures behind the warnings: saved-state budgets, option balance and durations.
 *
 * `--since <package.zip or folder of packages>` (repeatable) also says which modules this content
 * would restart for learners, against the packages now in the LMS (src/build/course-shape.ts).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { courseBalance, formatBalance, moduleBalance } from '../src/compiler/balance.ts';
import { formatDiagnostics, hasErrors } from '../src/compiler/diagnostics.ts';
import { formatDurations } from '../src/compiler/duration.ts';
import { compileCourseDirectory } from '../src/compiler/load.ts';
import type { Course } from '../src/model/course.ts';
import { formatStateBudgets, stateBudgets } from '../src/build/state-budget.ts';
import { checkCoursePaths } from '../src/build/path-check.ts';
import {
  compareShapes,
  courseShape,
  formatShapeChange,
  parseShape,
  SHAPE_FILE,
} from '../src/build/course-shape.ts';
import { readZip } from '../scorm/package/zip.ts';

const args = parseArgs({
  allowPositionals: true,
  options: { since: { type: 'string', multiple: true } },
});
const dir = args.positionals[0] ?? 'course';
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
// Which edition was checked, so a training lead sees that SG_ORG took effect.
if (course.edition)
  console.log(
    `Edition: ${course.edition.name}${course.edition.id ? ` (${course.edition.id})` : ' (neutral)'}, from ${process.env.SG_ORG || `${dir}/organisation.yaml`}.`,
  );
console.log(
  "Saved progress: the most characters a learner's saved progress (suspend_data) can take at each\n" +
    'level, against the 4096 a SCORM 1.2 LMS must keep. Nothing to do unless a level is over it.',
);
console.log(formatStateBudgets(budgets));
const { modules } = course;
console.log(`\n${formatBalance([...modules.map(moduleBalance), courseBalance(modules)])}`);
console.log(`\n${formatDurations(course)}`);

const check = checkCoursePaths(course, dir);
console.log(
  `\nEvery path walked through the engine: ${check.paths} path(s) over ${check.walks.length} level(s) in ${check.seconds.toFixed(1)} s, ` +
    `${check.problems.length} problem(s).`,
);
if (check.problems.length > 0) {
  console.log(check.problems.join('\n'));
  console.log(
    `\n${check.problems.length} error(s). The course does not build until they are fixed.`,
  );
  process.exit(1);
}

if (args.values.since) {
  const report = sinceReport(course, args.values.since);
  console.log(`\n${report.text}`);
  if (report.failed) process.exit(1);
}

/**
 * For each package given (a zip, or every zip in a folder): what replacing it with this content
 * does to learners' saved progress. A package's SCORM 1.2 and 2004 zips carry the same shape, so
 * each shape is reported once.
 */
function sinceReport(course: Course, paths: readonly string[]): { text: string; failed: boolean } {
  const out: string[] = [];
  let failed = false;
  const zips = paths.flatMap((path) => {
    if (!existsSync(path)) {
      out.push(`--since ${path}: there is no such file or folder.`);
      failed = true;
      return [];
    }
    if (!statSync(path).isDirectory()) return [path];
    const inside = readdirSync(path)
      .filter((f) => f.endsWith('.zip'))
      .sort();
    if (inside.length === 0) {
      out.push(`--since ${path}: the folder has no .zip packages.`);
      failed = true;
    }
    return inside.map((f) => join(path, f));
  });
  const seen = new Map<string, string>();
  for (const zip of zips) {
    const name = basename(zip);
    let file: Buffer | undefined;
    try {
      file = readZip(readFileSync(zip)).get(SHAPE_FILE);
    } catch (error) {
      out.push(`${name}: not a readable zip (${(error as Error).message}).`);
      failed = true;
      continue;
    }
    if (!file) {
      out.push(
        `${name}: has no ${SHAPE_FILE}, so it was built before packages said what learners' progress depends on. Compare with a package built by this version of the toolkit or later.`,
      );
      continue;
    }
    const shape = parseShape(file.toString('utf8'));
    if (typeof shape === 'string') {
      out.push(`${name}: ${shape}.`);
      failed = true;
      continue;
    }
    const key = JSON.stringify(shape);
    if (seen.has(key)) {
      out.push(`${name}: the same as ${seen.get(key)}.`);
      continue;
    }
    seen.set(key, name);
    if (shape.course !== course.id) {
      out.push(
        `${name}: a package of another course ("${shape.course}"; this one is "${course.id}"). An LMS treats them as different courses.`,
      );
    } else if (!course.levels.some((l) => l.id === shape.level)) {
      out.push(
        `${name}: its level "${shape.level}" is no longer in the course, so this content cannot replace it.`,
      );
    } else {
      out.push(formatShapeChange(compareShapes(shape, courseShape(course, shape.level)), name));
    }
  }
  return { text: out.join('\n'), failed };
}
