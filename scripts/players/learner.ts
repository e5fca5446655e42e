import type { Question } from '../../src/model/course.ts';
import {
  continueEvent,
  currentModule,
  currentStep,
  drawQuestions,
  initialState,
  location,
  serialise,
  transition,
  type Answer,
  type Effect,
  type LearnerEvent,
  type LearnerState,
  type LevelContent,
} from '../../src/engine/index.ts';
import { kindOf } from '../../src/questions/lookup.ts';

/**
 * A scripted learner for adapter and runtime tests: plays a level through the real engine and
 * yields what the app would hand its session after each event (effects, serialised state, bookmark).
 * The bookmark and what "continue" means come from the engine (`location`, `continueEvent`), as in
 * the app, so the adapter tests and the bench see what the app sends.
 */
export interface Turn {
  readonly event: LearnerEvent;
  readonly effects: readonly Effect[];
  readonly state: string;
  readonly location: string;
  readonly learner: LearnerState;
}

export interface Script {
  /** Answer every question right (`pass`) or wrong (`fail`, then leave after the first attempt). */
  readonly outcome: 'pass' | 'fail';
  /** Stop after this many turns (a learner leaving mid-module). */
  readonly maxTurns?: number;
  /** Start here instead of a fresh state. */
  readonly from?: LearnerState;
  readonly seed?: number;
}

export function play(content: LevelContent, script: Script): Turn[] {
  let state = script.from ?? initialState(content, script.seed ?? 12345);
  const turns: Turn[] = [];
  const limit = script.maxTurns ?? 2000;
  while (turns.length < limit) {
    const event = nextEvent(content, state, script.outcome);
    if (!event) break;
    const [next, effects] = transition(content, state, event);
    if (next === state && effects.length === 0)
      throw new Error(`Event had no effect: ${JSON.stringify(event)}`);
    state = next;
    turns.push({
      event,
      effects,
      state: serialise(content, state),
      location: location(content, state),
      learner: state,
    });
    if (event.type === 'leave-module' && script.outcome === 'fail') break;
  }
  return turns;
}

function nextEvent(
  content: LevelContent,
  state: LearnerState,
  outcome: 'pass' | 'fail',
): LearnerEvent | undefined {
  if (state.current === null) {
    const open = state.modules.findIndex((m) => !m.completed);
    return open < 0 ? undefined : { type: 'open-module', module: open };
  }
  const here = currentModule(content, state);
  if (!here) return undefined;
  const { module, progress } = here;
  switch (progress.phase) {
    case 'not-started':
      return undefined;
    case 'intro':
    case 'reflection':
    case 'done': // a finished module reopened: continue takes the learner back to the list
      return continueEvent(state);
    case 'scenario': {
      const step = currentStep(module, progress.scenario);
      if (step.type !== 'decision' || progress.scenario.answered) return { type: 'continue' };
      const best = step.options.reduce(
        (b, o, i) => (o.weight > (step.options[b]?.weight ?? -1) ? i : b),
        0,
      );
      return { type: 'choose', option: best };
    }
    case 'quiz': {
      if (progress.quiz.answered) return { type: 'continue' };
      const question = drawQuestions(module, content.level, state.seed, progress.quiz.attempt)[
        progress.quiz.question
      ];
      if (!question) return undefined;
      return {
        type: 'answer',
        answer: outcome === 'pass' ? rightAnswer(question) : wrongAnswer(question),
      };
    }
    case 'results':
      return progress.completed ? { type: 'continue' } : { type: 'leave-module' };
  }
}

/** A right answer, as the question's type gives it (its kind's `samples`, src/questions/). */
export const rightAnswer = (question: Question): Answer => kindOf(question).samples(question).right;

/** A wrong answer, as the question's type gives it. */
export const wrongAnswer = (question: Question): Answer => kindOf(question).samples(question).wrong;
