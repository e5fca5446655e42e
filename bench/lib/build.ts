import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * `npm run build`, timed, into `outDir` instead of dist/ (so the benchmark leaves the working
 * build alone): `vite build` of the web build, then scripts/build-packages.ts (a Vite build per
 * level, then the SCORM 1.2 and 2004 zips), each as its own process, exactly as npm runs them.
 */
export interface BuildTiming {
  readonly webSeconds: number;
  readonly packagesSeconds: number;
  readonly totalSeconds: number;
}

function timed(cwd: string, command: string, args: string[]): number {
  const started = performance.now();
  const result = spawnSync(command, args, {
    cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 180_000,
  });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`,
    );
  return (performance.now() - started) / 1000;
}

/** `levels`: only those levels' packages (bench --only); the build time is then not the whole. */
export function timedBuild(root: string, outDir: string, levels?: readonly string[]): BuildTiming {
  const bin = (name: string) => join(root, 'node_modules', '.bin', name);
  const webSeconds = timed(root, bin('vite'), [
    'build',
    '--outDir',
    join(outDir, 'web'),
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ]);
  const packagesSeconds = timed(root, bin('tsx'), [
    join(root, 'scripts', 'build-packages.ts'),
    '--out',
    outDir,
    ...(levels ?? []).flatMap((level) => ['--level', level]),
  ]);
  return { webSeconds, packagesSeconds, totalSeconds: webSeconds + packagesSeconds };
}
