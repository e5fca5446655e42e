import { describe, expect, it } from 'vitest';
import type { Tracking } from '../../../scorm/adapter/data-model.ts';
import {
  keepUnconfirmed,
  MAX_UNCONFIRMED,
  readUnconfirmed,
  replayUnconfirmed,
} from '../../../scorm/adapter/replay.ts';

/** replay.ts (issue 16 case 8): where unconfirmed interactions and objectives go at a launch. */
const none: Tracking = { interactions: 0, objectives: [], complete: false };
const interaction = (n: number, id: string, result = 'correct') => [
  { element: `cmi.interactions.${n}.result`, value: result },
  { element: `cmi.interactions.${n}.type`, value: 'choice' },
  { element: `cmi.interactions.${n}.id`, value: id },
];

describe('replayUnconfirmed', () => {
  it('2004: an interaction goes to the index holding its id, else at the end; id first, then type', () => {
    const tracking: Tracking = { ...none, interactions: 2, interactionIds: ['a', 'b'] };
    const { writes, tracking: after } = replayUnconfirmed(
      '2004',
      [...interaction(5, 'b', 'incorrect'), ...interaction(6, 'c')],
      tracking,
    );
    expect(writes.map((w) => w.element)).toEqual([
      'cmi.interactions.1.id',
      'cmi.interactions.1.type',
      'cmi.interactions.1.result',
      'cmi.interactions.2.id',
      'cmi.interactions.2.type',
      'cmi.interactions.2.result',
    ]);
    expect(after.interactions).toBe(3);
    expect(after.interactionIds).toEqual(['a', 'b', 'c']);
  });

  it('1.2 (ids cannot be read): its own index when the count reaches it, else the end', () => {
    const tracking: Tracking = { ...none, interactions: 3 };
    const { writes } = replayUnconfirmed(
      '1.2',
      [...interaction(2, 'x'), ...interaction(3, 'y'), ...interaction(9, 'z')],
      tracking,
    );
    expect(writes.filter((w) => w.element.endsWith('.id'))).toEqual([
      { element: 'cmi.interactions.2.id', value: 'x' },
      { element: 'cmi.interactions.3.id', value: 'y' },
      { element: 'cmi.interactions.4.id', value: 'z' },
    ]);
  });

  it('an objective goes to the index holding its id (not written again), else at the end; one without an id is left out', () => {
    const tracking: Tracking = { ...none, objectives: ['m1', 'm2'] };
    const { writes } = replayUnconfirmed(
      '2004',
      [
        { element: 'cmi.objectives.7.id', value: 'm2' },
        { element: 'cmi.objectives.7.success_status', value: 'passed' },
        { element: 'cmi.objectives.8.id', value: 'm3' },
        { element: 'cmi.objectives.8.completion_status', value: 'completed' },
        { element: 'cmi.objectives.9.success_status', value: 'failed' },
      ],
      tracking,
    );
    expect(writes).toEqual([
      { element: 'cmi.objectives.1.success_status', value: 'passed' },
      { element: 'cmi.objectives.2.id', value: 'm3' },
      { element: 'cmi.objectives.2.completion_status', value: 'completed' },
    ]);
  });

  it('2004: nothing past 250 interactions', () => {
    const tracking: Tracking = { ...none, interactions: 250 };
    expect(replayUnconfirmed('2004', interaction(250, 'late'), tracking).writes).toEqual([]);
  });
});

describe('keepUnconfirmed and readUnconfirmed', () => {
  it('keep interaction and objective writes only, each element once (latest value), at most MAX_UNCONFIRMED', () => {
    const kept = keepUnconfirmed(
      [{ element: 'cmi.interactions.0.result', value: 'wrong' }],
      [
        { element: 'cmi.suspend_data', value: 'x' },
        { element: 'adl.nav.request', value: 'exitAll' },
        { element: 'cmi.interactions.0.result', value: 'correct' },
      ],
    );
    expect(kept).toEqual([{ element: 'cmi.interactions.0.result', value: 'correct' }]);
    const many = Array.from({ length: MAX_UNCONFIRMED + 10 }, (_, n) => ({
      element: `cmi.interactions.${n}.id`,
      value: `q${n}`,
    }));
    expect(keepUnconfirmed(many)).toHaveLength(MAX_UNCONFIRMED);
  });

  it('a tampered or damaged copy on the device gives nothing to send but such writes', () => {
    expect(readUnconfirmed('nonsense')).toEqual([]);
    expect(
      readUnconfirmed([
        null,
        { element: 'cmi.core.lesson_status', value: 'passed' },
        { element: 'cmi.objectives.0.score.raw', value: '80' },
        { element: 'cmi.interactions.0.id', value: 5 },
      ]),
    ).toEqual([{ element: 'cmi.objectives.0.score.raw', value: '80' }]);
  });
});
