import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../../scripts/find-chromium.ts';
import {
  buildPackages,
  loadCourse,
  packagesAskedFor,
  type BuildOptions,
  type BuiltPackage,
} from '../../../scorm/package/build.ts';
import { startPreviewServer, type PreviewServer } from '../../../scorm/preview/server.ts';
import { sharedBuild } from './shared-build.ts';

/**
 * Built packages in a temporary folder, the preview LMS serving them and a headless Chromium:
 * what the tests that run real zips need. `prepare` runs before the server starts (to add more
 * zips to `packagesDir`). `close()` undoes it all.
 *
 * A level's packages are built once per test run and shared (shared-build.ts: the same level was
 * built by five files); each rig serves its own copies, so a file may add to or change its folder.
 * With extra Vite plugins the rig builds its own.
 */
export interface PackageRig {
  readonly built: readonly BuiltPackage[];
  readonly packagesDir: string;
  readonly server: PreviewServer;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startPackageRig(
  options: Omit<BuildOptions, 'outDir'>,
  prepare?: (packagesDir: string) => Promise<void>,
): Promise<PackageRig> {
  const out = mkdtempSync(join(tmpdir(), 'sg-packages-'));
  const packagesDir = join(out, 'packages');
  const built = options.plugins
    ? await buildPackages({ ...options, outDir: out })
    : await copySharedPackages(options, packagesDir);
  await prepare?.(packagesDir);
  const server = await startPreviewServer({ packagesDir, port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({
    executablePath: await findChromium(),
    args: [...CHROMIUM_ARGS],
  });
  return {
    built,
    packagesDir,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
  };
}

/**
 * The packages buildPackages would give for `options` (same levels, versions and order), copied
 * from this run's shared build of each level into `packagesDir`.
 */
async function copySharedPackages(
  options: Omit<BuildOptions, 'outDir' | 'plugins'>,
  packagesDir: string,
): Promise<BuiltPackage[]> {
  const root = resolve(options.root ?? process.cwd());
  const courseDir = resolve(root, options.courseDir ?? 'course');
  const organisation = options.organisation && resolve(root, options.organisation);
  // The course's own order and its checks, as buildPackages has them.
  const course = loadCourse(courseDir, organisation);
  const { levels, versions } = packagesAskedFor(course, options);
  mkdirSync(packagesDir, { recursive: true });
  const built: BuiltPackage[] = [];
  for (const level of levels) {
    // Every version of the level, whatever this file asked for: the next file may want the other.
    const shared = await sharedBuild(
      `packages-${level.id}`,
      // The organisation file comes from SG_ORG when not given (src/compiler/load.ts).
      { root, courseDir, level: level.id, organisation: organisation ?? process.env.SG_ORG ?? '' },
      async (outDir) => {
        const packages = await buildPackages({
          root,
          courseDir,
          outDir,
          levels: [level.id],
          ...(organisation ? { organisation } : {}),
        });
        return packages.map(({ path: _path, ...rest }) => rest);
      },
    );
    for (const pkg of shared.result.filter((p) => versions.includes(p.version))) {
      const path = join(packagesDir, pkg.file);
      copyFileSync(join(shared.dir, 'packages', pkg.file), path);
      built.push({ ...pkg, path });
    }
  }
  return built;
}
