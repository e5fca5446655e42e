/**
 * `npm run test:stress`: the whole `npm test`, three times, while every core is kept busy by
 * another process, to show the suite holds on a loaded machine like CI's (2 cores). Prints each
 * run's time and result, and exits non-zero if any run failed.
 *
 *   npm run test:stress            3 runs, one busy process per core
 *   npm run test:stress -- 1       1 run
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 3);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(
    `test:stress: the number of runs must be a whole number from 1 up (got "${process.argv[2]}").`,
  );
  process.exit(2);
}

/**
 * One process per core, each spinning: the "other work" a shared machine has. Each stops by itself
 * after an hour a run at most, so none outlives this script even if it is killed outright.
 */
const spinFor = runs * 60 * 60 * 1000;
const burners: ChildProcess[] = Array.from({ length: availableParallelism() }, () =>
  spawn(
    process.execPath,
    ['-e', `const end = Date.now() + ${spinFor}; while (Date.now() < end);`],
    {
      stdio: 'ignore',
    },
  ),
);
const stopBurners = () => burners.forEach((b) => b.kill('SIGKILL'));
process.on('exit', stopBurners);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

interface ProjectTime {
  name: string;
  wall: number;
  summed: number;
  files: number;
}
const results: {
  run: number;
  seconds: number;
  ok: boolean;
  summary: string;
  projects: ProjectTime[];
}[] = [];
// Each run's time by project, from scripts/test-timing-reporter.ts (it also prints them).
const timingsDir = mkdtempSync(join(tmpdir(), 'sg-test-stress-'));
for (let run = 1; run <= runs; run++) {
  console.log(`\n=== test:stress run ${run} of ${runs}, ${burners.length} busy processes ===`);
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number; output: string }>((done) => {
    const child = spawn(
      'npm',
      ['test', '--', '--reporter=default', '--reporter=./scripts/test-timing-reporter.ts'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { ...process.env, SG_TEST_TIMINGS: join(timingsDir, `run-${run}.json`) },
      },
    );
    let output = '';
    const keep = (chunk: Buffer) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (exitCode) => done({ code: exitCode ?? 1, output }));
  });
  const seconds = (performance.now() - started) / 1000;
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\x1b\[[0-9;]*m/g, '');
  const summary = /^\s*Tests\s+(.*)$/m.exec(plain)?.[1]?.trim() ?? 'no summary line';
  results.push({ run, seconds, ok: code === 0, summary, projects: readTimings(run) });
}
stopBurners();
rmSync(timingsDir, { recursive: true, force: true });

console.log('\ntest:stress summary');
for (const r of results)
  console.log(
    `  run ${r.run}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s (${r.summary})` +
      r.projects
        .map((p) => `\n    ${p.name}: ${p.wall.toFixed(0)} s wall, ${p.files} files`)
        .join(''),
  );
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

/** A run's time by project; none when the run ended before the reporter wrote them. */
function readTimings(run: number): ProjectTime[] {
  try {
    const file = readFileSync(join(timingsDir, `run-${run}.json`), 'utf8');
    return (JSON.parse(file) as { projects: ProjectTime[] }).projects;
  } catch (error) {
    console.log(`test:stress: no time by project for run ${run} (${String(error)}).`);
    return [];
  }
}
