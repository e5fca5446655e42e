/**
 * Screenshots of the learner's main screens at 1280px and 320px wide, for docs and for checking
 * the layout by eye: `npx tsx scripts/screenshots.ts` → docs/screenshots/*.png.
 *
 * It builds the course with Vite into a temporary folder, serves it with `vite preview`, and walks
 * through one module in Chromium (found, never downloaded: scripts/find-chromium.ts). It uses the
 * real course in course/ when that compiles, and the small fixture course otherwise (another
 * author may be mid-edit); set COURSE_DIR to choose a folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type AxeApi from 'axe-core';
import { chromium, type Page } from 'playwright';
import { build, preview } from 'vite';
import { coursePlugin } from '../src/build/course-plugin.ts';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.ts';
import { hasErrors } from '../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../src/compiler/load.ts';
import type { Course } from '../src/model/course.ts';
import { initialState, levelContent, serialise } from '../src/engine/index.ts';

/** The main screens, committed under docs/ and shown in the README; the rest go to a temp folder. */
const DOCS = resolve('docs/screenshots');
const MAIN_SCREENS = new Set([
  'level-chooser',
  'module-list',
  'module-start',
  'scenario-decision',
  'scenario-consequence',
  'scenario-reveal',
  'question-matching',
  'results',
  'reflection',
]);
const EXTRA = mkdtempSync(join(tmpdir(), 'sg-screenshots-'));
const screenshotPath = (name: string, width: number) =>
  join(MAIN_SCREENS.has(name) ? DOCS : EXTRA, `${name}-${width}.png`);
const WIDTHS = [1280, 320] as const;
const FIXTURE = 'tests/compiler/fixtures/valid';
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);
let axeViolations = 0;

/** axe-core (WCAG 2.0–2.2 A/AA) on the page as it is; prints and counts violations. */
async function axeCheck(page: Page, name: string) {
  // page.evaluate runs through the DevTools protocol, which the page's CSP does not block.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof AxeApi }).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map(
      (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`,
    );
  });
  axeViolations += violations.length;
  for (const v of violations) console.warn(`  axe, ${name}: ${v}`);
}

function courseDir(): { dir: string; level: string; course: Course } {
  const wanted = process.env.COURSE_DIR ?? 'course';
  for (const dir of [wanted, FIXTURE]) {
    const result = compileCourseDirectory(dir);
    if (result.course && !hasErrors(result.diagnostics)) {
      if (dir !== wanted) console.warn(`${wanted}/ does not compile; using ${dir} instead.`);
      // The last level is usually the richest (every question type): the default.
      const levels = result.course.levels;
      const level = levels.find((l) => l.id === process.env.LEVEL) ?? levels[levels.length - 1];
      return { dir, level: level?.id ?? '', course: result.course };
    }
  }
  throw new Error('No course compiles.');
}

async function main() {
  const { dir, level, course } = courseDir();
  const outDir = mkdtempSync(join(tmpdir(), 'sg-screens-'));
  await build({
    configFile: false,
    root: process.cwd(),
    base: './',
    logLevel: 'warn',
    plugins: [coursePlugin({ dir })],
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  const server = await preview({
    configFile: false,
    root: process.cwd(),
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 4317, strictPort: false },
  });
  const url = server.resolvedUrls?.local[0] ?? 'http://127.0.0.1:4317/';
  const browser = await chromium.launch({
    executablePath: await findChromium(),
    args: [...CHROMIUM_ARGS],
  });
  mkdirSync(DOCS, { recursive: true });
  try {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      // The same quiz draw on every run (the app seeds it from Math.random), so the committed
      // screenshots change only when the course or its look does.
      await context.addInitScript(() => {
        Math.random = () => 7 / 2 ** 32;
      });
      const page = await context.newPage();
      // Report console errors (a CSP violation shows up here).
      page.on('console', (message) => {
        if (message.type() === 'error') console.warn(`  console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => console.warn(`  page error: ${error.message}`));
      // Fail loudly on any request to another origin.
      page.on('request', (request) => {
        if (!request.url().startsWith(url) && !request.url().startsWith('blob:'))
          throw new Error(`Request to another origin: ${request.url()}`);
      });
      await walk(page, url, level, width);
      await resumeAtReflection(page, url, course, level, width);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
      );
      if (overflow) console.warn(`Horizontal scrolling at ${width}px on the last screen.`);
      await context.close();
    }
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.httpServer.close(() => done()));
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`axe: ${axeViolations} violation(s) over the screens above (WCAG 2.0–2.2 A/AA).`);
  console.log(`Main screens in docs/screenshots/; the others in ${EXTRA}.`);
  if (axeViolations > 0) process.exitCode = 1;
}

