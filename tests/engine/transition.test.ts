import { describe, expect, it } from 'vitest';
import {
  drawQuestions,
  initialState,
  levelContent,
  levelOutcome,
  pathSoFar,
  previewState,
  transition,
  type Answer,
  type LearnerEvent,
} from '../../src/engine/index.ts';
import type { Question } from '../../src/model/course.ts';
import { kindOf } from '../../src/questions/lookup.ts';
import { fixtureCourse, fixtureLevel, ofType, play } from './fixture.ts';

const foundation = fixtureLevel('foundation');
const advanced = fixtureLevel('advanced');
const start = (content = foundation, seed = 7) => initialState(content, seed);
const toScenario: LearnerEvent[] = [{ type: 'open-module', module: 0 }, { type: 'continue' }];
const step = (content: typeof foundation, state: ReturnType<typeof start>) =>
  content.modules[0]?.scenario.steps[state.modules[0]?.scenario.step ?? -1]?.id;

const rightAnswer = (q: Question): Answer => kindOf(q).samples(q).right;
const wrongAnswer = (q: Question): Answer => kindOf(q).samples(q).wrong;

/** Scenario to its quicker ending: ask about the sibling, continue through the reveal. */
const scenarioToEnd: LearnerEvent[] = [
  ...toScenario,
  { type: 'continue' },
  { type: 'choose', option: 0 },
  { type: 'continue' },
  { type: 'continue' },
  { type: 'continue' },
];

/** Scenario by the longer way: focus on the referred child, then keep the referral quiet. */
const scenarioToOtherEnd: LearnerEvent[] = [
  ...toScenario,
  { type: 'continue' },
  { type: 'choose', option: 1 },
  { type: 'continue' },
  { type: 'continue' },
  { type: 'choose', option: 1 },
  { type: 'continue' },
  { type: 'continue' },
];

function quizEvents(
  content: typeof foundation,
  seed: number,
  attempt: number,
  answer: (q: Question) => Answer,
): LearnerEvent[] {
  const module = content.modules[0];
  if (!module) throw new Error('no module');
  return drawQuestions(module, content.level, seed, attempt).flatMap((q) => [
    { type: 'answer', answer: answer(q) } as const,
    { type: 'continue' } as const,
  ]);
}

describe('engine: scenario', () => {
  it('opens a module at its introduction and starts the scenario at the first step', () => {
    const { state } = play(foundation, start(), toScenario);
    expect(state.current).toBe(0);
    expect(state.modules[0]?.phase).toBe('scenario');
    expect(step(foundation, state)).toBe('intro');
  });

  it('ignores "continue" at a decision not yet made, returning the same state and no effects', () => {
    const { state } = play(foundation, start(), [...toScenario, { type: 'continue' }]);
    expect(step(foundation, state)).toBe('first-choice');
    const [after, effects] = transition(foundation, state, { type: 'continue' });
    expect(after).toBe(state);
    expect(effects).toEqual([]);
  });

  it('records a decision as an interaction, sets its flag, and asks for a commit', () => {
    const { state, effects } = play(foundation, start(), [
      ...toScenario,
      { type: 'continue' },
      { type: 'choose', option: 0 },
    ]);
    expect(state.modules[0]?.scenario).toMatchObject({
      answered: true,
      flags: 1,
      choices: [0, -1],
    });
    expect(ofType(effects, 'record-interaction').map((e) => e.interaction)).toEqual([
      {
        id: 'sample_first-choice',
        module: 'sample',
        kind: 'decision',
        type: 'choice',
        description: 'What do you do?',
        response: { type: 'choice', ids: ['a'] },
        correctResponse: { type: 'choice', ids: ['a'] },
        result: 'correct',
        weighting: 1,
      },
    ]);
    expect(effects.map((e) => e.type)).toContain('commit');
  });

  it('does not let a decision be changed once made', () => {
    const { state } = play(foundation, start(), [
      ...toScenario,
      { type: 'continue' },
      { type: 'choose', option: 0 },
    ]);
    const [after, effects] = transition(foundation, state, { type: 'choose', option: 1 });
    expect(after).toBe(state);
    expect(effects).toEqual([]);
  });

  it('follows a branch that depends on an earlier choice', () => {
    const base = [...toScenario, { type: 'continue' } as const];
    const asked = play(foundation, start(), [
      ...base,
      { type: 'choose', option: 0 },
      { type: 'continue' },
      { type: 'continue' },
    ]);
    const notAsked = play(foundation, start(), [
      ...base,
      { type: 'choose', option: 1 },
      { type: 'continue' },
      { type: 'continue' },
    ]);
    expect(step(foundation, asked.state)).toBe('good-end');
    expect(step(foundation, notAsked.state)).toBe('second-choice');
  });

  it('goes round a loop and lets the learner choose again', () => {
    const { state } = play(foundation, start(), [
      ...toScenario,
      { type: 'continue' },
      { type: 'choose', option: 2 },
      { type: 'continue' },
      { type: 'continue' },
    ]);
    expect(step(foundation, state)).toBe('first-choice');
    expect(state.modules[0]?.scenario).toMatchObject({ answered: false, choices: [2, -1] });
    const [again] = transition(foundation, state, { type: 'choose', option: 0 });
    expect(again.modules[0]?.scenario.choices).toEqual([0, -1]);
  });

  it('reports a partly-right decision as neutral', () => {
    const { effects } = play(foundation, start(), [
      ...toScenario,
      { type: 'continue' },
      { type: 'choose', option: 1 },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'choose', option: 1 },
    ]);
    const results = ofType(effects, 'record-interaction').map((e) => [
      e.interaction.id,
      e.interaction.result,
    ]);
    expect(results).toEqual([
      ['sample_first-choice', 'incorrect'],
      ['sample_second-choice', 'neutral'],
    ]);
  });

  it('keeps progress when the learner leaves a module and resumes at the same step', () => {
    const midway = play(foundation, start(), [
      ...toScenario,
      { type: 'continue' },
      { type: 'choose', option: 1 },
    ]).state;
    const left = play(foundation, midway, [{ type: 'leave-module' }]).state;
    expect(left.current).toBeNull();
    const back = play(foundation, left, [{ type: 'open-module', module: 0 }]).state;
    expect(back.modules[0]).toEqual(midway.modules[0]);
  });
});

