import { afterEach, describe, expect, it } from 'vitest';
import course from 'virtual:course';
import '../../../src/components/sg-app/sg-app.ts';
import {
  chooseRadio,
  deepQuery,
  deepQueryAll,
  memorySession,
  mount,
  settled,
  text,
  click,
} from '../helpers.ts';

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

/** The bar's value and the percentage it states in words. */
function progress(root: Element) {
  const bar = deepQuery<HTMLProgressElement>(root, 'progress');
  if (!bar) throw new Error('No progress bar');
  const words = /(\d+)% complete/.exec(text(deepQuery(root, '.progress')))?.[1];
  return { value: bar.value, percent: Number(words) };
}

describe('<sg-app> progress bar', () => {
  afterEach(() => document.body.replaceChildren());

  it('moves at every step of a scenario, not only when it ends, and says so in words', async () => {
    // The real course: its foundation level is 134 moves long, so a step is under 1 % and the
    // words move every other step or so; the bar moves at every one.
    const element = await app();
    expect(progress(element)).toEqual({ value: 0, percent: 0 });
    await click(element, 'Start');
    await click(element, 'Start the scenario');
    const seen = [progress(element)];
    // Through the scenario, taking each decision's first option, up to its ending.
    for (let move = 0; move < 30; move++) {
      const atEnding = deepQueryAll(element, 'button').some((b) =>
        text(b).startsWith('Continue to'),
      );
      if (atEnding) break;
      if (deepQuery(element, 'input[type=radio]')) {
        await chooseRadio(0);
        await click(element, 'Confirm my choice');
      } else await click(element, 'Continue');
      seen.push(progress(element));
    }
    expect(deepQuery(element, 'sg-scenario'), 'still in the scenario').not.toBeNull();
    expect(seen.length).toBeGreaterThan(5);
    for (let i = 1; i < seen.length; i++) {
      expect(seen[i]!.value, JSON.stringify(seen)).toBeGreaterThan(seen[i - 1]!.value);
      expect(seen[i]!.percent, JSON.stringify(seen)).toBeGreaterThanOrEqual(seen[i - 1]!.percent);
    }
    expect(seen.at(-1)!.percent).toBeGreaterThan(seen[0]!.percent);
  });
});
