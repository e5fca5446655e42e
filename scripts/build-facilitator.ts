/**
 * `npm run build` (last step): the facilitator packs and story maps, per level, into
 * dist/facilitator/ (or `--out <dir>`/facilitator), from the compiled course in course/ (or
 * `--course <dir>`). See src/facilitator/pack.ts for what each page holds.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDiagnostics } from '../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../src/compiler/load.ts';
import { facilitatorPack } from '../src/facilitator/pack.ts';

const { values } = parseArgs({
  options: { course: { type: 'string' }, out: { type: 'string' } },
});
const outDir = join(values.out ?? 'dist', 'facilitator');
const { course, diagnostics } = compileCourseDirectory(values.course ?? 'course');
if (!course) {
  console.error(formatDiagnostics(diagnostics.filter((d) => d.severity === 'error')));
  process.exit(1);
}
const files = facilitatorPack(course);
rmSync(outDir, { recursive: true, force: true });
for (const file of files) {
  const path = join(outDir, file.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, file.html);
}
console.log(
  `Facilitator packs (${outDir}/): ${files.length} pages, open ${join(outDir, 'index.html')}`,
);
