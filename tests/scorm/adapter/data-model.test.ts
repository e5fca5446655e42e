import { describe, expect, it } from 'vitest';
import type { Effect, Interaction } from '../../../src/engine/index.ts';
import type { DecisionStep } from '../../../src/model/course.ts';
import {
  decisionOrder,
  initialState,
  optionId,
  presentedOrder,
  type LearnerEvent,
} from '../../../src/engine/index.ts';
import { checkValue } from '../../../scorm/preview/strict-checks.ts';
import { fixtureLevel, play } from '../../engine/fixture.ts';
import {
  exitValue,
  levelRecord,
  launchWrites,
  MAX_INTERACTIONS,
  MAX_OBJECTIVES,
  planEffects,
  stateWrites,
  type CmiWrite,
  type Tracking,
} from '../../../scorm/adapter/data-model.ts';

const fresh: Tracking = { interactions: 0, objectives: [], complete: false };
const clock = { now: new Date(Date.UTC(2026, 10, 23, 10, 0, 0, 123)), latencyMs: 61_500 };

const question: Interaction = {
  id: 'child-h_q-referral',
  module: 'child-h',
  kind: 'question',
  type: 'choice',
  description: 'Who should you tell?  ' + 'x'.repeat(300),
  response: { type: 'choice', ids: ['b'] },
  correctResponse: { type: 'choice', ids: ['a', 'c'] },
  result: 'incorrect',
  weighting: 1,
};

const asMap = (writes: readonly CmiWrite[]) =>
  Object.fromEntries(writes.map((w) => [w.element, w.value]));

describe('planEffects: interactions', () => {
  it('writes a 1.2 interaction with 1.2 names and formats, and only what a report needs', () => {
    const plan = planEffects(
      '1.2',
      [{ type: 'record-interaction', interaction: question }],
      fresh,
      clock,
    );
    const values = asMap(plan.writes);
    expect(Object.keys(values).sort()).toEqual(
      [
        'cmi.interactions.0.id',
        'cmi.interactions.0.type',
        'cmi.interactions.0.time',
        'cmi.interactions.0.student_response',
        'cmi.interactions.0.result',
      ].sort(),
    );
    expect(values).toMatchObject({
      'cmi.interactions.0.id': 'child-h_q-referral',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.student_response': 'b',
      'cmi.interactions.0.result': 'wrong',
    });
    expect(values['cmi.interactions.0.time']).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(plan.tracking.interactions).toBe(1);
  });

  it('writes a 2004 interaction id first, with a trimmed timestamp and no description, pattern, weighting or latency', () => {
    const plan = planEffects(
      '2004',
      [{ type: 'record-interaction', interaction: question }],
      fresh,
      clock,
    );
    expect(plan.writes[0]).toEqual({
      element: 'cmi.interactions.0.id',
      value: 'child-h_q-referral',
    });
    const values = asMap(plan.writes);
    expect(values).toEqual({
      'cmi.interactions.0.id': 'child-h_q-referral',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.timestamp': '2026-11-23T10:00:00.12Z',
      'cmi.interactions.0.learner_response': 'b',
      'cmi.interactions.0.result': 'incorrect',
    });
  });

  it('appends after the interactions the LMS already holds', () => {
    const plan = planEffects(
      '2004',
      [{ type: 'record-interaction', interaction: question }],
      { ...fresh, interactions: 7 },
      clock,
    );
    expect(plan.writes[0]?.element).toBe('cmi.interactions.7.id');
    expect(plan.tracking.interactions).toBe(8);
  });

  it('sanitises an interaction id to the 1.2 pattern', () => {
    const odd = { ...question, id: 'child h/q.1' };
    const plan = planEffects(
      '1.2',
      [{ type: 'record-interaction', interaction: odd }],
      fresh,
      clock,
    );
    expect(plan.writes[0]?.value).toBe('child_h_q_1');
  });
});

