import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageVersion } from '../../scorm/package/manifest.ts';
import { buildPackage, packageFileName, readDirectory } from '../../scorm/package/package.ts';

/**
 * The floor: bench/bare/ (a page that finds the API, initialises and shows a heading) packaged
 * exactly as a level is (same manifest builder, schema files and zip writer), so the preview LMS
 * launches it from its zip in the same frame.
 */
const BARE_DIR = fileURLToPath(new URL('../bare/', import.meta.url));

export async function writeBarePackage(packagesDir: string, version: PackageVersion) {
  const file = packageFileName('bench-bare', 'floor', version, '0');
  const zip = await buildPackage({
    version,
    course: { id: 'bench-bare', title: 'Bare SCO (benchmark floor)', version: '0' },
    level: { id: 'floor', title: 'Floor', passMark: 80 },
    files: readDirectory(BARE_DIR),
  });
  writeFileSync(join(packagesDir, file), zip);
  return { file, bytes: zip.length };
}
