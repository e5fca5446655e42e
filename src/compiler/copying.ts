import { isScalar, LineCounter, parseDocument, visit } from 'yaml';

/**
 * Own words, short quotes: finds runs of `RUN_LENGTH` or more consecutive words in a module's
 * learner-facing text that also appear, word for word, in a source text, and near copies (a
 * source's sentence with a word or a tense changed: `NEAR_COPY`). Text inside quotation marks
 * (“…”, "…", ‘…’) is a quote and allowed (the author names the source); `facts:` is the source
 * check's citations, not text a learner reads, and is left out. Pure: the caller reads the files
 * (tests/course/copying.test.ts).
 */
export const RUN_LENGTH = 12;

/** Lower-case words, apostrophes kept ("child's"), punctuation, Markdown and web addresses dropped. */
export function words(text: string): string[] {
  return text
    .replace(/https?:\/\/\S+/g, ' ')
    .toLowerCase()
    .replace(/[‘’`]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, ' ')
    .split(' ')
    .map((w) => w.replace(/^'+|'+$/g, ''))
    .filter((w) => w.length > 0);
}

/** A quotation: “…”, "…" or ‘…’, where a closing ’ is one not followed by a letter. */
const QUOTATION = /“[^”]*”|"[^"]*"|‘[\s\S]*?’(?![\p{L}])/u;

/**
 * The parts of a text outside quotation marks. A closing ’ is the one not followed by a letter,
 * so an apostrophe inside a quote (‘the child’s voice’) does not end it.
 */
export function unquotedParts(text: string): string[] {
  return text.split(QUOTATION);
}

/** A text's words in order, each marked if it stands inside quotation marks. */
export function markedWords(text: string): { word: string; quoted: boolean }[] {
  const marked: { word: string; quoted: boolean }[] = [];
  let rest = text;
  for (let m = QUOTATION.exec(rest); m; m = QUOTATION.exec(rest)) {
    for (const word of words(rest.slice(0, m.index))) marked.push({ word, quoted: false });
    for (const word of words(m[0])) marked.push({ word, quoted: true });
    rest = rest.slice(m.index + m[0].length);
  }
  for (const word of words(rest)) marked.push({ word, quoted: false });
  return marked;
}

/**
 * Near copies: a passage that follows a source word for word but for a changed tense, a swapped
 * word or a few words quoted in its middle passes the exact check above, and is still the
 * source's sentence. A near copy is a stretch of at least `minWords` of a text's words, at least
 * `share` of which match one source's words in the same order, with at least `minUnquoted` of the
 * matched words outside quotation marks (quotation marks must cover the words they quote, not a
 * few in the middle). Found from runs of `seed` words in common, chained across gaps of up to
 * `maxGap` words on either side.
 */
export const NEAR_COPY = { minWords: 16, share: 0.8, minUnquoted: 10, seed: 3, maxGap: 3 };

/** Where a run of words stands in a source: which source, and at which word. */
interface SourcePlace {
  readonly source: number;
  readonly at: number;
}

/**
 * The source texts, indexed: every run of `n` consecutive words, with the first source it is in
 * (the exact check), and every run of `NEAR_COPY.seed` words, with each place it stands (the near
 * check).
 */
export class SourceIndex {
  readonly #grams = new Map<string, string>();
  readonly #seeds = new Map<string, SourcePlace[]>();
  readonly #names: string[] = [];
  readonly n: number;

  constructor(
    sources: readonly { readonly name: string; readonly text: string }[],
    n = RUN_LENGTH,
  ) {
    this.n = n;
    sources.forEach((source, s) => {
      this.#names.push(source.name);
      const w = words(source.text);
      for (let i = 0; i + n <= w.length; i++) {
        const gram = w.slice(i, i + n).join(' ');
        if (!this.#grams.has(gram)) this.#grams.set(gram, source.name);
      }
      for (let i = 0; i + NEAR_COPY.seed <= w.length; i++) {
        const seed = w.slice(i, i + NEAR_COPY.seed).join(' ');
        const places = this.#seeds.get(seed);
        if (places) places.push({ source: s, at: i });
        else this.#seeds.set(seed, [{ source: s, at: i }]);
      }
    });
  }

  sourceOf(gram: readonly string[]): string | undefined {
    return this.#grams.get(gram.join(' '));
  }

  placesOf(seed: readonly string[]): readonly SourcePlace[] {
    return this.#seeds.get(seed.join(' ')) ?? [];
  }

  nameOf(source: number): string {
    return this.#names[source] ?? '';
  }
}

export interface CopiedRun {
  /** The copied words, as the checker reads them (lower case, no punctuation). */
  readonly words: readonly string[];
  /** The source the run's first words come from. */
  readonly source: string;
}

/**
 * The longest runs of a text's unquoted words found in the sources: a run grows while each next
 * `n` words are in the index too, so a 20-word copy is one run of 20, not nine of 12.
 */
export function copiedRuns(text: string, index: SourceIndex): CopiedRun[] {
  const n = index.n;
  const runs: CopiedRun[] = [];
  for (const part of unquotedParts(text)) {
    const w = words(part);
    let i = 0;
    while (i + n <= w.length) {
      const source = index.sourceOf(w.slice(i, i + n));
      if (!source) {
        i++;
        continue;
      }
      let end = i + n;
      while (end < w.length && index.sourceOf(w.slice(end - n + 1, end + 1))) end++;
      runs.push({ words: w.slice(i, end), source });
      i = end;
    }
  }
  return runs;
}

export interface NearCopy {
  /** The text's words from the first matched to the last, as the checker reads them. */
  readonly words: readonly string[];
  /** How many of them match the source, in order. */
  readonly matched: number;
  readonly source: string;
}

/**
 * The near copies in a text (see `NEAR_COPY`), longest first, none overlapping another. A passage
 * the exact check reports (`copiedRuns`) is left to it.
 */
export function nearCopies(text: string, index: SourceIndex): NearCopy[] {
  const { minWords, share, minUnquoted, seed, maxGap } = NEAR_COPY;
  const marked = markedWords(text);
  const w = marked.map((m) => m.word);
  // unquotedBefore[i]: how many of the first i words stand outside quotation marks.
  const unquotedBefore = [0];
  for (const m of marked) unquotedBefore.push(unquotedBefore.at(-1)! + (m.quoted ? 0 : 1));

  // Each seed the text shares with a source, in the text's order; then the best chain of seeds
  // ending at each: the most text words it covers, in order in both texts, no gap over maxGap.
  interface Link {
    readonly i: number;
    readonly place: SourcePlace;
    start: number;
    covered: number;
    unquoted: number;
  }
  const links: Link[] = [];
  for (let i = 0; i + seed <= w.length; i++)
    for (const place of index.placesOf(w.slice(i, i + seed)))
      links.push({
        i,
        place,
        start: i,
        covered: seed,
        unquoted: unquotedBefore[i + seed]! - unquotedBefore[i]!,
      });
  let from = 0;
  for (const link of links) {
    while (links[from]!.i < link.i - seed - maxGap) from++;
    for (let k = from; k < links.length && links[k]!.i < link.i; k++) {
      const prev = links[k]!;
      const textStep = link.i - prev.i;
      const sourceStep = link.place.at - prev.place.at;
      if (prev.place.source !== link.place.source || sourceStep <= 0) continue;
      if (sourceStep > seed + maxGap || Math.abs(sourceStep - textStep) > maxGap) continue;
      const fresh = Math.min(seed, textStep);
      const covered = prev.covered + fresh;
      if (covered <= link.covered) continue;
      const end = link.i + seed;
      link.start = prev.start;
      link.covered = covered;
      link.unquoted = prev.unquoted + unquotedBefore[end]! - unquotedBefore[end - fresh]!;
    }
  }

  const exact = exactSpans(marked, index);
  const candidates = links
    .map((l) => ({ start: l.start, end: l.i + seed, link: l }))
    .filter(
      ({ start, end, link }) =>
        link.covered >= minWords &&
        link.covered >= share * (end - start) &&
        link.unquoted >= minUnquoted,
    )
    .sort((a, b) => b.link.covered - a.link.covered || a.start - b.start);
  const taken: { start: number; end: number }[] = [...exact];
  const found: NearCopy[] = [];
  for (const c of candidates) {
    if (taken.some((t) => c.start < t.end && t.start < c.end)) continue;
    taken.push(c);
    found.push({
      words: w.slice(c.start, c.end),
      matched: c.link.covered,
      source: index.nameOf(c.link.place.source),
    });
  }
  return found;
}

/** Where the exact check's runs stand among a text's words: unquoted runs found in a source. */
function exactSpans(
  marked: readonly { word: string; quoted: boolean }[],
  index: SourceIndex,
): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i + index.n <= marked.length; i++) {
    const run = marked.slice(i, i + index.n);
    if (run.every((m) => !m.quoted) && index.sourceOf(run.map((m) => m.word)))
      spans.push({ start: i, end: i + index.n });
  }
  return spans;
}

/** A finding in a module file, with the 1-based line of the file where its words start. */
export type InFile<T> = T & { readonly line: number };

/**
 * The copied runs in a module file's text, each with the line it starts on. Every string value
 * counts except those under `facts:`.
 */
export function copiedRunsInModule(yamlText: string, index: SourceIndex): InFile<CopiedRun>[] {
  return findInModule(yamlText, (text) => copiedRuns(text, index));
}

/** The near copies in a module file's text (see `NEAR_COPY`), as `copiedRunsInModule`. */
export function nearCopiesInModule(yamlText: string, index: SourceIndex): InFile<NearCopy>[] {
  return findInModule(yamlText, (text) => nearCopies(text, index));
}

function findInModule<T extends { readonly words: readonly string[] }>(
  yamlText: string,
  find: (text: string) => T[],
): InFile<T>[] {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines });
  const found: InFile<T>[] = [];
  visit(doc, {
    Pair: (_key, pair, path) => {
      // `facts:` at the top of the module: its citations quote the sources on purpose.
      const topLevel = path[path.length - 1] === doc.contents;
      if (topLevel && isScalar(pair.key) && pair.key.value === 'facts') return visit.SKIP;
      return undefined;
    },
    Scalar: (_key, node) => {
      if (typeof node.value !== 'string' || !node.range) return;
      const runs = find(node.value);
      if (runs.length === 0) return;
      // Read the run's words off the file's own lines (the value's quotes and indentation
      // removed, the words are the same), to give the line each run starts on.
      const [start, , end] = node.range;
      const raw = yamlText.slice(start, end);
      const firstLine = lines.linePos(start).line;
      const located = raw
        .split('\n')
        .flatMap((text, i) => words(text).map((word) => ({ word, line: firstLine + i })));
      for (const run of runs) {
        found.push({ ...run, line: lineOf(run.words, located) ?? firstLine });
      }
    },
  });
  return found;
}

/** The line of the first word of `run` where its words appear in order in `located`. */
function lineOf(
  run: readonly string[],
  located: readonly { readonly word: string; readonly line: number }[],
): number | undefined {
  outer: for (let i = 0; i + run.length <= located.length; i++) {
    for (let j = 0; j < run.length; j++) if (located[i + j]?.word !== run[j]) continue outer;
    return located[i]?.line;
  }
  return undefined;
}
