import { readFileSync } from 'node:fs';
import type { Frame, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import { readZip } from '../../scorm/package/zip.ts';
import { startPackageRig, type PackageRig } from '../scorm/support/rig.ts';

/**
 * A built package keeps each module's scenario and question text in a classic script of its own,
 * `modules/<id>-<hash>.js`, loaded when the learner opens the module (src/module-text-loader.ts).
 * Built for real, launched in the preview LMS (scorm-again) in headless Chromium: the first view
 * loads no module text, a module opened loads its own and plays to a decision, a learner resumed
 * inside a module comes back to the same step, and a script that fails to load says so and
 * offers a retry that works, with nothing lost.
 */

const course = compileCourseDirectory('course').course;
if (!course) throw new Error('The course in course/ does not compile: see tests/course.');
const level = course.levels[0]!;
const MODULE_SCRIPT = /\/modules\/([^/]+)-[0-9a-f]{8}\.js$/;

describe(`module text scripts in a built package (level ${level.id}, SCORM 2004)`, () => {
  let rig: PackageRig;
  let page: Page;
  let errors: string[];
  /** Module ids whose script the page asked for, in order. */
  let requested: string[];

  beforeAll(async () => {
    rig = await startPackageRig({ courseDir: 'course', levels: [level.id], versions: ['2004'] });
  }, 300_000);
  afterAll(() => rig?.close());

  beforeEach(async () => {
    errors = [];
    requested = [];
    page = await (await rig.browser.newContext()).newPage();
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('request', (r) => {
      const id = MODULE_SCRIPT.exec(new URL(r.url()).pathname)?.[1];
      if (id) requested.push(id);
    });
  });
  afterEach(async () => {
    await page.context().close();
  });

  const file = () => rig.built[0]!.file;
  const launch = async (): Promise<Frame> => {
    await page.goto(`${rig.server.url}?package=${encodeURIComponent(file())}&launch=1`);
    const frame = await (await page.waitForSelector('#sco')).contentFrame();
    if (!frame) throw new Error('No SCO frame');
    await frame.getByRole('heading', { level: 1 }).first().waitFor();
    return frame;
  };
  const heading = (frame: Frame) => frame.locator('h1[data-focus]').first().innerText();
  const held = () =>
    page.evaluate(
      () =>
        (
          window as unknown as {
            previewLms: { lms?: { getFlattenedCMI(): Record<string, unknown> } };
          }
        ).previewLms.lms?.getFlattenedCMI() ?? {},
    );

  /** From the module list through the first module's narrative to its first decision. */
  const toDecision = async (frame: Frame) => {
    await frame
      .getByRole('button', { name: /^Start/ })
      .first()
      .click();
    await frame.getByRole('button', { name: 'Start the scenario' }).click();
    const confirm = frame.getByRole('button', { name: 'Confirm my choice' });
    for (let i = 0; i < 20 && !(await confirm.isVisible()); i++)
      await frame.locator('sg-scenario button').last().click();
    await expect(confirm.isVisible()).resolves.toBe(true);
  };

  it('lists every module script in the manifest and the zip, with no step text in the bundle', () => {
    const files = readZip(readFileSync(rig.built[0]!.path));
    const scripts = [...files.keys()].filter((f) => f.startsWith('modules/'));
    expect(scripts.map((f) => MODULE_SCRIPT.exec(`/${f}`)?.[1])).toEqual([...level.modules].sort());
    const manifest = files.get('imsmanifest.xml')!.toString('utf8');
    for (const script of scripts) expect(manifest).toContain(`<file href="${script}"/>`);
    const bundle = [...files]
      .filter(([name]) => name.startsWith('assets/') && name.endsWith('.js'))
      .map(([, b]) => b.toString('utf8'))
      .join('');
    const first = course.modules.find((m) => m.id === level.modules[0])!;
    const step = first.scenario.steps.find((s) => s.type === 'narrative');
    const words = step && 'text' in step ? step.text.text.slice(0, 60) : '';
    expect(words.length).toBeGreaterThan(30);
    expect(bundle).not.toContain(words);
  });

  it('loads the opened module’s text, and only that, and plays to a decision', async () => {
    const frame = await launch();
    await frame.getByRole('heading', { name: /Your modules/ }).waitFor();
    await toDecision(frame);
    // The first module's text only (asked for at idle time after the first view, or on opening).
    expect(requested).toEqual([level.modules[0]]);
    const title = await heading(frame);
    const module = course.modules.find((m) => m.id === level.modules[0])!;
    const step = module.scenario.steps.find(
      (s) => s.type === 'decision' && title.includes(s.title),
    );
    const feedback = step?.type === 'decision' ? step.options.map((o) => o.feedback.text) : [];
    expect(feedback.length).toBeGreaterThan(1);
    await frame.getByRole('radio').first().check();
    await frame.getByRole('button', { name: 'Confirm my choice' }).click();
    // The consequence shown is the course's own words: the module's text was joined in.
    await expect
      .poll(async () => {
        const shown = (await frame.locator('sg-scenario .layout').innerText()).replace(/\s+/g, ' ');
        return feedback.some((text) => shown.includes(text.slice(0, 50)));
      })
      .toBe(true);
    await expect.poll(async () => (await held())['cmi.interactions.0.id']).toBeTruthy();
    expect(errors).toEqual([]);
  }, 60_000);

  it('resumes inside a module after a relaunch, at the same step, its text loaded first', async () => {
    let frame = await launch();
    await toDecision(frame);
    const leftOn = await heading(frame);
    await frame.getByRole('button', { name: 'Save and exit' }).click();
    await expect.poll(async () => (await held())['cmi.exit']).toBe('suspend');
    requested = [];
    frame = await launch();
    await frame.getByRole('button', { name: 'Continue where you left off' }).click();
    await expect.poll(() => heading(frame)).toBe(leftOn);
    await expect(frame.getByRole('radio').first().isVisible()).resolves.toBe(true);
    expect(requested).toEqual([level.modules[0]]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('a module script that fails to load: a clear message, nothing lost, and a retry that works', async () => {
    await page.route(MODULE_SCRIPT, (route) => route.fulfill({ status: 404, body: '' }));
    const frame = await launch();
    // The first view needs no module text: it shows whole with every module script failing.
    await frame.getByRole('heading', { name: /Your modules/ }).waitFor();
    await frame
      .getByRole('button', { name: /^Start/ })
      .first()
      .click();
    await frame.getByRole('button', { name: 'Start the scenario' }).click();
    await frame.getByRole('heading', { name: 'This module could not be opened' }).waitFor();
    await expect(frame.getByRole('alert').innerText()).resolves.toMatch(
      /nothing you have done is lost/,
    );
    // Reported: the console names the module and the file.
    expect(errors.some((e) => e.includes(level.modules[0]!) && /modules\//.test(e))).toBe(true);
    // The learner's place is kept: the bookmark says they are in the scenario.
    await expect
      .poll(async () => String((await held())['cmi.location'] ?? ''))
      .toMatch(new RegExp(`^${level.modules[0]}/`));
    await page.unroute(MODULE_SCRIPT);
    await frame.getByRole('button', { name: 'Try again' }).click();
    await frame.locator('sg-scenario').waitFor();
    await expect(frame.locator('sg-scenario button').last().isVisible()).resolves.toBe(true);
  }, 60_000);
});
