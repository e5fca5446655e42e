import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { onlyLevel } from '../../src/build/course-plugin.ts';
import type { Course } from '../../src/model/course.ts';
import { readZip } from '../../scorm/package/zip.ts';

/** Bytes of one package: the zip, its JS and CSS (raw and gzipped), and how much is course content. */
export interface PackageSizes {
  readonly zip: number;
  readonly js: { raw: number; gzip: number };
  readonly css: { raw: number; gzip: number };
  /**
   * The JS the first view parses: every `.js` but the module text scripts (`modules/…`), which
   * load when a module is opened (src/compiler/module-chunks.ts).
   */
  readonly firstRenderJs: { raw: number; gzip: number };
  /** The level's compiled course (onlyLevel) as JSON: what the bundle embeds. */
  readonly content: { raw: number; gzip: number };
  /**
   * JS + CSS gzipped, minus the content gzipped: the code that runs the course. The module text
   * scripts leave out plain text the page works out from the html, so this now errs low by a few
   * KB (the content JSON has it).
   */
  readonly runtimeGzip: number;
  readonly runtimeRaw: number;
}

/** gzip as a server would send it (zlib, level 9). */
export const gzipBytes = (data: Buffer | string) => gzipSync(data, { level: 9 }).length;

export function packageSizes(zipPath: string, course: Course, level: string): PackageSizes {
  const zip = readFileSync(zipPath);
  return { zip: zip.length, ...bundleSizes(readZip(zip), course, level) };
}

/** The same for a level's web build (path → contents), without the zip. */
export function bundleSizes(
  files: ReadonlyMap<string, Buffer>,
  course: Course,
  level: string,
): Omit<PackageSizes, 'zip'> {
  const of = (ext: string, exceptUnder?: string) => {
    const parts = [...files].filter(
      ([name]) => name.endsWith(ext) && !(exceptUnder && name.startsWith(exceptUnder)),
    );
    return {
      raw: parts.reduce((sum, [, body]) => sum + body.length, 0),
      gzip: parts.reduce((sum, [, body]) => sum + gzipBytes(body), 0),
    };
  };
  const trimmed = onlyLevel(course, level);
  if (!trimmed) throw new Error(`No level ${level}`);
  const json = JSON.stringify(trimmed);
  const content = { raw: Buffer.byteLength(json), gzip: gzipBytes(json) };
  const js = of('.js');
  const css = of('.css');
  return {
    js,
    css,
    firstRenderJs: of('.js', 'modules/'),
    content,
    runtimeGzip: js.gzip + css.gzip - content.gzip,
    runtimeRaw: js.raw + css.raw - content.raw,
  };
}
