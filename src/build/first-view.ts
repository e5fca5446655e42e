import { readFileSync } from 'node:fs';
import type { CSSResult } from 'lit';
import { transform } from 'lightningcss';
import type { Course } from '../model/course.ts';
import { styles as appStyles } from '../components/sg-app/sg-app.styles.ts';
import { styles as moduleListStyles } from '../components/sg-module-list/sg-module-list.styles.ts';
import { sharedStyles } from '../styles/shared.styles.ts';

/**
 * A package's first view, on screen while its script loads: the level's module list as static
 * HTML inside `<sg-app>`, written into index.html by the build (course-plugin.ts), with its
 * stylesheet, `first-view.css`.
 *
 * Why: the script (Lit, the engine, the views, the LMS reads) takes a few hundred ms at 4x CPU
 * throttling before the app's first view, where a page of text takes about as long as the bare
 * SCO (bench/README.md, "Where the first render's time goes"). On a slow phone or a slow link to
 * the LMS the learner sees the level and its modules at once instead of a blank frame.
 *
 * What it is not: the app. It has no statuses and no buttons, since only the script knows the
 * learner's progress; `aria-busy` tells assistive technology it is still loading. When the script
 * defines `<sg-app>`, the element's shadow root (which has no slot) takes its place, and the app
 * removes it (sg-app.ts). A learner who resumes sees it for that moment before their "Welcome
 * back" screen.
 *
 * When it shows: the browser paints it once the page and this stylesheet are in, and it has them
 * first whenever the script (about fifteen times their size) is still on its way. If the script is
 * ready as soon as they are (cached, or a local server with every core busy), the browser may run
 * the script before its first paint, and the learner sees the app's own list first, as before.
 *
 * Its look comes from the components' own styles (`firstViewCss`), with `:host` read as the
 * first view's container, so the two cannot drift apart in look; the markup mirrors sg-app's
 * shell and sg-module-list's rows with the same classes, and a test launches a built package and
 * checks the first view and the app's module list name the same level and modules.
 */

/** The first view's container class: `:host` in the components' styles becomes this. */
export const FIRST_VIEW_CLASS = 'first-view';
/** Where the first view's stylesheet is in a package, beside index.html. */
export const FIRST_VIEW_STYLESHEET = 'first-view.css';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

/** The first view's HTML for a course of one level (a package's), or undefined for any other. */
export function firstViewHtml(course: Course): string | undefined {
  const [level, ...others] = course.levels;
  if (!level || others.length > 0) return undefined;
  const rows = level.modules.flatMap((id) => {
    const module = course.modules.find((m) => m.id === id);
    if (!module) return [];
    const from = module.source ? ` · from ${escapeHtml(module.source.name)}` : '';
    return [
      `<li class="module"><div><h2>${escapeHtml(module.title)}</h2><p>About ${module.durationMinutes} minutes${from}</p></div></li>`,
    ];
  });
  const levelName = `${escapeHtml(level.title)} level`;
  return [
    `<div class="${FIRST_VIEW_CLASS}" aria-busy="true">`,
    `<header><div class="header-inner"><div><p class="course-title">${escapeHtml(course.title)}</p><p class="level-title">${levelName}</p></div></div></header>`,
    `<div class="width"><main>`,
    `<h1><span class="caption">${levelName}</span> Your modules</h1>`,
    `<p class="lead">Opening your modules…</p>`,
    `<ol class="modules">${rows.join('')}</ol>`,
    `</main></div></div>`,
  ].join('');
}

const PAGE_CSS = new URL('../styles/page.css', import.meta.url);

/**
 * The first view's stylesheet: the page's own styles (page.css), the edition's design tokens (its
 * colours and font, which the script would otherwise set only when it runs) and the styles of
 * sg-app and sg-module-list as their shadow roots have them, `:host` read as the container.
 * Document styles do not reach into the components' shadow roots, so it changes nothing once the
 * app is up.
 */
export function firstViewCss(course: Course): string {
  const theme = Object.entries(course.edition?.theme ?? {})
    .map(([name, value]) => `${name}: ${value};`)
    .join(' ');
  const component = (style: CSSResult) => style.cssText.replaceAll(':host', `.${FIRST_VIEW_CLASS}`);
  return [
    readFileSync(PAGE_CSS, 'utf8'),
    theme ? `:root { ${theme} }` : '',
    ...[sharedStyles, appStyles, moduleListStyles].map(component),
  ].join('\n');
}

/** Lightning CSS's encoding of a browser version: major, minor and patch in a byte each. */
const version = (major: number, minor = 0) => (major << 16) | (minor << 8);
/**
 * The oldest browsers that run the package's script (es2022, vite.config.ts): the minifier must
 * not write newer syntax than they read, such as range media queries (Chrome 104).
 */
const SCRIPT_BROWSERS = {
  chrome: version(94),
  edge: version(94),
  firefox: version(93),
  safari: version(16, 4),
  ios_saf: version(16, 4),
};

/**
 * `firstViewCss` as the package's `first-view.css`: minified by Lightning CSS (Vite's own CSS
 * minifier) for the browsers that run the script, which takes about 40 % off the file in every
 * zip. Its warnings fail the build: the styles are ours, so a warning is a mistake in them.
 */
export function firstViewStylesheet(course: Course): string {
  const { code, warnings } = transform({
    filename: FIRST_VIEW_STYLESHEET,
    code: Buffer.from(firstViewCss(course)),
    minify: true,
    targets: SCRIPT_BROWSERS,
  });
  if (warnings.length > 0)
    throw new Error(
      `first-view.ts: the first view's styles have problems: ${warnings
        .map((w) => `${w.message} (line ${w.loc.line})`)
        .join('; ')}`,
    );
  return code.toString();
}