describe('engine: quiz and completion', () => {
  it('moves from an ending to the quiz with the questions the level draws', () => {
    const { state, effects } = play(foundation, start(), scenarioToEnd);
    expect(state.modules[0]?.phase).toBe('quiz');
    expect(state.modules[0]?.quiz).toMatchObject({
      attempt: 1,
      question: 0,
      answers: [null, null, null, null],
    });
    // 19 moves in the module: into the scenario, 6 on its longest way, out of its ending, 4
    // questions answered and continued, the pass, on to the reflection and out of it. At the
    // first question 8 are done.
    expect(ofType(effects, 'set-progress').at(-1)?.measure).toBe(0.4211);
  });

  it('refuses an answer of the wrong shape', () => {
    const { state } = play(foundation, start(), scenarioToEnd);
    const [after, effects] = transition(foundation, state, {
      type: 'answer',
      answer: { type: 'true-false', value: true },
    });
    // The first foundation question is single choice.
    expect(after).toBe(state);
    expect(effects).toEqual([]);
  });

  it('passes the module and the level when every answer is right', () => {
    const { state, effects } = play(foundation, start(), [
      ...scenarioToEnd,
      ...quizEvents(foundation, 7, 1, rightAnswer),
    ]);
    expect(state.modules[0]).toMatchObject({
      phase: 'results',
      completed: true,
      quiz: { best: 100 },
    });
    expect(
      ofType(effects, 'record-interaction').filter((e) => e.interaction.kind === 'question'),
    ).toHaveLength(4);
    expect(ofType(effects, 'complete-module')).toEqual([
      { type: 'complete-module', module: 'sample', passed: true, score: 100 },
    ]);
    expect(ofType(effects, 'complete-level')).toEqual([
      { type: 'complete-level', passed: true, score: 100 },
    ]);
    expect(ofType(effects, 'set-progress').at(-1)?.measure).toBe(1);
    const done = play(foundation, state, [{ type: 'continue' }, { type: 'continue' }]).state;
    expect(done.modules[0]?.phase).toBe('done');
    expect(done.current).toBeNull();
  });

  it('offers a retry after a fail, and fails the module once the attempts run out', () => {
    // Foundation allows 2 attempts.
    const failedOnce = play(foundation, start(), [
      ...scenarioToEnd,
      ...quizEvents(foundation, 7, 1, wrongAnswer),
    ]);
    expect(failedOnce.state.modules[0]).toMatchObject({
      phase: 'results',
      completed: false,
      quiz: { best: 0 },
    });
    expect(ofType(failedOnce.effects, 'complete-module')).toEqual([]);
    expect(transition(foundation, failedOnce.state, { type: 'continue' })[0]).toBe(
      failedOnce.state,
    );

    const failedTwice = play(foundation, failedOnce.state, [
      { type: 'retry-quiz' },
      ...quizEvents(foundation, 7, 2, wrongAnswer),
    ]);
    expect(failedTwice.state.modules[0]).toMatchObject({ completed: true, quiz: { attempt: 2 } });
    expect(ofType(failedTwice.effects, 'complete-module')).toEqual([
      { type: 'complete-module', module: 'sample', passed: false, score: 0 },
    ]);
    expect(ofType(failedTwice.effects, 'complete-level')).toEqual([
      { type: 'complete-level', passed: false, score: 0 },
    ]);
    expect(transition(foundation, failedTwice.state, { type: 'retry-quiz' })[1]).toEqual([]);
  });

  it('allows unlimited retries where the level sets no limit', () => {
    // Advanced blends in the scenario (share 0.5, pass mark 50): weak choices and wrong answers fail.
    let state = play(advanced, start(advanced), scenarioToOtherEnd).state;
    for (let attempt = 1; attempt <= 4; attempt++) {
      state = play(advanced, state, quizEvents(advanced, 7, attempt, wrongAnswer)).state;
      expect(state.modules[0]).toMatchObject({ phase: 'results', completed: false });
      state = play(advanced, state, [{ type: 'retry-quiz' }]).state;
    }
    expect(state.modules[0]?.quiz.attempt).toBe(5);
  });

  it("blends the scenario into the module score by the level's scenario share", () => {
    // Advanced: scenario share 0.5, pass mark 50. Best choices (100) and a failed quiz (0) → 50: a pass.
    const { effects } = play(advanced, start(advanced), [
      ...scenarioToEnd,
      ...quizEvents(advanced, 7, 1, wrongAnswer),
    ]);
    expect(ofType(effects, 'complete-module')).toEqual([
      { type: 'complete-module', module: 'sample', passed: true, score: 50 },
    ]);
  });
});

