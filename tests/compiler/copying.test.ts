import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  copiedRuns,
  copiedRunsInModule,
  markedWords,
  nearCopies,
  nearCopiesInModule,
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

  it('marks the words inside quotation marks', () => {
    expect(markedWords('a “b c” d ‘the child’s voice’ e')).toEqual([
      { word: 'a', quoted: false },
      { word: 'b', quoted: true },
      { word: 'c', quoted: true },
      { word: 'd', quoted: false },
      { word: 'the', quoted: true },
      { word: "child's", quoted: true },
      { word: 'voice', quoted: true },
      { word: 'e', quoted: false },
    ]);
  });

  describe('near copies (what the exact check misses)', () => {
    const lesson2 = (text: string) =>
      nearCopies(text, index).map((n) => [n.matched, n.words.length, n.source]);

    it('finds a source sentence with a word swapped and a tense changed', () => {
      const text =
        'Without professional curiosity, workers fail to recognise risks and the focus shifted away from the child and onto the parent.';
      expect(copiedRuns(text, index)).toEqual([]);
      expect(lesson2(text)).toEqual([[18, 20, 'source.txt']]);
    });

    it('finds one with a few words in its middle quoted: the marks must cover what they quote', () => {
      const text =
        'Without professional curiosity professionals fail to recognise “risks and the focus shifts” away from the child and onto the parent.';
      expect(copiedRuns(text, index)).toEqual([]);
      expect(lesson2(text)).toEqual([[20, 20, 'source.txt']]);
    });

    it('leaves a whole quotation, a paraphrase and a short near copy alone', () => {
      expect(
        lesson2(
          '“Without professional curiosity professionals fail to recognise risks and the focus shifts away from the child and onto the parent.”',
        ),
      ).toEqual([]);
      expect(
        lesson2(
          'When workers are not curious, they miss risks and look at the parent instead of the child.',
        ),
      ).toEqual([]);
      expect(
        lesson2(
          'Without professional curiosity, workers fail to recognise risks and the focus shifted away.',
        ),
      ).toEqual([]);
    });

    it('leaves an exact copy to the exact check (one message for one copy)', () => {
      const text =
        'Professionals transferring cases involving vulnerable parents to colleagues in other areas must satisfy themselves that all relevant information is shared.';
      expect(copiedRuns(text, index)).toHaveLength(1);
      expect(nearCopies(text, index)).toEqual([]);
    });

    it('names the line each near copy starts on in a module file', () => {
      expect(
        nearCopiesInModule(moduleText, index).map((n) => [n.line, n.matched, n.source]),
      ).toEqual([[lineWith('# <-- near'), 18, 'source.txt']]);
    });
  });
});
