import {
  isMap,
  isScalar,
  LineCounter,
  parseDocument,
  Scalar,
  visit,
  type Document,
  type Node,
} from 'yaml';
import type { Diagnostic } from './diagnostics.ts';
import { readYaml } from './yaml-slips.ts';

/** A path into parsed content: map keys and list indexes, as in `['scenario', 'steps', 2, 'next']`. */
export type ContentPath = readonly (string | number)[];

export interface Position {
  readonly line: number;
  readonly column: number;
}

/**
 * One parsed YAML content file that can say where any value in it was written, so that every
 * diagnostic points at a line and column the author can jump to.
 */
export class SourceFile {
  readonly path: string;
  readonly data: unknown;
  readonly parseErrors: readonly Diagnostic[];
  readonly #doc: Document;
  readonly #lines: LineCounter;

  /**
   * @param unreadable Why the file could not be read (see load.ts): reported as the file's only
   *   problem, with no data.
   */
  constructor(path: string, text: string, unreadable?: Diagnostic) {
    this.path = path;
    this.#lines = new LineCounter();
    // A control character is reported alone: the YAML around it is not worth reading until it goes.
    const control = unreadable ?? controlCharacter(path, text);
    if (control) {
      this.#doc = parseDocument('', { lineCounter: this.#lines });
      this.parseErrors = [control];
      this.data = undefined;
      return;
    }
    // Each YAML slip is one message, and the file is read on past the slips that can be repaired,
    // so the content checks still run on the rest of it (see yaml-slips.ts).
    const reading = readYaml(text);
    this.#doc = reading.doc;
    this.#lines = reading.lines;
    this.parseErrors = [
      ...reading.slips.map(
        (slip) => ({ severity: 'error', file: path, ...slip }) satisfies Diagnostic,
      ),
      ...this.#doc.warnings.map((w) => {
        const at = w.linePos?.[0] ?? { line: 1, col: 1 };
        return {
          severity: 'warning',
          file: path,
          line: at.line,
          column: at.col,
          message: `YAML: ${firstLine(w.message)}`,
          fix: 'check the YAML syntax on this line',
        } satisfies Diagnostic;
      }),
      ...this.#cutByHash(),
    ];
    if (!reading.readable) {
      this.data = undefined;
      return;
    }
    try {
      // The yaml library refuses aliases that would expand past a limit (a "billion laughs" file
      // would otherwise fill the memory); that refusal becomes this file's error.
      this.data = this.#doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      this.data = undefined;
      this.parseErrors = [...this.parseErrors, this.#aliasError()];
    }
  }

  #aliasError(): Diagnostic {
    let first: Node | null = null;
    visit(this.#doc, {
      Alias: (_key, node) => {
        first = node;
        return visit.BREAK;
      },
    });
    return {
      severity: 'error',
      file: this.path,
      ...this.#positionOf(first),
      message: 'YAML: the aliases (*name) in this file repeat too much text',
      fix: 'write the text out where it is needed instead of repeating it with &anchor and *alias',
    };
  }

  /**
   * Unquoted text with "#" straight after a space ("Before you start #1 read this"): YAML reads
   * the rest of the line as a comment and the learner never sees it. A note meant as one has a
   * space after the "#" ("# as published") and is left alone.
   */
  #cutByHash(): Diagnostic[] {
    const found: Diagnostic[] = [];
    visit(this.#doc, {
      Scalar: (_key, node) => {
        if (node.type !== Scalar.PLAIN || typeof node.value !== 'string') return;
        if (!node.comment || /^\s/.test(node.comment)) return;
        const rest = `#${node.comment.split('\n')[0] ?? ''}`.trim();
        found.push({
          severity: 'warning',
          file: this.path,
          ...this.#positionOf(node),
          message: `the text stops before "${rest.length > 30 ? rest.slice(0, 30) + '…' : rest}": YAML reads " #" as the start of a note to yourself`,
          fix: 'put the whole text in quotes, or write the text as a block under "|"',
        });
      },
    });
    return found;
  }

  /**
   * Where the field at `path` is written: its key for a named field (so `options:` is reported on
   * its own line, not where the list below it starts), the item for a list entry. Falls back to the
   * nearest ancestor that exists.
   */
  at(path: ContentPath): Position {
    const last = path[path.length - 1];
    if (typeof last === 'string') return this.atKey(path.slice(0, -1), last);
    return this.#positionOf(this.#nearestNode(path));
  }

  /** Where the key `key` of the map at `path` is written (for "unknown key" and the like). */
  atKey(path: ContentPath, key: string): Position {
    const node = this.#nearestNode(path);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isScalar(pair.key)) return this.#positionOf(pair.key);
    }
    return this.#positionOf(node);
  }

  diagnostic(
    path: ContentPath,
    message: string,
    fix: string,
    severity: Diagnostic['severity'] = 'error',
  ): Diagnostic {
    return { severity, file: this.path, ...this.at(path), message, fix };
  }

  #nearestNode(path: ContentPath): Node | null {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.#doc.getIn(path.slice(0, depth), true);
      if (node && typeof node === 'object' && 'range' in node) return node as Node;
    }
    return null;
  }

  #positionOf(node: Node | null): Position {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = this.#lines.linePos(offset);
    return { line, column: col };
  }
}

/**
 * How many times the YAML may repeat anchored text through aliases. The course uses none; the
 * yaml library's own default (100) already stops a "billion laughs" file, and is kept.
 */
const MAX_ALIAS_COUNT = 100;

/**
 * Characters no content file should hold, invisible in most editors: C0 controls (but tab, line
 * feed and carriage return), DEL and C1 controls (but NEL). They arrive pasted from PDFs and
 * terminals (NUL, BEL, ESC) and would reach the learner's page unseen.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const CONTROL_NAMES: Record<number, string> = {
  0x00: 'NUL',
  0x07: 'BEL',
  0x08: 'BS',
  0x0b: 'VT',
  0x0c: 'FF',
  0x1b: 'ESC',
  0x7f: 'DEL',
};

/** The first control character in `text`, as an error at its line and column. */
function controlCharacter(path: string, text: string): Diagnostic | undefined {
  const found = [...text.matchAll(CONTROL)];
  const first = found[0];
  if (!first) return undefined;
  const offset = first.index;
  const before = text.slice(0, offset);
  const code = first[0].charCodeAt(0);
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const name = CONTROL_NAMES[code] ? `${CONTROL_NAMES[code]} (U+${hex})` : `U+${hex}`;
  const more = found.length > 1 ? `; ${found.length - 1} more in this file` : '';
  return {
    severity: 'error',
    file: path,
    line: before.split('\n').length,
    column: offset - before.lastIndexOf('\n'),
    message: `the control character ${name} is not allowed in content${more}`,
    fix: 'delete it (most editors do not show it: it often comes with text pasted from a PDF or a terminal)',
  };
}

/** Describes a value found in content for a message: `a list`, `the number 3`, `"text"`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a group of keys';
  if (typeof value === 'string')
    return `the text "${value.length > 30 ? value.slice(0, 30) + '…' : value}"`;
  return `the ${typeof value} ${String(value)}`;
}

/** The yaml library's message without its own position and code excerpt (we give both). */
function firstLine(message: string): string {
  const line = message.split('\n')[0] ?? message;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}
