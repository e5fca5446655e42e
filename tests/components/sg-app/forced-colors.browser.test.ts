import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-app/sg-app.ts';
import {
  button,
  chooseRadio,
  deepActiveElement,
  deepQueryAll,
  memorySession,
  mount,
  settled,
} from '../helpers.ts';

/**
 * Windows high contrast (forced colours): the browser replaces every colour and drops background
 * colours, so whatever colour alone carried must be carried by a border or an outline. Emulated
 * with CDP in the real Chromium; the computed styles are what the browser will paint.
 */
async function forcedColours(active: boolean) {
  await cdp().send('Emulation.setEmulatedMedia', {
    features: [{ name: 'forced-colors', value: active ? 'active' : 'none' }],
  });
}

const SIDES = ['Top', 'Right', 'Bottom', 'Left'] as const;

/** The system's page colour (CSS `Canvas`), what an edge must differ from to be seen. */
function canvasColour(): string {
  const probe = document.createElement('div');
  probe.style.color = 'Canvas';
  // Else forced colours would force this colour too (to CanvasText).
  probe.style.setProperty('forced-color-adjust', 'none');
  document.body.append(probe);
  const colour = getComputedStyle(probe).color;
  probe.remove();
  return colour;
}

/** The sides of an element's border that will show: drawn, at least 1px, not the page colour. */
function visibleSides(el: Element): string[] {
  const style = getComputedStyle(el);
  const canvas = canvasColour();
  return SIDES.filter((side) => {
    const width = parseFloat(style.getPropertyValue(`border-${side.toLowerCase()}-width`));
    const lineStyle = style.getPropertyValue(`border-${side.toLowerCase()}-style`);
    const colour = style.getPropertyValue(`border-${side.toLowerCase()}-color`);
    const transparent = /^rgba\(.*,\s*0\)$/.test(colour);
    return lineStyle !== 'none' && width >= 1 && colour !== canvas && !transparent;
  });
}

const describeEl = (el: Element) =>
  `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> ${(el.textContent ?? '').trim().slice(0, 40)}`;

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

async function click(root: Element, label: string) {
  await userEvent.click(button(root, label));
  await settled(root);
}

/** Every control and every box that colour set apart keeps a visible edge. */
function expectEdges(root: Element) {
  const boxes = deepQueryAll(root, 'button, .tag, .warning, .feedback, .panel, .timeline, .knew');
  expect(boxes.length).toBeGreaterThan(0);
  const edgeless = boxes
    .filter((el) => el.checkVisibility())
    .filter((el) => visibleSides(el).length === 0)
    .map(describeEl);
  expect(edgeless).toEqual([]);
}

describe('forced colours (Windows high contrast)', () => {
  beforeEach(() => forcedColours(true));
  afterEach(async () => {
    await forcedColours(false);
    document.body.replaceChildren();
  });

  it('is really emulated: the course sees the media feature and the system colours', async () => {
    expect(matchMedia('(forced-colors: active)').matches).toBe(true);
    const element = await app();
    const start = button(element, 'Start');
    // The green of a primary button is gone: its background is the system's page colour.
    expect(getComputedStyle(start).backgroundColor).toBe(canvasColour());
  });

  it('keeps an edge on every button, tag and panel, through the module list, module start and a decision with its feedback', async () => {
    const element = await app();
    expectEdges(element);
    await click(element, 'Start');
    expectEdges(element);
    await click(element, 'Start the scenario');
    expectEdges(element);
    await click(element, 'Continue');
    await chooseRadio(0);
    await click(element, 'Confirm my choice');
    expect(deepQueryAll(element, '.feedback').length).toBeGreaterThan(0);
    expectEdges(element);
  });

  it('keeps the header apart from the page and shows where focus is', async () => {
    const element = await app();
    const header = deepQueryAll(element, 'header')[0]!;
    expect(visibleSides(header)).toContain('Bottom');
    await userEvent.tab();
    await userEvent.tab();
    const focused = deepActiveElement() as HTMLElement;
    expect(focused.tagName).toBe('BUTTON');
    const ring = getComputedStyle(focused);
    expect(ring.outlineStyle).toBe('solid');
    expect(parseFloat(ring.outlineWidth)).toBeGreaterThanOrEqual(3);
    expect(ring.outlineColor).not.toBe(canvasColour());
  });
});
