import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type AxeApi from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackages, type BuiltPackage } from '../../scorm/package/build.ts';
import { readZip } from '../../scorm/package/zip.ts';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.ts';

/**
 * Issue 13: two editions built from two organisation files, as `SG_ORG=… npm run build` builds
 * them (buildPackages with the file named), the induction level only, SCORM 1.2 only (the
 * editions differ in content, not in packaging). Each built web build is served over HTTP and
 * taken by a learner in real Chromium to the induction module's start and its first step: the
 * edition's contacts, logo and colours must show there and in the footer, with no axe violation.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const FIXTURES = 'tests/fixtures/organisations';
const EDITIONS = {
  northshire: `${FIXTURES}/northshire/organisation.yaml`,
  eastbay: `${FIXTURES}/eastbay/organisation.yaml`,
} as const;
const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain',
};

/** A static server for one folder: the built page, as an LMS or a web server serves it. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path =
      normalize(decodeURIComponent((req.url ?? '/').split('?')[0]!)).replace(/^\/+/, '') ||
      'index.html';
    try {
      const body = readFileSync(join(dir, path));
      res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end();
    }
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ server, url: `http://127.0.0.1:${port}/` });
    }),
  );
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeApi }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join('; ')}`);
  });
}

describe('two editions built from two organisation files', () => {
  const out = mkdtempSync(join(tmpdir(), 'sg-editions-'));
  const built: Record<string, BuiltPackage[]> = {};
  let browser: Browser;

  beforeAll(async () => {
    for (const [name, organisation] of Object.entries(EDITIONS))
      built[name] = await buildPackages({
        outDir: join(out, name),
        levels: ['induction'],
        versions: ['1.2'],
        organisation,
      });
    browser = await chromium.launch({
      executablePath: await findChromium(),
      args: [...CHROMIUM_ARGS],
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('names each edition in its package file name and in the manifest’s titles', () => {
    const expected = {
      northshire: ['northshire-council', 'Northshire Council'],
      eastbay: ['eastbay-nhs', 'Eastbay NHS Trust'],
    } as const;
    for (const [name, [id, organisation]] of Object.entries(expected)) {
      const [pkg] = built[name]!;
      expect(pkg!.file).toBe(`learning-from-case-reviews_${id}_induction_scorm12_v0.1.0.zip`);
      const manifest = readZip(readFileSync(pkg!.path)).get('imsmanifest.xml')!.toString('utf8');
      const title = `Learning from case reviews: safeguarding children: Induction (${organisation})`;
      // The organization's title and the SCO's: what the LMS lists.
      expect(manifest.match(/<title>[^<]*<\/title>/g)).toEqual([
        `<title>${title}</title>`,
        `<title>${title}</title>`,
      ]);
    }
  });

  const cases = [
    {
      name: 'northshire',
      support: [
        'Talk to your manager or Sam Patel, Designated Safeguarding Lead, on 01632 960 001 or safeguarding@northshire.example',
        'contact the Northshire Children’s Front Door (MASH), on 01632 960 222.',
        'contact the Northshire LADO team, on 01632 960 333 or lado@northshire.example.',
      ],
      footer: 'This course is provided by Northshire Council.',
      logo: 'Northshire Council',
      button: 'rgb(90, 45, 130)',
      page: 'rgb(26, 26, 46)',
      route: 'Sam Patel, Designated Safeguarding Lead, on 01632 960 001',
    },
    {
      name: 'eastbay',
      support: [
        'Talk to your manager or the Eastbay Trust safeguarding team, on 01632 960 444 (every day, 8am to 8pm).',
        'contact Eastbay Children’s Services Contact Centre, on 01632 960 555.',
        'contact the Eastbay LADO, on 01632 960 666.',
      ],
      footer: 'Talk to your manager or the Eastbay Trust safeguarding team, on 01632 960 444',
      logo: undefined,
      button: 'rgb(0, 112, 60)',
      page: 'rgb(11, 12, 12)',
      route: 'the Eastbay Trust safeguarding team, on 01632 960 444',
    },
  ] as const;

  for (const edition of cases)
    it(`${edition.name}: its contacts at the module start, in the footer and on the induction route; its colours; axe 0`, async () => {
      const { server, url } = await serve(join(out, edition.name, 'levels', 'induction'));
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        await page.goto(url);
        await page
          .getByRole('button', { name: /^Start/ })
          .first()
          .click();
        const support = page.locator('sg-module-start section.warning');
        await expect.poll(() => support.textContent()).toBeTruthy();
        const supportText = (await support.innerText()).replace(/\s+/g, ' ');
        for (const line of edition.support) expect(supportText).toContain(line);
        const footer = (await page.locator('footer').innerText()).replace(/\s+/g, ' ');
        expect(footer).toContain(edition.footer);
        const logos = page.locator('footer img');
        if (edition.logo) expect(await logos.getAttribute('alt')).toBe(edition.logo);
        else expect(await logos.count()).toBe(0);
        const start = page.getByRole('button', { name: 'Start the scenario' });
        expect(await start.evaluate((b) => getComputedStyle(b).backgroundColor)).toBe(
          edition.button,
        );
        // The page's own text colour: the edition's token on :root (page.css).
        expect(await page.evaluate(() => getComputedStyle(document.documentElement).color)).toBe(
          edition.page,
        );
        expect(await axeViolations(page)).toEqual([]);
        // The induction module's first step says where this learner's own route is.
        await start.click();
        const route = page.locator('sg-scenario').getByText('Where you work');
        const step = (await route.innerText()).replace(/\s+/g, ' ');
        expect(step).toContain(edition.route);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
        server.close();
      }
    });

  it('a training lead’s local module (profile: local, one decision) builds and plays', async () => {
    const local = await buildPackages({
      courseDir: `${FIXTURES}/local-module`,
      outDir: join(out, 'local'),
      versions: ['1.2'],
    });
    // Its own organisation.yaml, beside its course.yaml, names the edition.
    expect(local.map((p) => p.file)).toEqual([
      'eastbay-local_eastbay-nhs_local_scorm12_v1.0.0.zip',
    ]);
    const { server, url } = await serve(join(out, 'local', 'levels', 'local'));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url);
      await page
        .getByRole('button', { name: /^Start/ })
        .first()
        .click();
      await page.getByRole('button', { name: 'Start the scenario' }).click();
      // The step's image, bundled into the package from the course's images/ folder.
      const image = page.getByRole('img', { name: /^The ward's safeguarding noticeboard/ });
      await image.waitFor();
      expect(await image.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(8);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByText('Tell the Eastbay Trust safeguarding team what you saw.').waitFor();
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await context.close();
      server.close();
    }
  });

  it('a palette below WCAG 2.2 AA stops the build, naming the failing pair', async () => {
    await expect(
      buildPackages({
        outDir: join(out, 'low-contrast'),
        levels: ['induction'],
        versions: ['1.2'],
        organisation: `${FIXTURES}/low-contrast/organisation.yaml`,
      }),
    ).rejects.toThrow(
      /low-contrast\/organisation\.yaml:\d+:3 {2}colours "button-text" #eeeeee on "button" #ffdd00 \(text on buttons\) have a contrast of 1\.16:1; WCAG 2\.2 AA needs at least 4\.5:1/,
    );
  });
});
