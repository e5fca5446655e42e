import { describe, expect, it } from 'vitest';
import {
  continueEvent,
  currentModule,
  initialState,
  launchEffects,
  location,
  moduleStatus,
  quizResults,
  type LearnerState,
  type ModuleProgress,
} from '../../src/engine/index.ts';
import { play as playLevel } from '../../scripts/players/learner.ts';
import { fixtureLevel, play } from './fixture.ts';

const foundation = fixtureLevel('foundation');
const fresh = () => initialState(foundation, 7);

/** The fresh state with module 0 changed by `edit` and open (or not, with `current: null`). */
function withModule(
  edit: (m: ModuleProgress) => ModuleProgress,
  current: number | null = 0,
): LearnerState {
  const state = fresh();
  return { ...state, current, modules: state.modules.map((m, i) => (i === 0 ? edit(m) : m)) };
}

describe('currentModule', () => {
  it('gives the open module with its progress, and nothing at the module list', () => {
    expect(currentModule(foundation, fresh())).toBeUndefined();
    const opened = play(foundation, fresh(), [{ type: 'open-module', module: 0 }]).state;
    const here = currentModule(foundation, opened);
    expect(here?.index).toBe(0);
    expect(here?.module.id).toBe('sample');
    expect(here?.progress.phase).toBe('intro');
  });
});

describe('location (the LMS bookmark)', () => {
  it('is `modules` at the module list (not `menu`)', () => {
    expect(location(foundation, fresh())).toBe('modules');
  });

  it('names the scenario step the learner is at', () => {
    const { state } = play(foundation, fresh(), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'continue' },
    ]);
    expect(location(foundation, state)).toBe('sample/first-choice');
  });

  it('names the quiz attempt and question (1-based), not just `quiz`', () => {
    const state = withModule((m) => ({
      ...m,
      phase: 'quiz',
      quiz: { ...m.quiz, attempt: 2, question: 2 },
    }));
    expect(location(foundation, state)).toBe('sample/quiz-2-3');
  });

  it('names the phase elsewhere', () => {
    expect(
      location(
        foundation,
        withModule((m) => ({ ...m, phase: 'intro' })),
      ),
    ).toBe('sample/intro');
    expect(
      location(
        foundation,
        withModule((m) => ({ ...m, phase: 'results' })),
      ),
    ).toBe('sample/results');
  });
});

describe('continueEvent', () => {
  it('leaves a finished module reopened for review', () => {
    const done = withModule((m) => ({ ...m, phase: 'done', completed: true }));
    expect(continueEvent(done)).toEqual({ type: 'leave-module' });
  });

  it('moves on everywhere else', () => {
    for (const phase of ['intro', 'scenario', 'quiz', 'results', 'reflection'] as const)
      expect(continueEvent(withModule((m) => ({ ...m, phase })))).toEqual({ type: 'continue' });
    expect(continueEvent(fresh())).toEqual({ type: 'continue' });
  });
});

describe('launchEffects (a finished level the LMS has not recorded)', () => {
  const finished = (best: number) =>
    withModule((m) => ({ ...m, phase: 'done', completed: true, quiz: { ...m.quiz, best } }), null);

  it('reports the level complete, with its outcome, then saves and commits', () => {
    expect(launchEffects(foundation, finished(100), false)).toEqual([
      { type: 'complete-level', passed: true, score: 100 },
      { type: 'save' },
      { type: 'commit' },
    ]);
    expect(launchEffects(foundation, finished(0), false)[0]).toEqual({
      type: 'complete-level',
      passed: false,
      score: 0,
    });
  });

  it('says nothing when the LMS already records the level, or the level is not finished', () => {
    expect(launchEffects(foundation, finished(100), true)).toEqual([]);
    expect(launchEffects(foundation, fresh(), false)).toEqual([]);
  });
});

describe('the scripted learner (scripts/players/learner.ts) uses the same rules', () => {
  it("hands its session the app's bookmark: `modules` and `m/quiz-<attempt>-<question>`", () => {
    const locations = playLevel(foundation, { outcome: 'pass', seed: 7 }).map((t) => t.location);
    expect(locations).toContain('modules');
    expect(locations).toContain('sample/quiz-1-1');
    expect(locations).not.toContain('menu');
    expect(locations).not.toContain('sample/quiz');
  });
});

describe('moduleStatus', () => {
  const module = foundation.modules[0]!;
  const status = (edit: (m: ModuleProgress) => ModuleProgress) =>
    moduleStatus(foundation, module, edit(fresh().modules[0]!));

  it('is not started, or in progress, until the module is complete', () => {
    expect(status((m) => m)).toBe('not-started');
    expect(status((m) => ({ ...m, phase: 'quiz' }))).toBe('in-progress');
  });

  it('is passed or not passed on the module score once complete', () => {
    const done = (best: number) => (m: ModuleProgress) =>
      ({ ...m, phase: 'done', completed: true, quiz: { ...m.quiz, best } }) as const;
    expect(status(done(100))).toBe('passed');
    expect(status(done(0))).toBe('not-passed');
  });

  it('is completed where the level asks no quiz of the module', () => {
    const noQuiz = { ...foundation, level: { ...foundation.level, questionsPerModule: 0 } };
    const quizless = {
      ...noQuiz,
      modules: noQuiz.modules.map((m) => ({ ...m, questions: [] })),
    };
    const progress = { ...fresh().modules[0]!, phase: 'done' as const, completed: true };
    expect(moduleStatus(quizless, quizless.modules[0]!, progress)).toBe('completed');
  });
});

describe('quizResults', () => {
  /** The state at the results page after the scripted learner's first attempt. */
  const atResults = (outcome: 'pass' | 'fail') =>
    playLevel(foundation, { outcome, seed: 7 }).find(
      (t) => t.learner.current === 0 && t.learner.modules[0]?.phase === 'results',
    )!.learner;

  it('after a failed attempt: every question missed, no pass, one attempt left', () => {
    const state = atResults('fail');
    const results = quizResults(foundation, foundation.modules[0]!, state.modules[0]!, state.seed);
    expect(results.questions).toHaveLength(4);
    expect(results.missed).toEqual(results.questions);
    expect(results.attemptScore).toBe(0);
    expect(results.passed).toBe(false);
    expect(results.attemptsLeft).toBe(1);
  });

  it('after a passed attempt: nothing missed, the module passed', () => {
    const state = atResults('pass');
    const results = quizResults(foundation, foundation.modules[0]!, state.modules[0]!, state.seed);
    expect(results.missed).toEqual([]);
    expect(results.attemptScore).toBe(100);
    expect(results.score).toBe(100);
    expect(results.passed).toBe(true);
  });
});
