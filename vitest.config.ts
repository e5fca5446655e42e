import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { coursePlugin } from './src/build/course-plugin.ts';
import { CHROMIUM_ARGS, findChromium } from './scripts/find-chromium.ts';

/**
 * Three projects, by cost, so a quick loop stays quick and slow tests get time that fits their
 * work on a busy 2-core machine (CI is one):
 * - `unit`: pure code in Node (content compiler, engine, adapter formats, packaging rules):
 *   `*.test.ts`, seconds in all. `npx vitest run --project unit`.
 * - `integration`: Node tests that run Vite builds or drive a real Chromium from Node (built
 *   packages in the preview LMS, the launch probe): `*.integration.test.ts`.
 * - `browser`: components and the adapter in real headless Chromium (vitest browser mode):
 *   `*.browser.test.ts`.
 * The browser is found, never downloaded: see scripts/find-chromium.ts.
 */
export default defineConfig(async () => {
  const unit: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'unit',
      environment: 'node',
      include: ['tests/**/*.test.ts'],
      exclude: ['tests/**/*.browser.test.ts', 'tests/**/*.integration.test.ts'],
      // Pure code, but some tests compile the whole real course: under load that can take seconds.
      testTimeout: 30_000,
      hookTimeout: 60_000,
    },
  };
  const integration: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'integration',
      environment: 'node',
      include: ['tests/**/*.integration.test.ts'],
      // One folder per run where a build several files need is made once (a level's packages,
      // the web build): tests/scorm/support/shared-build.ts.
      globalSetup: ['tests/scorm/support/run-folder.ts'],
      // A test here builds packages or launches pages; on a loaded 2-core machine one launch and
      // walk can take tens of seconds.
      testTimeout: 120_000,
      hookTimeout: 300_000,
      // Files run one at a time, each driving its own Chromium. Measured on this 2-core machine
      // under load (December 2026), two at a time were no faster in all (491 s for 14 files,
      // against 388 s for 13 one at a time), and the Moodle file's long walk, sharing the cores
      // with another file's Chromium, took 355 s against 79 s: too near its timeout to be safe.
      fileParallelism: false,
      // One worker runs the files in turn (they share no mocks, and each builds into and opens
      // its own folders and browser), so Vitest can run them beside the unit and browser
      // projects: an isolated one-worker project is held back until every other project is done.
      // Measured on this 2-core machine, quiet: 338 s for the whole `npm test` before, 291 s now.
      isolate: false,
      // A page there may take seconds to reach the state a test waits for (expect.poll's own
      // default is 1 s); a wrong state still fails, after this long.
      expect: { poll: { timeout: 15_000 } },
    },
  };
  const browser: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'browser',
      include: ['tests/**/*.browser.test.ts'],
      // axe over a whole page, or a walk through every page of a module, is seconds of work alone.
      testTimeout: 120_000,
      hookTimeout: 120_000,
      expect: { poll: { timeout: 15_000 } },
      browser: {
        enabled: true,
        headless: true,
        screenshotFailures: false,
        provider: playwright({
          launchOptions: { executablePath: await findChromium(), args: [...CHROMIUM_ARGS] },
        }),
        instances: [{ browser: 'chromium' }],
      },
    },
  };
  const plugins = [
    coursePlugin(),
    // A small, stable course for component tests: tests/compiler/fixtures/valid.
    coursePlugin({ dir: 'tests/compiler/fixtures/valid', id: 'virtual:fixture-course' }),
  ];
  // Pre-bundle the browser tests' dependencies up front: on a cold cache (a fresh clone in CI)
  // Vite would otherwise discover them mid-run, re-optimise and reload, loading Lit twice.
  const optimizeDeps = {
    include: [
      'lit',
      'lit/decorators.js',
      'lit/directives/unsafe-html.js',
      'axe-core',
      // The edition tests compile the real course in Chromium (the content compiler's libraries).
      'ajv',
      'markdown-it',
      'yaml',
    ],
  };
  return { plugins, optimizeDeps, test: { projects: [unit, integration, browser] } };
});
