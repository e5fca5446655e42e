import { describe, expect, it } from 'vitest';
import type { Effect, Interaction } from '../../../src/engine/index.ts';
import {
  exitValue,
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
  it('writes a 1.2 interaction with 1.2 names, formats and no description', () => {
    const plan = planEffects(
      '1.2',
      [{ type: 'record-interaction', interaction: question }],
      fresh,
      clock,
    );
    const values = asMap(plan.writes);
    expect(values).toMatchObject({
      'cmi.interactions.0.id': 'child-h_q-referral',
      'cmi.interactions.0.type': 'choice',
      'cmi.interactions.0.objectives.0.id': 'child-h',
      'cmi.interactions.0.student_response': 'b',
      'cmi.interactions.0.correct_responses.0.pattern': 'a,c',
      'cmi.interactions.0.result': 'wrong',
      'cmi.interactions.0.weighting': '1',
      'cmi.interactions.0.latency': '00:01:01.50',
    });
    expect(values['cmi.interactions.0.time']).toMatch(/^\d{2}:\d{2}:\d{2}$/);
    expect(Object.keys(values).some((k) => k.endsWith('description'))).toBe(false);
    expect(plan.tracking.interactions).toBe(1);
  });

  it('writes a 2004 interaction id first, with a clamped description and a trimmed timestamp', () => {
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
    expect(values).toMatchObject({
      'cmi.interactions.0.learner_response': 'b',
      'cmi.interactions.0.correct_responses.0.pattern': 'a[,]c',
      'cmi.interactions.0.result': 'incorrect',
      'cmi.interactions.0.timestamp': '2026-11-23T10:00:00.12Z',
      'cmi.interactions.0.latency': 'PT1M1.5S',
    });
    expect(values['cmi.interactions.0.description']).toHaveLength(250);
    expect(values['cmi.interactions.0.description']).toMatch(/^Who should you tell\? x/);
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

  it('leaves latency out when it is not known', () => {
    const plan = planEffects(
      '1.2',
      [{ type: 'record-interaction', interaction: question }],
      fresh,
      { ...clock, latencyMs: null },
    );
    expect(plan.writes.some((w) => w.element.endsWith('latency'))).toBe(false);
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
