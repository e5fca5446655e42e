import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../../scorm/package/conformance.ts';
import { createManifest } from '../../../scorm/package/manifest.ts';

function pkg(version: '1.2' | '2004', edit: (manifest: string) => string = (m) => m) {
  const manifest = createManifest({
    version,
    identifier: 'c.l',
    title: 'T',
    courseVersion: '1.0.0',
    masteryScore: 80,
    launch: 'index.html',
    files: ['index.html', 'a.js'],
  });
  return new Map<string, string>([
    ['imsmanifest.xml', edit(manifest)],
    ['index.html', ''],
    ['a.js', ''],
  ]);
}

/** The SCO resource's identifier in a package's manifest. */
function scoId(files: Map<string, string>): string {
  return /<resource identifier="([^"]+)"[^>]*scormtype="sco"/i.exec(
    files.get('imsmanifest.xml')!,
  )![1]!;
}

describe('checkPackage (ADL profile rules in code)', () => {
  it('accepts a good package of either version, but for the schema files it leaves out', () => {
    // The schema files named in xsi:schemaLocation are missing here on purpose: only that is
    // reported, once for each file.
    for (const version of ['1.2', '2004'] as const) {
      const problems = checkPackage(version, pkg(version));
      expect(problems.length).toBeGreaterThanOrEqual(3);
      for (const problem of problems)
        expect(problem).toMatch(
          /^schema file \S+\.xsd \(named in xsi:schemaLocation\) is missing$/,
        );
    }
  });

  it('catches an identifierref on an item that has items of its own', () => {
    const problems = checkPackage(
      '2004',
      pkg('2004', (m) =>
        m.replace(
          /(<item identifier="([^"]+)" identifierref="[^"]+"[^>]*>)/,
          '$1<item identifier="child" identifierref="$2-res"><title>Child</title></item>',
        ),
      ),
    );
    expect(problems.join('\n')).toMatch(/has children and an identifierref/);
  });

  it('catches a SCO that does not list its own launch file', () => {
    const problems = checkPackage(
      '1.2',
      pkg('1.2', (m) => m.replace(/\s*<file href="index\.html"\s*\/>/, '')),
    );
    expect(problems).toContain(
      'SCO "' + scoId(pkg('1.2')) + '" does not list its own href as a file',
    );
  });

  it('wants the manifest at the zip root', () => {
    const files = pkg('1.2');
    files.set('course/imsmanifest.xml', files.get('imsmanifest.xml')!);
    files.delete('imsmanifest.xml');
    expect(checkPackage('1.2', files)).toEqual(['imsmanifest.xml is not at the zip root']);
  });

  it('catches the other version’s spelling of scormtype (schema-valid, still wrong)', () => {
    const problems = checkPackage(
      '2004',
      pkg('2004', (m) => m.replace('adlcp:scormType', 'adlcp:scormtype')),
    );
    expect(problems.join('\n')).toMatch(/spells adlcp:scormtype/);
  });

  it('catches a bogus schemaversion', () => {
    const problems = checkPackage(
      '2004',
      pkg('2004', (m) => m.replace('2004 4th Edition', 'CAM 1.3')),
    );
    expect(problems.join('\n')).toMatch(/schemaversion is "CAM 1.3"/);
  });

  it('catches an href missing from the zip and a file missing from the manifest', () => {
    const files = pkg('1.2');
    files.delete('a.js');
    files.set('extra.css', '');
    const problems = checkPackage('1.2', files).join('\n');
    expect(problems).toMatch(/file href "a.js" is not in the zip/);
    expect(problems).toMatch(/"extra.css" is not listed/);
  });

  it('catches duplicate identifiers, a dangling default and a dangling identifierref', () => {
    const problems = checkPackage(
      '1.2',
      pkg('1.2', (m) =>
        m
          .replace('default="c.l.org"', 'default="nope"')
          .replace('identifierref="c.l.res"', 'identifierref="c.l.org"'),
      ),
    ).join('\n');
    expect(problems).toMatch(/default "nope"/);
    expect(problems).toMatch(/points at "c.l.org", which is no resource/);
    const dup = checkPackage(
      '1.2',
      pkg('1.2', (m) => m.replace('identifier="c.l.sco"', 'identifier="c.l.org"')),
    );
    expect(dup.join('\n')).toMatch(/"c.l.org" is used more than once/);
  });

  it('catches parent paths in the zip and absolute hrefs', () => {
    const files = pkg('1.2', (m) => m.replace('<file href="a.js"/>', '<file href="/a.js"/>'));
    files.set('../evil.js', '');
    const problems = checkPackage('1.2', files).join('\n');
    expect(problems).toMatch(/"\.\.\/evil.js" is not a relative path/);
    expect(problems).toMatch(/"\/a.js" is not relative/);
  });

  it('catches a mastery score out of range (the 1.2 schema allows any string)', () => {
    const problems = checkPackage(
      '1.2',
      pkg('1.2', (m) => m.replace('>80<', '>eighty<')),
    );
    expect(problems.join('\n')).toMatch(/masteryscore "eighty"/);
    const p2004 = checkPackage(
      '2004',
      pkg('2004', (m) => m.replace('>0.8<', '>80<')),
    );
    expect(p2004.join('\n')).toMatch(/minNormalizedMeasure "80"/);
  });

  it('reports a manifest that is not well-formed', () => {
    expect(
      checkPackage(
        '1.2',
        pkg('1.2', (m) => m.replace('</organizations>', '')),
      )[0],
    ).toMatch(/not well-formed/);
  });
});
