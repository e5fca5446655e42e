import { describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import type { Course, Question } from '../../src/model/course.ts';
import {
  currentStep,
  drawQuestions,
  initialState,
  isUnderway,
  levelContent,
  levelOutcome,
  PHASES,
  progressMeasure,
  transition,
  type Answer,
  type LearnerEvent,
  type LearnerState,
  type LevelContent,
} from '../../src/engine/index.ts';
import { fixtureLevel, ofType, play } from './fixture.ts';

function answerFor(q: Question, right: boolean): Answer {
  switch (q.type) {
    case 'single': {
      const option = q.options.findIndex((o) => o.correct === right);
      return { type: 'single', option: Math.max(0, option) };
    }
    case 'multiple':
      return {
        type: 'multiple',
        options: right ? q.options.flatMap((o, i) => (o.correct ? [i] : [])) : [],
      };
    case 'true-false':
      return { type: 'true-false', value: right ? q.answer : !q.answer };
    case 'ordering': {
      const order = q.items.map((_, i) => i);
      return { type: 'ordering', order: right ? order : order.reverse() };
    }
    case 'matching':
      return {
        type: 'matching',
        matches: q.pairs.map((_, i) => (right ? i : (i + 1) % q.pairs.length)),
      };
  }
}

/** A small deterministic generator, so a failing run can be repeated. */
function chooser(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s >>> 16) % n;
  };
}

/** The next event a learner taking random choices and answers would send, or null when done. */
function nextEvent(
  content: LevelContent,
  state: LearnerState,
  pick: (n: number) => number,
): LearnerEvent | null {
  if (state.current === null) {
    const open = state.modules.findIndex((m) => m.phase !== 'done');
    return open < 0 ? null : { type: 'open-module', module: open };
  }
  const module = content.modules[state.current];
  const progress = state.modules[state.current];
  if (!module || !progress) return null;
  switch (progress.phase) {
    case 'scenario': {
      const step = currentStep(module, progress.scenario);
      if (step.type === 'decision' && !progress.scenario.answered)
        return { type: 'choose', option: pick(step.options.length) };
      return { type: 'continue' };
    }
    case 'quiz': {
      if (progress.quiz.answered) return { type: 'continue' };
      const questions = drawQuestions(module, content.level, state.seed, progress.quiz.attempt);
      const question = questions[progress.quiz.question];
      if (!question) return null;
      // Mostly wrong on a first attempt, so retries are taken too.
      const right = pick(progress.quiz.attempt === 1 ? 3 : 2) === 0;
      return { type: 'answer', answer: answerFor(question, right) };
    }
    case 'results':
      return progress.completed ? { type: 'continue' } : { type: 'retry-quiz' };
    default:
      return { type: 'continue' };
  }
}

interface Move {
  readonly event: LearnerEvent;
  readonly before: number;
  readonly after: number;
  readonly reported: number | undefined;
  readonly inScenario: boolean;
  readonly complete: boolean;
}

/** Plays a whole level with random choices and answers, recording the measure at each move. */
function playLevel(content: LevelContent, seed: number): Move[] {
  const pick = chooser(seed);
  let state = initialState(content, seed);
  const moves: Move[] = [];
  for (let guard = 0; guard < 5000; guard++) {
    const event = nextEvent(content, state, pick);
    if (!event) return moves;
    const inScenario = state.current !== null && state.modules[state.current]?.phase === 'scenario';
    const before = progressMeasure(content, state);
    const [next, effects] = transition(content, state, event);
    if (next === state) throw new Error(`${JSON.stringify(event)} changed nothing`);
    state = next;
    moves.push({
      event,
      before,
      after: progressMeasure(content, state),
      reported: ofType(effects, 'set-progress').at(-1)?.measure,
      inScenario,
      complete: levelOutcome(content, state).complete,
    });
  }
  const tail = moves.slice(-6).map((m) => JSON.stringify(m.event));
  throw new Error(`The level did not finish in 5000 moves: ${tail.join(' ')}`);
}

let compiled: Course | undefined;
function realCourse(): Course {
  compiled ??= compileCourseDirectory('course').course;
  if (!compiled) throw new Error('The course does not compile.');
  return compiled;
}

