import { playwright } from '@vitest/browser-playwright';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';
import { coursePlugin } from './src/build/course-plugin.ts';
import { CHROMIUM_ARGS, findChromium } from './src/build/find-chromium.ts';

/**
 * Two kinds of test: pure code (content compiler, engine, packaging) in Node, and components and
 * built packages in real headless Chromium (`*.browser.test.ts`). The browser is found, never
 * downloaded: see src/build/find-chromium.ts.
 */
export default defineConfig(async () => {
  const node: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'node',
      environment: 'node',
      include: ['tests/**/*.test.ts'],
      exclude: ['tests/**/*.browser.test.ts'],
    },
  };
  const browser: TestProjectInlineConfiguration = {
    extends: true,
    test: {
      name: 'browser',
      include: ['tests/**/*.browser.test.ts'],
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
    // A small, stable course for component tests: tests/content/fixtures/valid.
    coursePlugin({ dir: 'tests/content/fixtures/valid', id: 'virtual:fixture-course' }),
  ];
  // Pre-bundle the browser tests' dependencies up front: on a cold cache (a fresh clone in CI)
  // Vite would otherwise discover them mid-run, re-optimise and reload, loading Lit twice.
  const optimizeDeps = {
    include: ['lit', 'lit/decorators.js', 'lit/directives/unsafe-html.js', 'axe-core'],
  };
  return { plugins, optimizeDeps, test: { projects: [node, browser] } };
});
