import type { DecisionStep, Module, Next, Step } from '../model/course.ts';
import { decisionSteps, type ScenarioProgress } from './state.ts';

/** Scenario logic: following `next` branches, flags, and the learner's path so far. */

export function flagBit(module: Module, flag: string): number {
  const index = module.scenario.flags.indexOf(flag);
  return index < 0 ? 0 : 1 << index;
}

export function hasFlag(module: Module, flags: number, flag: string): boolean {
  return (flags & flagBit(module, flag)) !== 0;
}

/** The step index the first branch whose condition holds leads to (the compiler ensures one does). */
export function resolveNext(module: Module, next: Next, flags: number): number {
  const branch =
    next.find(
      (b) =>
        b.if.every((f) => hasFlag(module, flags, f)) &&
        b.unless.every((f) => !hasFlag(module, flags, f)),
    ) ?? next[next.length - 1];
  const index = branch ? module.scenario.stepIndex[branch.to] : undefined;
  if (index === undefined) throw new Error(`Module "${module.id}": no step to go to.`);
  return index;
}

export function currentStep(module: Module, progress: ScenarioProgress): Step {
  const step = module.scenario.steps[progress.step];
  if (!step) throw new Error(`Module "${module.id}" has no step ${progress.step}.`);
  return step;
}

/** Position of a decision step among the module's decisions (its slot in `choices`). */
export function decisionSlot(module: Module, stepIndex: number): number {
  return decisionSteps(module).indexOf(stepIndex);
}

export interface PathEntry {
  readonly step: number;
  /** For decisions: the option the learner chose. */
  readonly option?: number;
}

/**
 * The learner's path from the start to the current step, for the timeline. Rebuilt by replaying
 * the recorded choices (each decision's latest), so it needs no room in saved state. A decision
 * visited twice shows its latest choice; the replay stops rather than go round a loop again.
 * Where the replay meets a decision with no choice, the path is the current step alone.
 */
export function pathSoFar(module: Module, progress: ScenarioProgress): PathEntry[] {
  const path: PathEntry[] = [];
  const visits = new Map<number, number>();
  let index = module.scenario.stepIndex[module.scenario.start] ?? 0;
  while (index !== progress.step) {
    const seen = visits.get(index) ?? 0;
    if (seen > 0 || path.length > module.scenario.steps.length) break;
    visits.set(index, seen + 1);
    const step = module.scenario.steps[index];
    if (!step || step.type === 'ending') break;
    if (step.type === 'decision') {
      const option = progress.choices[decisionSlot(module, index)] ?? -1;
      const chosen = (step as DecisionStep).options[option];
      if (!chosen) {
        // A decision on the way with no choice made: the learner did not come this way (an
        // author's preview opens at a step with no choices), so the steps walked so far are not
        // their path. Only the step they are at is.
        path.length = 0;
        break;
      }
      path.push({ step: index, option });
      index = resolveNext(module, chosen.next, progress.flags);
    } else {
      path.push({ step: index });
      index = resolveNext(module, step.next, progress.flags);
    }
  }
  const here = currentStep(module, progress);
  const hereChoice =
    here.type === 'decision' && progress.answered
      ? progress.choices[decisionSlot(module, progress.step)]
      : undefined;
  path.push(
    hereChoice === undefined
      ? { step: progress.step }
      : { step: progress.step, option: hereChoice },
  );
  return path;
}

/** 0–100: the chosen options' weights against the best available, over decisions made. */
export function scenarioScore(module: Module, choices: readonly number[]): number {
  let earned = 0;
  let possible = 0;
  decisionSteps(module).forEach((stepIndex, slot) => {
    const step = module.scenario.steps[stepIndex] as DecisionStep;
    const choice = choices[slot] ?? -1;
    if (choice < 0) return;
    earned += step.options[choice]?.weight ?? 0;
    possible += Math.max(...step.options.map((o) => o.weight));
  });
  return possible === 0 ? 100 : Math.round((100 * earned) / possible);
}
