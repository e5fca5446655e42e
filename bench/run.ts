/**
 * `npm run bench`: builds every package, measures them and writes bench/REPORT.md (and the raw
 * figures to bench/results/latest.json). See bench/README.md for what each figure means.
 *
 * Options: `--runs <n>` timed launches per package at 4x throttling (default 7, at least 5),
 * `--out <file>` the report (default bench/REPORT.md), `--only <level>` (repeatable) builds and
 * measures only those levels' packages beside the floors, for a quick before/after: its report
 * goes to a temporary file unless `--out` says where, and results/latest.json is left alone.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright';
import { format, resolveConfig } from 'prettier';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.ts';
import { loadCourse } from '../scorm/package/build.ts';
import { listPackages, startPreviewServer } from '../scorm/preview/server.ts';
import { writeBarePackage, writePagesPackage } from './lib/bare.ts';
import {
  capturePages,
  heapAtLaunch,
  playFirstModule,
  throttleCheck,
  timedLaunch,
  type LaunchTiming,
} from './lib/browser.ts';
import { timedBuild } from './lib/build.ts';
import { renderReport, type BenchResults, type TargetTiming } from './lib/report.ts';
import { packageSizes } from './lib/sizes.ts';
import { stateSizes } from './lib/state.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const THROTTLE = 4;
const { values } = parseArgs({
  options: {
    runs: { type: 'string' },
    out: { type: 'string' },
    only: { type: 'string', multiple: true },
  },
});
const ONLY = values.only;
const RUNS = Math.min(25, Math.max(5, Number(values.runs ?? 7) || 7));
const UNTHROTTLED_RUNS = 3;
const REPORT = resolve(
  ROOT,
  values.out ?? (ONLY ? join(tmpdir(), `sg-bench-${ONLY.join('-')}.md`) : 'bench/REPORT.md'),
);

const log = (message: string) =>
  console.log(
    `[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`,
  );
const started = performance.now();

function machine() {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model =
    /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown';
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    // Not a git checkout.
  }
  return {
    node: process.version,
    cpu: model,
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    platform: `${process.platform} ${process.arch}`,
    date: new Date().toISOString(),
    commit,
  };
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'sg-bench-'));
  try {
    log(`building every package into ${work} (npm run build, timed)…`);
    const build = timedBuild(ROOT, work, ONLY);
    log(`built in ${build.totalSeconds.toFixed(1)} s`);

    const course = loadCourse(join(ROOT, 'course'));
    const unknown = (ONLY ?? []).filter((id) => !course.levels.some((l) => l.id === id));
    if (unknown.length > 0)
      throw new Error(
        `--only: the course has no level "${unknown.join('", "')}"; its levels are: ${course.levels.map((l) => l.id).join(', ')}.`,
      );
    const packagesDir = join(work, 'packages');
    const packages = listPackages(packagesDir).map((p) => ({
      ...p,
      sizes: packageSizes(join(packagesDir, p.file), course, p.level),
    }));
    const levels = course.levels
      .filter((l) => !ONLY || ONLY.includes(l.id))
      .map((l) => ({
        id: l.id,
        modules: l.modules.length,
        state: stateSizes(course, l.id),
      }));
    log('sizes and suspend_data measured');

    const bare = {
      '1.2': await writeBarePackage(packagesDir, '1.2'),
      '2004': await writeBarePackage(packagesDir, '2004'),
    };
    const path = {
      '1.2': await writeBarePackage(packagesDir, '1.2', 'path'),
      '2004': await writeBarePackage(packagesDir, '2004', 'path'),
    };
    const server = await startPreviewServer({ packagesDir, port: 0, host: '127.0.0.1' });
    const browser = await chromium.launch({
      executablePath: await findChromium(),
      args: [...CHROMIUM_ARGS],
    });
    try {
      const throttleCheckResult = await throttleCheck(
        browser,
        server.url,
        bare['1.2'].file,
        THROTTLE,
      );
      log(
        `throttle check: the frame runs ${throttleCheckResult.ratio.toFixed(2)}x slower at ${THROTTLE}x`,
      );

      // The pages floor of each level: the pages its SCORM 2004 package shows on the way to the
      // first decision (the 1.2 package shows the same), as static HTML, for both versions.
      const pages: { key: string; file: string }[] = [];
      for (const level of levels) {
        const source = packages.find((p) => p.level === level.id && p.version === '2004');
        if (!source) continue;
        const captured = await capturePages(browser, server.url, source.file);
        for (const version of ['1.2', '2004'] as const) {
          const { file } = await writePagesPackage(packagesDir, version, level.id, captured);
          pages.push({ key: `pages-${level.id}-${version}`, file });
        }
      }
      log(`pages floors written (${pages.length}): the course's own pages as static HTML`);

      const targets = [
        ...packages.map((p) => ({ key: p.file, file: p.file, mode: 'course' as const })),
        // The probe walks a pages floor as it walks the course: the same elements and buttons.
        ...pages.map((p) => ({ ...p, mode: 'course' as const })),
        ...(['1.2', '2004'] as const).map((v) => ({
          key: `bare-${v}`,
          file: bare[v].file,
          mode: 'bare' as const,
        })),
        ...(['1.2', '2004'] as const).map((v) => ({
          key: `path-${v}`,
          file: path[v].file,
          mode: 'path' as const,
        })),
      ];
      const samples = new Map<string, { throttled: LaunchTiming[]; plain: LaunchTiming[] }>(
        targets.map((t) => [t.key, { throttled: [], plain: [] }]),
      );
      const errors: string[] = [];
      const rounds = [
        ...Array.from({ length: UNTHROTTLED_RUNS }, () => 1),
        ...Array.from({ length: RUNS }, () => THROTTLE),
      ];
      for (const [round, rate] of rounds.entries()) {
        // Interleaved, and each round in a rotated order: drift on the machine hits all alike.
        const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
        for (const target of order) {
          try {
            const timing = await timedLaunch(browser, server.url, target.file, target.mode, rate);
            samples.get(target.key)![rate === 1 ? 'plain' : 'throttled'].push(timing);
          } catch (error) {
            errors.push(`${target.key} at ${rate}x: ${(error as Error).message.split('\n')[0]}`);
          }
        }
        log(`timing round ${round + 1}/${rounds.length} (${rate}x) done`);
      }
      const timings: TargetTiming[] = targets.map((t) => ({
        key: t.key,
        mode: t.mode,
        ...samples.get(t.key)!,
      }));

      const floorHeap = {
        '1.2': await heapAtLaunch(browser, server.url, bare['1.2'].file),
        '2004': await heapAtLaunch(browser, server.url, bare['2004'].file),
      };
      const modules = [];
      for (const p of packages) {
        modules.push({
          file: p.file,
          run: await playFirstModule(browser, server.url, p.file, p.version, course),
        });
        log(`played the first module of ${p.level} (SCORM ${p.version})`);
      }

      const results: BenchResults = {
        machine: { ...machine(), chromium: browser.version() },
        throttle: THROTTLE,
        runs: RUNS,
        unthrottledRuns: UNTHROTTLED_RUNS,
        build,
        packages,
        levels,
        throttleCheck: throttleCheckResult,
        timings,
        floorHeap,
        modules,
        errors,
        benchSeconds: (performance.now() - started) / 1000,
      };
      mkdirSync(dirname(REPORT), { recursive: true });
      // Formatted as the repository formats Markdown and JSON, so the committed files stay clean.
      const pretty = async (text: string, file: string, parser: 'markdown' | 'json') =>
        format(text, { ...(await resolveConfig(file)), parser });
      writeFileSync(REPORT, await pretty(renderReport(results), REPORT, 'markdown'));
      if (ONLY) log(`wrote ${REPORT} (--only: results/latest.json left alone)`);
      else {
        const raw = join(ROOT, 'bench', 'results', 'latest.json');
        mkdirSync(dirname(raw), { recursive: true });
        writeFileSync(raw, await pretty(JSON.stringify(results), raw, 'json'));
        log(`wrote ${REPORT} and ${raw}`);
      }
      if (errors.length > 0) {
        console.error(`${errors.length} run(s) failed:\n  ${errors.join('\n  ')}`);
        process.exitCode = 1;
      }
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
