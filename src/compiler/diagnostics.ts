/**
 * A problem found in a content file, with where it is and how to fix it. The compiler collects all
 * of them before failing, so an author sees every mistake at once.
 */
export interface Diagnostic {
  readonly severity: 'error' | 'warning';
  /** Path relative to the project root, e.g. course/modules/child-h.yaml. */
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
  readonly message: string;
  readonly fix: string;
}

/** `file:line:column  what is wrong  (how to fix)`: the form editors and terminals link to. */
export function formatDiagnostic(d: Diagnostic): string {
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `${d.file}:${d.line}:${d.column}  ${prefix}${d.message}  (${d.fix})`;
}

export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return sortDiagnostics(diagnostics).map(formatDiagnostic).join('\n');
}

export function sortDiagnostics(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return [...diagnostics].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      a.message.localeCompare(b.message),
  );
}

export const hasErrors = (diagnostics: readonly Diagnostic[]): boolean =>
  diagnostics.some((d) => d.severity === 'error');
