import { LineCounter, parseDocument, Scalar, visit, type Document, type YAMLError } from 'yaml';

/**
 * Common YAML slips, each named once in plain words. The yaml library reports a slip by where its
 * reading broke down, often as several errors about what it then misread (one tab gives six,
 * including a false "Map keys must be unique"; a missing colon reads as a key over two lines). Here
 * the first error, by its code and position, is matched to the slip that caused it; the slip is
 * repaired in a copy of the text (same lines), and the copy is read again, so the slips after it,
 * and then the content checks, still run on the rest of the file.
 */

/** A slip found in the YAML: where, what, how to fix. */
export interface Slip {
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly fix: string;
}

export interface YamlReading {
  /** The document read from the text with every slip repaired; positions are the text's lines. */
  readonly doc: Document;
  readonly lines: LineCounter;
  /** One per slip, in the order found. */
  readonly slips: readonly Slip[];
  /** Whether every slip could be repaired, so the document's data is worth checking. */
  readonly readable: boolean;
}

/** Slips repaired in one file before giving up (each needs a fresh read of the file). */
const MAX_SLIPS = 10;
/** How far up the file to look for the indentation a misplaced line should have. */
const MAX_INDENT_CANDIDATES = 8;

export function readYaml(text: string): YamlReading {
  const slips: Slip[] = [];
  /** Repeated keys are real mistakes, not slips of the reader: reported, and read past. */
  const duplicates = new Set<number>();
  let current = text;
  for (;;) {
    const lines = new LineCounter();
    const doc = parseDocument(current, { lineCounter: lines, prettyErrors: true });
    const remaining = () =>
      [...doc.errors]
        .filter((e) => !(e.code === 'DUPLICATE_KEY' && duplicates.has(e.pos[0])))
        .sort((a, b) => a.pos[0] - b.pos[0]);
    let first = remaining()[0];
    while (first?.code === 'DUPLICATE_KEY') {
      duplicates.add(first.pos[0]);
      slips.push(at(lines, first.pos[0], duplicateKey(current, first)));
      first = remaining()[0];
    }
    if (!first) return { doc, lines, slips, readable: true };
    // A tab in the indentation is a slip whatever else the reader made of it: named first.
    const tab = doc.errors.find((e) => e.code === 'TAB_AS_INDENT');
    const found = diagnose(current, doc, tab ?? first);
    slips.push(at(lines, found.offset, found));
    if (found.repaired === undefined || slips.length >= MAX_SLIPS)
      return { doc, lines, slips, readable: false };
    current = found.repaired;
  }
}

interface Found {
  /** Where the slip is, as an offset into the text. */
  readonly offset: number;
  readonly message: string;
  readonly fix: string;
  /** The text with this slip repaired, when the repair is clear enough to read on from. */
  readonly repaired?: string;
}

function at(lines: LineCounter, offset: number, found: Omit<Found, 'offset'>): Slip {
  const { line, col } = lines.linePos(offset);
  return { line, column: col, message: found.message, fix: found.fix };
}

function diagnose(text: string, doc: Document, error: YAMLError): Found {
  const source = new Lines(text);
  return (
    (error.code === 'TAB_AS_INDENT' ? tabIndent(source, error) : undefined) ??
    unclosedQuote(source, doc, error) ??
    apostrophe(source, doc, error) ??
    missingColon(source, error) ??
    colonInText(source, error) ??
    badIndent(source, error) ?? {
      offset: error.pos[0],
      message: `YAML: ${firstLine(error.message)}`,
      fix: 'check the YAML syntax on this line and the one above it',
    }
  );
}

