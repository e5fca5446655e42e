import { describe, expect, it } from 'vitest';
import {
  callBudget,
  coalescedFlush,
  IDLE_MARGIN_MS,
  SLICE_MS,
  type IdleTime,
} from '../../../scorm/adapter/scheduler.ts';

const idle = (remaining: () => number, didTimeout = false): IdleTime => ({
  didTimeout,
  timeRemaining: remaining,
});

describe('the call budget of one flush', () => {
  it('always allows the first call, even with no time left', () => {
    const more = callBudget(idle(() => 0));
    expect(more()).toBe(true);
    expect(more()).toBe(false);
  });

  it('with idle time, goes on while more than the margin is left', () => {
    let left = 20;
    const more = callBudget(idle(() => left));
    expect(more()).toBe(true);
    expect(more()).toBe(true);
    left = IDLE_MARGIN_MS + 1;
    expect(more()).toBe(true);
    left = IDLE_MARGIN_MS;
    expect(more()).toBe(false);
  });

  it('without idle time (none given, or the callback timed out), goes on for one slice', () => {
    for (const deadline of [undefined, idle(() => 50, true)]) {
      let now = 1000;
      const more = callBudget(deadline, () => now);
      expect(more()).toBe(true);
      now += SLICE_MS - 1;
      expect(more()).toBe(true);
      now += 1;
      expect(more()).toBe(false);
    }
  });
});

describe('the coalesced flush', () => {
  it('waits once however often it is asked, and can be asked again from inside the run', () => {
    const waiting: ((deadline?: IdleTime) => void)[] = [];
    let runs = 0;
    const flusher = coalescedFlush(
      (flush) => waiting.push(flush),
      () => {
        runs++;
        // The first run leaves work for later.
        if (runs === 1) flusher.request();
      },
    );
    flusher.request();
    flusher.request();
    expect(waiting).toHaveLength(1);
    waiting.shift()!();
    expect(runs).toBe(1);
    expect(waiting).toHaveLength(1);
    waiting.shift()!();
    expect(runs).toBe(2);
    expect(waiting).toHaveLength(0);
    flusher.request();
    expect(waiting).toHaveLength(1);
  });
});
