import { describe, expect, it, vi } from 'vitest';
import { SessionHealthState } from '../../../scorm/adapter/health.ts';
import { ENDED_MESSAGE } from '../../../scorm/adapter/messages.ts';
import type { SessionHealth } from '../../../src/session.ts';

const heard = (state: SessionHealthState) => {
  const told: SessionHealth[] = [];
  state.listen((health) => told.push(health));
  return told;
};

describe('the LMS session health state', () => {
  it('tells a change once, and a new message as a change', () => {
    const state = new SessionHealthState();
    const told = heard(state);
    state.update(false, () => 0);
    expect(told).toEqual([]);
    state.update(true, () => 101);
    state.update(true, () => 101);
    state.update(true, () => 391);
    expect(told.map((h) => (h.ok ? 'ok' : h.message.match(/error (\d+)/)?.[1]))).toEqual([
      '101',
      '391',
    ]);
    state.update(false, () => 0);
    expect(told.at(-1)).toEqual({ ok: true });
  });

  it('keeps the launch notice until it has been read, and tells a late listener of it', () => {
    const state = new SessionHealthState('cannot read');
    const told = heard(state);
    expect(told).toEqual([{ ok: false, message: 'cannot read' }]);
    state.update(false, () => 0);
    expect(told).toHaveLength(1);
    expect(state.launchNoticeRead()).toBe(true);
    state.update(false, () => 0);
    expect(told.at(-1)).toEqual({ ok: true });
    expect(state.launchNoticeRead()).toBe(false);
  });

  it('a failed Commit is not saving until one works', () => {
    const state = new SessionHealthState();
    const told = heard(state);
    state.commitFailed = true;
    state.update(false, () => 101);
    expect(told.at(-1)?.ok).toBe(false);
    state.commitFailed = false;
    state.update(false, () => 0);
    expect(told.at(-1)).toEqual({ ok: true });
  });

  it('once the LMS ended the session, its message stays', () => {
    const state = new SessionHealthState();
    const told = heard(state);
    state.ended();
    state.update(false, () => 0);
    expect(told).toEqual([{ ok: false, message: ENDED_MESSAGE }]);
  });

  it('the adapter failing is logged and told; a listener failing is logged, and the others told', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const state = new SessionHealthState();
    state.listen(() => {
      throw new Error('view bug');
    });
    const told = heard(state);
    state.broken(new Error('adapter bug'));
    expect(told).toHaveLength(1);
    expect(told[0]?.ok).toBe(false);
    expect(state.commitFailed).toBe(true);
    expect(error.mock.calls.map((call) => String(call[1]))).toEqual([
      'Error: adapter bug',
      'Error: view bug',
    ]);
    error.mockRestore();
  });
});
