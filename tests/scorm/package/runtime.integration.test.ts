import { readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../../src/compiler/load.ts';
import type { BuiltPackage } from '../../../scorm/package/build.ts';
import type { PreviewServer } from '../../../scorm/preview/server.ts';
import type { ApiCall } from '../../../scorm/preview/strict-checks.ts';
import { readZip } from '../../../scorm/package/zip.ts';
import { startPackageRig, type PackageRig } from '../support/rig.ts';
import { playThroughUi } from '../../../scripts/players/robot.ts';
import { calledLms as calledLmsOn, decideOnce, launchSco } from '../support/sco-page.ts';

/**
 * The built zips, run for real: each SCO launched from its zip in a frame of the preview LMS page
 * (scorm-again behind the strict observer), in headless Chromium, and driven through its UI.
 */

const real = compileCourseDirectory('course').course;
if (!real) throw new Error('The course in course/ does not compile: see tests/course.');
const source = { dir: 'course', course: real, level: real.levels[0]!.id };
const passMark = source.course.levels.find((l) => l.id === source.level)!.passMark;

interface LmsView {
  calls: ApiCall[];
  violations: string[];
  /** What the SCO set. */
  values: Record<string, string>;
  /** What the LMS (scorm-again) holds, its own judgements included. */
  held: Record<string, unknown>;
}

describe(`built packages at run time (${source.dir}, level ${source.level})`, () => {
  let rig: PackageRig;
  let built: readonly BuiltPackage[];
  let server: PreviewServer;
  let browser: Browser;

  beforeAll(async () => {
    rig = await startPackageRig({ courseDir: source.dir, levels: [source.level] });
    ({ built, server, browser } = rig);
  });

  afterAll(() => rig?.close());

  it('has the LMS adapter in the built SCO', () => {
    for (const pkg of built) {
      const files = readZip(readFileSync(pkg.path));
      const js = [...files]
        .filter(([name]) => name.endsWith('.js'))
        .map(([, b]) => b.toString('utf8'));
      expect(js.some((text) => text.includes('API_1484_11'))).toBe(true);
    }
  });

  for (const version of ['1.2', '2004'] as const) {
    const names =
      version === '1.2'
        ? {
            init: 'LMSInitialize',
            finish: 'LMSFinish',
            exit: 'cmi.core.exit',
            location: 'cmi.core.lesson_location',
          }
        : { init: 'Initialize', finish: 'Terminate', exit: 'cmi.exit', location: 'cmi.location' };

    describe(`SCORM ${version}`, () => {
      /**
       * Each test opens its own page in a fresh browser context (its own storage) and collects its
       * own errors, so one test's failure or leftovers never reach another.
       */
      let page: Page;
      let errors: string[];
      /** Requests to anywhere but the preview LMS: the course must send none (no fonts, CDNs, analytics). */
      let elsewhere: string[];
      const heading = (frame: Frame) =>
        frame.locator('h1[data-focus], h2[data-focus]').first().innerText();

      beforeEach(async () => {
        errors = [];
        elsewhere = [];
        const context = await browser.newContext();
        page = await context.newPage();
        page.on('pageerror', (error) => errors.push(String(error)));
        page.on('request', (request) => {
          const url = new URL(request.url());
          if (!['http:', 'https:'].includes(url.protocol)) return;
          if (url.origin !== new URL(server.url).origin) elsewhere.push(request.url());
        });
        // Every failed load counts, whether or not the browser also logs it (the packaged headless
        // shell and the full Chromium differ: only the full one asks for /favicon.ico).
        page.on('response', (response) => {
          if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
        });
        page.on('console', (message) => {
          if (message.type() === 'error') errors.push(message.text());
        });
      });

      afterEach(async () => {
        await page.context().close();
        expect(elsewhere, 'requests to another origin').toEqual([]);
        expect(errors, 'errors, failed loads and console errors during the test').toEqual([]);
      });

      const file = () => built.find((p) => p.version === version)!.file;
      const lms = () =>
        page.evaluate(() => {
          const state = (
            window as unknown as {
              previewLms: {
                strict?: { calls: ApiCall[]; violations: string[]; values: Map<string, string> };
                lms?: { getFlattenedCMI(): Record<string, unknown> };
              };
            }
          ).previewLms;
          const strict = state.strict!;
          return {
            calls: strict.calls,
            violations: strict.violations,
            values: Object.fromEntries(strict.values),
            held: state.lms?.getFlattenedCMI() ?? {},
          } as LmsView;
        });
      const count = (view: LmsView, fn: string) => view.calls.filter((c) => c.fn === fn).length;
      const calledLms = (fn: string) => calledLmsOn(page, fn);
      const launch = () => launchSco(page, server.url, file(), names.init);

      it('launches from the zip, finds the API, initialises once and sets incomplete + suspend', async () => {
        await page.goto(server.url);
        await page.evaluate(() => localStorage.clear());
        const frame = await launch();
        // The launch writes follow the first view, when the browser is idle.
        await expect.poll(async () => (await lms()).values[names.exit]).toBe('suspend');
        const view = await lms();
        expect(count(view, names.init)).toBe(1);
        expect(view.violations).toEqual([]);
        expect(errors).toEqual([]);
        // The page's own styles (page.css) come with the script (src/styles/page-styles.ts); the
        // one stylesheet link is the static first view's (src/build/first-view.ts): applied all the same.
        const styles = await frame.evaluate(() => ({
          links: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) =>
            l.getAttribute('href'),
          ),
          bodyMargin: getComputedStyle(document.body).margin,
          lineHeight: getComputedStyle(document.documentElement).lineHeight,
          fontSize: getComputedStyle(document.documentElement).fontSize,
        }));
        expect(styles.links).toEqual(['./first-view.css']);
        expect(styles.bodyMargin).toBe('0px');
        expect(Number.parseFloat(styles.lineHeight)).toBe(1.5 * Number.parseFloat(styles.fontSize));
      });

      /** A decision made, then "Save and exit": what the learner left on, and the state saved. */
      const decideAndLeave = async (frame: Frame) => {
        await decideOnce(frame);
        const leftOn = await heading(frame);
        await frame.getByRole('button', { name: 'Save and exit' }).click();
        await calledLms(names.finish);
        const view = await lms();
        return { view, heading: leftOn, state: view.values['cmi.suspend_data'] ?? '' };
      };

      it('records a decision, saves on "Save and exit" and terminates once', async () => {
        const { view } = await decideAndLeave(await launch());
        expect(view.violations).toEqual([]);
        expect(count(view, names.init)).toBe(1);
        expect(count(view, names.finish)).toBe(1);
        expect(view.calls.at(-1)?.fn).toBe(names.finish);
        expect(
          view.calls.every((c) => c.error === 0 || (version === '2004' && c.fn === 'GetValue')),
        ).toBe(true);
        expect(view.values['cmi.interactions.0.id']).toBeTruthy();
        expect(view.values['cmi.suspend_data']).toBeTruthy();
        expect(view.values[names.location]).toBeTruthy();
        expect(view.values[names.exit]).toBe('suspend');
        if (version === '2004') expect(view.values['adl.nav.request']).toBe('suspendAll');
      });

      it('relaunched with the saved data, resumes on the same step', async () => {
        const left = await decideAndLeave(await launch());
        expect(left.heading).not.toBe('');
        expect(left.state).not.toBe('');
        const frame = await launch();
        const view = await lms();
        const got = (element: string) => view.calls.findLast((c) => c.args[0] === element)?.result;
        expect(got(version === '1.2' ? 'cmi.core.entry' : 'cmi.entry')).toBe('resume');
        expect(got('cmi.suspend_data')).toBe(left.state);
        await frame.getByRole('button', { name: 'Continue where you left off' }).click();
        await expect.poll(() => heading(frame)).toBe(left.heading);
        await frame.getByRole('button', { name: 'Save and exit' }).click();
        expect((await lms()).violations).toEqual([]);
      });

      const finishRun = async (frame: Frame) => {
        await frame.getByRole('button', { name: 'Save and exit' }).click();
        await calledLms(names.finish);
        return lms();
      };

      it('a passing run through the UI: passed, completed, scored, every value strict-valid', async () => {
        await page.goto(server.url);
        await page.evaluate(() => localStorage.clear());
        const frame = await launch();
        const actions = await playThroughUi(frame, source.course, 'pass');
        expect(actions.some((a) => a.startsWith('answer'))).toBe(true);
        const view = await finishRun(frame);
        expect(view.violations).toEqual([]);
        expect(count(view, names.init)).toBe(1);
        expect(count(view, names.finish)).toBe(1);
        const interactions = Object.keys(view.values).filter((k) =>
          /^cmi\.interactions\.\d+\.id$/.test(k),
        );
        expect(interactions.length).toBe(
          actions.filter((a) => a.startsWith('answer') || a.startsWith('decide')).length,
        );
        if (version === '1.2') {
          expect(view.values['cmi.core.lesson_status']).toBe('passed');
          expect(Number(view.values['cmi.core.score.raw'])).toBeGreaterThanOrEqual(passMark);
          expect(view.values['cmi.core.exit']).toBe('');
        } else {
          expect(view.values['cmi.completion_status']).toBe('completed');
          expect(view.values['cmi.success_status']).toBe('passed');
          expect(Number(view.values['cmi.score.scaled'])).toBeGreaterThanOrEqual(passMark / 100);
          expect(view.values['cmi.exit']).toBe('normal');
          // Once the level is complete the course asks the LMS for no navigation (Moodle's
          // sequencer answered exitAll with an HTML alert and then a script error).
          expect(view.values['adl.nav.request']).toBeUndefined();
        }
      });

      it('a failing run through the UI: still incomplete, exit suspend, wrong answers recorded', async () => {
        await page.goto(server.url);
        await page.evaluate(() => localStorage.clear());
        const frame = await launch();
        const actions = await playThroughUi(frame, source.course, 'fail');
        expect(actions.at(-1)).toBe('failed: back to the modules');
        const view = await finishRun(frame);
        expect(view.violations).toEqual([]);
        const results = Object.entries(view.values).filter(([k]) =>
          /^cmi\.interactions\.\d+\.result$/.test(k),
        );
        expect(results.some(([, v]) => v === (version === '1.2' ? 'wrong' : 'incorrect'))).toBe(
          true,
        );
        expect(
          view.values[version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.completion_status'],
        ).toBe('incomplete');
        expect(view.values[names.exit]).toBe('suspend');
      });

      it('the preview LMS resets the attempt on demand: the next launch is a first launch', async () => {
        const left = await decideAndLeave(await launch());
        expect(left.state).not.toBe('');
        await page.getByRole('button', { name: 'Reset attempt' }).click();
        await launch();
        const view = await lms();
        const entry = view.calls.find(
          (c) => c.args[0] === (version === '1.2' ? 'cmi.core.entry' : 'cmi.entry'),
        );
        expect(entry?.result).toBe('ab-initio');
        expect(view.calls.find((c) => c.args[0] === 'cmi.suspend_data')?.result).toBe('');
      });

      it('a launch and a decision send no request to any other origin and log no error, CSP and failed loads included', async () => {
        await page.goto(server.url);
        const frame = await launch();
        await decideOnce(frame);
        // afterEach checks what this test collected; here, that the page really was watched.
        expect(await heading(frame)).not.toBe('');
        expect(elsewhere).toEqual([]);
        expect(errors).toEqual([]);
      });

      it('terminates once when the LMS closes the frame (pagehide), with the decision just made saved', async () => {
        const frame = await launch();
        await decideOnce(frame);
        // Closed at once: whatever was still waiting for idle time is written before Terminate.
        await page.getByRole('button', { name: 'Close course (as the LMS would)' }).click();
        await calledLms(names.finish);
        const view = await lms();
        expect(count(view, names.finish)).toBe(1);
        expect(view.values['cmi.interactions.0.id']).toBeTruthy();
        expect(view.values['cmi.suspend_data']).toBeTruthy();
        expect(view.values[names.exit]).toBe('suspend');
        expect(view.values['adl.nav.request']).toBeUndefined();
        // One decision into the level: the LMS, which holds the pass mark from the manifest,
        // must not have judged the learner passed or failed, nor hold a level score.
        if (version === '1.2') {
          expect(view.held['cmi.core.lesson_status']).toBe('incomplete');
          expect(view.held['cmi.core.score.raw'] ?? '').toBe('');
        } else {
          expect(view.held['cmi.completion_status']).toBe('incomplete');
          expect(['unknown', undefined]).toContain(view.held['cmi.success_status']);
          expect(view.held['cmi.score.scaled'] ?? '').toBe('');
        }
        expect(view.violations).toEqual([]);
        expect(errors).toEqual([]);
      });
    });
  }
});
