import { describe, expect, it } from 'vitest';
import { checkPackage, parseXml } from '../../../scorm/package/conformance.ts';
import { createManifest, type ManifestOptions } from '../../../scorm/package/manifest.ts';
import { schemaFiles } from '../../../scorm/package/package.ts';
import { validateManifest } from '../../../scorm/package/schema-check.ts';

const base = {
  identifier: 'learning-from-case-reviews.foundation',
  title: 'Learning from case reviews: Foundation & more',
  courseVersion: '0.1.0',
  masteryScore: 80,
  launch: 'index.html',
  files: ['index.html', 'assets/app one.js', 'assets/app.css'],
} satisfies Omit<ManifestOptions, 'version'>;

for (const version of ['1.2', '2004'] as const) {
  const schemas = schemaFiles(version);
  const manifest = createManifest({ ...base, version, schemaFiles: [...schemas.keys()] });
  const files = new Map<string, string | Uint8Array>([
    ...base.files.map((f) => [f, 'x'] as const),
    ...schemas,
    ['imsmanifest.xml', manifest],
  ]);

  describe(`createManifest for SCORM ${version}`, () => {
    it('is valid against the SCORM schemas (xmllint)', async () => {
      expect(await validateManifest(version, manifest, schemas)).toEqual({
        valid: true,
        errors: [],
      });
    });

    it('passes the package profile rules with every file listed', () => {
      expect(checkPackage(version, files)).toEqual([]);
    });

    it('carries the pass mark the way the version expects', () => {
      if (version === '1.2')
        expect(manifest).toContain('<adlcp:masteryscore>80</adlcp:masteryscore>');
      else {
        expect(manifest).toContain('<imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure>');
        expect(manifest).toMatch(/<imsss:primaryObjective [^>]*satisfiedByMeasure="true"/);
      }
    });

    it('spells scormtype the version’s way and names the schema version exactly', () => {
      const root = parseXml(manifest);
      const resource = root.children.find((c) => c.name === 'resources')?.children[0];
      expect(resource?.attributes[version === '1.2' ? 'adlcp:scormtype' : 'adlcp:scormType']).toBe(
        'sco',
      );
      expect(manifest).toContain(
        `<schemaversion>${version === '1.2' ? '1.2' : '2004 4th Edition'}</schemaversion>`,
      );
    });

    it('has a stable identifier and the course version, and escapes the title', () => {
      expect(manifest).toContain(
        '<manifest identifier="learning-from-case-reviews.foundation" version="0.1.0"',
      );
      expect(manifest).toContain(
        '<title>Learning from case reviews: Foundation &amp; more</title>',
      );
      expect(createManifest({ ...base, version, schemaFiles: [...schemas.keys()] })).toBe(manifest);
    });

    it('writes hrefs as relative, percent-encoded URIs', () => {
      expect(manifest).toContain('<file href="assets/app%20one.js"/>');
      expect(manifest).not.toMatch(/href="\//);
    });

    it('refuses absolute and parent paths', () => {
      for (const bad of ['/index.html', '../x.js', 'a/../../b', 'C:\\x', 'https://cdn/x.js'])
        expect(() => createManifest({ ...base, version, files: [bad] })).toThrow(/not a relative/);
    });
  });
}

describe('the checks catch broken manifests', () => {
  const schemas12 = schemaFiles('1.2');
  const good = createManifest({ ...base, version: '1.2', schemaFiles: [...schemas12.keys()] });

  it('schema validation fails on an element out of place', async () => {
    const bad = good.replace('<title>', '<bogus/><title>');
    expect((await validateManifest('1.2', bad, schemas12)).valid).toBe(false);
  });

  it('schema validation fails on a 2004 item with sequencing before its title', async () => {
    const schemas = schemaFiles('2004');
    const m = createManifest({ ...base, version: '2004', schemaFiles: [...schemas.keys()] });
    const bad = m.replace(
      /(<item [^>]*>)\s*(<title>[^<]*<\/title>)([\s\S]*?<\/imsss:sequencing>)/,
      '$1$3$2',
    );
    expect(bad).not.toBe(m);
    expect((await validateManifest('2004', bad, schemas)).valid).toBe(false);
  });
});
