import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { learnerNameKey } from '../../../src/components/sg-record/learner-name.ts';
import {
  BROWSER_LEARNER_KEY,
  notesKey,
} from '../../../src/components/sg-reflection/notes-store.ts';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/find-chromium.ts';
import { levelContent, serialise } from '../../../src/engine/index.ts';
import { loadCourse } from '../../../scorm/package/build.ts';
import { sharedWebBuild } from '../../scorm/support/shared-build.ts';
import { passedLevel } from './passed-level.ts';
import { pdfPageCount, pdfText } from './pdf-text.ts';

/**
 * The record of learning and the certificate as a learner prints them (issue 14): the web build
 * opened from file:// in Chromium, a learner with a passed level, a typed name and a reflection
 * for every module in this browser, each page printed to A4 with page.pdf and the PDF's text read
 * back. The record must carry the name, the level and every module's reflection; the certificate
 * the name and level, on one page.
 */
const course = loadCourse('course');
const level = [...course.levels].sort((a, b) => a.modules.length - b.modules.length)[0]!;
const content = levelContent(course, level.id);
const BROWSER_ID = '0123456789abcdef0123456789abcdef';
const owner = `browser:${BROWSER_ID}`;
const NAME = 'Mary Seacole';

/** This browser's storage as the learner left it (written before the app starts). */
const storage: Record<string, string> = {
  [BROWSER_LEARNER_KEY]: BROWSER_ID,
  [learnerNameKey(owner)]: NAME,
  [`sg-progress:${course.id}:${level.id}`]: JSON.stringify({
    state: serialise(content, passedLevel(content)),
    location: 'modules',
  }),
  ...Object.fromEntries(
    content.modules.map((m) => [
      notesKey(owner, course.id, level.id, m.id),
      JSON.stringify({
        learned: `Learned from ${m.id}: ask the child`,
        differently: `After ${m.id} I will tell the DSL the same day`,
        prompts: m.reflection.map((_, i) => `Answer ${i} for ${m.id}`),
      }),
    ]),
  ),
};

describe(`record and certificate printed from the web build (level ${level.id})`, () => {
  let out: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The web build as `npm run build` makes it, shared with the file:// launch test.
    out = await sharedWebBuild();
    browser = await chromium.launch({
      executablePath: await findChromium(),
      args: [...CHROMIUM_ARGS],
    });
  }, 300_000);

  // Each test has its own browser context (its own storage), with the learner's storage written
  // afresh: neither test depends on where the other left the page.
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
    // Storage is written from another file of the build (file:// pages share it): the course
    // itself, closed, would save its own empty progress over it.
    await page.goto(pathToFileURL(join(out, 'THIRD-PARTY-NOTICES.txt')).href);
    await page.evaluate((items) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(items)) localStorage.setItem(key, value);
    }, storage);
    await page.goto(`${pathToFileURL(join(out, 'index.html')).href}?level=${level.id}`);
    await page.getByRole('heading', { name: /Your modules/ }).waitFor({ timeout: 30_000 });
  }, 60_000);

  afterEach(() => page?.context().close());

  afterAll(async () => {
    await browser?.close();
  });

  const printed = async () => {
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    return { text: pdfText(pdf), pages: pdfPageCount(pdf) };
  };

  it('the record prints the name, the level, each module with its score, and every module’s reflection', async () => {
    await page.getByRole('button', { name: 'Your record of learning' }).click();
    await page.getByRole('heading', { name: /Record of learning/ }).waitFor();
    const { text, pages } = await printed();
    expect(text).toContain(NAME);
    expect(text).toContain(`${level.title} level`);
    expect(text).toContain('Passed, with a score of');
    expect(text).toContain('Supervisor’s comments');
    for (const m of content.modules) {
      expect(text).toContain(m.title);
      expect(text).toContain(`Learned from ${m.id}: ask the child`);
      expect(text).toContain(`After ${m.id} I will tell the DSL the same day`);
      m.reflection.forEach((_, i) => expect(text).toContain(`Answer ${i} for ${m.id}`));
    }
    // What is for the screen only is not printed: the course header, buttons, the name field.
    expect(text).not.toContain('Print this record');
    expect(text).not.toContain('Save and exit');
    expect(text).not.toContain('As it should appear on your record');
    expect(pages).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Go back' }).first().click();
  });

  it('the certificate prints on one page, with the name and the level', async () => {
    await page.getByRole('button', { name: 'Your certificate' }).click();
    await page.getByRole('heading', { name: 'Certificate of completion' }).waitFor();
    const { text, pages } = await printed();
    expect(text).toContain('Certificate of completion');
    expect(text).toContain(NAME);
    expect(text).toContain(`${level.title} level`);
    expect(text).not.toContain('Print your certificate');
    expect(pages).toBe(1);
    await page.getByRole('button', { name: 'Go back' }).first().click();
  });
});
