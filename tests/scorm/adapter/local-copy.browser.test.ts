import { afterEach, describe, expect, it } from 'vitest';
import course from 'virtual:fixture-course';
import { connectScormSession, type ScormSession } from '../../../scorm/adapter/index.ts';
import { sealState } from '../../../scorm/adapter/saved-state.ts';
import { levelContent } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';
import { createTestLms } from '../support/lms.ts';

/**
 * The device's copy as stored in the browser's localStorage (local-copy.ts): only what is read back
 * is stored, and copies stored by earlier versions, which carry more, are still read.
 */
const content = levelContent(course, 'foundation');
const storageKey = 'test:local-copy';
const learnerCopy = `${storageKey}:lms:anonymous`;
const unidentifiedCopy = `${storageKey}:lms-unidentified`;
const stored = (key: string) => JSON.parse(localStorage.getItem(key) ?? '{}') as object;

const open: ScormSession[] = [];
afterEach(() => {
  for (const session of open.splice(0)) session.finish();
  localStorage.clear();
});

describe('the device copy as stored', () => {
  for (const version of ['1.2', '2004'] as const) {
    it(`SCORM ${version}: a learner's copy holds the state, location, base, known and unconfirmed, and no more`, () => {
      const lms = createTestLms(version);
      const session = connectScormSession({
        storageKey,
        api: lms.found,
        commitIntervalMs: 0,
        schedule: (flush) => flush(),
      })!;
      open.push(session);
      const turns = play(content, { outcome: 'pass' });
      for (const turn of turns) session.apply(turn.effects, turn.state, turn.location);
      // The level is complete: a `complete` was stored before, which nothing read.
      expect(turns.flatMap((t) => t.effects).some((e) => e.type === 'complete-level')).toBe(true);
      expect(Object.keys(stored(learnerCopy)).sort()).toEqual([
        'base',
        'known',
        'location',
        'state',
        'unconfirmed',
      ]);
    });

    it(`SCORM ${version}: a copy an earlier version stored (with complete and savedAt) still resumes`, () => {
      const turns = play(content, { outcome: 'pass', maxTurns: 6 });
      localStorage.setItem(
        learnerCopy,
        JSON.stringify({
          state: sealState(turns[5]!.state, Infinity),
          location: turns[5]!.location,
          complete: false,
          base: '',
          known: [],
          savedAt: '2020-01-01T00:00:00.000Z',
        }),
      );
      const session = connectScormSession({
        storageKey,
        api: createTestLms(version).found,
        commitIntervalMs: 0,
      })!;
      open.push(session);
      expect(session.savedState).toBe(turns[5]!.state);
    });

    it(`SCORM ${version}: work kept while the LMS refuses Initialize is stamped with its time (read within 12 hours)`, () => {
      const lms = createTestLms(version, {}, ['refuse-initialize']);
      const session = connectScormSession({
        storageKey,
        api: lms.found,
        commitIntervalMs: 0,
        initializeRetryMs: [],
      })!;
      open.push(session);
      const [turn] = play(content, { outcome: 'pass', maxTurns: 1 });
      session.apply(turn!.effects, turn!.state, turn!.location);
      const copy = stored(unidentifiedCopy) as { savedAt?: string; complete?: unknown };
      expect(Date.now() - Date.parse(copy.savedAt ?? '')).toBeLessThan(60_000);
      expect(copy.complete).toBeUndefined();
    });
  }
});