async function walk(page: Page, url: string, level: string, width: number) {
  const seen = new Set<string>();
  const shot = async (name: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    if (overflow) console.warn(`  ${name}: horizontal scrolling at ${width}px`);
    await page.screenshot({ path: screenshotPath(name, width), fullPage: true });
    // The README shows phones as a phone's first screen: a full page at 320 px is too tall to sit
    // beside the others.
    if (width === 320 && MAIN_SCREENS.has(name)) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({
        path: join(DOCS, `${name}-320-screen.png`),
        clip: { x: 0, y: 0, width: 320, height: 640 },
      });
    }
    await axeCheck(page, `${name}-${width}`);
    console.log(`  ${name}-${width}.png`);
  };
  const button = (name: string | RegExp) => page.getByRole('button', { name }).first();
  const has = async (name: string | RegExp) =>
    (await page.getByRole('button', { name }).count()) > 0;

  await page.goto(url);
  await shot('level-chooser');
  await page.goto(`${url}?level=${level}`);
  await shot('module-list');
  // The focus style, reached by keyboard: skip link, Save and exit, then the first module's button.
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await shot('focus-visible');
  await page.emulateMedia({ forcedColors: 'active' });
  await shot('forced-colors');
  await page.emulateMedia({ forcedColors: 'none' });
  await button(/^Start /).click();
  await shot('module-start');
  await button('Start the scenario').click();

  for (let i = 0; i < 60; i++) {
    const heading = (await page.locator('sg-scenario h1').textContent()) ?? '';
    if (await has('Confirm my choice')) {
      await shot('scenario-decision');
      await button('Confirm my choice').click();
      await shot('scenario-decision-error');
      await page.locator('sg-scenario input[type="radio"]').first().check();
      await button('Confirm my choice').click();
      await shot('scenario-consequence');
      await button('Continue').click();
    } else if (await has('Continue to the quiz')) {
      await shot('scenario-ending');
      await button('Continue to the quiz').click();
      break;
    } else if (await has(/^Continue to reflection$/)) {
      await shot('scenario-ending');
      await button('Continue to reflection').click();
      break;
    } else {
      await shot(
        heading.includes('What the review found') ? 'scenario-reveal' : 'scenario-narrative',
      );
      await button('Continue').click();
    }
  }

  for (let i = 0; i < 40 && (await has('Submit answer')); i++) {
    const q = page.locator('sg-question');
    const type = (await q.locator('select').count())
      ? 'matching'
      : (await q.locator('.ordering').count())
        ? 'ordering'
        : (await q.locator('input[type="checkbox"]').count())
          ? 'multiple'
          : (await q.getByLabel('True', { exact: true }).count())
            ? 'true-false'
            : 'single';
    await shot(`question-${type}`);
    if (type !== 'ordering') {
      await button('Submit answer').click();
      await shot('question-error');
    }
    if (type === 'matching') {
      const selects = q.locator('select');
      for (let s = 0; s < (await selects.count()); s++)
        await selects.nth(s).selectOption({ index: s + 1 });
    } else if (type === 'ordering') {
      await q
        .getByRole('button', { name: /^Move down/ })
        .first()
        .click();
    } else {
      await q.locator('input').first().check();
    }
    await button('Submit answer').click();
    await shot('question-feedback');
    await button(/^(Next question|See your results)$/).click();
  }
  if (await has('Continue to reflection')) {
    await shot('results');
    await button('Continue to reflection').click();
  } else if (await has('Try the quiz again')) {
    await shot('results');
  }
  await button('Save and exit').click();
  await shot('saved');
}

/**
 * The walk above may not pass the quiz, so the reflection is reached by saved progress: the first
 * module at its reflection, stored as the standalone session stores it. That shows "Welcome back".
 */
async function resumeAtReflection(
  page: Page,
  url: string,
  course: Course,
  level: string,
  width: number,
) {
  const content = levelContent(course, level);
  const fresh = initialState(content, 1);
  const state = {
    ...fresh,
    current: 0,
    modules: fresh.modules.map((m, i) =>
      i === 0 ? { ...m, phase: 'reflection' as const, completed: true } : m,
    ),
  };
  const saved = JSON.stringify({ state: serialise(content, state), location: 'reflection' });
  // Leave the level first: its page saves its own progress as it closes (pagehide).
  await page.goto(url);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    `sg-progress:${course.id}:${level}`,
    saved,
  ] as const);
  await page.goto(`${url}?level=${level}`);
  await page.screenshot({ path: screenshotPath('resume', width), fullPage: true });
  await axeCheck(page, `resume-${width}`);
  await page.getByRole('button', { name: 'Continue where you left off' }).click();
  await page
    .locator('sg-reflection textarea')
    .first()
    .fill('To look for every child in the household.');
  await page.screenshot({ path: screenshotPath('reflection', width), fullPage: true });
  await axeCheck(page, `reflection-${width}`);
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: screenshotPath('reflection-print', width), fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  console.log(`  resume-${width}.png, reflection-${width}.png, reflection-print-${width}.png`);
}

await main();
