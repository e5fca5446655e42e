import { describe, expect, it } from 'vitest';
import type { DecisionStep, Module, Question } from '../../src/model/course.ts';
import {
  decisionOrder,
  initialState,
  optionId,
  presentedOrder,
  restore,
  serialise,
  transition,
  type Interaction,
} from '../../src/engine/index.ts';
import { deriveSeed, shuffledIndexes } from '../../src/engine/random.ts';
import { fixtureLevel, ofType, play } from './fixture.ts';

const foundation = fixtureLevel('foundation');
const sample = foundation.modules[0] as Module;
const decisions = sample.scenario.steps.filter((s): s is DecisionStep => s.type === 'decision');
const firstDecision = decisions[0] as DecisionStep; // three options
const question = (id: string) => sample.questions.find((q) => q.id === id) as Question;
const SEEDS = Array.from({ length: 400 }, (_, i) => (i * 2654435761) >>> 0);

const isPermutation = (order: readonly number[], n: number) =>
  order.length === n && [...order].sort((a, b) => a - b).every((v, i) => v === i);

/** A list with `n` options, for orders longer than the fixture's. */
const withOptions = (n: number): Module => ({
  ...sample,
  scenario: {
    ...sample.scenario,
    steps: sample.scenario.steps.map((s) =>
      s === firstDecision
        ? { ...firstDecision, options: Array.from({ length: n }, () => firstDecision.options[0]!) }
        : s,
    ),
  },
});

