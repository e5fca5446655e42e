import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import type { Module } from '../../../src/content/types.ts';
import '../../../src/components/sg-reflection/sg-reflection.ts';
import {
  ALL_EVENTS,
  button,
  deepQuery,
  deepQueryAll,
  expectNoAxeViolations,
  mount,
  recordEvents,
  text,
} from '../helpers.ts';

const module = course.modules[0] as Module;
const KEY = 'sg-reflection:fixture-course:foundation:sample';
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
    expect(JSON.parse(localStorage.getItem(KEY) ?? '{}')).toMatchObject({
      prompts: ['In one shared record', ''],
    });
    expect(fetchSpy).not.toHaveBeenCalled();
    el = await mount('sg-reflection', props);
    expect(deepQuery<HTMLTextAreaElement>(el, '#answer-0')?.value).toBe('In one shared record');
    el = await mount('sg-reflection', { ...props, levelId: 'advanced' });
    expect(deepQuery<HTMLTextAreaElement>(el, '#answer-0')?.value).toBe('');
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
