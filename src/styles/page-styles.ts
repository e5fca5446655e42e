import pageCss from './page.css?inline';

/**
 * The page's own styles (page.css), adopted by the document from the script rather than linked
 * from index.html. A linked stylesheet is one more request to the LMS before the course can
 * start, and the browser holds a script back until every stylesheet before it has loaded; it
 * also cost a style and layout pass of its own. Measured in the benchmark's frame at 4x CPU
 * throttling: the first view about 55 ms sooner without it on a busy machine, the same on a quiet
 * one (bench/README.md, "Where the first render's time goes"). A package's static first view has
 * a stylesheet of its own, which includes these styles (src/build/first-view.ts); the web build
 * has nothing on screen before the script runs, so nothing is seen unstyled. The CSP (style-src 'self') allows a constructed
 * stylesheet, as it does the components' own.
 */
export function adoptPageStyles(): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageCss);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}
