import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStandaloneSession } from '../../scorm/adapter/standalone.ts';
import type { SessionHealth } from '../../src/session.ts';

/** The standalone session (scorm/adapter/standalone.ts) in a real browser's localStorage. */
describe('createStandaloneSession', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => vi.restoreAllMocks());

  it('starts empty, then keeps state and bookmark for the next launch', () => {
    const first = createStandaloneSession('k');
    expect(first.mode).toBe('standalone');
    expect(first.savedState).toBe('');
    expect(first.resumed).toBe(false);
    first.apply([{ type: 'save' }], '1~foundation~7~0~abc', 'sample/intro');
    const second = createStandaloneSession('k');
    expect(second.savedState).toBe('1~foundation~7~0~abc');
    expect(second.resumed).toBe(true);
    expect(JSON.parse(localStorage.getItem('k') ?? '{}')).toMatchObject({
      location: 'sample/intro',
    });
  });

  it('ignores LMS-only effects and saves on finish', () => {
    const session = createStandaloneSession('k');
    expect(() =>
      session.apply(
        [
          { type: 'set-progress', measure: 0.5 },
          { type: 'complete-level', passed: true, score: 90 },
        ],
        'state-a',
        'x',
      ),
    ).not.toThrow();
    session.finish();
    expect(createStandaloneSession('k').savedState).toBe('state-a');
  });

  it('never throws when storage is blocked or full, and says so through onHealthChange', () => {
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const session = createStandaloneSession('k');
    const health: SessionHealth[] = [];
    session.onHealthChange((h) => health.push(h));
    expect(session.savedState).toBe('');
    expect(() => session.apply([{ type: 'save' }], 's', 'l')).not.toThrow();
    expect(() => session.finish()).not.toThrow();
    expect(health).toHaveLength(1);
    expect(health[0]?.ok).toBe(false);
    vi.restoreAllMocks();
    session.apply([{ type: 'save' }], 's', 'l');
    expect(health.at(-1)).toEqual({ ok: true });
  });

  it('starts afresh from corrupted storage', () => {
    localStorage.setItem('k', '{not json');
    expect(createStandaloneSession('k').savedState).toBe('');
  });
});
