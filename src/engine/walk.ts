import { currentStep, decisionSlot } from './scenario.ts';
import { initialState, type LearnerState, type LevelContent } from './state.ts';
import { transition, type Effect, type LearnerEvent } from './transition.ts';

/**
 * Walks every path through a module's scenario by driving the engine itself (open the module,
 * continue, choose each option in turn), the way the views will. Tests use it to prove that every
 * path reaches an ending and that saved state survives every step.
 *
 * Paths multiply with every decision (six decisions of three options are 729 paths), but where a
 * scenario can go next depends only on the current step, the flags and, after a choice, the option
 * chosen. So each such situation is explored once and its verdict reused wherever paths rejoin;
 * the number of complete paths is still counted. A path that comes back round to a situation
 * already on it (a loop) is not followed again: a loop is sound if some way leads out of it.
 */

export interface ScenarioWalk {
  /** Complete paths from the start to an ending. */
  readonly paths: number;
  /** Distinct situations explored (each visited state was also passed to the visitor). */
  readonly situations: number;
  readonly endingsReached: ReadonlySet<string>;
  readonly stepsVisited: ReadonlySet<string>;
  /** Situations from which the learner cannot reach an ending, with the path that led there. */
  readonly stuck: readonly { readonly path: readonly string[]; readonly reason: string }[];
}

export interface WalkVisitor {
  /** Called with every state the walk reaches and the effects of the event that led there. */
  (state: LearnerState, effects: readonly Effect[]): void;
}

export function walkScenario(
  content: LevelContent,
  moduleIndex: number,
  visit: WalkVisitor = () => {},
  seed = 1,
): ScenarioWalk {
  const module = content.modules[moduleIndex];
  if (!module) throw new Error(`No module ${moduleIndex} in level ${content.level.id}.`);
  const apply = (state: LearnerState, event: LearnerEvent) => {
    const [next, effects] = transition(content, state, event);
    if (next !== state) visit(next, effects);
    return next;
  };
  const opened = apply(initialState(content, seed), { type: 'open-module', module: moduleIndex });
  const start = apply(opened, { type: 'continue' });

  const endingsReached = new Set<string>();
  const stepsVisited = new Set<string>();
  const stuck: { path: readonly string[]; reason: string }[] = [];
  /** Verdicts of explored situations: how many complete paths lead on from each (0 = none). */
  const done = new Map<string, number>();
  /** Situations on the current path, with their depth. */
  const onPath = new Map<string, number>();

  /**
   * Complete paths from here to an ending (0 when stuck, already reported), or, when every way on
   * goes back round to a situation on the path, the depth of the earliest one: whether that loop
   * has a way out is decided there, not here.
   */
  const explore = (state: LearnerState, path: readonly string[]): number | { loopTo: number } => {
    const scenario = state.modules[moduleIndex]?.scenario;
    if (!scenario || state.modules[moduleIndex]?.phase !== 'scenario') {
      stuck.push({ path, reason: 'the scenario ended without an ending step' });
      return 0;
    }
    const step = currentStep(module, scenario);
    const choice = scenario.answered ? scenario.choices[decisionSlot(module, scenario.step)] : -1;
    const key = `${scenario.step}|${choice}|${scenario.flags}`;
    const loopTo = onPath.get(key);
    if (loopTo !== undefined) return { loopTo };
    const known = done.get(key);
    if (known !== undefined) return known;

    const depth = onPath.size;
    onPath.set(key, depth);
    stepsVisited.add(step.id);
    const here = scenario.answered ? path : [...path, step.id];
    let count = 0;
    let way = false;
    let earliestLoop = Infinity;
    if (step.type === 'ending') {
      const after = apply(state, { type: 'continue' });
      if (after.modules[moduleIndex]?.phase === 'scenario') {
        stuck.push({ path: here, reason: `ending "${step.id}" did not end the scenario` });
      } else {
        endingsReached.add(step.id);
        count = 1;
        way = true;
      }
    } else {
      const events: LearnerEvent[] =
        step.type === 'decision' && !scenario.answered
          ? step.options.map((_, option) => ({ type: 'choose', option }))
          : [{ type: 'continue' }];
      for (const event of events) {
        const next = apply(state, event);
        if (next === state) {
          stuck.push({
            path: here,
            reason: `step "${step.id}" would not take ${JSON.stringify(event)}`,
          });
          continue;
        }
        const paths = explore(next, here);
        if (typeof paths === 'object') earliestLoop = Math.min(earliestLoop, paths.loopTo);
        else if (paths > 0) [count, way] = [count + paths, true];
      }
    }
    onPath.delete(key);
    if (!way && earliestLoop < depth) return { loopTo: earliestLoop }; // decided further up
    if (!way && earliestLoop === depth) {
      stuck.push({
        path: here,
        reason: `loop with no way out: from step "${step.id}" every way comes back round`,
      });
    } else if (!way && step.type !== 'ending') {
      stuck.push({ path: here, reason: `no way from step "${step.id}" reaches an ending` });
    }
    done.set(key, count);
    return count;
  };

  const result = explore(start, []);
  const paths = typeof result === 'number' ? result : 0;
  return { paths, situations: done.size, endingsReached, stepsVisited, stuck };
}
