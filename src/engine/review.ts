import type { Module } from '../model/course.ts';
import { pathSoFar, type PathEntry } from './scenario.ts';
import type { ModuleProgress } from './state.ts';

/**
 * The scenario as the learner played it, to read again once it has ended: every step from the
 * start to the ending they reached, each decision with the option they chose (the path the
 * timeline shows, rebuilt from the saved choices). Undefined while the scenario is not yet played
 * to its ending, when there is nothing of theirs to read again. Reading it changes no state.
 */
export function scenarioReview(module: Module, progress: ModuleProgress): PathEntry[] | undefined {
  const past = ['quiz', 'results', 'reflection', 'done'].includes(progress.phase);
  if (!past) return undefined;
  const step = module.scenario.steps[progress.scenario.step];
  if (step?.type !== 'ending') return undefined;
  return pathSoFar(module, progress.scenario);
}
