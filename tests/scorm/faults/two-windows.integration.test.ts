import type { BrowserContext, Frame, Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPackageRig, type PackageRig } from '../support/rig.ts';
import { banner, decideOnce, lastSavedState, launchSco, lmsCalls } from '../support/sco-page.ts';

/**
 * Issue 16 case 6 with the built induction zip (SCORM 2004) in the preview LMS, in headless
 * Chromium: the same learner opens the course in two pages of one browser (the preview keeps the
 * attempt in the browser, as an LMS keeps it on its server, and stores what each page's Commit and
 * Terminate hold). Before, the page closed last saved its older work over the other's.
 */
const level = 'induction';

describe('two pages of the course for one learner (built package, preview LMS)', () => {
  let rig: PackageRig;
  let context: BrowserContext;

  beforeAll(async () => {
    rig = await startPackageRig({ courseDir: 'course', levels: [level], versions: ['2004'] });
    context = await rig.browser.newContext();
  }, 240_000);

  afterAll(async () => {
    await context?.close();
    await rig?.close();
  });

  const file = () => rig.built.find((p) => p.version === '2004')!.file;
  const calls = lmsCalls;
  const lastState = lastSavedState;
  const launch = async (): Promise<{ page: Page; frame: Frame }> => {
    const page = await context.newPage();
    return { page, frame: await launchSco(page, rig.server.url, file(), 'Initialize') };
  };
  /** From the module list, the resume screen or inside the scenario, one more decision. */
  const decide = (frame: Frame) => decideOnce(frame, { resume: true, inScenario: true });

  it('the page opened first stops saving and says so; closed last, it does not save over the other', async () => {
    const first = await launch();
    await decide(first.frame);
    await expect
      .poll(async () => (await calls(first.page)).some((c) => c.fn === 'Commit'), {
        timeout: 10_000,
      })
      .toBe(true);
    const firstState = await lastState(first.page);

    const second = await launch();
    await expect
      .poll(() => banner(first.frame), { timeout: 10_000 })
      .toContain(
        'This course is open in another window. Carry on there; this window will not save.',
      );
    expect(await banner(second.frame)).toBe('');
    const firstCalls = (await calls(first.page)).length;

    // The learner goes on in the second page, then leaves it.
    await decide(second.frame);
    await second.frame.getByRole('button', { name: 'Save and exit' }).click();
    await expect
      .poll(async () => (await calls(second.page)).some((c) => c.fn === 'Terminate'))
      .toBe(true);
    const secondState = await lastState(second.page);
    expect(secondState).toBeTruthy();
    expect(secondState).not.toBe(firstState);

    // Back in the first page (its view is older): more clicks, then it is closed, last.
    await first.frame.locator('sg-scenario button').last().click();
    await expect.poll(() => banner(first.frame)).toContain('this window will not save');
    expect((await calls(first.page)).length).toBe(firstCalls);
    await first.page.close({ runBeforeUnload: true });
    await second.page.close();

    // The next launch resumes the second page's work.
    const third = await launch();
    const resumed = (await calls(third.page)).find(
      (c) => c.fn === 'GetValue' && c.args[0] === 'cmi.suspend_data',
    )?.result;
    expect(resumed).toBe(secondState);
    await third.page.close();
  }, 120_000);
});
