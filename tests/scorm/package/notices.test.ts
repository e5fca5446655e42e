import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  bundledPackages,
  NOTICES_FILE,
  thirdPartyNotices,
} from '../../../scorm/package/notices.ts';
import { packageFiles } from '../../../scorm/package/package.ts';

/**
 * Third-party notices (issue 16, case 14), from the module ids a bundler reports. The built zips
 * are opened in notices.integration.test.ts.
 */

const modules = resolve('node_modules');
const litLicence = readFileSync(join(modules, 'lit-html', 'LICENSE'), 'utf8').trim();
let temp: string | undefined;
afterEach(() => {
  if (temp) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
});

describe('third-party notices', () => {
  it('names each bundled package once, with the licence text it ships, and not the project’s own code', () => {
    const packages = bundledPackages([
      join(modules, 'lit-html', 'lit-html.js'),
      join(modules, 'lit-html', 'directives', 'unsafe-html.js'),
      join(modules, '@lit', 'reactive-element', 'reactive-element.js?commonjs-proxy'),
      resolve('src', 'main.ts'),
      '\0virtual:course',
    ]);
    expect(packages.map((p) => `${p.name} ${p.license}`)).toEqual([
      '@lit/reactive-element BSD-3-Clause',
      'lit-html BSD-3-Clause',
    ]);
    expect(packages[1]!.licenceText).toBe(litLicence);
    const notices = thirdPartyNotices(packages);
    expect(notices).toContain('lit-html 3.');
    expect(notices).toContain(litLicence);
    expect(litLicence).toMatch(/BSD 3-Clause License[\s\S]*Google LLC/);
  });

  it('credits Vite for its module-preload polyfill with Vite’s own licence only', () => {
    const [vite] = bundledPackages(['\0vite/modulepreload-polyfill.js']);
    expect(vite?.name).toBe('vite');
    expect(vite?.licenceText).toMatch(/^# Vite core license[\s\S]*MIT License/);
    expect(vite?.licenceText).not.toContain('Licenses of bundled dependencies');
  });

  it('refuses a bundled package that ships no licence file, naming it', () => {
    temp = mkdtempSync(join(tmpdir(), 'sg-notices-'));
    const dir = join(temp, 'node_modules', 'unlicensed');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"name":"unlicensed","version":"1.0.0"}');
    writeFileSync(join(dir, 'index.js'), 'export {};');
    expect(() => bundledPackages([join(dir, 'index.js')])).toThrow(
      /unlicensed 1\.0\.0 is bundled into the course, but ships no licence file/,
    );
  });

  it('the packaging keeps the web build’s notices file in the zip and lists it in the manifest', () => {
    const files = packageFiles({
      version: '2004',
      course: { id: 'c', title: 'C', version: '1.0.0' },
      level: { id: 'l', title: 'L', passMark: 80 },
      files: new Map([
        ['index.html', Buffer.from('<!doctype html><title>t</title>')],
        [
          NOTICES_FILE,
          Buffer.from(
            thirdPartyNotices(bundledPackages([join(modules, 'lit-html', 'lit-html.js')])),
          ),
        ],
      ]),
    });
    expect(String(files.get(NOTICES_FILE))).toContain(litLicence);
    expect(String(files.get('imsmanifest.xml'))).toContain(`href="${NOTICES_FILE}"`);
  });
});
