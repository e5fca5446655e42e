/**
 * `npm run preview`: the preview LMS on http://127.0.0.1:4174/ — pick a built package (level and
 * SCORM version), launch it, watch the CMI data and API calls, relaunch to resume, reset.
 * Options: `--port <n>`, `--packages <dir>` (default dist/packages).
 */
import { parseArgs } from 'node:util';
import { listPackages, startPreviewServer } from '../scorm/preview/server.ts';

const { values } = parseArgs({
  options: { port: { type: 'string' }, packages: { type: 'string' } },
});
const packagesDir = values.packages ?? 'dist/packages';
const server = await startPreviewServer({
  packagesDir,
  port: values.port ? Number(values.port) : 4174,
});
const count = listPackages(packagesDir).length;
console.log(
  `Preview LMS: ${server.url}\n` +
    (count > 0
      ? `${count} package(s) from ${packagesDir}. Ctrl+C to stop.`
      : `No packages in ${packagesDir} yet: run npm run build, then reload the page.`),
);
process.on('SIGINT', () => void server.close().then(() => process.exit(0)));
