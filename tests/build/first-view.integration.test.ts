import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import { readZip } from '../../scorm/package/zip.ts';
import { startPackageRig, type PackageRig } from '../scorm/support/rig.ts';

/**
 * A package's static first view (src/build/first-view.ts): the level's module list, on screen
 * before the script runs. Built for real and launched in the preview LMS (scorm-again) in
 * headless Chromium: with the script held back it is there and styled, under the page's CSP; once
 * the script runs the app's own module list takes its place, naming the same level and modules,
 * and the static copy is gone.
 */

const course = compileCourseDirectory('course').course;
if (!course) throw new Error('The course in course/ does not compile: see tests/course.');
const level = course.levels[0]!;
const titles = level.modules.map((id) => course.modules.find((m) => m.id === id)!.title);

describe(`the static first view of a built package (level ${level.id}, SCORM 2004)`, () => {
  let rig: PackageRig;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    rig = await startPackageRig({ courseDir: 'course', levels: [level.id], versions: ['2004'] });
  }, 300_000);
  afterAll(() => rig?.close());

  beforeEach(async () => {
    errors = [];
    page = await (await rig.browser.newContext()).newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  });
  afterEach(async () => {
    await page.context().close();
  });

  const launch = async (): Promise<Frame> => {
    await page.goto(`${rig.server.url}?package=${encodeURIComponent(rig.built[0]!.file)}&launch=1`);
    const frame = await (await page.waitForSelector('#sco')).contentFrame();
    if (!frame) throw new Error('No SCO frame');
    return frame;
  };

  it('is in the zip and the manifest, with its stylesheet, and the page keeps its CSP', () => {
    const files = readZip(readFileSync(rig.built[0]!.path));
    const index = files.get('index.html')!.toString('utf8');
    expect(index).toContain('<link rel="stylesheet" href="./first-view.css" />');
    expect(index).toContain("style-src 'self'");
    expect(index).toMatch(/<sg-app><div class="first-view" aria-busy="true">/);
    expect(files.has('first-view.css')).toBe(true);
    expect(files.get('imsmanifest.xml')!.toString('utf8')).toContain(
      '<file href="first-view.css"/>',
    );
  });

  it('shows the level and its modules, styled, before the script runs', async () => {
    // The course's script never arrives: what the learner sees until it does.
    await page.route(/\/assets\/index-[^/]+\.js$/, (route) => route.abort());
    const frame = await launch();
    const heading = frame.locator('sg-app .first-view h1');
    await heading.waitFor();
    expect(await heading.innerText()).toMatch(new RegExp(`^${level.title} level\\s+Your modules$`));
    expect(await frame.locator('sg-app .first-view li h2').allInnerTexts()).toEqual(titles);
    // Its stylesheet applied (allowed by style-src 'self'): sg-app's black header.
    const header = await frame
      .locator('sg-app .first-view header')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).toBe('rgb(11, 12, 12)');
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
    // Held back for real: the app never started, and the static view is all there is.
    expect(await frame.evaluate(() => customElements.get('sg-app') === undefined)).toBe(true);
  });

  it('gives way to the app’s module list, which names the same level and modules', async () => {
    const frame = await launch();
    await frame
      .getByRole('button', { name: /^Start/ })
      .first()
      .waitFor();
    const list = frame.locator('sg-module-list');
    expect(await list.locator('h1').innerText()).toMatch(
      new RegExp(`^${level.title} level\\s+Your modules$`),
    );
    expect(await list.locator('li.module h2').allInnerTexts()).toEqual(titles);
    // The static copy is gone from the page, not only from the screen.
    expect(await frame.locator('.first-view').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
