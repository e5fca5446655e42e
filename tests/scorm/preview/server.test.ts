import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZip } from '../../../scorm/package/zip.ts';
import { startPreviewServer, type PreviewServer } from '../../../scorm/preview/server.ts';

describe('the preview LMS server', () => {
  let dir: string;
  let server: PreviewServer;
  const zip = 'course_foundation_scorm2004_v1.0.0.zip';

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'sg-preview-'));
    const files = new Map([
      ['index.html', '<!doctype html><title>SCO</title>'],
      ['assets/app.js', 'export {};'],
    ]);
    writeFileSync(join(dir, zip), await createZip(files));
    writeFileSync(join(dir, 'notes.txt'), 'not a package');
    server = await startPreviewServer({ packagesDir: dir, port: 0 });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(new URL(path, server.url));

  it('lists the packages with their level and SCORM version', async () => {
    const list = (await (await get('/api/packages')).json()) as {
      file: string;
      level: string;
      version: string;
    }[];
    expect(list.map(({ file, level, version }) => ({ file, level, version }))).toEqual([
      { file: zip, level: 'foundation', version: '2004' },
    ]);
  });

  it('serves files straight from the zip, with their content type', async () => {
    const response = await get(`/packages/${zip}/assets/app.js`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(await response.text()).toBe('export {};');
    expect((await get(`/packages/${zip}/missing.js`)).status).toBe(404);
  });

  it('serves the LMS page, its script as JavaScript and scorm-again’s browser builds', async () => {
    expect(await (await get('/')).text()).toContain('/scorm-again/scorm2004.min.js');
    const script = await (await get('/lms/lms.ts')).text();
    expect(script).toContain("from './strict-checks.ts'");
    expect(script).not.toMatch(/: PackageInfo\b/);
    expect((await get('/scorm-again/scorm12.min.js')).status).toBe(200);
  });

  it('refuses paths outside its folders', async () => {
    expect((await get('/lms/..%2Fserver.ts')).status).toBe(404);
    expect((await get('/scorm-again/..%2F..%2Fpackage.json')).status).toBe(404);
    expect((await get('/packages/..%2Fx.zip/index.html')).status).toBe(404);
  });
});
