import type { Frame, Page } from 'playwright';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startPackageRig, type PackageRig } from '../support/rig.ts';
import { banner, decideOnce, launchSco, lmsCalls } from '../support/sco-page.ts';

/**
 * The built induction zips in the preview LMS made to misbehave (`?fault=`, see
 * scorm/preview/strict-checks.ts), in headless Chromium, driven through the UI: what the learner
 * sees when the LMS refuses Initialize, lacks optional elements, or answers Terminate unclearly.
 */
const level = 'induction';

describe('the built package against a misbehaving LMS (what the learner sees)', () => {
  let rig: PackageRig;

  beforeAll(async () => {
    rig = await startPackageRig({ courseDir: 'course', levels: [level] });
  }, 180_000);

  afterAll(() => rig?.close());

  for (const version of ['1.2', '2004'] as const) {
    const names =
      version === '1.2'
        ? { init: 'LMSInitialize', finish: 'LMSFinish', set: 'LMSSetValue' }
        : { init: 'Initialize', finish: 'Terminate', set: 'SetValue' };

    describe(`SCORM ${version}`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await rig.browser.newPage();
      });
      afterAll(() => page?.close());
      // Each test starts with no attempt in the preview LMS and no copy of progress in the browser.
      beforeEach(async () => {
        await page.goto(rig.server.url);
        await page.evaluate(() => localStorage.clear());
      });

      const file = () => rig.built.find((p) => p.version === version)!.file;
      const calls = () => lmsCalls(page);
      const launch = (fault = ''): Promise<Frame> =>
        launchSco(page, rig.server.url, file(), names.init, fault ? `fault=${fault}` : '');
      const decide = (frame: Frame) => decideOnce(frame, { resume: true });
      const saveAndExit = async (frame: Frame) => {
        await frame.getByRole('button', { name: 'Save and exit' }).click();
        return frame.locator('h1').first().innerText();
      };
      it('Initialize refused on every try: told plainly, the work kept, and handed to the LMS at the next launch', async () => {
        const first = await launch();
        await decide(first);
        await saveAndExit(first);
        await expect
          .poll(async () => (await calls()).some((c) => c.fn === names.finish))
          .toBe(true);
        const before = (await calls()).findLast(
          (c) => c.fn === names.set && c.args[0] === 'cmi.suspend_data',
        )?.args[1];
        expect(before).toBeTruthy();

        const refused = await launch('refuse-initialize');
        await expect.poll(() => banner(refused)).toMatch(/did not answer when this course opened/);
        expect(await refused.locator('body').innerText()).not.toMatch(/not being recorded/);
        await decide(refused);
        expect(await saveAndExit(refused)).toBe('Your progress could not be saved');
        expect(await banner(refused)).toMatch(/open the course again from the learning system/);
        const kept = await page.evaluate(
          (key) => JSON.parse(localStorage.getItem(key) ?? '{}') as { state?: string },
          `sg-progress:learning-from-case-reviews:${level}:lms-unidentified`,
        );
        expect(kept.state).toBeTruthy();
        expect(kept.state).not.toBe(before);

        // The next launch that works: the work done meanwhile reaches the LMS.
        const next = await launch();
        await expect
          .poll(
            async () =>
              (await calls()).findLast(
                (c) => c.fn === names.set && c.args[0] === 'cmi.suspend_data',
              )?.args[1],
            { timeout: 10_000 },
          )
          .toBe(kept.state);
        await saveAndExit(next);
      }, 120_000);

      it('an LMS without the optional elements: no alarm, and "Save and exit" says saved', async () => {
        const frame = await launch('no-optional');
        await decide(frame);
        expect(await saveAndExit(frame)).toBe('Your progress is saved');
        expect(await banner(frame)).toBe('');
      }, 60_000);

      it('an unclear answer to Terminate after a confirmed Commit: "Your progress is saved"', async () => {
        const frame = await launch('terminate-junk');
        await decide(frame);
        // The decision's Commit goes behind the view: wait for it.
        await expect
          .poll(async () => (await calls()).some((c) => /Commit$/.test(c.fn)), { timeout: 10_000 })
          .toBe(true);
        expect(await saveAndExit(frame)).toBe('Your progress is saved');
      }, 60_000);
    });
  }
});
