import type { Diagnostic } from '../compiler/diagnostics.ts';
import { sortDiagnostics } from '../compiler/diagnostics.ts';
import { escapeHtml } from '../facilitator/html.ts';

/**
 * The page the dev server shows instead of the course while the content has errors: each problem
 * as `file:line:column  what is wrong  (how to fix)`, for the training lead editing the YAML, with
 * no stack trace. It keeps the course page's strict CSP, so its styles come from a stylesheet the
 * dev server serves (`CONTENT_ERROR_STYLESHEET`), never from inline styles; and it loads Vite's
 * client, so it reloads by itself when a saved content file fixes the errors.
 */
export function contentErrorPage(
  diagnostics: readonly Diagnostic[],
  urls: { readonly stylesheet: string; readonly viteClient: string },
): string {
  const sorted = sortDiagnostics(diagnostics);
  const errors = sorted.filter((d) => d.severity === 'error');
  const warnings = sorted.filter((d) => d.severity === 'warning');
  const list = (items: readonly Diagnostic[]) =>
    `<ol class="problems">\n${items.map(problem).join('\n')}\n</ol>`;
  const count = `${errors.length} error${errors.length === 1 ? '' : 's'}`;
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Content errors: ${count}</title>
<link rel="stylesheet" href="${escapeHtml(urls.stylesheet)}">
<script type="module" src="${escapeHtml(urls.viteClient)}"></script>
</head>
<body>
<main>
<h1>The course content has ${count}</h1>
<p>Fix ${errors.length === 1 ? 'it' : 'them'} in the file named, and save: this page goes back to the course by itself when the content has no errors. Each line gives the file, the line and column, what is wrong and, in brackets, how to fix it.</p>
${list(errors)}
${warnings.length > 0 ? `<h2>Also ${warnings.length} warning${warnings.length === 1 ? '' : 's'} (warnings do not stop the course)</h2>\n${list(warnings)}` : ''}
</main>
</body>
</html>
`;
}

/** The course page's own policy (index.html): the error page asks for nothing more. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

/** One problem; its text reads exactly as `formatDiagnostic` prints it in the terminal. */
function problem(d: Diagnostic): string {
  const prefix = d.severity === 'warning' ? 'warning: ' : '';
  return `<li><code class="where">${escapeHtml(`${d.file}:${d.line}:${d.column}`)}</code>  <span class="what">${escapeHtml(prefix + d.message)}</span>  <span class="fix">(${escapeHtml(d.fix)})</span></li>`;
}

/** Served as a file (style-src 'self'), so the page's CSP lets it apply. */
export const CONTENT_ERROR_STYLESHEET = `:root {
  color-scheme: light;
  font-family: system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif;
  line-height: 1.5;
  color: #0b0c0c;
  background: #ffffff;
}
body { margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1rem; }
h1 { font-size: 1.75rem; margin: 0 0 1rem; padding-left: 1rem; border-left: 0.5rem solid #d4351c; }
h2 { font-size: 1.25rem; margin: 2rem 0 1rem; }
.problems { padding: 0; list-style: none; }
.problems li {
  margin: 0 0 1rem;
  padding: 0.75rem 1rem;
  border: 1px solid #b1b4b6;
  border-left: 0.25rem solid #d4351c;
  overflow-wrap: anywhere;
}
.problems li .where { display: block; font-weight: 700; }
.problems li .what { font-weight: 400; }
.problems li .fix { display: block; color: #484949; }
h2 + .problems li { border-left-color: #f47738; }
code { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 0.95em; }
@media (forced-colors: active) {
  h1, .problems li { border-left-color: CanvasText; }
}
`;
