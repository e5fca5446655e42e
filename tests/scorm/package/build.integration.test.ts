import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCourseDirectory } from '../../../src/compiler/load.ts';
import { courseShape, parseShape, SHAPE_FILE } from '../../../src/build/course-shape.ts';
import { onlyLevel } from '../../../src/build/course-plugin.ts';
import {
  buildPackages,
  formatPackageTable,
  type BuiltPackage,
} from '../../../scorm/package/build.ts';
import { checkPackage } from '../../../scorm/package/conformance.ts';
import { validateManifest } from '../../../scorm/package/schema-check.ts';
import { readZip } from '../../../scorm/package/zip.ts';

/**
 * Builds real packages into a temp folder (no prior `npm run build` needed): one level of the
 * fixture course always, and every level of the real course when its content compiles (it is being
 * written as we go). About a second per level.
 */
const real = compileCourseDirectory('course');
const sources = [
  { name: 'fixture course', dir: 'tests/compiler/fixtures/valid', levels: ['foundation'] },
  { name: 'real course', dir: 'course', levels: real.course?.levels.map((l) => l.id) ?? [] },
] as const;

for (const source of sources) {
  const compiled = compileCourseDirectory(source.dir);
  const usable =
    compiled.course !== undefined && !compiled.diagnostics.some((d) => d.severity === 'error');
  describe.skipIf(!usable)(`packages built from the ${source.name}`, () => {
    let out: string;
    let built: BuiltPackage[];

    beforeAll(async () => {
      out = mkdtempSync(join(tmpdir(), 'sg-packages-'));
      built = await buildPackages({ courseDir: source.dir, outDir: out, levels: source.levels });
    });
    afterAll(() => rmSync(out, { recursive: true, force: true }));

    it('writes a SCORM 1.2 and a SCORM 2004 zip per level, named by course, level, version and course version', () => {
      const course = compiled.course!;
      expect(built.map((p) => p.file)).toEqual(
        source.levels.flatMap((level) => [
          `${course.id}_${level}_scorm12_v${course.version}.zip`,
          `${course.id}_${level}_scorm2004_v${course.version}.zip`,
        ]),
      );
      expect(formatPackageTable(built)).toMatch(/worst-case suspend_data/);
    });

    it('every package: manifest at the root, schema-valid, every profile rule met', async () => {
      for (const pkg of built) {
        const files = readZip(readFileSync(pkg.path));
        const manifest = files.get('imsmanifest.xml')?.toString('utf8');
        expect(manifest, pkg.file).toBeDefined();
        expect(await validateManifest(pkg.version, manifest!, files), pkg.file).toEqual({
          valid: true,
          errors: [],
        });
        expect(checkPackage(pkg.version, files), pkg.file).toEqual([]);
      }
    });

    it('every package carries its level’s shape: the module hashes its own course saves progress under', () => {
      for (const pkg of built) {
        const shape = parseShape(readZip(readFileSync(pkg.path)).get(SHAPE_FILE)!.toString('utf8'));
        // The bundle holds the course cut down to the package's level; the hashes must not move.
        const inBundle = onlyLevel(compiled.course!, pkg.level)!;
        expect(shape, pkg.file).toEqual(courseShape(inBundle, pkg.level));
        expect(shape, pkg.file).toEqual(courseShape(compiled.course!, pkg.level));
        expect(Object.keys(typeof shape === 'string' ? {} : shape.modules)).toEqual(
          compiled.course!.levels.find((l) => l.id === pkg.level)!.modules,
        );
      }
    });

    it('every package: the launch page loads its files by relative paths, with its level built in', () => {
      for (const pkg of built) {
        const files = readZip(readFileSync(pkg.path));
        const html = files.get('index.html')!.toString('utf8');
        const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
        expect(urls.length).toBeGreaterThan(0);
        for (const url of urls) {
          expect(url, pkg.file).not.toMatch(/^(\/|[a-z]+:)/i);
          expect(files.has(url.replace(/^\.\//, '')), `${pkg.file}: ${url}`).toBe(true);
        }
        const scripts = [...files]
          .filter(([name]) => name.endsWith('.js'))
          .map(([, b]) => b.toString('utf8'));
        // VITE_LEVEL is inlined: the minifier may quote it with ", ' or `.
        const level = new RegExp(`["'\\x60]${pkg.level}["'\\x60]`);
        expect(
          scripts.some((s) => level.test(s)),
          pkg.file,
        ).toBe(true);
        expect(pkg.worstCase).toBeLessThanOrEqual(pkg.limit);
      }
    });
  });
}
