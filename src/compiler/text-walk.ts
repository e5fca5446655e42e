import type { ContentPath, Position, SourceFile } from './source-file.ts';

/**
 * Rewrites every string in a content file's data, in place, before linking (placeholders,
 * images). `rewrite` gets each string, its path, and `where(literal)`: the line and column where
 * that piece of the string is written in the file (the first place at or after the field's key),
 * so a message can point at the placeholder or image itself, not only at its field.
 */
export function rewriteStrings(
  file: SourceFile,
  text: string,
  rewrite: (value: string, path: ContentPath, where: (literal: string) => Position) => string,
): void {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const whereIn = (path: ContentPath) => (literal: string) => {
    const at = file.at(path);
    const from = (lineStarts[at.line - 1] ?? 0) + at.column - 1;
    const offset = text.indexOf(literal, from);
    if (offset < 0) return at;
    let line = lineStarts.length;
    while (lineStarts[line - 1]! > offset) line--;
    return { line, column: offset - lineStarts[line - 1]! + 1 };
  };
  const visit = (value: unknown, path: (string | number)[]): unknown => {
    if (typeof value === 'string') return rewrite(value, path, whereIn(path));
    if (Array.isArray(value)) value.forEach((item, i) => (value[i] = visit(item, [...path, i])));
    else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const key of Object.keys(record)) record[key] = visit(record[key], [...path, key]);
    }
    return value;
  };
  visit(file.data, []);
}

/** The last key in a content path: the field a string belongs to. */
export const fieldOf = (path: ContentPath): string =>
  String([...path].reverse().find((p) => typeof p === 'string') ?? '');
