import type { Diagnostic } from './diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import { fieldOf, rewriteStrings } from './text-walk.ts';

/**
 * Images in content: Markdown images (`![what it shows](images/board.png)`) from the course
 * folder are bundled into the course as data: URLs (the page's CSP allows data: images, and
 * nothing is fetched from anywhere), so they travel inside every package. Each must have alt text,
 * come from the course folder (never another site), be PNG, JPEG, GIF or WebP (the Markdown
 * renderer refuses data: SVG), and keep within a size budget; anything else is an error at the
 * image's line and column.
 */

/** Per image: an image goes into the package of every level that uses its module. */
export const MAX_IMAGE_BYTES = 200 * 1024;

const IMAGE = /!\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};
/** Fields whose text is not Markdown: an image there would show as its code. */
const PLAIN_KEYS = new Set(['id', 'title', 'name', 'board', 'link-text', 'contact', 'detail']);

/** Reads a file by its path relative to the course folder (load.ts), or says why it cannot. */
export type ReadCourseFile = (path: string) => Uint8Array | { readonly problem: string };

export function embedImages(
  file: SourceFile,
  text: string,
  readFile: ReadCourseFile | undefined,
  diagnostics: Diagnostic[],
): void {
  rewriteStrings(file, text, (value, path, where) => {
    if (!value.includes('![')) return value;
    return value.replace(IMAGE, (literal, alt: string, src: string) => {
      const report = (message: string, fix: string) => {
        diagnostics.push({ severity: 'error', file: file.path, ...where(literal), message, fix });
        return literal;
      };
      const folder =
        'save it in the course folder (for example course/images/) and give its path from there, e.g. images/board.png';
      if (PLAIN_KEYS.has(fieldOf(path)))
        return report(
          `an image cannot go in "${fieldOf(path)}", which is plain text`,
          'put the image in a Markdown text: a step’s text, a reveal, a debrief',
        );
      if (alt.trim() === '')
        return report(
          `the image ${src || ''} has no alt text`,
          'write what the image shows between the brackets, e.g. ![The club’s noticeboard, with the DSL’s photo and number](images/board.png)',
        );
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src))
        return report(
          `the image ${src.slice(0, 60)} is on another site; the course loads nothing from other sites`,
          folder,
        );
      const type = TYPES[src.split('.').at(-1)?.toLowerCase() ?? ''];
      if (!type)
        return report(
          `the image ${src} is not a PNG, JPEG, GIF or WebP file`,
          'save it as PNG (drawings, screenshots) or JPEG (photos)',
        );
      const bytes = readFile
        ? readFile(src.replace(/^\.\//, ''))
        : { problem: 'cannot be read here' };
      if ('problem' in bytes) return report(`the image ${src} ${bytes.problem}`, folder);
      if (bytes.length > MAX_IMAGE_BYTES)
        return report(
          `the image ${src} is ${Math.ceil(bytes.length / 1024)} kB; an image may be at most ${MAX_IMAGE_BYTES / 1024} kB`,
          'save a smaller copy: about 1000 pixels wide, JPEG for photos',
        );
      // btoa, not Buffer: the compiler also runs in the browser.
      const base64 = btoa(Array.from(bytes, (b) => String.fromCharCode(b)).join(''));
      return `![${alt}](data:${type};base64,${base64})`;
    });
  });
}
