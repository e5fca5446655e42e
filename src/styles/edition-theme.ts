import type { Edition } from '../model/course.ts';

/**
 * Puts an edition's design tokens (its colours and font, as CSS custom properties) on the page,
 * where every component's styles read them (shared.styles.ts, page.css): colours need no code.
 * Set through the CSSOM, which the page's CSP (style-src 'self') allows, unlike a style attribute.
 * Tokens an earlier edition set and this one does not are taken off, so the course's own return.
 */
export function applyEditionTheme(
  edition: Edition | undefined,
  root: HTMLElement = document.documentElement,
): void {
  const theme = edition?.theme ?? {};
  for (const name of [...root.style].filter((n) => n.startsWith('--sg-')))
    if (!(name in theme)) root.style.removeProperty(name);
  for (const [name, value] of Object.entries(theme)) root.style.setProperty(name, value);
}
