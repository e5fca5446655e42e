/**
 * `npx tsx scripts/screenshots-facilitator.ts`: pictures of the facilitator pack for the README and
 * docs/authoring.md: the top of a module's pack page and its story map, from the real course.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.ts';
import { formatDiagnostics } from '../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../src/compiler/load.ts';
import { facilitatorPack } from '../src/facilitator/pack.ts';

const PAGE = 'intermediate/child-h.html';
const { course, diagnostics } = compileCourseDirectory('course');
if (!course) {
  console.error(formatDiagnostics(diagnostics));
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'sg-facilitator-shots-'));
for (const file of facilitatorPack(course)) {
  mkdirSync(dirname(join(dir, file.path)), { recursive: true });
  writeFileSync(join(dir, file.path), file.html);
}
const browser = await chromium.launch({
  executablePath: await findChromium(),
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1100 } });
  await page.goto(pathToFileURL(join(dir, PAGE)).href);
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: 'docs/screenshots/facilitator-pack-1024.png' });
  await page.locator('.map').screenshot({ path: 'docs/screenshots/story-map.png' });
  console.log('docs/screenshots/facilitator-pack-1024.png, docs/screenshots/story-map.png');
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