describe('planEffects: the SCORM 2004 limits (250 interactions, 100 objectives)', () => {
  it('drops the 251st interaction in 2004 (the LMS would refuse it), not in 1.2', () => {
    const full = { ...fresh, interactions: MAX_INTERACTIONS };
    const effects: Effect[] = [{ type: 'record-interaction', interaction: question }];
    expect(planEffects('2004', effects, full, clock).writes).toEqual([]);
    expect(planEffects('2004', effects, full, clock).tracking.interactions).toBe(MAX_INTERACTIONS);
    const older = planEffects('1.2', effects, full, clock);
    expect(older.writes[0]?.element).toBe(`cmi.interactions.${MAX_INTERACTIONS}.id`);
  });

  it('adds no 101st objective, and still updates the ones it has', () => {
    const ids = Array.from({ length: MAX_OBJECTIVES }, (_, i) => `module-${i}`);
    const full = { ...fresh, objectives: ids };
    const extra: Effect = { type: 'complete-module', module: 'one-more', passed: true, score: 90 };
    expect(planEffects('2004', [extra], full, clock).writes).toEqual([]);
    const known: Effect = { type: 'complete-module', module: 'module-7', passed: true, score: 90 };
    expect(planEffects('2004', [known], full, clock).writes[0]?.element).toMatch(
      /^cmi\.objectives\.7\./,
    );
  });
});

describe('planEffects: progress, score and completion', () => {
  it('reports progress only in 2004', () => {
    const effects: Effect[] = [{ type: 'set-progress', measure: 0.5 }];
    expect(planEffects('1.2', effects, fresh, clock).writes).toEqual([]);
    expect(planEffects('2004', effects, fresh, clock).writes).toEqual([
      { element: 'cmi.progress_measure', value: '0.5' },
    ]);
  });

  it('writes the level score, with min and max and scaled in 2004, when the level is complete', () => {
    const effects: Effect[] = [{ type: 'complete-level', passed: true, score: 85 }];
    expect(asMap(planEffects('1.2', effects, fresh, clock).writes)).toMatchObject({
      'cmi.core.score.min': '0',
      'cmi.core.score.max': '100',
      'cmi.core.score.raw': '85',
    });
    expect(asMap(planEffects('2004', effects, fresh, clock).writes)).toMatchObject({
      'cmi.score.raw': '85',
      'cmi.score.scaled': '0.85',
    });
  });

  it('adds an objective per module the first time it completes, then updates it', () => {
    const done: Effect = { type: 'complete-module', module: 'child-h', passed: true, score: 90 };
    const first = planEffects('2004', [done], fresh, clock);
    expect(asMap(first.writes)).toMatchObject({
      'cmi.objectives.0.id': 'child-h',
      'cmi.objectives.0.completion_status': 'completed',
      'cmi.objectives.0.success_status': 'passed',
      'cmi.objectives.0.score.scaled': '0.9',
    });
    const again = planEffects('2004', [done], first.tracking, clock);
    expect(again.writes.some((w) => w.element === 'cmi.objectives.0.id')).toBe(false);
    expect(again.tracking.objectives).toEqual(['child-h']);
  });

  it('marks a 1.2 objective with no quiz as completed, and a scored one passed or failed', () => {
    const tracking = { ...fresh, objectives: ['a', 'b'] };
    const plan = planEffects(
      '1.2',
      [
        { type: 'complete-module', module: 'a', passed: true, score: null },
        { type: 'complete-module', module: 'b', passed: false, score: 40 },
      ],
      tracking,
      clock,
    );
    expect(asMap(plan.writes)).toMatchObject({
      'cmi.objectives.0.status': 'completed',
      'cmi.objectives.1.status': 'failed',
      'cmi.objectives.1.score.raw': '40',
    });
  });

  it('marks a 2004 objective with no quiz completed and not judged, as 1.2 does', () => {
    const tracking = { ...fresh, objectives: ['a', 'b'] };
    const plan = planEffects(
      '2004',
      [
        { type: 'complete-module', module: 'a', passed: true, score: null },
        { type: 'complete-module', module: 'b', passed: true, score: 90 },
      ],
      tracking,
      clock,
    );
    expect(asMap(plan.writes)).toMatchObject({
      'cmi.objectives.0.completion_status': 'completed',
      'cmi.objectives.0.success_status': 'unknown',
      'cmi.objectives.1.success_status': 'passed',
      'cmi.objectives.1.score.scaled': '0.9',
    });
  });

  it('passes a 1.2 level with lesson_status passed and an empty exit', () => {
    const plan = planEffects(
      '1.2',
      [{ type: 'complete-level', passed: true, score: 88 }],
      fresh,
      clock,
    );
    expect(asMap(plan.writes)).toMatchObject({
      'cmi.core.lesson_status': 'passed',
      'cmi.core.score.raw': '88',
      'cmi.core.exit': '',
    });
    expect(plan.tracking.complete).toBe(true);
  });

  it('fails a 2004 level with completed + failed and exit normal', () => {
    const plan = planEffects(
      '2004',
      [{ type: 'complete-level', passed: false, score: 50 }],
      fresh,
      clock,
    );
    expect(asMap(plan.writes)).toMatchObject({
      'cmi.completion_status': 'completed',
      'cmi.success_status': 'failed',
      'cmi.exit': 'normal',
    });
  });

  it('asks for a commit only when a commit effect is present', () => {
    expect(planEffects('1.2', [{ type: 'save' }], fresh, clock).commit).toBe(false);
    expect(planEffects('1.2', [{ type: 'save' }, { type: 'commit' }], fresh, clock).commit).toBe(
      true,
    );
  });
});

