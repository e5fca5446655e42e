import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-app/sg-app.ts';
import {
  button,
  deepQuery,
  deepQueryAll,
  memorySession,
  mount,
  settled,
  text,
  click,
} from '../helpers.ts';

/**
 * GOV.UK Frontend sizes: 19px body text from tablet width (641px) up and 16px below, 40px radios
 * and checkboxes, and status tags that read as labels, not as buttons.
 */
async function app() {
  const element = await mount('sg-app', {
    course,
    seed: 7,
    level: 'foundation',
    session: memorySession(),
  });
  await settled(element);
  return element;
}

const px = (el: Element, property: string) =>
  parseFloat(getComputedStyle(el).getPropertyValue(property));

/** Body paragraphs of the module start page (not the header, footer or small print). */
function bodyText(root: Element) {
  const start = deepQuery(root, 'sg-module-start');
  return start ? deepQueryAll(start, 'p') : [];
}

describe('GOV.UK sizes', () => {
  afterEach(() => document.body.replaceChildren());
  afterAll(() => page.viewport(414, 896));

  it('sets body text at 19px from tablet width (641px) up', async () => {
    await page.viewport(641, 800);
    const element = await app();
    await click(element, 'Start');
    const paragraphs = bodyText(element);
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(px(p, 'font-size'), text(p)).toBe(19);
  });

  it('sets body text at 16px on a phone', async () => {
    await page.viewport(640, 800);
    const element = await app();
    await click(element, 'Start');
    const paragraphs = bodyText(element);
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const p of paragraphs) expect(px(p, 'font-size'), text(p)).toBe(16);
  });

  it('draws radios 40px square, at any width', async () => {
    for (const width of [320, 1024]) {
      await page.viewport(width, 800);
      const element = await app();
      await click(element, 'Start');
      await click(element, 'Start the scenario');
      await click(element, 'Continue');
      const radios = deepQueryAll<HTMLInputElement>(element, 'input[type=radio]');
      expect(radios.length).toBeGreaterThan(1);
      for (const radio of radios) {
        const box = radio.getBoundingClientRect();
        expect([box.width, box.height], `${width}px`).toEqual([40, 40]);
      }
    }
  });

  it('shows a status tag as a label: tinted, no edge, shadow, underline or pointer, in sentence case', async () => {
    await page.viewport(1024, 800);
    const element = await app();
    const tag = deepQuery(element, '.tag');
    const start = button(element, 'Start');
    if (!tag) throw new Error('No status tag');
    expect(text(tag)).toBe('Status: Not started');
    const style = getComputedStyle(tag);
    const edges = ['top', 'right', 'bottom', 'left'].map((side) =>
      style.getPropertyValue(`border-${side}-color`),
    );
    // No edge shows (the border is there only for high contrast, transparent here).
    for (const colour of edges) expect(colour).toMatch(/^rgba\(0, 0, 0, 0\)$|transparent/);
    expect(style.boxShadow).toBe('none');
    expect(style.textDecorationLine).toBe('none');
    expect(style.textTransform).toBe('none');
    expect(style.cursor).not.toBe('pointer');
    expect(style.fontWeight).toBe('400');
    // Tinted, and unlike the button beside it.
    expect(style.backgroundColor).not.toBe('rgba(0, 0, 0, 0)');
    expect(style.backgroundColor).not.toBe(getComputedStyle(start).backgroundColor);
    expect(tag.getBoundingClientRect().height).toBeLessThan(start.getBoundingClientRect().height);
  });
});
