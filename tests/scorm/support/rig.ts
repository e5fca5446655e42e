import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from '../../../src/build/find-chromium.ts';
import {
  buildPackages,
  type BuildOptions,
  type BuiltPackage,
} from '../../../scorm/package/build.ts';
import { startPreviewServer, type PreviewServer } from '../../../scorm/preview/server.ts';

/**
 * Built packages in a temporary folder, the preview LMS serving them and a headless Chromium:
 * what the tests that run real zips need. `prepare` runs before the server starts (to add more
 * zips to `packagesDir`). `close()` undoes it all.
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
  const built = await buildPackages({ ...options, outDir: out });
  const packagesDir = join(out, 'packages');
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
