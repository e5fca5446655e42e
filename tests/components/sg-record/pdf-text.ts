import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF as Chromium prints it (Skia): each page's content stream shows glyph ids as
 * hex strings (`<0012003A> Tj`) in a Type0 font, and each font's ToUnicode CMap says which
 * characters they are. Enough to check what a printed page says; not a general PDF reader (no
 * cross-reference streams, no other encodings), and it fails loudly on what it cannot read.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<string, string>();
  for (const m of source.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(m[1]!, m[2]!);
  /** An object's stream, cut at its /Length (compressed bytes may hold anything). */
  const streamOf = (id: string): string => {
    const at = source.search(new RegExp(`(^|\\s)${id} 0 obj\\b`));
    const start = at < 0 ? -1 : source.indexOf('stream', at);
    const head = start < 0 ? '' : source.slice(at, start);
    const length = /\/Length (\d+)\b(?! \d+ R)/.exec(head)?.[1];
    if (!length) throw new Error(`PDF object ${id} has no stream of a given length`);
    const from = start + (source.startsWith('stream\r\n', start) ? 8 : 7);
    const raw = Buffer.from(source.slice(from, from + Number(length)), 'latin1');
    return (/\/FlateDecode/.test(head) ? inflateSync(raw) : raw).toString('latin1');
  };
  const cmaps = new Map<string, Map<string, string>>();
  const cmapOfFont = (fontId: string): Map<string, string> => {
    const known = cmaps.get(fontId);
    if (known) return known;
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(fontId) ?? '')?.[1];
    if (!toUnicode) throw new Error(`PDF font ${fontId} has no ToUnicode map`);
    const map = new Map<string, string>();
    const cmap = streamOf(toUnicode);
    const unicode = (hex: string) =>
      String.fromCharCode(...(hex.match(/..../g) ?? []).map((h) => parseInt(h, 16)));
    for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
      for (const [, code, text] of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
        map.set(code!.toUpperCase(), unicode(text!));
    for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
      for (const [, lo, hi, start] of block[1]!.matchAll(
        /<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g,
      )) {
        const first = parseInt(start!, 16);
        for (let code = parseInt(lo!, 16); code <= parseInt(hi!, 16); code++)
          map.set(
            code.toString(16).toUpperCase().padStart(4, '0'),
            String.fromCharCode(first + code - parseInt(lo!, 16)),
          );
      }
    cmaps.set(fontId, map);
    return map;
  };
  const pages: string[] = [];
  for (const [, body] of objects) {
    if (!/\/Type \/Page\b/.test(body)) continue;
    const fonts = new Map<string, string>();
    const fontDict = /\/Font <<([^>]*)>>/.exec(body)?.[1] ?? '';
    for (const [, name, id] of fontDict.matchAll(/\/(\w+) (\d+) 0 R/g)) fonts.set(name!, id!);
    const contents = /\/Contents (\d+) 0 R/.exec(body)?.[1];
    if (!contents) continue;
    let font: Map<string, string> | undefined;
    // Glyphs of one text object (BT … ET) run on; text objects are set apart by a space.
    const words: string[] = [];
    for (const m of streamOf(contents).matchAll(
      /\/(\w+) [\d.]+ Tf|<([0-9A-Fa-f]*)> Tj|\b(BT)\b/g,
    )) {
      if (m[3]) words.push(' ');
      else if (m[1]) {
        const id = fonts.get(m[1]);
        font = id ? cmapOfFont(id) : undefined;
      } else if (font) {
        words.push(
          (m[2]!.toUpperCase().match(/..../g) ?? []).map((g) => font!.get(g) ?? '').join(''),
        );
      }
    }
    pages.push(words.join(''));
  }
  // NFKC: the ligatures the fonts print (ﬁ, ﬀ) read as their letters.
  return pages
    .join('\n')
    .normalize('NFKC')
    .replace(/[ \t]+/g, ' ');
}

/** How many pages a PDF has. */
export function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}
