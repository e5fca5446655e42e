import type { Frame, Page } from 'playwright';
import type { ApiCall } from '../../../scorm/preview/strict-checks.ts';

/**
 * A built SCO in the preview LMS's page, as the package tests drive it: launched in its frame,
 * the LMS calls it made read back, one decision made through its UI. The runtime, fault and
 * two-window tests each wrote their own copy of these.
 */

/** The calls the SCO made to the preview LMS so far, in order (through the strict observer). */
export function lmsCalls(page: Page): Promise<ApiCall[]> {
  return page.evaluate(
    () =>
      (window as unknown as { previewLms: { strict?: { calls: ApiCall[] } } }).previewLms.strict
        ?.calls ?? [],
  );
}

/** What the SCO last set `cmi.suspend_data` to, if it has. */
export async function lastSavedState(page: Page): Promise<string | undefined> {
  return (await lmsCalls(page)).findLast(
    (c) => /SetValue$/.test(c.fn) && c.args[0] === 'cmi.suspend_data',
  )?.args[1];
}

/** Waits until the SCO has called `fn` (e.g. Initialize, LMSFinish) on the preview LMS. */
export async function calledLms(page: Page, fn: string, timeout = 20_000): Promise<void> {
  await page.waitForFunction(
    (name) =>
      (
        window as unknown as { previewLms: { strict?: { calls: { fn: string }[] } } }
      ).previewLms.strict?.calls.some((c) => c.fn === name) ?? false,
    fn,
    { timeout },
  );
}

/**
 * Opens `pkg` in the preview LMS at `serverUrl` (with `query`, e.g. `fault=no-optional`) and waits
 * for its app and its Initialize (`init`: LMSInitialize or Initialize).
 */
export async function launchSco(
  page: Page,
  serverUrl: string,
  pkg: string,
  init: string,
  query = '',
): Promise<Frame> {
  await page.goto(
    `${serverUrl}?package=${encodeURIComponent(pkg)}&launch=1${query ? `&${query}` : ''}`,
  );
  const frame = await (await page.waitForSelector('#sco')).contentFrame();
  if (!frame) throw new Error(`The preview LMS page has no SCO frame for ${pkg}.`);
  await frame.waitForSelector('sg-app');
  await calledLms(page, init);
  return frame;
}

/**
 * One decision made: from the module list (Start), from the resume screen when `resume` allows it
 * (Continue where you left off), or from inside a scenario, through narrative steps to the first
 * decision, confirmed.
 */
export async function decideOnce(
  frame: Frame,
  from: { resume?: boolean; inScenario?: boolean } = {},
): Promise<void> {
  const resume = frame.getByRole('button', { name: 'Continue where you left off' });
  const start = frame.getByRole('button', { name: /^Start/ }).first();
  if (from.resume && (await resume.isVisible().catch(() => false))) await resume.click();
  else if (!from.inScenario || (await start.isVisible())) {
    await start.click();
    await frame.getByRole('button', { name: 'Start the scenario' }).click();
  }
  for (let i = 0; i < 12; i++) {
    const radio = frame.getByRole('radio').first();
    if (await radio.isVisible().catch(() => false)) {
      await radio.check();
      await frame.getByRole('button', { name: 'Confirm my choice' }).click();
      return;
    }
    await frame.locator('sg-scenario button').last().click();
  }
  throw new Error('No decision within 12 steps');
}

/** The text of the course's alerts (its banners), joined; '' when there is none. */
export async function banner(frame: Frame): Promise<string> {
  return (await frame.locator('[role="alert"]').allInnerTexts()).join(' ');
}
