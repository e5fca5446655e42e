/**
 * `npm run test:stress`: the whole `npm test`, three times, while every core is kept busy by
 * another process, to show the suite holds on a loaded machine like CI's (2 cores). Prints each
 * run's time and result, and exits non-zero if any run failed.
 *
 *   npm run test:stress            3 runs, one busy process per core
 *   npm run test:stress -- 1       1 run
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';

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

const results: { run: number; seconds: number; ok: boolean; summary: string }[] = [];
for (let run = 1; run <= runs; run++) {
  console.log(`\n=== test:stress run ${run} of ${runs}, ${burners.length} busy processes ===`);
  const started = performance.now();
  const { code, output } = await new Promise<{ code: number; output: string }>((done) => {
    const child = spawn('npm', ['test'], { stdio: ['ignore', 'pipe', 'pipe'] });
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
  results.push({ run, seconds, ok: code === 0, summary });
}
stopBurners();

console.log('\ntest:stress summary');
for (const r of results)
  console.log(
    `  run ${r.run}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds.toFixed(0)} s (${r.summary})`,
  );
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
