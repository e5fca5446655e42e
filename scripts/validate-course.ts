/**
 * `npm run validate`: checks the course content and prints every problem, with no build.
 * Exit code 1 when there are errors. Pass a folder to check another course (default: course/).
 * Then prints the figures behind the warnings: saved-state budgets, option balance and durations.
 */
import { courseBalance, formatBalance, moduleBalance } from '../src/content/balance.ts';
import { formatDiagnostics, hasErrors } from '../src/content/diagnostics.ts';
import { formatDurations } from '../src/content/duration.ts';
import { compileCourseDirectory } from '../src/content/load.ts';
import { formatStateBudgets, overBudget, stateBudgets } from '../src/build/state-budget.ts';

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
const budgets = stateBudgets(result.course);
console.log(
  `${result.course.title} ${result.course.version}: ${result.course.modules.length} module(s), ${warnings} warning(s).`,
);
console.log(formatStateBudgets(budgets));
const { modules } = result.course;
console.log(`\n${formatBalance([...modules.map(moduleBalance), courseBalance(modules)])}`);
console.log(`\n${formatDurations(result.course)}`);
if (overBudget(budgets).length > 0) process.exit(1);
