import { restore, serialise, SUSPEND_DATA_LIMIT, worstCaseSize } from './serialise.ts';
import type { LevelContent } from './state.ts';
import { walkScenario } from './walk.ts';

/**
 * Every path of every scenario of one level, walked through the engine (`walkScenario`), with the
 * saved state checked at every step: what `npm run validate` (and so `npm run build`) runs, and
 * what tests/course/course.test.ts asserts on the real course. The compiler checks the scenario
 * graph without flags; this walk follows the flags, so it finds a way out that no learner can take
 * (a branch whose condition can never hold on the paths that reach it).
 */

export interface LevelPathProblem {
  readonly level: string;
  /** The module and the step the problem is at; absent for a level-wide problem. */
  readonly module?: string;
  readonly step?: string;
  readonly message: string;
  readonly fix: string;
}

export interface LevelWalk {
  readonly level: string;
  /** Complete paths through each module's scenario, by module id. */
  readonly paths: ReadonlyMap<string, number>;
  /** Longest saved state over every situation walked (one module on its way, others untouched). */
  readonly walkedMax: number;
  /** Longest saved state any learner can produce (`worstCaseSize`). */
  readonly worstCase: number;
  readonly limit: number;
  readonly problems: readonly LevelPathProblem[];
}

export function walkLevel(content: LevelContent, limit = SUSPEND_DATA_LIMIT): LevelWalk {
  const level = content.level.id;
  const problems: LevelPathProblem[] = [];
  const paths = new Map<string, number>();
  let walkedMax = 0;
  content.modules.forEach((module, index) => {
    let roundTripFailed = false;
    const walk = walkScenario(content, index, (state) => {
      const saved = serialise(content, state);
      walkedMax = Math.max(walkedMax, saved.length);
      if (roundTripFailed) return;
      const back = restore(content, saved, 1);
      if (back.ok && serialise(content, back.state) === saved) return;
      roundTripFailed = true;
      const step = state.modules[index]?.scenario.step;
      problems.push({
        level,
        module: module.id,
        step: step === undefined ? undefined : module.scenario.steps[step]?.id,
        message: `the saved state at this step does not read back the same (${back.ok ? 'it reads back differently' : back.reason})`,
        fix: 'this is a fault in the course engine, not the content: report it with this module',
      });
    });
    paths.set(module.id, walk.paths);
    // A step stuck only because a way on from it is stuck further along says nothing new: the
    // further problem is the one to fix, so only it is reported.
    const causes = walk.stuck.filter(
      (stuck) =>
        !stuck.reason.startsWith('no way from') ||
        !walk.stuck.some(
          (other) =>
            other.path.length > stuck.path.length &&
            stuck.path.every((step, i) => other.path[i] === step),
        ),
    );
    for (const stuck of causes) {
      const step = stuck.path.at(-1);
      problems.push({
        level,
        module: module.id,
        step,
        message: `a path cannot finish: ${stuck.reason} (path: ${stuck.path.join(' → ') || 'the start'})`,
        fix:
          'give the step a "next" or option that leads to an ending whatever flags this path has set, ' +
          'or an unconditional last branch in its "next"',
      });
    }
  });
  const worstCase = worstCaseSize(content);
  if (worstCase > limit) {
    problems.push({
      level,
      message: `the worst-case saved state is ${worstCase} characters, over SCORM 1.2's limit of ${limit}`,
      fix:
        'take a module out of this level, or give its modules fewer decisions, flags or quiz ' +
        'questions drawn (questions-per-module), then run `npm run validate` again',
    });
  }
  return { level, paths, walkedMax, worstCase, limit, problems };
}
