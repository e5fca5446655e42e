import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type AxeApi from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/find-chromium.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import { facilitatorPack } from '../../src/facilitator/pack.ts';

/**
 * The facilitator pack as a trainer gets it: written to disk, opened from file:// in real
 * Chromium, checked with axe (WCAG 2.2 A/AA), and printed to A4 with nothing cut off.
 */
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
const { course } = compileCourseDirectory('course');
if (!course) throw new Error('The course in course/ does not compile: see tests/course.');
const files = facilitatorPack(course);
/**
 * One level's pages (the one with the most modules) and the top index: every kind of page. axe
 * takes seconds a page, so it reads every module page (where the content varies) and the answers
 * page and poster of the first module (their markup is the same for every module).
 */
const level = [...course.levels].sort((a, b) => b.modules.length - a.modules.length)[0]!;
const checked = files.filter((f) => f.path === 'index.html' || f.path.startsWith(`${level.id}/`));
const first = level.modules[0]!;
const forAxe = checked.filter(
  (f) => !/-(answers|poster)\.html$/.test(f.path) || f.path.startsWith(`${level.id}/${first}-`),
);

/** A4 less GOV.UK's 15 mm print margins, at 96 px an inch: the width printed text must fit. */
const A4_TEXT_WIDTH = Math.floor(((210 - 2 * 15) / 25.4) * 96);

describe(`facilitator pack in Chromium (level ${level.id})`, () => {
  let browser: Browser;
  let page: Page;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-facilitator-'));
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.html);
    }
    browser = await chromium.launch({
      executablePath: await findChromium(),
      args: [...CHROMIUM_ARGS],
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const open = (path: string) => page.goto(pathToFileURL(join(dir, path)).href);

  it.each(forAxe.map((f) => ({ path: f.path })))(
    '$path: axe finds no WCAG 2.2 A/AA violation',
    async ({ path }) => {
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1024, height: 800 });
      await open(path);
      await page.evaluate(AXE_SOURCE);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: typeof AxeApi }).axe;
        const result = await axe.run(document, {
          runOnly: {
            type: 'tag',
            values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
          },
        });
        return result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
        );
      });
      expect(violations).toEqual([]);
    },
  );

  it.each(checked.filter((f) => !f.path.endsWith('index.html')).map((f) => ({ path: f.path })))(
    '$path: printed at A4, nothing runs past the page edge',
    async ({ path }) => {
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: A4_TEXT_WIDTH, height: 1000 });
      await open(path);
      const overflowing = await page.evaluate((limit) => {
        const out: string[] = [];
        for (const el of document.querySelectorAll('main *')) {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && box.right > limit + 1)
            out.push(`${el.tagName.toLowerCase()} ends at ${Math.round(box.right)} px`);
        }
        return out.slice(0, 5);
      }, A4_TEXT_WIDTH);
      expect(overflowing).toEqual([]);
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
      // A module page prints its plan, scenario and reflection sheet on pages of their own.
      expect(pages).toBeGreaterThanOrEqual(
        path.endsWith('-poster.html') || path.endsWith('-answers.html') ? 1 : 3,
      );
      if (path.endsWith('-poster.html')) expect(pages).toBe(1);
    },
  );
});
