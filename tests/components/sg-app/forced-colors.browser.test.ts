import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cdp, page, userEvent } from 'vitest/browser';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-app/sg-app.ts';
import {
  button,
  chooseRadio,
  deepActiveElement,
  deepQuery,
  deepQueryAll,
  memorySession,
  mount,
  settled,
  click,
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

/** A system colour as the browser paints it, e.g. `Highlight` → `rgb(55, 51, 109)`. */
function systemColour(name: string): Rgb {
  const probe = document.createElement('div');
  probe.style.color = name;
  probe.style.setProperty('forced-color-adjust', 'none');
  document.body.append(probe);
  const [r = -1, g = -1, b = -1] = (getComputedStyle(probe).color.match(/\d+/g) ?? []).map(Number);
  probe.remove();
  return [r, g, b];
}

type Rgb = readonly [number, number, number];
const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);

/**
 * The middle row of pixels of an element as painted (a screenshot, scaled to the test frame), for
 * a bar filled from the left: how wide the run of colour from its left edge is beyond its edge
 * (the run from the right edge, which is the border alone), as a share of the width, and the
 * colour in the middle of that run.
 */
async function paintedFill(el: Element, canvas: Rgb) {
  const png = await page.screenshot({ element: el, save: false });
  const blob = await (await fetch(`data:image/png;base64,${png}`)).blob();
  const bitmap = await createImageBitmap(blob);
  const surface = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = surface.getContext('2d');
  if (!context) throw new Error('No 2D canvas to read the screenshot with');
  context.drawImage(bitmap, 0, 0);
  const row = context.getImageData(0, Math.floor(bitmap.height / 2), bitmap.width, 1).data;
  const pixel = (x: number): Rgb => [row[4 * x] ?? 0, row[4 * x + 1] ?? 0, row[4 * x + 2] ?? 0];
  const inked = (x: number) => distance(pixel(x), canvas) > 60;
  let left = 0;
  while (left < bitmap.width && inked(left)) left += 1;
  let right = 0;
  while (right < bitmap.width && inked(bitmap.width - 1 - right)) right += 1;
  const fill = Math.max(0, left - right);
  return { share: fill / bitmap.width, colour: pixel(right + Math.floor(fill / 2)) };
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

  it("keeps the progress bar's fill, in the system highlight colour inside a visible edge", async () => {
    const element = await app();
    await click(element, 'Start');
    await click(element, 'Start the scenario');
    await click(element, 'Continue');
    const bar = deepQuery<HTMLProgressElement>(element, 'progress');
    if (!bar) throw new Error('No progress bar');
    expect(bar.value).toBeGreaterThan(0);
    expect(visibleSides(bar)).toEqual(['Top', 'Right', 'Bottom', 'Left']);
    // As painted: without the fix high contrast paints no fill at all (only the edge).
    const [canvas, text, highlight] = ['Canvas', 'CanvasText', 'Highlight'].map(systemColour);
    if (!canvas || !text || !highlight) throw new Error('No system colours');
    const { share, colour } = await paintedFill(bar, canvas);
    expect(share).toBeGreaterThan((0.5 * bar.value) / bar.max);
    expect(share).toBeLessThan((1.5 * bar.value) / bar.max);
    // The fill is in (near) Highlight, set apart from the page and the edge.
    expect(distance(colour, highlight)).toBeLessThan(distance(colour, text));
    expect(distance(colour, highlight)).toBeLessThan(distance(colour, canvas));
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
