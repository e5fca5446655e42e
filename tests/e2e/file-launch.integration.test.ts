import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.ts';
import { sharedWebBuild } from '../scorm/support/shared-build.ts';

/**
 * The web build copied to a file share and opened from disk (issue 14): `npm run build`'s web
 * build (vite.config.ts as it is, every level; the run's shared one, which the record-print test
 * opens too), opened at file:// in real Chromium. With a module script the page stayed blank
 * (Chromium blocks module scripts and crossorigin stylesheets from file://); a learner must get
 * from the level chooser to the first decision with no error in the console, the page's CSP kept.
 * The module's scenario text comes from its own classic script (modules/<id>-<hash>.js), loaded
 * from disk when the module opens.
 */
describe('the web build opened from file://', () => {
  let out: string;
  let browser: Browser;

  beforeAll(async () => {
    // As `npm run build` builds it, Lit's production code included (see sharedWebBuild).
    out = await sharedWebBuild();
    browser = await chromium.launch({
      executablePath: await findChromium(),
      args: [...CHROMIUM_ARGS],
    });
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('loads the bundle as a classic script and keeps the strict CSP', () => {
    const page = readFileSync(join(out, 'index.html'), 'utf8');
    expect(page).toMatch(/<script defer src="\.\/assets\/[^"]+\.js"><\/script>/);
    expect(page).not.toContain('type="module"');
    expect(page).not.toContain('crossorigin');
    expect(page).toContain("script-src 'self'; style-src 'self'");
  });

  it('goes from the level chooser to the first decision, with no console error', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    const moduleScripts: string[] = [];
    page.on('request', (r) => {
      if (/\/modules\/[^/]+\.js$/.test(r.url())) moduleScripts.push(r.url());
    });
    try {
      await page.goto(pathToFileURL(join(out, 'index.html')).href);
      await page.getByRole('heading', { name: 'Choose your level' }).waitFor({ timeout: 30_000 });
      // The page's own stylesheet applied (it was refused as a crossorigin request from disk).
      expect(await page.evaluate(() => getComputedStyle(document.body).margin)).toBe('0px');
      await page
        .getByRole('link', { name: /^Start / })
        .first()
        .click();
      await page.getByRole('heading', { name: /Your modules/ }).waitFor({ timeout: 30_000 });
      expect(page.url()).toMatch(/^file:.*index\.html\?level=/);
      await page
        .getByRole('button', { name: /^Start / })
        .first()
        .click();
      await page.getByRole('button', { name: 'Start the scenario' }).click();
      // Narrative steps until the first decision: a group of radios and "Confirm my choice".
      const decision = page.getByRole('button', { name: 'Confirm my choice' });
      for (let i = 0; i < 20 && !(await decision.isVisible()); i++)
        await page.getByRole('main').getByRole('button', { name: 'Continue' }).first().click();
      await expect(decision.isVisible()).resolves.toBe(true);
      expect(moduleScripts).toEqual([expect.stringMatching(/^file:.*\/modules\/[^/]+\.js$/)]);
      expect(await page.getByRole('radio').count()).toBeGreaterThanOrEqual(2);
      expect(problems).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
