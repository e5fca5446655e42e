import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { build } from 'vite';
import { inject } from 'vitest';

/**
 * A build several integration test files need, made once per test run: the first file to ask
 * builds it into this run's folder (tests/scorm/support/run-folder.ts), the others wait for it and
 * read it. The folder is new at every run, so a build never outlives the sources it came from.
 * A file must not change what it gets here: copy it first (the package rig copies its zips).
 *
 * Files may run side by side, each in its own process: a lock folder (made atomically) says who
 * is building, with its process id, so a build whose process died is taken over, not waited on.
 */
export interface SharedBuild<T> {
  /** The build's folder: read it, never write to it. */
  readonly dir: string;
  /** What the build said about itself (JSON: no paths into the folder it was built in). */
  readonly result: T;
}

/** How long to wait for another file's build, at most: a loaded 2-core machine builds slowly. */
const WAIT_MS = 10 * 60_000;

export async function sharedBuild<T>(
  /** A short name for the folder, e.g. `packages-induction`. */
  what: string,
  /** Everything the build depends on besides the sources (options, environment). */
  key: unknown,
  build: (outDir: string) => Promise<T>,
): Promise<SharedBuild<T>> {
  const runDir = inject('sharedBuildDir');
  if (!runDir)
    throw new Error(
      'No folder for shared builds: run this test in the integration project (name it *.integration.test.ts), whose global set-up makes one (tests/scorm/support/run-folder.ts).',
    );
  const hash = createHash('sha256').update(JSON.stringify(key)).digest('hex').slice(0, 16);
  const dir = join(runDir, `${what}-${hash}`);
  const resultFile = join(dir, 'result.json');
  const lock = `${dir}.lock`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    if (existsSync(resultFile))
      return { dir, result: JSON.parse(readFileSync(resultFile, 'utf8')) as T };
    if (takeLock(lock)) {
      try {
        // Built aside and renamed into place whole: a reader never sees half a build.
        const work = `${dir}.building`;
        rmSync(work, { recursive: true, force: true });
        const result = await build(work);
        writeFileSync(join(work, 'result.json'), JSON.stringify(result));
        renameSync(work, dir);
        return { dir, result };
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    }
    if (holderDied(lock)) {
      rmSync(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline)
      throw new Error(
        `Waited ${WAIT_MS / 1000} s for another test file's build of ${what} (${lock}); it neither finished nor failed.`,
      );
    await sleep(250);
  }
}

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  writeFileSync(join(lock, 'pid'), String(process.pid));
  return true;
}

/** The lock's process is gone (killed mid-build): its lock would otherwise be waited on for ever. */
function holderDied(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
  } catch {
    return false; // just taken, its pid not yet written; or just released
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/**
 * The web build as `npm run build` makes it (vite.config.ts as it is, every level, Lit's
 * production code), once per run: the record-print and file:// launch tests both open it. Read
 * it, open it from disk; never write into it.
 */
export async function sharedWebBuild(): Promise<string> {
  const root = resolve('.');
  const { dir } = await sharedBuild(
    'web',
    { root, organisation: process.env.SG_ORG ?? '' },
    async (outDir) => {
      // Under vitest NODE_ENV is "test", and Vite would then resolve Lit's development build,
      // which warns in the console.
      const nodeEnv = process.env.NODE_ENV;
      process.env.NODE_ENV = 'production';
      try {
        await build({
          root,
          configFile: resolve(root, 'vite.config.ts'),
          logLevel: 'warn',
          build: { outDir, emptyOutDir: true },
        });
      } finally {
        process.env.NODE_ENV = nodeEnv;
      }
      return {};
    },
  );
  return dir;
}
