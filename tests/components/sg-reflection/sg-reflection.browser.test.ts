import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import type { Module } from '../../../src/model/course.ts';
import '../../../src/components/sg-reflection/sg-reflection.ts';
import {
  ALL_EVENTS,
  button,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  expectNoAxeViolations,
  mount,
  recordEvents,
  text,
} from '../helpers.ts';

const module = course.modules[0] as Module;
const props = {
  module,
  courseId: 'fixture-course',
  courseTitle: 'Fixture course',
  levelId: 'foundation',
  levelTitle: 'Foundation',
};

describe('<sg-reflection>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(() => {
    document.body.replaceChildren();
    vi.restoreAllMocks();
  });

  it('asks the module’s prompts in labelled text areas', async () => {
    const el = await mount('sg-reflection', props);
    const labels = deepQueryAll<HTMLTextAreaElement>(el, 'textarea').map((t) =>
      t.labels?.length
        ? text(t.labels[0])
        : text(deepQuery(el, `#${t.getAttribute('aria-labelledby')}`)),
    );
    expect(labels).toEqual([
      'What I learned',
      'What I will do differently',
      'How do you record siblings?',
      'When did you last tell a family about a referral?',
    ]);
    expect(text(el)).toContain('never sent to your learning management system (LMS)');
    await expectNoAxeViolations();
  });

  it('keeps the answers on this device only, per course, level and module', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch');
    let el = await mount('sg-reflection', props);
    await userEvent.type(deepQuery(el, '#answer-0')!, 'In one shared record');
    const kept = storedNotes();
    expect(kept).toHaveLength(1);
    expect(kept[0]!.key).toMatch(/:fixture-course:foundation:sample$/);
    expect(JSON.parse(kept[0]!.value)).toMatchObject({ prompts: ['In one shared record', ''] });
    expect(fetchSpy).not.toHaveBeenCalled();
    el = await mount('sg-reflection', props);
    expect(deepQuery<HTMLTextAreaElement>(el, '#answer-0')?.value).toBe('In one shared record');
    el = await mount('sg-reflection', { ...props, levelId: 'advanced' });
    expect(deepQuery<HTMLTextAreaElement>(el, '#answer-0')?.value).toBe('');
  });

  it('two learner ids on one browser never see each other’s notes', async () => {
    let el = await mount('sg-reflection', { ...props, learnerId: 'learner-a' });
    await userEvent.type(deepQuery(el, '#learned')!, 'A: chronology matters');
    expect(text(el)).toContain('kept under your learner ID from your learning system');

    el = await mount('sg-reflection', { ...props, learnerId: 'learner-b' });
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('');
    await userEvent.type(deepQuery(el, '#learned')!, 'B: ask the child');

    el = await mount('sg-reflection', { ...props, learnerId: 'learner-a' });
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('A: chronology matters');
    el = await mount('sg-reflection', { ...props, learnerId: 'learner-b' });
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('B: ask the child');
    // Nor does the browser's own learner (no LMS) see either of them.
    el = await mount('sg-reflection', props);
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('');
    // No stored key lacks its learner.
    for (const { key } of storedNotes()) expect(key).toMatch(/^sg-notes:(lms|browser):[^:]+:/);
  });

  it('without an LMS, keeps notes under a learner id this browser picks once', async () => {
    let el = await mount('sg-reflection', props);
    await userEvent.type(deepQuery(el, '#learned')!, 'Mine');
    const browserLearner = localStorage.getItem('sg-notes-browser-learner');
    expect(browserLearner).toMatch(/^[0-9a-f]{32}$/);
    expect(storedNotes()[0]!.key).toContain(`browser:${browserLearner}:`);
    expect(text(el)).toContain('Anyone who uses this browser on this computer could open it');
    el = await mount('sg-reflection', props);
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('Mine');
    expect(localStorage.getItem('sg-notes-browser-learner')).toBe(browserLearner);
  });

  it('“Remove my notes from this computer” empties them, after the learner confirms', async () => {
    let el = await mount('sg-reflection', { ...props, learnerId: 'learner-a' });
    await userEvent.type(deepQuery(el, '#learned')!, 'A at foundation');
    el = await mount('sg-reflection', { ...props, learnerId: 'learner-a', levelId: 'advanced' });
    await userEvent.type(deepQuery(el, '#learned')!, 'A at advanced');
    el = await mount('sg-reflection', { ...props, learnerId: 'learner-b' });
    await userEvent.type(deepQuery(el, '#learned')!, 'B keeps this');

    el = await mount('sg-reflection', { ...props, learnerId: 'learner-a' });
    await userEvent.click(button(el, 'Remove my notes from this computer'));
    await userEvent.click(button(el, 'Cancel'));
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('A at foundation');
    await userEvent.click(button(el, 'Remove my notes from this computer'));
    expect(text(el)).toContain('This cannot be undone');
    await expectNoAxeViolations();
    await userEvent.click(button(el, 'Yes, remove my notes'));

    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('');
    expect(text(deepQuery(el, '[role="status"]'))).toContain(
      'Your notes have been removed from this computer',
    );
    expect(deepActiveElement()?.textContent?.trim()).toBe('Remove my notes from this computer');
    // Every level's notes of this learner are gone; the other learner's stay.
    expect(storedNotes().map(({ key }) => key.split(':')[2])).toEqual(['learner-b']);
    el = await mount('sg-reflection', { ...props, learnerId: 'learner-a', levelId: 'advanced' });
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('');
    el = await mount('sg-reflection', { ...props, learnerId: 'learner-b' });
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('B keeps this');
    await expectNoAxeViolations();
  });

  it('forgets a removal’s message when it shows another learner', async () => {
    const el = await mount('sg-reflection', { ...props, learnerId: 'learner-a' });
    await userEvent.click(button(el, 'Remove my notes from this computer'));
    await userEvent.click(button(el, 'Yes, remove my notes'));
    expect(text(deepQuery(el, '[role="status"]'))).toContain('removed');
    el.learnerId = 'learner-b';
    await el.updateComplete;
    expect(text(deepQuery(el, '[role="status"]'))).toBe('');
  });

  it('without an LMS, removing the notes also forgets the browser’s learner id', async () => {
    const el = await mount('sg-reflection', props);
    await userEvent.type(deepQuery(el, '#learned')!, 'Mine');
    await userEvent.click(button(el, 'Remove my notes from this computer'));
    await userEvent.click(button(el, 'Yes, remove my notes'));
    expect(storedNotes()).toEqual([]);
    expect(localStorage.getItem('sg-notes-browser-learner')).toBeNull();
  });

  it('answers that storage cannot keep stay on screen, and the learner is told to download them', async () => {
    // Full storage, as a browser reports it: every write refused (tests/e2e/standalone-session).
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const el = await mount('sg-reflection', { ...props, learnerId: 'learner-a' });
    expect(text(el)).not.toContain('could not be kept');
    await userEvent.type(deepQuery(el, '#learned')!, 'Kept on screen');
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('Kept on screen');
    expect(text(el)).toContain('Your answers could not be kept on this device');
    expect(text(el)).toContain('Download or print them before you leave this page');
    expect(storedNotes()).toEqual([]);
  });

  it('a removal that storage refuses says so and keeps the answers on screen', async () => {
    const el = await mount('sg-reflection', { ...props, learnerId: 'learner-a' });
    await userEvent.type(deepQuery(el, '#learned')!, 'Still here');
    vi.spyOn(Storage.prototype, 'removeItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    await userEvent.click(button(el, 'Remove my notes from this computer'));
    await userEvent.click(button(el, 'Yes, remove my notes'));
    expect(text(deepQuery(el, '[role="status"]'))).toContain('Your notes could not be removed');
    expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('Still here');
    vi.restoreAllMocks();
    expect(storedNotes()).toHaveLength(1);
  });

  it('shows no one the old notes kept without a learner, and deletes them', async () => {
    const old = 'sg-reflection:fixture-course:foundation:sample';
    localStorage.setItem(
      old,
      JSON.stringify({ learned: 'Someone else’s feelings', differently: '', prompts: [] }),
    );
    for (const learnerId of ['learner-a', undefined]) {
      const el = await mount('sg-reflection', { ...props, learnerId });
      expect(deepQuery<HTMLTextAreaElement>(el, '#learned')?.value).toBe('');
      expect(text(el)).not.toContain('Someone else’s feelings');
    }
    expect(localStorage.getItem(old)).toBeNull();
  });

  it('downloads the reflective log as a text file, made in the browser', async () => {
    const made: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      made.push(blob as Blob);
      return 'blob:test';
    });
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicks.push(this);
    });
    const el = await mount('sg-reflection', props);
    await userEvent.type(deepQuery(el, '#learned')!, 'Think sibling');
    await userEvent.click(button(el, 'Download as a text file'));
    expect(clicks[0]?.download).toBe('reflective-log-sample.txt');
    const log = await made[0]!.text();
    expect(log).toContain('Module: Sample module');
    expect(log).toContain('Source review: Sample review, Sample board, published May 2020');
    expect(log).toContain('What I learned\nThink sibling');
    expect(log).toContain('How do you record siblings?\n(not answered)');
    expect(log).toMatch(/Date: \d{1,2} \w+ \d{4}/);
  });

  it('has a print version of the log, hidden on screen', async () => {
    const el = await mount('sg-reflection', props);
    const log = deepQuery(el, '.print-log')!;
    expect(getComputedStyle(log).display).toBe('none');
    expect(text(log)).toContain('Source review Sample review');
    expect(text(log)).toContain('How do you record siblings?');
    // Printed, each prompt stays on the page of its answer.
    await cdp().send('Emulation.setEmulatedMedia', { media: 'print' });
    try {
      expect(getComputedStyle(log).display).toBe('block');
      const prompts = [...log.querySelectorAll('dt')];
      expect(prompts.length).toBeGreaterThan(3);
      for (const dt of prompts) expect(getComputedStyle(dt).breakAfter).toBe('avoid');
    } finally {
      await cdp().send('Emulation.setEmulatedMedia', { media: '' });
    }
  });

  it('sends sg-continue when the learner finishes, and nothing when properties are set', async () => {
    const el = await mount('sg-reflection', props);
    const seen = recordEvents(el, ALL_EVENTS);
    el.reviewing = true;
    await el.updateComplete;
    expect(seen).toHaveLength(0);
    await userEvent.click(button(el, 'Back to the modules'));
    expect(seen.map((e) => e.type)).toEqual(['sg-continue']);
  });
});

/** The reflection notes in localStorage (not the browser's learner id). */
function storedNotes(): { key: string; value: string }[] {
  return Object.keys(localStorage)
    .filter((key) => key.startsWith('sg-notes:'))
    .sort()
    .map((key) => ({ key, value: localStorage.getItem(key) ?? '' }));
}