describe('engine: the level outcome an LMS can check', () => {
  // An LMS that holds the pass mark judges the level score itself, so the course's verdict must be
  // the one the score gives: passed exactly when the score reaches the pass mark.
  const course = fixtureCourse();
  const sample = course.modules[0]!;
  const content = levelContent(
    {
      ...course,
      levels: [{ ...course.levels[0]!, modules: ['sample', 'copy', 'third'] }],
      modules: [sample, { ...sample, id: 'copy' }, { ...sample, id: 'third' }],
    },
    'foundation',
  );
  const finished = (...best: number[]) => {
    const start = initialState(content, 1);
    return {
      ...start,
      modules: start.modules.map((m, i) => ({
        ...m,
        phase: 'done' as const,
        completed: true,
        quiz: { ...m.quiz, attempt: 1, best: best[i] ?? null },
      })),
    };
  };

  it('fails a level with one module under the pass mark, with a score under it too', () => {
    const outcome = levelOutcome(content, finished(100, 100, 67));
    expect(outcome).toEqual({ complete: true, passed: false, score: 67 });
  });

  it('passes a level only with every module at the pass mark, and says so in its score', () => {
    const pass = content.level.passMark;
    for (const best of [
      [100, 90, pass],
      [pass, pass, pass - 1],
      [100, 100, 100],
      [0, 100, 100],
    ]) {
      const outcome = levelOutcome(content, finished(...best));
      expect(outcome.passed, String(best)).toBe(outcome.score >= pass);
      expect(outcome.score, String(best)).toBe(Math.min(...best));
    }
  });
});

describe('engine: question draw', () => {
  const course = fixtureCourse();
  const level = { ...course.levels[1]!, questionsPerModule: 2 };
  const content = levelContent({ ...course, levels: [level] }, 'advanced');
  const module = content.modules[0]!;

  it('draws N of M questions, the same for the same seed and attempt', () => {
    const first = drawQuestions(module, level, 11, 1).map((q) => q.id);
    expect(first).toHaveLength(2);
    expect(new Set(first).size).toBe(2);
    expect(drawQuestions(module, level, 11, 1).map((q) => q.id)).toEqual(first);
  });

  it('draws differently across attempts and seeds', () => {
    const draws = new Set<string>();
    for (let seed = 0; seed < 20; seed++)
      for (let attempt = 1; attempt <= 3; attempt++)
        draws.add(
          drawQuestions(module, level, seed, attempt)
            .map((q) => q.id)
            .join(),
        );
    expect(draws.size).toBeGreaterThan(3);
  });
});

describe('engine: a preview for authors', () => {
  it('opens a module straight at a step, fresh, and the scenario goes on from there', () => {
    const state = previewState(foundation, 7, 'sample', 'finding');
    expect(state?.current).toBe(0);
    expect(state?.modules[0]).toMatchObject({ phase: 'scenario', completed: false });
    expect(step(foundation, state!)).toBe('finding');
    expect(state?.modules[0]?.scenario.choices.every((c) => c === -1)).toBe(true);
    const [next] = transition(foundation, state!, { type: 'continue' });
    expect(step(foundation, next)).not.toBe('finding');
  });

  it('names only the step it opened at as the path so far, not steps the author never visited', () => {
    const state = previewState(foundation, 7, 'sample', 'finding')!;
    const module = foundation.modules[0]!;
    const ids = (s: typeof state) =>
      pathSoFar(module, s.modules[0]!.scenario).map((e) => module.scenario.steps[e.step]?.id);
    // The finding comes after the first decision, which the preview has no choice for.
    expect(ids(state)).toEqual(['finding']);
    // A learner who came that way has the whole path, as before.
    const { state: played } = play(foundation, start(), [
      ...toScenario,
      { type: 'continue' },
      { type: 'choose', option: 1 },
      { type: 'continue' },
    ]);
    expect(ids(played)).toEqual(['intro', 'first-choice', 'finding']);
  });

  it('gives nothing for a module or step the level does not have', () => {
    expect(previewState(foundation, 7, 'sample', 'no-such-step')).toBeUndefined();
    expect(previewState(foundation, 7, 'no-such-module', 'finding')).toBeUndefined();
    expect(previewState(foundation, 7, 'sample', 'constructor')).toBeUndefined();
  });
});
