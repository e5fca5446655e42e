import { describe, expect, it } from 'vitest';
import {
  initialState,
  scenarioReview,
  serialise,
  type LearnerEvent,
  type LearnerState,
} from '../../src/engine/index.ts';
import { fixtureLevel, play } from './fixture.ts';

const foundation = fixtureLevel('foundation');
const module = foundation.modules[0]!;
const stepId = (i: number) => module.scenario.steps[i]?.id;

/** The fixture's longer way: the referred child only (option 1), then not telling the family (1). */
const longerWay: LearnerEvent[] = [
  { type: 'open-module', module: 0 },
  { type: 'continue' }, // intro → scenario
  { type: 'continue' }, // the referral
  { type: 'choose', option: 1 },
  { type: 'continue' },
  { type: 'continue' }, // the finding
  { type: 'choose', option: 1 },
  { type: 'continue' },
];

describe('scenarioReview', () => {
  it('gives every step from the start to the ending reached, with the options chosen', () => {
    const { state } = play(foundation, initialState(foundation, 7), [
      ...longerWay,
      { type: 'continue' }, // the ending → the quiz
    ]);
    expect(state.modules[0]?.phase).toBe('quiz');
    const path = scenarioReview(module, state.modules[0]!);
    expect(path?.map((e) => [stepId(e.step), e.option])).toEqual([
      ['intro', undefined],
      ['first-choice', 1],
      ['finding', undefined],
      ['second-choice', 1],
      ['other-end', undefined],
    ]);
  });

  it('follows the way the learner took: asking about the sibling skips the second decision', () => {
    const { state } = play(foundation, initialState(foundation, 7), [
      ...longerWay.slice(0, 3),
      { type: 'choose', option: 0 },
      { type: 'continue' },
      { type: 'continue' },
      { type: 'continue' }, // the ending → the quiz
    ]);
    expect(scenarioReview(module, state.modules[0]!)?.map((e) => stepId(e.step))).toEqual([
      'intro',
      'first-choice',
      'finding',
      'good-end',
    ]);
  });

  it('has nothing to read again before the scenario has been played to its ending', () => {
    const fresh = initialState(foundation, 7);
    expect(scenarioReview(module, fresh.modules[0]!)).toBeUndefined();
    const { state: atEnding } = play(foundation, fresh, longerWay);
    expect(atEnding.modules[0]?.phase).toBe('scenario');
    expect(stepId(atEnding.modules[0]!.scenario.step)).toBe('other-end');
    expect(scenarioReview(module, atEnding.modules[0]!)).toBeUndefined();
  });

  it('is read from the state alone: reading it leaves the state as it was', () => {
    const { state } = play(foundation, initialState(foundation, 7), [
      ...longerWay,
      { type: 'continue' },
    ]);
    const before: LearnerState = structuredClone(state);
    scenarioReview(module, state.modules[0]!);
    expect(state).toEqual(before);
    expect(serialise(foundation, state)).toBe(serialise(foundation, before));
  });
});
