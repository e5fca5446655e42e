import { isScalar, LineCounter, parseDocument, visit } from 'yaml';

/**
 * Own words, short quotes: finds runs of `RUN_LENGTH` or more consecutive words in a module's
 * learner-facing text that also appear, word for word, in a source text. Text inside quotation
 * marks (“…”, "…", ‘…’) is a quote and allowed (the author names the source); `facts:` is the
 * source check's citations, not text a learner reads, and is left out. Pure: the caller reads the
 * files (tests/course/copying.test.ts).
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

/**
 * The parts of a text outside quotation marks. A closing ’ is the one not followed by a letter,
 * so an apostrophe inside a quote (‘the child’s voice’) does not end it.
 */
export function unquotedParts(text: string): string[] {
  return text.split(/“[^”]*”|"[^"]*"|‘[\s\S]*?’(?![\p{L}])/u);
}

/** Every run of `n` consecutive words in the source texts, with the first source it is in. */
export class SourceIndex {
  readonly #grams = new Map<string, string>();
  readonly n: number;

  constructor(
    sources: readonly { readonly name: string; readonly text: string }[],
    n = RUN_LENGTH,
  ) {
    this.n = n;
    for (const source of sources) {
      const w = words(source.text);
      for (let i = 0; i + n <= w.length; i++) {
        const gram = w.slice(i, i + n).join(' ');
        if (!this.#grams.has(gram)) this.#grams.set(gram, source.name);
      }
    }
  }

  sourceOf(gram: readonly string[]): string | undefined {
    return this.#grams.get(gram.join(' '));
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

export interface CopiedRunInFile extends CopiedRun {
  /** 1-based line of the file where the run starts. */
  readonly line: number;
}

/**
 * The copied runs in a module file's text, each with the line it starts on. Every string value
 * counts except those under `facts:`.
 */
export function copiedRunsInModule(yamlText: string, index: SourceIndex): CopiedRunInFile[] {
  const lines = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: lines });
  const found: CopiedRunInFile[] = [];
  visit(doc, {
    Pair: (_key, pair, path) => {
      // `facts:` at the top of the module: its citations quote the sources on purpose.
      const topLevel = path[path.length - 1] === doc.contents;
      if (topLevel && isScalar(pair.key) && pair.key.value === 'facts') return visit.SKIP;
      return undefined;
    },
    Scalar: (_key, node) => {
      if (typeof node.value !== 'string' || !node.range) return;
      const runs = copiedRuns(node.value, index);
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
