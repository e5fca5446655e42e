import axe from 'axe-core';
import type { LitElement } from 'lit';
import { expect } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { Effect } from '../../src/engine/index.ts';
import type { CourseSession, SessionHealth } from '../../src/session.ts';

/** Puts an element in the document with its properties set, and waits for it to render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): Promise<HTMLElementTagNameMap[K]> {
  document.body.replaceChildren();
  const element = document.createElement(tag);
  Object.assign(element, props);
  document.body.append(element);
  await (element as unknown as LitElement).updateComplete;
  return element;
}

/** Waits for an element and every Lit element in its shadow tree to finish rendering. */
export async function settled(root: Element): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const pending: Promise<unknown>[] = [];
    const visit = (el: Element) => {
      if ('updateComplete' in el) pending.push((el as LitElement).updateComplete);
      const shadow = el.shadowRoot;
      if (shadow) shadow.querySelectorAll('*').forEach(visit);
    };
    visit(root);
    await Promise.all(pending);
  }
}

/** querySelector that looks through open shadow roots, depth first. */
export function deepQuery<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T | null {
  if (root instanceof Element && root.shadowRoot) {
    const inside = deepQuery<T>(root.shadowRoot, selector);
    if (inside) return inside;
  }
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const el of root.querySelectorAll('*')) {
    if (el.shadowRoot) {
      const found = deepQuery<T>(el.shadowRoot, selector);
      if (found) return found;
    }
  }
  return null;
}

export function deepQueryAll<T extends Element = HTMLElement>(
  root: Element | ShadowRoot | Document,
  selector: string,
): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  if (root instanceof Element && root.shadowRoot)
    found.push(...deepQueryAll<T>(root.shadowRoot, selector));
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) found.push(...deepQueryAll<T>(el.shadowRoot, selector));
  return found;
}

/** The element that really has focus, looking inside shadow roots. */
export function deepActiveElement(): Element | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** The text a learner sees in an element, including inside (nested) open shadow roots. */
export const text = (el: Node | null | undefined) => rawText(el).replace(/\s+/g, ' ').trim();

function rawText(node: Node | null | undefined): string {
  if (!node) return '';
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return '';
  const children = node instanceof Element && node.shadowRoot ? node.shadowRoot : node;
  return [...children.childNodes].map(rawText).join('');
}

/** The first button (or link) anywhere under root whose text includes `label`. */
export function button(root: Element | ShadowRoot, label: string): HTMLElement {
  const found = deepQueryAll<HTMLElement>(root, 'button, a').find((b) => text(b).includes(label));
  if (!found) throw new Error(`No button "${label}"`);
  return found;
}

/**
 * Presses Tab until focus is on an element matching `test` (keyboard only, like a learner), up to
 * `limit` presses; fails the test if it never gets there.
 */
/** Clicks the button with this label, as a learner would, and waits for the view to settle. */
export async function click(root: Element, label: string): Promise<void> {
  await userEvent.click(button(root, label));
  await settled(root);
}

export async function tabTo(
  test: (el: Element) => boolean,
  limit = 60,
  what = 'the element',
): Promise<Element> {
  for (let i = 0; i < limit; i++) {
    const active = deepActiveElement();
    if (active && active !== document.body && test(active)) return active;
    await userEvent.tab();
  }
  throw new Error(
    `Tabbing never reached ${what} (focus is on ${deepActiveElement()?.outerHTML.slice(0, 120)})`,
  );
}

/**
 * Keyboard only: Tab into the radio group (one tab stop), then Space to check the first option
 * shown and the arrow keys to move to (and check) the radio `#option-<index>`, the option written
 * at `index` wherever it is shown.
 */
export async function chooseRadio(index: number): Promise<void> {
  await tabTo((el) => el instanceof HTMLInputElement && el.type === 'radio', 60, 'a radio group');
  const target = `option-${index}`;
  await userEvent.keyboard(' ');
  for (let i = 0; i < 20 && deepActiveElement()?.id !== target; i++)
    await userEvent.keyboard('{ArrowDown}');
  if (deepActiveElement()?.id !== target) throw new Error(`No radio #${target} in the group`);
}

export const byText = (label: string) => (el: Element) =>
  (el.tagName === 'BUTTON' || el.tagName === 'A') && text(el).includes(label);

/** axe-core over the whole document (it looks into open shadow roots) with WCAG 2.x A/AA rules. */
export async function axeViolations(): Promise<string[]> {
  const result = await axe.run(document, {
    runOnly: {
      type: 'tag',
      values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    },
  });
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' > ')).join('; ')}`,
  );
  return summary;
}

export async function expectNoAxeViolations(): Promise<void> {
  expect(await axeViolations()).toEqual([]);
}

/** A session that keeps everything in memory and records what the app asked of it. */
export interface MemorySession extends CourseSession {
  readonly applied: { effects: readonly Effect[]; state: string; location: string }[];
  finished: number;
  setHealth(health: SessionHealth): void;
}

export function memorySession(
  savedState = '',
  mode: 'lms' | 'standalone' = 'standalone',
  levelComplete = false,
): MemorySession {
  const listeners: ((h: SessionHealth) => void)[] = [];
  const session: MemorySession = {
    mode,
    savedState,
    resumed: savedState !== '',
    reviewOnly: false,
    levelComplete,
    applied: [],
    finished: 0,
    apply(effects, state, location) {
      session.applied.push({ effects, state, location });
    },
    finish() {
      session.finished++;
    },
    onHealthChange(listener) {
      listeners.push(listener);
    },
    setHealth(health) {
      listeners.forEach((l) => l(health));
    },
  };
  return session;
}

/** Records every event of the given types that reaches `target`. */
export function recordEvents(target: EventTarget, types: readonly string[]): Event[] {
  const seen: Event[] = [];
  for (const type of types) target.addEventListener(type, (e) => seen.push(e));
  return seen;
}

export const ALL_EVENTS = [
  'sg-open-module',
  'sg-continue',
  'sg-choose',
  'sg-answer',
  'sg-retry-quiz',
  'sg-leave-module',
] as const;
