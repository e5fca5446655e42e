import { afterEach, describe, expect, it } from 'vitest';
import course from 'virtual:fixture-course';
import '../../../src/components/sg-level-chooser/sg-level-chooser.ts';
import { deepQuery, deepQueryAll, expectNoAxeViolations, mount, text } from '../helpers.ts';

describe('<sg-level-chooser>', () => {
  afterEach(() => document.body.replaceChildren());

  it('lists every level with its audience, duration, pass mark, outcomes and a start link', async () => {
    const el = await mount('sg-level-chooser', { course });
    expect(text(deepQuery(el, 'h1'))).toBe('Choose your level');
    const levels = deepQueryAll(el, '.level');
    expect(levels).toHaveLength(2);
    const advanced = text(levels[1]);
    expect(advanced).toContain('Who it is for Practitioners who assess.');
    expect(advanced).toContain('About 9 minutes, over 1 module');
    expect(advanced).toContain('Pass mark 50%');
    expect(advanced).toContain('Revisit a judgement.');
    expect(deepQuery(levels[1]!, 'em')?.textContent).toBe('assess');
    expect(
      deepQueryAll<HTMLAnchorElement>(el, 'a').map((a) => [text(a), a.getAttribute('href')]),
    ).toEqual([
      ['Start Foundation', '?level=foundation'],
      ['Start Advanced', '?level=advanced'],
    ]);
    await expectNoAxeViolations();
  });

  it('shows a message when given one', async () => {
    const el = await mount('sg-level-chooser', { course, message: 'No such level.' });
    expect(text(deepQuery(el, '[role="status"]'))).toBe('No such level.');
  });
});
