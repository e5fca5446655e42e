/**
 * `npm run validate`: checks the course content and prints every problem, with no build.
 * Exit code 1 when there are errors. Pass a folder to check another course (default: course/).
 * Then walks every path of every scenario at every level through the engine (a path that cannot
 * finish, or a saved state over SCORM 1.2's limit, is an error with its file and a fix) and prints
 * the figures behind the warnings: saved-state budgets, option balance and durations.
 */
import { courseBalance, formatBalance, moduleBalance } from '../src/compiler/balance.ts';
import { formatDiagnostics, hasErrors } from '../src/compiler/diagnostics.ts';
import { formatDurations } from '../src/compiler/duration.ts';
import { compileCourseDirectory } from '../src/compiler/load.ts';
import { formatStateBudgets, stateBudgets } from '../src/build/state-budget.ts';
import { checkCoursePaths } from '../src/build/path-check.ts';

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
// Which edition was checked, so a training lead sees that SG_ORG took effect.
if (course.edition)
  console.log(
    `Edition: ${course.edition.name}${course.edition.id ? ` (${course.edition.id})` : ' (neutral)'}, from ${process.env.SG_ORG || `${dir}/organisation.yaml`}.`,
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
