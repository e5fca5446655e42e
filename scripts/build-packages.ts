/**
 * `npm run build` (after `vite build`): a web build per level, then a SCORM 1.2 and a SCORM 2004
 * package of each, into dist/packages/. Options: `--level <id>` (repeatable), `--version 1.2|2004`,
 * `--course <dir>` (default course), `--out <dir>` (default dist), `--org <organisation.yaml>`
 * (default the SG_ORG environment variable, else course/organisation.yaml): the edition to build,
 * named in the package file names and the LMS's title. `SG_ORG=… npm run build` reaches every step
 * of the build (npm passes `-- --org` only to the last script of a chain).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildPackages, formatPackageTable } from '../scorm/package/build.ts';
import type { PackageVersion } from '../scorm/package/manifest.ts';

const { values } = parseArgs({
  options: {
    level: { type: 'string', multiple: true },
    version: { type: 'string', multiple: true },
    course: { type: 'string' },
    out: { type: 'string' },
    org: { type: 'string' },
  },
});

const started = performance.now();
try {
  const packages = await buildPackages({
    ...(values.level ? { levels: values.level } : {}),
    ...(values.course ? { courseDir: values.course } : {}),
    ...(values.out ? { outDir: values.out } : {}),
    ...(values.org ? { organisation: values.org } : {}),
    ...(values.version ? { versions: values.version as PackageVersion[] } : {}),
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  // Where they really went, as the caller named it: --out moves them.
  const where = join(values.out ?? 'dist', 'packages');
  console.log(
    `\nSCORM packages (${where}/), built in ${seconds} s:\n${formatPackageTable(packages)}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
