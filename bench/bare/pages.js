// The pages floor: the bare SCO, then the very pages the course showed on its way to its first
// decision, as static HTML (each component's shadow root declarative, its styles inline), one
// page per click, focus moved to the new page's heading as the course moves it. The bench puts
// `PAGES` (captured from the level's own package: bench/lib/pages.ts) and `PAGE_CSS` (the course's
// page styles, which the course's script adopts too: src/styles/page-styles.ts) before this script
// in one file. No course code, no framework: what showing these pages costs in this LMS page and
// browser.
/* global PAGES, PAGE_CSS */

function initialise() {
  for (let win = window, hops = 0; win && hops < 500; hops++) {
    try {
      if (win.API_1484_11) return win.API_1484_11.Initialize('') === 'true';
      if (win.API) return win.API.LMSInitialize('') === 'true';
    } catch {
      // Another origin: keep climbing.
    }
    if (win.parent === win) break;
    win = win.parent;
  }
  return false;
}

/** The first match in document order, looking inside open shadow roots too. */
function deepQuery(root, selector) {
  const found = root.querySelector(selector);
  if (found) return found;
  for (const el of root.querySelectorAll('*')) {
    const inner = el.shadowRoot && deepQuery(el.shadowRoot, selector);
    if (inner) return inner;
  }
  return null;
}

const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync(PAGE_CSS);
document.adoptedStyleSheets = [pageSheet];

initialise();
let page = 0;

function show() {
  document.body.setHTMLUnsafe(PAGES[page]);
  if (page > 0) deepQuery(document, '[data-focus]')?.focus();
}

// Any button moves on: the probe clicks only the one the learner would.
document.addEventListener('click', (event) => {
  const button = event.composedPath().find((target) => target instanceof HTMLButtonElement);
  if (!button || page >= PAGES.length - 1) return;
  page++;
  show();
});

show();