describe('engine: progress', () => {
  it('moves at every step of a scenario, not only when it ends', () => {
    const content = levelContent(realCourse(), 'foundation');
    const scenarioMoves = playLevel(content, 4).filter((m) => m.inScenario);
    expect(scenarioMoves.length).toBeGreaterThan(20);
    for (const move of scenarioMoves)
      expect(move.after, JSON.stringify(move)).toBeGreaterThan(move.before);
  }, 60_000);

  it('counts each step of a loop the first time through, and holds (never takes back) progress going round it', () => {
    // The fixture's first decision has an option that leads back to the first step.
    const foundation = fixtureLevel('foundation');
    const measure = (state: LearnerState) => progressMeasure(foundation, state);
    const atStart = play(foundation, initialState(foundation, 7), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
    ]).state;
    const atChoice = play(foundation, atStart, [{ type: 'continue' }]).state;
    expect(measure(atChoice)).toBeGreaterThan(measure(atStart));
    const chosen = play(foundation, atChoice, [{ type: 'choose', option: 2 }]).state;
    expect(measure(chosen)).toBeGreaterThan(measure(atChoice));
    const roundAgain = play(foundation, chosen, [{ type: 'continue' }]).state;
    expect(roundAgain.modules[0]?.scenario.step).toBe(0);
    expect(measure(roundAgain)).toBe(measure(chosen));
    const choiceAgain = play(foundation, roundAgain, [{ type: 'continue' }]).state;
    expect(measure(choiceAgain)).toBe(measure(chosen));
    const onward = play(foundation, choiceAgain, [
      { type: 'choose', option: 1 },
      { type: 'continue' },
    ]).state;
    expect(onward.modules[0]?.scenario.step).not.toBe(0);
    expect(measure(onward)).toBeGreaterThan(measure(choiceAgain));
  });

  it('sends the measure to the LMS whenever it moves, and only then', () => {
    const moves = playLevel(fixtureLevel('advanced'), 11);
    for (const move of moves) {
      if (move.after !== move.before) expect(move.reported, JSON.stringify(move)).toBe(move.after);
      else expect(move.reported ?? move.after, JSON.stringify(move)).toBe(move.after);
    }
  });

  it('counts a module under way, where its first move is made, from its scenario on', () => {
    expect(PHASES.filter(isUnderway)).toEqual([
      'scenario',
      'quiz',
      'results',
      'reflection',
      'done',
    ]);
  });

  it('starts at 0 and stays at 0 on the module start page', () => {
    const foundation = fixtureLevel('foundation');
    const state = initialState(foundation, 7);
    expect(progressMeasure(foundation, state)).toBe(0);
    const opened = play(foundation, state, [{ type: 'open-module', module: 0 }]);
    expect(progressMeasure(foundation, opened.state)).toBe(0);
    expect(ofType(opened.effects, 'set-progress')).toEqual([]);
  });

  it('never goes back, and reaches 1 only when the level is complete, on every level of the course', () => {
    const course = realCourse();
    for (const level of course.levels) {
      const content = levelContent(course, level.id);
      for (const seed of [1, 2, 3]) {
        const moves = playLevel(content, seed);
        const where = `${level.id}, seed ${seed}`;
        expect(moves.at(-1)?.after, where).toBe(1);
        for (const move of moves) {
          expect(move.after, `${where}: ${JSON.stringify(move)}`).toBeGreaterThanOrEqual(
            move.before,
          );
          if (move.complete) expect(move.after, where).toBe(1);
          else expect(move.after, `${where}: ${JSON.stringify(move)}`).toBeLessThan(1);
          if (move.inScenario)
            expect(move.after, `${where}: ${JSON.stringify(move)}`).toBeGreaterThan(move.before);
        }
      }
    }
  }, 60_000);

  it('never goes back through a scenario with a loop, whichever way the learner goes', () => {
    for (const level of ['foundation', 'advanced'] as const) {
      const content = fixtureLevel(level);
      for (let seed = 1; seed <= 20; seed++) {
        const moves = playLevel(content, seed);
        expect(moves.at(-1)?.after).toBe(1);
        for (const move of moves)
          expect(
            move.after,
            `${level}, seed ${seed}: ${JSON.stringify(move)}`,
          ).toBeGreaterThanOrEqual(move.before);
      }
    }
  });

  it('holds, rather than takes back, progress when a retry starts a new attempt', () => {
    const foundation = fixtureLevel('foundation');
    const moves = playLevel(foundation, 5);
    const retries = moves.filter((m) => m.event.type === 'retry-quiz');
    expect(retries.length).toBeGreaterThan(0);
    for (const retry of retries) expect(retry.after).toBeGreaterThanOrEqual(retry.before);
  });
});
