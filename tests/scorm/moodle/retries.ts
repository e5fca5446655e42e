import {
  currentStep,
  drawQuestions,
  initialState,
  serialise,
  transition,
  type Effect,
  type LearnerEvent,
  type LearnerState,
  type LevelContent,
} from '../../../src/engine/index.ts';
import { rightAnswer, wrongAnswer } from '../../../scripts/players/learner.ts';

/**
 * A learner who fails each module's quiz `failures` times (every answer wrong), retries, then
 * passes: the worst case for what a level writes to the LMS. Returns each event's effects with the
 * state after it, as the app hands them to its session.
 */
export interface RetryTurn {
  readonly effects: readonly Effect[];
  readonly state: string;
  readonly location: string;
}

export function playWithRetries(content: LevelContent, failures: number, seed = 4242): RetryTurn[] {
  let state = initialState(content, seed);
  const turns: RetryTurn[] = [];
  for (let guard = 0; guard < 20_000; guard++) {
    const event = next(content, state, failures);
    if (!event) return turns;
    const [after, effects] = transition(content, state, event);
    if (after === state && effects.length === 0)
      throw new Error(`Event had no effect: ${JSON.stringify(event)}`);
    state = after;
    const current = state.current === null ? undefined : content.modules[state.current];
    turns.push({
      effects,
      state: serialise(content, state),
      location: current ? `${current.id}/${state.modules[state.current!]!.phase}` : 'modules',
    });
  }
  throw new Error('The learner never finished the level');
}

function next(
  content: LevelContent,
  state: LearnerState,
  failures: number,
): LearnerEvent | undefined {
  if (state.current === null) {
    const open = state.modules.findIndex((m) => !m.completed);
    return open < 0 ? undefined : { type: 'open-module', module: open };
  }
  const module = content.modules[state.current]!;
  const progress = state.modules[state.current]!;
  switch (progress.phase) {
    case 'not-started':
    case 'done':
      return { type: 'leave-module' };
    case 'intro':
    case 'reflection':
      return { type: 'continue' };
    case 'scenario': {
      const step = currentStep(module, progress.scenario);
      if (step.type !== 'decision' || progress.scenario.answered) return { type: 'continue' };
      const weights = step.options.map((o) => o.weight);
      return { type: 'choose', option: weights.indexOf(Math.max(...weights)) };
    }
    case 'quiz': {
      if (progress.quiz.answered) return { type: 'continue' };
      const question = drawQuestions(module, content.level, state.seed, progress.quiz.attempt)[
        progress.quiz.question
      ]!;
      const fail = progress.quiz.attempt <= failures;
      return { type: 'answer', answer: fail ? wrongAnswer(question) : rightAnswer(question) };
    }
    case 'results':
      return progress.completed ? { type: 'continue' } : { type: 'retry-quiz' };
  }
}
