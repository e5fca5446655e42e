import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  copiedRuns,
  copiedRunsInModule,
  SourceIndex,
  unquotedParts,
  words,
} from '../../src/compiler/copying.ts';

const dir = 'tests/compiler/fixtures/copying';
const source = { name: 'source.txt', text: readFileSync(`${dir}/source.txt`, 'utf8') };
const moduleText = readFileSync(`${dir}/module.yaml`, 'utf8');
const lineWith = (text: string) =>
  moduleText.split('\n').findIndex((line) => line.includes(text)) + 1;

describe('copying check', () => {
  const index = new SourceIndex([source]);

  it('reads words as the sources and modules write them: case, punctuation and addresses aside', () => {
    expect(words('The child’s “voice”, see https://example.org/x — *not* heard.')).toEqual([
      'the',
      "child's",
      'voice',
      'see',
      'not',
      'heard',
    ]);
  });

  it('leaves out text in “…”, "…" and ‘…’ quotation marks, an apostrophe inside a quote kept in it', () => {
    expect(unquotedParts('a “b” c "d" e ‘the child’s voice’ f')).toEqual([
      'a ',
      ' c ',
      ' e ',
      ' f',
    ]);
  });

  it('finds the longest copied run once (words the source has after the copy too), and nothing under 12 words', () => {
    const twenty =
      'so professionals transferring cases involving vulnerable parents to colleagues in other areas must satisfy themselves that all relevant information is shared and well kept';
    expect(copiedRuns(twenty, index)).toEqual([
      {
        words: words(
          'professionals transferring cases involving vulnerable parents to colleagues in other areas must satisfy themselves that all relevant information is shared and',
        ),
        source: 'source.txt',
      },
    ]);
    expect(
      copiedRuns('the child’s voice was not heard by the agencies that worked', index),
    ).toEqual([]);
  });

  it("names the line each unquoted run starts on in a module file, and ignores quotes and facts' citations", () => {
    const runs = copiedRunsInModule(moduleText, index);
    expect(runs.map((r) => [r.line, r.words.length, r.source])).toEqual([
      [lineWith('that professionals transferring'), 21, 'source.txt'],
      [lineWith('# <-- here'), 12, 'source.txt'],
    ]);
  });
});
