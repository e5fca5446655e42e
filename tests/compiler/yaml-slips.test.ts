import { describe, expect, it } from 'vitest';
import { readYaml } from '../../src/compiler/yaml-slips.ts';

/** The slips found in `lines` as [line, message], and whether the rest could be read. */
function slipsIn(lines: readonly string[]) {
  const reading = readYaml(lines.join('\n') + '\n');
  return {
    slips: reading.slips.map((s) => [s.line, s.message]),
    fixes: reading.slips.map((s) => s.fix),
    data: reading.readable ? reading.doc.toJS() : undefined,
  };
}

const steps = [
  'steps:',
  '  - id: choice',
  '    options:',
  '      - text: One',
  '        feedback: One follows.',
  '      - text: Two',
  '        feedback: Two follows.',
  '',
  '  - id: end',
  '    title: End',
];

describe('YAML slips', () => {
  it('reads a file without slips as the yaml library does', () => {
    expect(slipsIn(steps).slips).toEqual([]);
    expect(slipsIn(steps).data).toMatchObject({ steps: [{ id: 'choice' }, { id: 'end' }] });
  });

  it('names a list item one space too far once, at that line, not each key under it', () => {
    const lines = [...steps];
    lines[5] = '       - text: Two';
    const found = slipsIn(lines);
    expect(found.slips).toEqual([
      [6, expect.stringMatching(/^YAML: this line is indented further \(7 spaces\)/)],
    ]);
    expect(found.fixes).toEqual(['indent it by 6 spaces, in line with line 4']);
    expect(found.data).toMatchObject({ steps: [{ options: [{}, { text: 'Two' }] }, {}] });
  });

  it('names a tab that starts a step, after a blank line, at its own line', () => {
    const lines = [...steps];
    lines[8] = '\t- id: end';
    expect(slipsIn(lines).slips).toEqual([[9, 'YAML: this line is indented with a tab']]);
  });

  it('names an apostrophe that ends single quotes early, and reads on', () => {
    const lines = [...steps];
    lines[9] = "    title: 'Don't stop'";
    const found = slipsIn(lines);
    expect(found.slips).toEqual([[10, "YAML: an apostrophe ends this text's single quotes early"]]);
    expect(found.data).toMatchObject({ steps: [{}, { title: "Don't stop" }] });
  });

  it('names ": " inside unquoted text, and reads on with the text whole', () => {
    const lines = [...steps];
    lines[9] = '    title: The end: what follows';
    const found = slipsIn(lines);
    expect(found.slips).toEqual([
      [10, 'YAML: this text has ": " in it, which YAML reads as the start of another key'],
    ]);
    expect(found.data).toMatchObject({ steps: [{}, { title: 'The end: what follows' }] });
  });

  it('names each repeated key, and the slip after them', () => {
    const lines = [...steps];
    lines.splice(9, 0, '    id: again');
    lines.push('    debrief Start');
    expect(slipsIn(lines).slips).toEqual([
      [10, 'YAML: the key "id" appears twice in this group'],
      [12, 'YAML: "debrief" has no colon after it'],
    ]);
  });
});
