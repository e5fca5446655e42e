import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import course from 'virtual:course';
import '../../../src/components/sg-record/sg-record.ts';
import type { SgRecord } from '../../../src/components/sg-record/sg-record.ts';
import {
  loadLearnerName,
  saveLearnerName,
} from '../../../src/components/sg-record/learner-name.ts';
import {
  notesKey,
  notesOwner,
  removeNotes,
  saveNotes,
} from '../../../src/components/sg-reflection/notes-store.ts';
import type { DecisionStep } from '../../../src/model/course.ts';
import { initialState, levelContent } from '../../../src/engine/index.ts';
import { button, deepQuery, deepQueryAll, expectNoAxeViolations, mount, text } from '../helpers.ts';
import { passedLevel } from './passed-level.ts';

/**
 * The record of learning and the certificate (issue 14), on the real course's smallest level so
 * that several modules (each with its own reflection) are on one record: the right name, level,
 * modules and reflections on screen and as printed (print media emulated in real Chromium, the
 * text checked is what the browser lays out), axe 0 on both.
 */
const level = [...course.levels].sort((a, b) => a.modules.length - b.modules.length)[0]!;
const content = levelContent(course, level.id);

const passed = passedLevel(content);

/** Writes a learner's reflection for every module, each answer naming its module and learner. */
function writeNotes(learnerId: string | undefined) {
  const owner = notesOwner(learnerId)!;
  for (const module of content.modules)
    saveNotes(notesKey(owner, course.id, level.id, module.id), {
      learned: `${learnerId ?? 'browser'} learned from ${module.id}`,
      differently: `${learnerId ?? 'browser'} will act sooner after ${module.id}`,
      prompts: module.reflection.map(
        (_, i) => `${learnerId ?? 'browser'} prompt ${i} ${module.id}`,
      ),
    });
}

async function printMedia(on: boolean) {
  await cdp().send('Emulation.setEmulatedMedia', { media: on ? 'print' : '' });
}

/** The text the browser lays out (no display: none), through shadow roots. */
function renderedText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
  if (getComputedStyle(node).display === 'none') return '';
  const children = node.shadowRoot ?? node;
  return [...children.childNodes].map(renderedText).join(' ');
}
const printed = (el: Element) => renderedText(el).replace(/\s+/g, ' ').trim();

async function record(props: Partial<SgRecord>): Promise<SgRecord> {
  return mount('sg-record', { content, state: passed, ...props });
}