describe('the order options are shown in', () => {
  it('is a permutation of the authored indexes, for decisions and for single and multiple questions', () => {
    for (const seed of SEEDS.slice(0, 50)) {
      for (const step of decisions)
        expect(isPermutation(decisionOrder(sample, step, seed), step.options.length)).toBe(true);
      for (const id of ['q-single', 'q-multiple']) {
        const q = question(id);
        const n = q.type === 'single' || q.type === 'multiple' ? q.options.length : 0;
        expect(isPermutation(presentedOrder(q, seed, 1, sample.id), n)).toBe(true);
      }
    }
    const four = withOptions(4);
    const step = four.scenario.steps[1] as DecisionStep;
    expect(isPermutation(decisionOrder(four, step, 99), 4)).toBe(true);
  });

  it('is the same every time for the same learner, list and attempt', () => {
    for (const seed of SEEDS.slice(0, 20)) {
      expect(decisionOrder(sample, firstDecision, seed)).toEqual(
        decisionOrder(sample, firstDecision, seed),
      );
      const q = question('q-multiple');
      expect(presentedOrder(q, seed, 2, sample.id)).toEqual(presentedOrder(q, seed, 2, sample.id));
    }
  });

  it('differs across learners: each option comes first for some, none for most', () => {
    const orders = new Set(SEEDS.map((seed) => decisionOrder(sample, firstDecision, seed).join()));
    expect(orders.size).toBe(6); // all 3! orders occur
    // A learner who always takes the first option shown gets each option about a third of the time.
    const firstShown = [0, 0, 0];
    for (const seed of SEEDS) firstShown[decisionOrder(sample, firstDecision, seed)[0]!]! += 1;
    for (const count of firstShown) {
      expect(count / SEEDS.length).toBeGreaterThan(0.25);
      expect(count / SEEDS.length).toBeLessThan(0.42);
    }
    const q = question('q-multiple');
    const questionOrders = new Set(SEEDS.map((s) => presentedOrder(q, s, 1, sample.id).join()));
    expect(questionOrders.size).toBe(6);
  });

  it('differs across the lists one learner meets: by step, question, module and attempt', () => {
    // Over many learners, two lists of the same length keyed alike would always agree.
    const agree = (a: (seed: number) => number[], b: (seed: number) => number[]) =>
      SEEDS.filter((seed) => a(seed).join() === b(seed).join()).length / SEEDS.length;
    const otherStep = { ...firstDecision, id: 'another-decision' };
    expect(
      agree(
        (s) => decisionOrder(sample, firstDecision, s),
        (s) => decisionOrder(sample, otherStep, s),
      ),
    ).toBeLessThan(0.35);
    const q = question('q-multiple');
    const sameSizeQuestion = { ...q, id: 'q-other' };
    expect(
      agree(
        (s) => presentedOrder(q, s, 1, sample.id),
        (s) => presentedOrder(sameSizeQuestion, s, 1, sample.id),
      ),
    ).toBeLessThan(0.35);
    expect(
      agree(
        (s) => presentedOrder(q, s, 1, sample.id),
        (s) => presentedOrder(q, s, 1, 'another-module'),
      ),
    ).toBeLessThan(0.35);
    expect(
      agree(
        (s) => presentedOrder(q, s, 1, sample.id),
        (s) => presentedOrder(q, s, 2, sample.id),
      ),
    ).toBeLessThan(0.35);
  });

  it('keeps the ordering and matching shuffles as they were, never the answer itself', () => {
    for (const id of ['q-order', 'q-match']) {
      const q = question(id);
      const n = q.type === 'ordering' ? q.items.length : q.type === 'matching' ? q.pairs.length : 0;
      for (const seed of SEEDS.slice(0, 100)) {
        const order = presentedOrder(q, seed, 1, sample.id);
        expect(isPermutation(order, n)).toBe(true);
        expect(order.every((v, i) => v === i)).toBe(false);
        // The formula before options were shuffled too: a learner mid-question sees the same order.
        const before = shuffledIndexes(n, deriveSeed(seed, q.id, 'order', 1));
        if (!before.every((v, i) => v === i)) expect(order).toEqual(before);
      }
    }
    expect(presentedOrder(question('q-tf'), 5, 1, sample.id)).toEqual([0, 1]);
  });

  it('is the same after a resume, and never goes into saved state', () => {
    const seed = 0x5eed1;
    const state = play(foundation, initialState(foundation, seed), [
      { type: 'open-module', module: 0 },
      { type: 'continue' },
      { type: 'continue' },
    ]).state;
    const shown = decisionOrder(sample, firstDecision, seed);
    const saved = serialise(foundation, state);
    const back = restore(foundation, saved, 1);
    expect(back.ok).toBe(true);
    expect(decisionOrder(sample, firstDecision, back.state.seed)).toEqual(shown);
    // The learner takes the option shown last; state, save and LMS all name it by authored index.
    const taken = shown.at(-1)!;
    const [after, effects] = transition(foundation, state, { type: 'choose', option: taken });
    expect(after.modules[0]?.scenario.choices[0]).toBe(taken);
    expect(serialise(foundation, after).split('~')[4]?.split('.')[4]).toBe(`${taken}-`);
    const [recorded] = ofType(effects, 'record-interaction').map((e) => e.interaction);
    expect((recorded as Interaction).response).toEqual({ type: 'choice', ids: [optionId(taken)] });
  });
});

describe('option ids', () => {
  it('are one lower-case letter from the authored place: a, b, c… (SCORM 1.2 allows one character)', () => {
    const ids = Array.from({ length: 8 }, (_, i) => optionId(i));
    expect(ids).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
  });

  it('name the options in the LMS the same way for every learner, whatever order each was shown', () => {
    const seeds = SEEDS.slice(0, 30);
    const recorded = seeds.map((seed) => {
      const { effects } = play(foundation, initialState(foundation, seed), [
        { type: 'open-module', module: 0 },
        { type: 'continue' },
        { type: 'continue' },
        { type: 'choose', option: 1 },
      ]);
      return ofType(effects, 'record-interaction').map((e) => e.interaction)[0];
    });
    // The option was shown in every place to some of these learners…
    const places = new Set(
      seeds.map((seed) => decisionOrder(sample, firstDecision, seed).indexOf(1)),
    );
    expect(places).toEqual(new Set([0, 1, 2]));
    // …and is recorded as "b" for all of them, against the best option "a".
    for (const interaction of recorded) {
      expect(interaction?.response).toEqual({ type: 'choice', ids: ['b'] });
      expect(interaction?.correctResponse).toEqual({ type: 'choice', ids: ['a'] });
    }
  });
});
