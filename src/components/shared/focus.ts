import type { LitElement } from 'lit';

/**
 * GOV.UK Frontend's setFocus pattern: after a view changes, move focus to its heading (which has
 * tabindex="-1") so screen-reader and keyboard users start at the new content. Each view exposes
 * `focusHeading()`, which `sg-app` calls after a learner's action (never on first render); a
 * question or decision also calls this helper to put focus on its error summary.
 */
export async function focusHeading(host: LitElement, selector = '[data-focus]'): Promise<void> {
  await host.updateComplete;
  const target = host.renderRoot.querySelector<HTMLElement>(selector);
  target?.focus();
}

/** A view `sg-app` can move focus into. */
export interface FocusableView extends HTMLElement {
  focusHeading(): Promise<void>;
}
