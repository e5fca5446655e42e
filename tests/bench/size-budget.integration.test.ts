import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUDGETS } from '../../bench/lib/budgets.ts';
import { bundleSizes, type PackageSizes } from '../../bench/lib/sizes.ts';
import { stateBudgets } from '../../src/build/state-budget.ts';
import { buildLevelWeb, loadCourse } from '../../scorm/package/build.ts';
import { readDirectory } from '../../scorm/package/package.ts';

/**
 * The benchmark's byte budgets (bench/README.md), which are deterministic and so can be tests:
 * one level's web build (the same Vite build a package holds) into a temporary folder. The
 * runtime (JS + CSS gzipped, minus the level's course JSON gzipped) is the same code in every
 * level, so the level with the fewest modules stands for all and builds fastest. Timed budgets are
 * left to the report (npm run bench): a timing assertion would only be flaky here.
 */
const course = loadCourse('course');
const level = [...course.levels].sort((a, b) => a.modules.length - b.modules.length)[0]!;

describe(`byte budgets (level ${level.id})`, () => {
  let out: string;
  let sizes: Omit<PackageSizes, 'zip'>;

  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), 'sg-size-budget-'));
    await buildLevelWeb(resolve('.'), resolve('course'), level.id, out);
    sizes = bundleSizes(readDirectory(out), course, level.id);
  });

  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it(`runtime JS + CSS is at most ${BUDGETS.runtimeGzipBytes / 1024} KB gzipped, course text excluded`, () => {
    expect(sizes.js.raw).toBeGreaterThan(sizes.content.raw); // the course really is in the bundle
    expect(sizes.runtimeGzip).toBeGreaterThan(0);
    expect(sizes.runtimeGzip).toBeLessThanOrEqual(BUDGETS.runtimeGzipBytes);
  });

  it('the first view parses no module text: the scenario and question text is in modules/', () => {
    const moduleScripts = sizes.js.raw - sizes.firstRenderJs.raw;
    // At least a third of the course JSON moved out of the bundle (the rest: outlines, and the
    // plain text the page works out from the html).
    expect(moduleScripts).toBeGreaterThan(sizes.content.raw / 3);
    expect(sizes.firstRenderJs.gzip).toBeLessThan(sizes.js.gzip);
  });

  it(`worst-case suspend_data is at most ${BUDGETS.worstCaseSuspendData} characters for every level`, () => {
    for (const budget of stateBudgets(course))
      expect(budget.worstCase, budget.level).toBeLessThanOrEqual(BUDGETS.worstCaseSuspendData);
  });
});