describe('launch and state writes', () => {
  it('sets incomplete and exit=suspend at once on a first launch, with an objective per module', () => {
    expect(launchWrites('1.2', ['child-h'])).toEqual([
      { element: 'cmi.core.lesson_status', value: 'incomplete' },
      { element: 'cmi.core.exit', value: 'suspend' },
      { element: 'cmi.objectives.0.id', value: 'child-h' },
      { element: 'cmi.objectives.0.status', value: 'incomplete' },
    ]);
    expect(launchWrites('2004', [])).toEqual([
      { element: 'cmi.completion_status', value: 'incomplete' },
      { element: 'cmi.exit', value: 'suspend' },
    ]);
  });

  it('suspends while incomplete; 2004 normal and 1.2 "" once complete', () => {
    expect(exitValue('1.2', false)).toBe('suspend');
    expect(exitValue('2004', false)).toBe('suspend');
    expect(exitValue('1.2', true)).toBe('');
    expect(exitValue('2004', true)).toBe('normal');
  });

  it('clamps the bookmark to 255 (1.2) and 1000 (2004)', () => {
    const long = 'm/'.repeat(600);
    expect(stateWrites('1.2', 's', long)[1]?.value).toHaveLength(255);
    expect(stateWrites('2004', 's', long)[1]?.value).toHaveLength(1000);
  });

  it('never writes a 1.2 state over 4096 characters (a cut state could not be restored)', () => {
    const writes = stateWrites('1.2', 'x'.repeat(4097), 'here');
    expect(writes.map((w) => w.element)).toEqual(['cmi.core.lesson_location']);
    expect(stateWrites('2004', 'x'.repeat(4097), 'here')).toHaveLength(2);
  });
});

