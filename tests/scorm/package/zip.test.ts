import { describe, expect, it } from 'vitest';
import { createZip, readZip } from '../../../scorm/package/zip.ts';

const files = new Map<string, string | Uint8Array>([
  ['index.html', '<!doctype html><title>x</title>'],
  ['assets/app.js', 'console.log(1)'.repeat(50)],
  ['imsmanifest.xml', '<manifest/>'],
  ['assets/image.bin', new Uint8Array([0, 1, 2, 255])],
]);

describe('createZip', () => {
  it('gives byte-identical zips for the same files', async () => {
    const a = await createZip(files);
    const b = await createZip(new Map([...files].reverse()));
    expect(a.equals(b)).toBe(true);
  });

  it('gives a different zip when one byte changes', async () => {
    const changed = new Map(files).set('index.html', '<!doctype html><title>y</title>');
    expect((await createZip(files)).equals(await createZip(changed))).toBe(false);
  });

  it('round-trips every entry, sorted, with the manifest at the root', async () => {
    const entries = readZip(await createZip(files));
    expect([...entries.keys()]).toEqual([
      'assets/app.js',
      'assets/image.bin',
      'imsmanifest.xml',
      'index.html',
    ]);
    expect(entries.get('assets/image.bin')).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(entries.get('assets/app.js')?.toString()).toBe('console.log(1)'.repeat(50));
  });
});
