import { currentStep } from './scenario.ts';
import { initialState, type LearnerState, type LevelContent } from './state.ts';
import { transition, type Effect, type LearnerEvent } from './transition.ts';

/**
 * Walks every path through a module's scenario by driving the engine itself (open the module,
 * continue, choose each option in turn), the way the views will. A loop is followed once: a state
 * already seen on the way is not entered again, so the walk ends even where scenarios go round.
 * Tests use it to prove every path reaches an ending; the build uses it to measure saved state.
 */

export interface ScenarioPath {
  /** Step ids in the order visited. */
  readonly steps: readonly string[];
  /** The ending reached, or undefined if the path stopped elsewhere (a bug the tests catch). */
  readonly ending?: string;
  /** Why the path stopped, when it did not reach an ending. */
  readonly stuck?: string;
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
): ScenarioPath[] {
  const module = content.modules[moduleIndex];
  if (!module) throw new Error(`No module ${moduleIndex} in level ${content.level.id}.`);
  const paths: ScenarioPath[] = [];
  const apply = (state: LearnerState, event: LearnerEvent) => {
    const [next, effects] = transition(content, state, event);
    visit(next, effects);
    return next;
  };
  const opened = apply(initialState(content, seed), { type: 'open-module', module: moduleIndex });
  const start = apply(opened, { type: 'continue' });

  const explore = (
    state: LearnerState,
    trail: readonly string[],
    seen: ReadonlySet<string>,
  ): void => {
    const progress = state.modules[moduleIndex];
    if (!progress || progress.phase !== 'scenario') return;
    const scenario = progress.scenario;
    const key = `${scenario.step}|${scenario.answered}|${scenario.flags}|${scenario.choices.join(',')}`;
    if (seen.has(key)) return; // gone round a loop back to a state already on this path
    const nextSeen = new Set(seen).add(key);
    const step = currentStep(module, scenario);
    const steps = scenario.answered ? trail : [...trail, step.id];

    if (step.type === 'ending') {
      const after = apply(state, { type: 'continue' });
      const left = after.modules[moduleIndex]?.phase !== 'scenario';
      paths.push(
        left
          ? { steps, ending: step.id }
          : { steps, stuck: `ending "${step.id}" did not end the scenario` },
      );
      return;
    }
    if (step.type === 'decision' && !scenario.answered) {
      step.options.forEach((_, option) =>
        explore(apply(state, { type: 'choose', option }), steps, nextSeen),
      );
      return;
    }
    const next = apply(state, { type: 'continue' });
    if (next === state) {
      paths.push({ steps, stuck: `step "${step.id}" would not continue` });
      return;
    }
    explore(next, steps, nextSeen);
  };
  explore(start, [], new Set());
  return paths;
}