describe('planEffects: one record per decision and question, however many retries', () => {
  const asked = (id: string, attempt: number, result: 'correct' | 'incorrect'): Effect => ({
    type: 'record-interaction',
    interaction: { ...question, id: `child-h_${id}`, attempt, result },
  });
  const decision: Effect = {
    type: 'record-interaction',
    interaction: { ...question, id: 'child-h_tell-parents', kind: 'decision' },
  };
  const ids = (writes: readonly CmiWrite[]) =>
    writes.filter((w) => w.element.endsWith('.id')).map((w) => `${w.element}=${w.value}`);

  it('2004: a question answered again replaces its own record; a new one is added', () => {
    const first = planEffects(
      '2004',
      [decision, asked('q1', 1, 'incorrect'), asked('q2', 1, 'incorrect')],
      fresh,
      clock,
    );
    expect(first.tracking.interactions).toBe(3);
    const retry = planEffects(
      '2004',
      [asked('q2', 2, 'correct'), asked('q3', 2, 'correct')],
      first.tracking,
      clock,
    );
    expect(ids(retry.writes)).toEqual([
      'cmi.interactions.2.id=child-h_q2',
      'cmi.interactions.3.id=child-h_q3',
    ]);
    expect(asMap(retry.writes)['cmi.interactions.2.result']).toBe('correct');
    expect(retry.tracking.interactions).toBe(4);
  });

  it('2004: an answer recorded in an earlier session (ids read at launch) replaces that record', () => {
    const launched: Tracking = {
      ...fresh,
      interactions: 2,
      interactionIds: ['child-h_tell-parents', 'child-h_q1'],
    };
    const plan = planEffects('2004', [asked('q1', 2, 'correct')], launched, clock);
    expect(ids(plan.writes)).toEqual(['cmi.interactions.1.id=child-h_q1']);
    expect(plan.tracking.interactions).toBe(2);
  });

  it("1.2: a retry writes over the previous attempt's answers (latest attempt only)", () => {
    const first = planEffects(
      '1.2',
      [decision, asked('q1', 1, 'incorrect'), asked('q2', 1, 'incorrect')],
      fresh,
      clock,
    );
    const retry = planEffects(
      '1.2',
      [asked('q3', 2, 'correct'), asked('q1', 2, 'correct')],
      first.tracking,
      clock,
    );
    // q3 takes the first place the last attempt used; q1's record was there, so q1 takes the other.
    expect(ids(retry.writes)).toEqual([
      'cmi.interactions.1.id=child-h_q3',
      'cmi.interactions.2.id=child-h_q1',
    ]);
    expect(retry.tracking.interactions).toBe(3);
    // A third attempt again reuses the same two places, never the decision's.
    const third = planEffects(
      '1.2',
      [asked('q4', 3, 'correct'), asked('q5', 3, 'correct')],
      retry.tracking,
      clock,
    );
    expect(ids(third.writes)).toEqual([
      'cmi.interactions.1.id=child-h_q4',
      'cmi.interactions.2.id=child-h_q5',
    ]);
  });

  it('1.2: interactions written before this launch (ids unknown) are never overwritten', () => {
    const plan = planEffects(
      '1.2',
      [asked('q1', 2, 'correct')],
      { ...fresh, interactions: 5 },
      clock,
    );
    expect(ids(plan.writes)).toEqual(['cmi.interactions.5.id=child-h_q1']);
  });
});

