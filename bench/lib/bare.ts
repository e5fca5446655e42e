import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PackageVersion } from '../../scorm/package/manifest.ts';
import { buildPackage, packageFileName, readDirectory } from '../../scorm/package/package.ts';

/**
 * The floors: bench/bare/ packaged exactly as a level is (same manifest builder, schema files and
 * zip writer), so the preview LMS launches it from its zip in the same frame.
 * - `floor` launches index.html (bare.js): finds the API, initialises and shows a heading.
 * - `path` launches path.html (path.js): the same, then four views of a heading and a button
 *   each and a decision, the clicks the course's path to its first decision takes.
 * - the pages floor (`writePagesPackage`) launches pages.html (pages.js): the same, then the
 *   course's own pages on that path, captured from a level's package, as static HTML.
 */
const BARE_DIR = fileURLToPath(new URL('../bare/', import.meta.url));

export type FloorKind = 'floor' | 'path';

export async function writeBarePackage(
  packagesDir: string,
  version: PackageVersion,
  kind: FloorKind = 'floor',
) {
  const file = packageFileName('bench-bare', kind, version, '0');
  const zip = await buildPackage({
    version,
    course: { id: 'bench-bare', title: 'Bare SCO (benchmark floor)', version: '0' },
    level: { id: kind, title: kind === 'floor' ? 'Floor' : 'Path floor', passMark: 80 },
    files: readDirectory(BARE_DIR),
    launch: kind === 'floor' ? 'index.html' : 'path.html',
  });
  writeFileSync(join(packagesDir, file), zip);
  return { file, bytes: zip.length };
}

/** The course's page styles, which its script adopts (src/styles/page-styles.ts). */
const PAGE_CSS = fileURLToPath(new URL('../../src/styles/page.css', import.meta.url));

/**
 * The pages floor for one level: `pages` (HTML, as `capturePages` keeps them), shown by
 * bench/bare/pages.js, which adopts the course's page styles as the course does (from its script,
 * no stylesheet link), so the floor delivers its pages the way the course does.
 */
export async function writePagesPackage(
  packagesDir: string,
  version: PackageVersion,
  level: string,
  pages: readonly string[],
) {
  const file = packageFileName('bench-pages', level, version, '0');
  const files = readDirectory(BARE_DIR);
  const script = readFileSync(join(BARE_DIR, 'pages.js'), 'utf8');
  const css = readFileSync(PAGE_CSS, 'utf8');
  files.set(
    'pages.js',
    Buffer.from(
      `const PAGES = ${JSON.stringify(pages)};\nconst PAGE_CSS = ${JSON.stringify(css)};\n${script}`,
    ),
  );
  const zip = await buildPackage({
    version,
    course: { id: 'bench-pages', title: 'Pages floor (benchmark)', version: '0' },
    level: { id: level, title: `Pages floor: ${level}`, passMark: 80 },
    files,
    launch: 'pages.html',
  });
  writeFileSync(join(packagesDir, file), zip);
  return { file, bytes: zip.length };
}
