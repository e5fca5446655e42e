import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import course from 'virtual:fixture-course';
import { createStandaloneSession } from '../../scorm/adapter/standalone.ts';
import '../../src/components/sg-app/sg-app.ts';
import { saveLearnerName } from '../../src/components/sg-record/learner-name.ts';
import { notesKey, notesOwner, saveNotes } from '../../src/components/sg-reflection/notes-store.ts';
import {
  button,
  click,
  deepActiveElement,
  deepQuery,
  expectNoAxeViolations,
  mount,
  settled,
  text,
} from '../components/helpers.ts';

/**
 * A shared computer with no LMS (a file-share build on a hot desk, one browser profile): a
 * learner removes everything of theirs before they go, and the next person starts afresh and reads
 * nothing of theirs (newcomer trial F6). The real standalone session, real localStorage.
 */
const KEY = 'sg-progress:shared';

async function boot() {
  const app = await mount('sg-app', {
    course,
    level: 'foundation',
    seed: 7,
    session: createStandaloneSession(KEY),
  });
  await settled(app);
  return app;
}

describe('a learner leaving a shared computer (no LMS)', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    document.body.replaceChildren();
    localStorage.clear();
  });

  it('removes their progress, notes and typed name after a confirmation; the next learner starts afresh', async () => {
    let app = await boot();
    await click(app, 'Start');
    const owner = notesOwner(undefined)!;
    saveNotes(notesKey(owner, course.id, 'foundation', 'sample'), {
      learned: 'How I felt about it',
      differently: '',
      prompts: [],
    });
    saveLearnerName(undefined, 'Ada Lovelace');
    // The progress is kept for the next launch (read directly: a second session here would count
    // as a newer window and take over the storing).
    const kept = () => (JSON.parse(localStorage.getItem(KEY) ?? '{}') as { state?: string }).state;
    expect(kept()).toBeTruthy();
    expect(Object.keys(localStorage).filter((k) => k.startsWith('sg-notes'))).not.toEqual([]);

    // Back at the module list, the learner asks; nothing goes before they confirm.
    app = await boot();
    const notice = deepQuery(app, 'sg-device-notice')!;
    expect(text(notice)).toContain('anyone who uses it could see it');
    await click(notice, 'Remove my progress from this computer');
    expect(text(notice)).toContain('This cannot be undone.');
    expect(deepActiveElement()?.textContent?.trim()).toBe('Yes, remove everything');
    await expectNoAxeViolations();
    await click(notice, 'Cancel');
    expect(kept()).toBeTruthy();

    await click(notice, 'Remove my progress from this computer');
    await click(notice, 'Yes, remove everything');
    await settled(app);
    expect(text(deepQuery(notice, '[role="status"]'))).toContain(
      'have been removed from this computer',
    );
    // Nothing of theirs is left in this browser, and the course is back at its start.
    expect(Object.keys(localStorage).filter((k) => k.startsWith('sg-notes'))).toEqual([]);
    expect(localStorage.getItem(KEY)).toBeNull();
    expect(text(app)).toContain('Status: Not started');
    expect(text(app)).not.toContain('Status: In progress');

    // The next person, in the same browser, starts afresh.
    const next = createStandaloneSession(KEY);
    expect(next.savedState).toBe('');
    expect(next.resumed).toBe(false);
  });

  it('says so when the browser’s storage cannot be reached, and has no such button under an LMS', async () => {
    const app = await boot();
    const notice = deepQuery(app, 'sg-device-notice')!;
    const removeItem = Storage.prototype.removeItem;
    Storage.prototype.removeItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      await click(notice, 'Remove my progress from this computer');
      await click(notice, 'Yes, remove everything');
      await settled(app);
    } finally {
      Storage.prototype.removeItem = removeItem;
    }
    expect(text(deepQuery(notice, '[role="status"]'))).toContain('Not everything could be removed');
    // Under an LMS the record is the LMS's: no notice, no button.
    const lms = await mount('sg-app', {
      course,
      level: 'foundation',
      seed: 7,
      session: { ...createStandaloneSession('other'), mode: 'lms' },
    });
    await settled(lms);
    expect(deepQuery(lms, 'sg-device-notice')).toBeNull();
    expect(() => button(lms, 'Remove my progress from this computer')).toThrow();
  });
});