describe('planEffects: a level the LMS recorded as finished before this launch', () => {
  const finishedWith = (
    status: 'passed' | 'failed' | 'completed',
    score: number | null,
  ): Tracking => ({
    ...fresh,
    complete: true,
    record: { status, score },
  });
  const finish = (passed: boolean, score: number): Effect => ({
    type: 'complete-level',
    passed,
    score,
  });

  it('keeps the better score and status: 100 and passed stay when a replay ends with 86 and failed', () => {
    for (const version of ['1.2', '2004'] as const) {
      const values = asMap(
        planEffects(version, [finish(false, 86)], finishedWith('passed', 100), clock).writes,
      );
      expect(Object.keys(values).some((k) => /score|success_status|lesson_status/.test(k))).toBe(
        false,
      );
      expect(values[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe(
        version === '1.2' ? '' : 'normal',
      );
    }
  });

  it('raises a lower score and a failed status', () => {
    const v12 = asMap(
      planEffects('1.2', [finish(true, 90)], finishedWith('failed', 60), clock).writes,
    );
    expect(v12).toMatchObject({ 'cmi.core.score.raw': '90', 'cmi.core.lesson_status': 'passed' });
    const v2004 = asMap(
      planEffects('2004', [finish(false, 70)], finishedWith('failed', 60), clock).writes,
    );
    expect(v2004).toMatchObject({ 'cmi.score.raw': '70', 'cmi.score.scaled': '0.7' });
    expect(v2004['cmi.success_status']).toBeUndefined();
  });

  it('writes a score when the LMS recorded none', () => {
    const values = asMap(
      planEffects('2004', [finish(true, 86)], finishedWith('completed', null), clock).writes,
    );
    expect(values).toMatchObject({ 'cmi.score.raw': '86', 'cmi.success_status': 'passed' });
  });

  it('leaves the progress measure and the module objectives as the LMS has them', () => {
    const plan = planEffects(
      '2004',
      [
        { type: 'set-progress', measure: 0.2 },
        { type: 'complete-module', module: 'child-h', passed: false, score: 40 },
      ],
      { ...finishedWith('passed', 100), objectives: ['child-h'] },
      clock,
    );
    expect(plan.writes).toEqual([]);
  });
});

describe('levelRecord: the result the LMS holds at launch', () => {
  it('reads 1.2 lesson_status and score.raw; none while incomplete', () => {
    expect(levelRecord('1.2', { status: 'passed', raw: '100' })).toEqual({
      status: 'passed',
      score: 100,
    });
    expect(levelRecord('1.2', { status: 'completed', raw: '' })).toEqual({
      status: 'completed',
      score: null,
    });
    expect(levelRecord('1.2', { status: 'incomplete', raw: '40' })).toBeUndefined();
  });

  it('reads 2004 completion, success and the scaled score (else raw)', () => {
    expect(
      levelRecord('2004', { status: 'completed', success: 'passed', scaled: '0.86', raw: '12' }),
    ).toEqual({
      status: 'passed',
      score: 86,
    });
    expect(
      levelRecord('2004', { status: 'completed', success: 'unknown', scaled: '', raw: '75' }),
    ).toEqual({
      status: 'completed',
      score: 75,
    });
    expect(
      levelRecord('2004', { status: 'incomplete', success: 'passed', scaled: '1' }),
    ).toBeUndefined();
  });
});

describe('interaction responses: options by id, whatever order the learner saw', () => {
  // The fixture's first decision, taken by learners who each choose the option shown first to them.
  const content = fixtureLevel('foundation');
  const sample = content.modules[0]!;
  const decision = sample.scenario.steps[1] as DecisionStep;
  const seeds = [1, 5, 7]; // first shown: options 2, 1 and 0
  /** Every write as the strict observer of the preview LMS checks it. */
  const expectValid = (version: '1.2' | '2004', writes: readonly CmiWrite[]) => {
    const types = new Map<string, string>();
    for (const write of writes) {
      if (write.element.endsWith('.type')) types.set(write.element.split('.')[2]!, write.value);
      expect(checkValue(version, write.element, write.value, types), write.element).toEqual([]);
    }
  };
  const effectsOf = (seed: number, events: readonly LearnerEvent[]) =>
    play(content, initialState(content, seed), events).effects.filter(
      (e) => e.type === 'record-interaction',
    );

  it.each(['1.2', '2004'] as const)(
    'SCORM %s: the response is the option’s id from its authored place, and every value is valid',
    (version) => {
      const firsts = seeds.map((seed) => decisionOrder(sample, decision, seed)[0]!);
      expect(new Set(firsts).size).toBe(seeds.length); // each learner saw a different option first
      seeds.forEach((seed, n) => {
        const effects = effectsOf(seed, [
          { type: 'open-module', module: 0 },
          { type: 'continue' },
          { type: 'continue' },
          { type: 'choose', option: firsts[n]! },
        ]);
        const plan = planEffects(version, effects, fresh, clock);
        const response = version === '1.2' ? 'student_response' : 'learner_response';
        expect(asMap(plan.writes)[`cmi.interactions.0.${response}`]).toBe(optionId(firsts[n]!));
        expectValid(version, plan.writes);
      });
    },
  );

  it.each(['1.2', '2004'] as const)(
    'SCORM %s: a multiple-response answer is its options’ ids in authored order, compact',
    (version) => {
      const seed = 6;
      const q = sample.questions.find((x) => x.id === 'q-multiple')!;
      const shown = presentedOrder(q, seed, 1, sample.id);
      const ticked = shown.slice(-2); // the bottom two as shown
      const effects = effectsOf(seed, [
        { type: 'open-module', module: 0 },
        { type: 'continue' },
        { type: 'continue' },
        { type: 'choose', option: 0 },
        { type: 'continue' },
        { type: 'continue' },
        { type: 'continue' },
        { type: 'answer', answer: { type: 'single', option: 1 } },
        { type: 'continue' },
        { type: 'answer', answer: { type: 'multiple', options: ticked.toSorted() } },
      ]);
      const plan = planEffects(version, effects.slice(-1), fresh, clock);
      const ids = ticked.toSorted().map(optionId);
      const value = asMap(plan.writes)[
        `cmi.interactions.0.${version === '1.2' ? 'student_response' : 'learner_response'}`
      ];
      expect(value).toBe(ids.join(version === '1.2' ? ',' : '[,]'));
      expectValid(version, plan.writes);
    },
  );
});
