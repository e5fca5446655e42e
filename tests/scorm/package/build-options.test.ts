import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildPackages } from '../../../scorm/package/build.ts';
import type { PackageVersion } from '../../../scorm/package/manifest.ts';

/** Options the package build refuses before building anything (no Vite build runs here). */
let out: string;
beforeEach(() => {
  out = mkdtempSync(join(tmpdir(), 'sg-build-options-'));
});
afterEach(() => rmSync(out, { recursive: true, force: true }));

const courseDir = 'tests/compiler/fixtures/valid';

describe('package build options', () => {
  it('an unknown --level is an error naming the course’s levels, not an empty build', async () => {
    await expect(buildPackages({ courseDir, outDir: out, levels: ['foundaton'] })).rejects.toThrow(
      'The course has no level "foundaton"; its levels are: foundation, advanced.',
    );
    expect(existsSync(join(out, 'packages'))).toBe(false);
  });

  it('an unknown --version is an error', async () => {
    await expect(
      buildPackages({ courseDir, outDir: out, versions: ['2.0' as PackageVersion] }),
    ).rejects.toThrow('No SCORM version "2.0": give 1.2 or 2004.');
  });
});
