/** Markup helpers for the facilitator pack: plain strings, escaped, no DOM (it is built in Node). */

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A whole page: readable on screen, and on paper with GOV.UK Frontend's print approach (black on
 * white, 14pt body, links followed by their address, page breaks before each section marked
 * `.page`, nothing cut at A4).
 */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

const STYLE = `
:root { color: #0b0c0c; background: #fff; font-family: Arial, Helvetica, sans-serif; }
body { margin: 0; }
main { max-width: 48rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; font-size: 1.1875rem; line-height: 1.45; }
h1 { font-size: 2.25rem; line-height: 1.1; margin: 0 0 1.5rem; }
h2 { font-size: 1.625rem; margin: 2.5rem 0 1rem; }
h3 { font-size: 1.25rem; margin: 1.75rem 0 0.75rem; }
.caption { display: block; color: #505a5f; font-size: 1.1875rem; font-weight: normal; margin-bottom: 0.25rem; }
a { color: #1d70b8; }
a:focus { outline: 3px solid transparent; background: #fd0; color: #0b0c0c; box-shadow: 0 -2px #fd0, 0 4px #0b0c0c; text-decoration: none; }
.inset { border-left: 10px solid #b1b4b6; padding: 0.75rem 1rem; margin: 1rem 0; }
.found { border-left: 10px solid #1d70b8; background: #f3f2f1; padding: 0.75rem 1rem; margin: 1rem 0; }
.prompt { font-weight: bold; }
.option { border: 1px solid #b1b4b6; padding: 0.5rem 1rem; margin: 0.75rem 0; }
.answer { color: #00703c; font-weight: bold; }
.note { color: #505a5f; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
th, td { text-align: left; border-bottom: 1px solid #b1b4b6; padding: 0.5rem 1rem 0.5rem 0; vertical-align: top; }
.map { overflow-x: auto; margin: 1rem 0; }
.story-map { max-width: 100%; height: auto; }
.poster h1 { font-size: 2.5rem; }
.poster .messages li { font-size: 1.5rem; font-weight: bold; margin: 0.75rem 0; }
.write-in { border: 1px solid #505a5f; min-height: 6rem; margin: 0.5rem 0 1.5rem; }
@media print {
  @page { size: A4; margin: 15mm; }
  :root { font-size: 12pt; }
  main { max-width: none; padding: 0; font-size: 12pt; }
  h1 { font-size: 24pt; }
  h2 { font-size: 18pt; break-after: avoid; }
  h3 { font-size: 14pt; break-after: avoid; }
  .page { break-before: page; }
  .option, .found, .inset, tr, li { break-inside: avoid; }
  a { color: #0b0c0c; }
  a[href^="http"]::after { content: " (" attr(href) ")"; word-break: break-all; }
  .map { overflow: visible; }
  .no-print { display: none; }
  .poster h1 { font-size: 28pt; }
  .poster .messages li { font-size: 15pt; margin: 0.4rem 0; }
  * { overflow-wrap: break-word; }
}
`;
