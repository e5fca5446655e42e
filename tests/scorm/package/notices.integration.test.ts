import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NOTICES_FILE } from '../../../scorm/package/notices.ts';
import { readZip } from '../../../scorm/package/zip.ts';

/**
 * The package build as `npm run build:packages` runs it (scripts/build-packages.ts, a child
 * process), on the fixture course's foundation level into a temp --out: it says where the zips
 * went (issue 16, case 13), and every zip and the level's web build carry the third-party
 * notices with Lit's licence text, read from node_modules (case 14).
 */

const litLicence = readFileSync('node_modules/lit-html/LICENSE', 'utf8').trim();
let out: string;
let run: SpawnSyncReturns<string>;

describe('build-packages --out', () => {
  beforeAll(() => {
    out = mkdtempSync(join(tmpdir(), 'sg-notices-build-'));
    run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/build-packages.ts',
        '--course',
        'tests/compiler/fixtures/valid',
        '--level',
        'foundation',
        '--out',
        out,
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
  }, 300_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('builds, and says the packages are in <out>/packages/, not dist/packages/', () => {
    expect(run.error).toBeUndefined();
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`SCORM packages (${join(out, 'packages')}/)`);
    expect(run.stdout).not.toContain('dist/packages');
  });

  it('every zip carries THIRD-PARTY-NOTICES.txt with Lit’s licence, listed in its manifest', () => {
    const zips = ['scorm12', 'scorm2004'].map((slug) =>
      join(out, 'packages', `fixture-course_foundation_${slug}_v1.0.0.zip`),
    );
    for (const zip of zips) {
      const files = readZip(readFileSync(zip));
      const notices = files.get(NOTICES_FILE)?.toString('utf8');
      expect(notices, zip).toContain('lit-html');
      expect(notices, zip).toContain(litLicence);
      expect(files.get('imsmanifest.xml')?.toString('utf8'), zip).toContain(
        `href="${NOTICES_FILE}"`,
      );
    }
  });

  it('the web build (the same Vite config as dist/web) carries the notices too', () => {
    const web = join(out, 'levels', 'foundation', NOTICES_FILE);
    expect(existsSync(web)).toBe(true);
    expect(readFileSync(web, 'utf8')).toContain(litLicence);
  });
});
