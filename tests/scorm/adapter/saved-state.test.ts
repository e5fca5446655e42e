import { describe, expect, it } from 'vitest';
import {
  chooseSaved,
  MAX_SAVED_STATE,
  openState,
  SEAL_LENGTH,
  sealState,
  stateHash,
  type DeviceCopy,
} from '../../../scorm/adapter/saved-state.ts';
import { loadCourse } from '../../../scorm/package/build.ts';
import { levelContent, worstCaseSize } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';

const course = loadCourse('course');
const advanced = levelContent(course, 'advanced');
const state = play(advanced, { outcome: 'pass' }).at(-1)!.state;

describe('the sealed saved state', () => {
  it('round-trips, and every one-character change or cut is seen as damaged', () => {
    const sealed = sealState(state, 4096);
    expect(sealed).toHaveLength(state.length + SEAL_LENGTH);
    expect(openState(sealed)).toEqual({ kind: 'state', state, sealed: true });
    for (let i = 0; i < sealed.length; i++) {
      for (const other of ['0', 'z', '~', '.']) {
        if (sealed[i] === other) continue;
        const changed = sealed.slice(0, i) + other + sealed.slice(i + 1);
        expect(openState(changed).kind, `${other} at ${i}`).toBe('unreadable');
      }
    }
    for (let cut = 1; cut < sealed.length; cut++)
      expect(openState(sealed.slice(0, cut)).kind, `cut at ${cut}`).not.toBe('state');
  });

  it('trims padding, reads "null" as nothing, reads an unsealed (older) state as it is', () => {
    expect(openState(`${sealState(state, 4096)} \n`)).toMatchObject({ kind: 'state', state });
    expect(openState('null')).toEqual({ kind: 'empty' });
    expect(openState('  ')).toEqual({ kind: 'empty' });
    expect(openState(state)).toEqual({ kind: 'state', state, sealed: false });
  });

  it('refuses over-long input at once', () => {
    const started = performance.now();
    expect(openState(`1~${'x'.repeat(10 * 1024 * 1024)}`)).toEqual({
      kind: 'unreadable',
      why: 'too long',
    });
    expect(openState('x'.repeat(MAX_SAVED_STATE + 1)).kind).toBe('unreadable');
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("the advanced level's worst case, sealed, fits SCORM 1.2's 4096; a state too long to seal goes unsealed", () => {
    const worst = worstCaseSize(advanced);
    console.log(`advanced worst case: ${worst} characters, ${worst + SEAL_LENGTH} sealed`);
    expect(worst + SEAL_LENGTH).toBeLessThanOrEqual(4096);
    const long = `1~${'a'.repeat(4090)}`;
    expect(sealState(long, 4096)).toBe(long);
  });
});

describe('which copy a launch resumes from', () => {
  const copy = (over: Partial<DeviceCopy> = {}): DeviceCopy => ({
    state: 'device',
    location: '',
    base: 'base',
    known: [stateHash('written-1'), stateHash('written-2')],
    ...over,
  });
  const lms = (s: string) => openState(sealState(s, 4096));

  it('the device when the LMS holds a state this device had, or what it held, or cannot be read', () => {
    expect(chooseSaved(lms('written-1'), copy())).toBe('device');
    expect(chooseSaved(lms('base'), copy())).toBe('device');
    expect(chooseSaved({ kind: 'unreadable', why: 'damaged' }, copy())).toBe('device');
    expect(chooseSaved({ kind: 'empty' }, copy({ base: '' }))).toBe('device');
  });

  it('the LMS when it holds anything else, or nothing after it held something (a reset)', () => {
    expect(chooseSaved(lms('elsewhere'), copy())).toBe('lms');
    expect(chooseSaved({ kind: 'empty' }, copy())).toBe('lms');
    expect(chooseSaved(lms('device'), copy())).toBe('lms');
    expect(chooseSaved(lms('anything'), undefined)).toBe('lms');
  });
});