describe('<sg-record>', () => {
  beforeEach(() => localStorage.clear());
  afterEach(async () => {
    await printMedia(false);
    document.body.replaceChildren();
    localStorage.clear();
  });

  it('has more than one module to show (the level chosen for these tests)', () => {
    expect(content.modules.length).toBeGreaterThan(1);
  });

  it('records the LMS learner’s name, the level, each module’s outcome and score, decisions and reflection', async () => {
    writeNotes('learner-a');
    const el = await record({ learnerId: 'learner-a', learnerName: 'Ada Lovelace' });
    const all = text(el);
    expect(text(deepQuery(el, 'h1'))).toBe(`${level.title} level Record of learning`);
    expect(text(deepQuery(el, '.learner-name'))).toBe('Ada Lovelace');
    // The LMS gives the name: nothing to type.
    expect(deepQuery(el, 'input')).toBeNull();
    expect(all).toContain(`Level ${level.title}`);
    expect(all).toContain('Passed, with a score of 100%');
    expect(all).toContain('Not recorded: this course does not time your learning.');
    const rows = deepQueryAll(el, 'tbody tr').map(text);
    expect(rows).toEqual(content.modules.map((m) => `${m.title} Passed 100%`));
    for (const o of level.outcomes) expect(all).toContain(`Met: ${o.text}`);
    const logs = deepQueryAll(el, '.module-log');
    expect(logs).toHaveLength(content.modules.length);
    content.modules.forEach((module, i) => {
      const log = text(logs[i]);
      expect(log).toContain(module.title);
      expect(log).toContain(`learner-a learned from ${module.id}`);
      expect(log).toContain(`learner-a will act sooner after ${module.id}`);
      expect(log).toContain(`learner-a prompt 0 ${module.id}`);
      // The decisions the learner took, with the option they chose.
      const first = module.scenario.steps.find((s) => s.type === 'decision') as DecisionStep;
      expect(log).toContain(first.question.text);
      expect(deepQueryAll(logs[i]!, '.decisions li').length).toBeGreaterThan(0);
    });
    expect(text(deepQuery(el, '.supervisor'))).toContain('Supervisor’s comments');
    expect(text(deepQuery(el, '.supervisor'))).toContain('Signature');
    await expectNoAxeViolations();
  });

  it('shows one learner’s notes and typed name, never another’s on the same browser', async () => {
    writeNotes('learner-a');
    writeNotes('learner-b');
    saveLearnerName('learner-a', 'Ada');
    const el = await record({ learnerId: 'learner-b' });
    expect(text(el)).toContain('learner-b learned from');
    expect(text(el)).not.toContain('learner-a');
    const input = deepQuery<HTMLInputElement>(el, 'input#learner-name')!;
    expect(input.value).toBe('');
    input.focus();
    await userEvent.keyboard('Grace Hopper');
    await el.updateComplete;
    expect(text(deepQuery(el, '.learner-name'))).toBe('Grace Hopper');
    expect(loadLearnerName('learner-b')).toBe('Grace Hopper');
    expect(loadLearnerName('learner-a')).toBe('Ada');
    await expectNoAxeViolations();
  });

  it('keeps a typed name per learner, and "Remove my notes" removes it with the notes', () => {
    saveLearnerName(undefined, 'Browser learner');
    saveLearnerName('learner-a', 'Ada');
    expect(loadLearnerName(undefined)).toBe('Browser learner');
    expect(removeNotes(notesOwner('learner-a')!)).toBe(true);
    expect(loadLearnerName('learner-a')).toBe('');
    expect(loadLearnerName(undefined)).toBe('Browser learner');
  });

  it('a typed name that storage cannot keep stays on the record, and the learner is told', async () => {
    // Full storage, as a browser reports it: every write refused (tests/e2e/standalone-session).
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    try {
      const el = await record({ learnerId: 'learner-a' });
      expect(text(el)).not.toContain('could not be kept');
      deepQuery<HTMLInputElement>(el, 'input#learner-name')!.focus();
      await userEvent.keyboard('Grace Hopper');
      await el.updateComplete;
      expect(text(deepQuery(el, '.learner-name'))).toBe('Grace Hopper');
      expect(text(deepQuery(el, '[role="status"].warning'))).toContain(
        'Your name could not be kept on this device',
      );
    } finally {
      vi.restoreAllMocks();
    }
    expect(loadLearnerName('learner-a')).toBe('');
  });

  it('prints the name, level and each module’s reflection, without buttons or the name field', async () => {
    writeNotes(undefined);
    saveLearnerName(undefined, 'Mary Seacole');
    const el = await record({});
    await printMedia(true);
    const out = printed(el);
    expect(out).toContain('Name Mary Seacole');
    expect(out).toContain(`Level ${level.title}`);
    for (const module of content.modules) {
      expect(out).toContain(module.title);
      expect(out).toContain(`browser learned from ${module.id}`);
      expect(out).toContain(`browser will act sooner after ${module.id}`);
    }
    expect(out).toContain('Supervisor’s comments');
    expect(out).not.toContain('Print this record');
    expect(out).not.toContain('Your name As it should appear');
    // On screen, the same page has its buttons and the name field.
    await printMedia(false);
    expect(printed(el)).toContain('Print this record');
  });

  it('gives a one-page certificate for a passed level, with the name and level, printed too', async () => {
    const el = await record({ kind: 'certificate', learnerName: 'Ada Lovelace' });
    const cert = deepQuery(el, '.certificate')!;
    expect(text(deepQuery(el, 'h1'))).toBe('Certificate of completion');
    expect(text(cert)).toContain('Ada Lovelace');
    expect(text(cert)).toContain(`${level.title} level`);
    expect(text(cert)).toContain(course.title);
    for (const m of content.modules) expect(text(cert)).toContain(m.title);
    await expectNoAxeViolations();
    await printMedia(true);
    // Laid out at A4's text width (210 mm less 15 mm margins), it fits one A4 page's height.
    el.style.width = '180mm';
    const height = cert.getBoundingClientRect().height;
    const pageHeight = ((297 - 2 * 15) / 25.4) * 96;
    expect(height).toBeGreaterThan(100);
    expect(height).toBeLessThanOrEqual(pageHeight);
    const out = printed(el);
    expect(out).toContain('Ada Lovelace');
    expect(out).toContain(`${level.title} level`);
    expect(out).not.toContain('Print your certificate');
  });

  it('names the edition’s organisation as the provider, on the record and the certificate', async () => {
    // The repository's course.yaml names its publisher; an organisation's edition (SG_ORG) is
    // what the learner files with their employer, so both printouts name the edition.
    const edition = { ...course.edition!, name: 'Northshire Council' };
    const northshire = levelContent({ ...course, edition }, level.id);
    expect(course.organisation).not.toBe('Northshire Council');
    const rec = await record({ content: northshire });
    expect(text(deepQuery(rec, 'dt:nth-of-type(4)'))).toBe('Provided by');
    expect(text(deepQuery(rec, 'dt:nth-of-type(4) + dd'))).toBe('Northshire Council');
    document.body.replaceChildren();
    const cert = await record({ content: northshire, kind: 'certificate' });
    expect(text(deepQuery(cert, '.certificate .organisation'))).toBe('Northshire Council');
    // Without an edition, the course's own publisher.
    document.body.replaceChildren();
    const neutral = levelContent({ ...course, edition: undefined }, level.id);
    const plain = await record({ content: neutral });
    expect(text(deepQuery(plain, 'dt:nth-of-type(4) + dd'))).toBe(course.organisation);
  });

  it('gives no certificate before the level is passed: the record instead', async () => {
    const el = await record({ kind: 'certificate', state: initialState(content, 7) });
    expect(deepQuery(el, '.certificate')).toBeNull();
    expect(text(deepQuery(el, 'h1'))).toBe(`${level.title} level Record of learning`);
    expect(text(el)).toContain('Not finished yet.');
    expect(text(el)).toContain('No decisions taken yet.');
    expect(text(el)).toContain(`Not yet met: ${level.outcomes[0]!.text}`);
  });

  it('goes back with sg-close-record', async () => {
    const el = await record({});
    const seen: string[] = [];
    el.addEventListener('sg-close-record', (e) => seen.push(e.type));
    await userEvent.click(button(el, 'Go back'));
    expect(seen).toEqual(['sg-close-record']);
  });
});
