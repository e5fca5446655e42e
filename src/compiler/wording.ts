import { kindOf, questionTypes } from '../questions/lookup.ts';
import type { Diagnostic } from './diagnostics.ts';
import { publishedLabel } from './published.ts';
import type { RawModule } from './raw.ts';
import type { ContentPath, SourceFile } from './source-file.ts';

/** Doubled words that are meant ("She had had a social worker…"). */
const MEANT_TWICE = new Set(['had had', 'that that']);

/**
 * Wording checks, as warnings (they never stop a build): what a schema cannot see and what reads
 * wrongly once the course composes an author's text into a page.
 * - a word typed twice ("the the"), in any text a learner reads;
 * - a content note that repeats the standard support, which the module start adds after every
 *   content note (src/components/shared/support.ts): the learner would read it twice;
 * - a source whose name or board says "published" when the course adds "published <date>";
 * - a question prompt that gives its type's own instruction ("Choose all that apply."), which the
 *   question shows as its hint under every prompt of that type ("Select all that apply.").
 */
export function checkWording(file: SourceFile, raw: RawModule, out: Diagnostic[]): void {
  const warn = (path: ContentPath, message: string, fix: string) =>
    out.push(file.diagnostic(path, message, fix, 'warning'));

  for (const [path, text] of learnerText(raw)) {
    for (const match of text.matchAll(/\b([a-z]+)\s+\1\b/gi)) {
      const twice = match[0].toLowerCase().replace(/\s+/, ' ');
      if (!MEANT_TWICE.has(twice)) warn(path, `"${twice}": the same word twice`, 'remove one');
    }
  }

  if (/0808\s*800\s*5000|\b999\b/.test(raw['content-note'])) {
    warn(
      ['content-note'],
      'the content note repeats the standard support (helpline, 999), which the course shows after every content note',
      'keep only what is particular to this module, e.g. "your GP can help"',
    );
  }

  const known = new Set(questionTypes());
  raw.questions.forEach((question, i) => {
    if (!known.has(question.type) || typeof question.prompt !== 'string') return;
    const hint = kindOf(question).view.hint;
    const asks = instruction(hint);
    const repeated = sentences(question.prompt).find((sentence) => instruction(sentence) === asks);
    if (repeated)
      warn(
        ['questions', i, 'prompt'],
        `the prompt says "${repeated}", and the course shows "${hint}" under every question of type "${question.type}"`,
        'leave the instruction out of the prompt',
      );
  });

  const source = raw.source;
  const dated = !!source && !!publishedLabel(String(source.published));
  for (const key of ['name', 'board'] as const) {
    if (source && dated && /\bpublished\b/i.test(source[key])) {
      warn(
        ['source', key],
        `the source's ${key} says "published", and the course adds "published <date>" after it`,
        'leave the date to "published:"',
      );
    }
  }
}

/** The sentences of a text, each on one line (a YAML block's line breaks become spaces). */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.?!])\s+/)
    .map((sentence) => sentence.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

/** What an instruction asks, whichever verb it starts with: "Choose all that apply." → "all that apply". */
function instruction(sentence: string): string {
  return sentence
    .toLowerCase()
    .replace(/[.!]+$/, '')
    .replace(/^(select|choose|pick|tick)\s+/, '')
    .trim();
}

/** Every string in a module a learner may read, with where it is; the source check's quotes aside. */
function learnerText(raw: RawModule): [ContentPath, string][] {
  const found: [ContentPath, string][] = [];
  const walk = (path: ContentPath, value: unknown) => {
    if (typeof value === 'string') found.push([path, value]);
    else if (Array.isArray(value)) value.forEach((v, i) => walk([...path, i], v));
    else if (value && typeof value === 'object')
      for (const [key, v] of Object.entries(value)) walk([...path, key], v);
  };
  for (const [key, value] of Object.entries(raw)) if (key !== 'facts') walk([key], value);
  return found;
}
