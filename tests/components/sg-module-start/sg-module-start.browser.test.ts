import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import type { Module } from '../../../src/model/course.ts';
import '../../../src/components/sg-module-start/sg-module-start.ts';
import {
  emptyAnswers,
  reflectiveLogText,
} from '../../../src/components/sg-reflection/reflective-log.ts';
import {
  ALL_EVENTS,
  button,
  deepQuery,
  expectNoAxeViolations,
  mount,
  recordEvents,
  text,
} from '../helpers.ts';

const module = course.modules[0] as Module;
const level = course.levels[0]!;

describe('<sg-module-start>', () => {
  afterEach(() => document.body.replaceChildren());

  it('says what the module covers, the outcomes it delivers, its time and its source review', async () => {
    const el = await mount('sg-module-start', { module, level });
    const page = text(el);
    expect(text(deepQuery(el, 'h1'))).toBe('Module Sample module');
    expect(page).toContain('What the sample covers.');
    expect(page).toContain('This module helps you to: Notice the sibling.');
    expect(page).not.toContain('Revisit a judgement.'); // an Advanced outcome
    expect(page).toContain('About 9 minutes. There is no time limit.');
    expect(page).toContain('Sample review, Sample board, published May 2020.');
    expect(page).toContain('Where to find it: Sample board website.');
    await expectNoAxeViolations();
  });

  it('links the review where it has an address, and gives no date the source does not give', async () => {
    const { published: _, ...undated } = module.source!;
    const linked = { ...undated, url: 'https://example.org/review', linkText: 'The board’s page' };
    const el = await mount('sg-module-start', { module: { ...module, source: linked }, level });
    const review = [...el.shadowRoot!.querySelectorAll('details')].find((d) =>
      text(d.querySelector('summary')).includes('The review this module is built on'),
    )!;
    const summary = text(review.querySelector('.details-text'));
    expect(summary).toContain('Sample review, Sample board.');
    expect(summary).not.toContain('published');
    expect(summary).not.toContain('Where to find it');
    const link = review.querySelector('a') as HTMLAnchorElement;
    expect(link.href).toBe('https://example.org/review');
    expect(text(link)).toBe('The board’s page (opens in a new tab)');
  });

  it('names no review for a training lead’s own module (profile: local, no source), and its log neither', async () => {
    const { source: _, ...own } = module;
    const el = await mount('sg-module-start', { module: own, level });
    const summaries = [...el.shadowRoot!.querySelectorAll('details summary')].map((s) => text(s));
    expect(summaries).not.toContain('The review this module is built on');
    expect(text(el)).not.toContain('Sample board');
    expect(text(el)).toContain('What the sample covers.');
    await expectNoAxeViolations();
    const log = reflectiveLogText(own, emptyAnswers(own), '4 December 2026', 'Course', 'Level');
    expect(log).toContain('Module: Sample module');
    expect(log).not.toContain('Source review');
    expect(reflectiveLogText(module, emptyAnswers(module), 'd', 'c', 'l')).toContain(
      'Source review: Sample review, Sample board, published May 2020',
    );
  });

  it('gives a content note with where to get support, and the reconstruction notice', async () => {
    const el = await mount('sg-module-start', { module, level });
    const note = text(deepQuery(el, '.warning'));
    expect(note).toContain('This module describes harm to a child.');
    expect(text(deepQuery(el, '.warning h3'))).toBe('Support');
    // Once: the standard support is written in one place, after the module's own note.
    expect(note.match(/0808 800 5000/g)).toHaveLength(1);
    expect(note).toContain('Cruelty to Children) Helpline is on 0808 800 5000');
    expect(note).toContain('call 999');
    expect(note).toContain('designated safeguarding lead (DSL)');
    const invented = [...el.shadowRoot!.querySelectorAll('details')].find(
      (d) => text(d.querySelector('summary')) === 'What is invented and what is real',
    )!;
    expect(text(invented.querySelector('.details-text'))).toContain(
      'The names of workers are invented.',
    );
  });

  it('folds the long parts away (GOV.UK details) and keeps the content note and support in view', async () => {
    const el = await mount('sg-module-start', { module, level });
    const details = [...el.shadowRoot!.querySelectorAll('details')];
    expect(details.map((d) => text(d.querySelector('summary')))).toEqual([
      'What is invented and what is real',
      'Learning outcomes',
      'The review this module is built on',
    ]);
    expect(details.every((d) => !d.open)).toBe(true);
    // Closed, the outcomes take no room; the content note and its support are not folded.
    const outcomes = details[1]!.querySelector('.details-text') as HTMLElement;
    expect(outcomes.checkVisibility()).toBe(false);
    expect(deepQuery(el, '.warning')!.closest('details')).toBeNull();
    details[1]!.querySelector('summary')!.click();
    await expect.poll(() => outcomes.checkVisibility()).toBe(true);
    await expectNoAxeViolations();
  });

  it("lists the module's own support beside the standard support, as plain text", async () => {
    const el = await mount('sg-module-start', { module, level });
    const note = deepQuery(el, '.warning')!;
    const extra = [...note.querySelectorAll('ul.module-support li')].map((li) => text(li));
    expect(extra).toEqual([
      'Samaritans: 116 123, any time, day or night, for anyone who is struggling.',
      'Example line: 999.',
    ]);
    // Beside the standard support, which is still there once.
    expect(text(note).match(/0808 800 5000/g)).toHaveLength(1);
    expect(note.querySelectorAll('a')).toHaveLength(0);
    await expectNoAxeViolations();
  });

  it('adds nothing to the standard support for a module with none of its own', async () => {
    const el = await mount('sg-module-start', { module: { ...module, support: [] }, level });
    expect(deepQuery(el, 'ul.module-support')).toBeNull();
    expect(text(deepQuery(el, '.warning'))).not.toContain('these may also help');
  });

  it('lets the learner go on or go back without penalty', async () => {
    const el = await mount('sg-module-start', { module, level });
    expect(text(el)).toContain('Going back keeps your place and does not count against you.');
    const seen = recordEvents(el, ALL_EVENTS);
    await userEvent.click(button(el, 'Go back to the modules'));
    await userEvent.click(button(el, 'Start the scenario'));
    expect(seen.map((e) => e.type)).toEqual(['sg-leave-module', 'sg-continue']);
  });

  it('fires no event when its properties are set', async () => {
    const el = await mount('sg-module-start', { module, level });
    const seen = recordEvents(el, ALL_EVENTS);
    el.level = course.levels[1];
    await el.updateComplete;
    expect(seen).toHaveLength(0);
  });
});