/** A line indented with a tab: YAML allows only spaces. Every such line is one slip. */
function tabIndent(source: Lines, error: YAMLError): Found {
  const tabbed = source.lines.flatMap((line, i) => (/^[ \t]*\t[ \t]*[^\s#]/.test(line) ? [i] : []));
  const others = tabbed.length - 1;
  const found = {
    offset: source.start(tabbed[0] ?? source.lineOf(error.pos[0])),
    message:
      'YAML: this line is indented with a tab' +
      (others > 0 ? ` (and ${others} more line${others > 1 ? 's' : ''} below it)` : ''),
    fix: 'indent with spaces, not tabs; most editors can be set to type spaces when you press Tab',
  };
  const last = tabbed[tabbed.length - 1] ?? 0;
  // A tab stands for an unknown number of spaces: the reading that makes sense of the most lines
  // is kept, and only if it makes sense of every tabbed line.
  const sibling = (lines: string[]) => {
    for (const i of tabbed) lines[i] = ' '.repeat(contentColumn(lines, i)) + lines[i]!.trimStart();
    return lines;
  };
  const expand = (width: number) => (lines: string[]) =>
    lines.map((line, i) =>
      tabbed.includes(i) ? line.replace(/^[ \t]+/, (ws) => expandTabs(ws, width)) : line,
    );
  const readings = [sibling, expand(2), expand(4), expand(8)].map((f) =>
    f([...source.lines]).join('\n'),
  );
  return { ...found, repaired: bestReading(readings, last) };
}

/** A quoted text with no closing quote: YAML reads on to the end of the file for one. */
function unclosedQuote(source: Lines, doc: Document, error: YAMLError): Found | undefined {
  if (error.code !== 'MISSING_CHAR') return undefined;
  let open: Scalar | undefined;
  visit(doc, {
    Scalar: (_key, node) => {
      const start = node.range?.[0];
      if (start === undefined || start > error.pos[0]) return;
      if (node.type !== Scalar.QUOTE_DOUBLE && node.type !== Scalar.QUOTE_SINGLE) return;
      if (!open || start > open.range![0]) open = node;
    },
  });
  const start = open?.range?.[0];
  if (start === undefined) return undefined;
  const quote = source.text[start]!;
  const raw = source.text.slice(start, open!.range![1]);
  if (raw.length >= 2 && raw.endsWith(quote) && !raw.endsWith(`\\${quote}`)) return undefined;
  const line = source.lineOf(start);
  const end = source.start(line) + source.lines[line]!.trimEnd().length;
  return {
    offset: start,
    message: `YAML: the quote ${quote} that starts this text is never closed`,
    fix: `add the closing ${quote} where the text ends; a ${quote} inside the text is written ${quote === '"' ? '\\"' : "''"}`,
    repaired: readOn(line, source.text.slice(0, end) + quote + source.text.slice(end)),
  };
}

/** `'Don't go'`: the apostrophe closes the single-quoted text, and the rest cannot be read. */
function apostrophe(source: Lines, doc: Document, error: YAMLError): Found | undefined {
  if (error.code !== 'UNEXPECTED_TOKEN') return undefined;
  let quoted: Scalar | undefined;
  visit(doc, {
    Scalar: (_key, node) => {
      if (node.type !== Scalar.QUOTE_SINGLE || !node.range) return;
      const between = source.text.slice(node.range[1], error.pos[0]);
      if (/^[^\S\n]*$/.test(between)) quoted = node;
    },
  });
  if (!quoted) return undefined;
  const closing = quoted.range![1] - 1;
  return {
    offset: closing,
    message: "YAML: an apostrophe ends this text's single quotes early",
    fix: "inside single quotes write an apostrophe twice ('') or put the whole text in double quotes",
    repaired: readOn(
      source.lineOf(closing),
      source.text.slice(0, closing) + "'" + source.text.slice(closing),
    ),
  };
}

/** `title Start` or `scenario` with no colon: YAML reads the line as a key over two lines. */
function missingColon(source: Lines, error: YAMLError): Found | undefined {
  if (!['MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY'].includes(error.code))
    return undefined;
  const offset = error.pos[0];
  const line = source.lineOf(offset);
  const before = source.text.slice(source.start(line), offset);
  const rest = source.lines[line]!.slice(before.length)
    .replace(/\s+#.*$/, '')
    .trimEnd();
  if (!/^[ ]*(- +)*$/.test(before)) return undefined;
  const parts = /^([A-Za-z_][\w-]*)(?:[ \t]+(.*))?$/.exec(rest);
  if (!parts || /:(\s|$)/.test(rest)) return undefined;
  const [, key, value] = parts;
  const end = offset + key!.length;
  return {
    offset,
    message: `YAML: "${key}" has no colon after it`,
    fix: `write "${key}:${value ? ` ${value.length > 30 ? value.slice(0, 30) + '…' : value}` : ''}": a key, a colon, then the value after a space`,
    repaired: source.text.slice(0, end) + ':' + source.text.slice(end),
  };
}

/** `title: The concern: what to do`: the second ": " reads as a key inside the text. */
function colonInText(source: Lines, error: YAMLError): Found | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const offset = error.pos[0];
  const line = source.lineOf(offset);
  const value = source.lines[line]!.slice(offset - source.start(line));
  if (!/: /.test(value) || /^["'[{|>]/.test(value)) return undefined;
  const text = value.trimEnd();
  const quoted = JSON.stringify(text);
  return {
    offset,
    message: 'YAML: this text has ": " in it, which YAML reads as the start of another key',
    fix: 'put the whole text in quotes',
    repaired: readOn(
      line,
      source.text.slice(0, offset) + quoted + source.text.slice(offset + text.length),
    ),
  };
}

/**
 * A line indented to no column the lines above use, or further than the line above: YAML reads
 * the indentation as the structure, and cannot place it.
 */
function badIndent(source: Lines, error: YAMLError): Found | undefined {
  const errorLine = source.lineOf(error.pos[0]);
  const before = source.text.slice(source.start(errorLine), error.pos[0]);
  // Reported at a value ("id: start"), or on a blank line: the line out of place is the next one
  // with content (at a value, it is indented further and reads as that value's continuation).
  const atValue = /:[ \t]+$/.test(before) || /:[ \t]+\S/.test(before);
  const reported =
    atValue || !source.hasContent(errorLine) ? source.nextContentLine(errorLine) : errorLine;
  if (reported === undefined) return undefined;
  // The slip may be the line reported or the one above it (a list item indented one space too far
  // puts the keys under it out of line): each is tried at the columns the lines above use.
  const above = source.lineAbove(reported, () => true);
  const tries = [reported, ...(above === undefined ? [] : [above])].flatMap((line) =>
    indentCandidates(source, line).map((column) => ({ line, column })),
  );
  const readings = tries.map(({ line, column }) => {
    const lines = [...source.lines];
    lines[line] = ' '.repeat(column) + lines[line]!.trimStart();
    return lines.join('\n');
  });
  const repaired = bestReading(readings, reported);
  const chosen = repaired === undefined ? undefined : tries[readings.indexOf(repaired)];
  const line = chosen?.line ?? reported;
  const indent = indentOf(source.lines[line]!);
  const like =
    chosen &&
    source.lineAbove(
      line,
      (l) => indentOf(l) === chosen.column || contentColumn([l], 1) === chosen.column,
    );
  return {
    offset: source.start(line) + indent,
    message:
      chosen && indent > chosen.column
        ? `YAML: this line is indented further (${indent} spaces) than the lines it belongs with, so YAML reads it as part of the line above`
        : `YAML: this line is indented ${indent} spaces, which lines it up with no group of keys above it`,
    fix:
      chosen && like !== undefined
        ? `indent it by ${chosen.column} spaces, in line with line ${like + 1}`
        : 'the keys of one group line up; a group inside another is indented two more spaces',
    repaired,
  };
}

/** The columns `line` could be meant to start at (the lines above it, nearest first), but its own. */
function indentCandidates(source: Lines, line: number): number[] {
  const indent = indentOf(source.lines[line]!);
  const candidates: number[] = [];
  for (let i = line - 1; i >= 0 && candidates.length < MAX_INDENT_CANDIDATES; i--) {
    if (!source.hasContent(i)) continue;
    for (const column of [contentColumn(source.lines, i + 1), indentOf(source.lines[i]!)])
      if (column !== indent && !candidates.includes(column)) candidates.push(column);
  }
  // The first line of a group, or of a block of text, is two spaces in from the line above.
  const nested = contentColumn(source.lines, line) + 2;
  if (nested !== indent && !candidates.includes(nested)) candidates.push(nested);
  return candidates;
}

function duplicateKey(text: string, error: YAMLError): Omit<Found, 'offset'> {
  const key = /^[\w-]+/.exec(text.slice(error.pos[0]))?.[0];
  return {
    message: `YAML: the key${key ? ` "${key}"` : ''} appears twice in this group`,
    fix: 'each key may appear once in a group; remove or rename the repeated one',
  };
}

/**
 * Of several guessed repairs, the one read furthest without an error, if it reads at least past
 * the line repaired (else the guess explains nothing, and nothing after it is trusted).
 */
function bestReading(readings: readonly string[], repairedLine: number): string | undefined {
  let best: { text: string; reach: number } | undefined;
  for (const text of readings) {
    const reach = firstErrorLine(text);
    if (reach > repairedLine && (!best || reach > best.reach)) best = { text, reach };
    if (reach === Infinity) break;
  }
  return best?.text;
}

/** A single repair, kept only if it reads past the line repaired. */
function readOn(line: number, repaired: string): string | undefined {
  return firstErrorLine(repaired) > line ? repaired : undefined;
}

/** The 0-based line of the first error in `text`, Infinity when it reads cleanly. */
function firstErrorLine(text: string): number {
  const doc = parseDocument(text);
  const first = Math.min(...doc.errors.map((e) => e.pos[0]));
  return first === Infinity ? Infinity : text.slice(0, first).split('\n').length - 1;
}

/** The column the content of the nearest line above `line` starts at (after any "- "). */
function contentColumn(lines: readonly string[], line: number): number {
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i]!;
    if (!/\S/.test(text) || /^\s*#/.test(text)) continue;
    return /^[ \t]*(- +)*/.exec(text.replace(/\t/g, ' '))![0].length;
  }
  return 0;
}

const indentOf = (line: string): number => /^ */.exec(line)![0].length;

function expandTabs(whitespace: string, width: number): string {
  let column = 0;
  for (const c of whitespace)
    column = c === '\t' ? (Math.floor(column / width) + 1) * width : column + 1;
  return ' '.repeat(column);
}

/** The yaml library's message without its own position and code excerpt (we give both). */
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

/** The text's lines with their start offsets (0-based line numbers). */
class Lines {
  readonly text: string;
  readonly lines: readonly string[];
  readonly #starts: number[] = [];

  constructor(text: string) {
    this.text = text;
    this.lines = text.split('\n');
    let offset = 0;
    for (const line of this.lines) {
      this.#starts.push(offset);
      offset += line.length + 1;
    }
  }

  start(line: number): number {
    return this.#starts[line] ?? this.text.length;
  }

  lineOf(offset: number): number {
    let line = 0;
    while (line + 1 < this.#starts.length && this.#starts[line + 1]! <= offset) line++;
    return line;
  }

  /** Whether the line holds more than spaces or a comment. */
  hasContent(line: number): boolean {
    const text = this.lines[line] ?? '';
    return /\S/.test(text) && !/^\s*#/.test(text);
  }

  nextContentLine(line: number): number | undefined {
    for (let i = line + 1; i < this.lines.length; i++) if (this.hasContent(i)) return i;
    return undefined;
  }

  lineAbove(line: number, test: (text: string) => boolean): number | undefined {
    for (let i = line - 1; i >= 0; i--) if (this.hasContent(i) && test(this.lines[i]!)) return i;
    return undefined;
  }
}
