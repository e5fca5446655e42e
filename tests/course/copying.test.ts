import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copiedRunsInModule,
  NEAR_COPY,
  nearCopiesInModule,
  RUN_LENGTH,
  SourceIndex,
} from '../../src/compiler/copying.ts';
import { moduleFileNames } from '../../src/compiler/load.ts';

/**
 * Own words, short quotes: no module copies a run of 12 or more words from the published reviews
 * without quotation marks (the rule in shared/guides/content.md), nor a near copy of a source's
 * sentence (a word or a tense changed, or a few words in its middle quoted; the matching itself is
 * src/compiler/copying.ts, tested in tests/compiler/copying.test.ts). The sources live beside the
 * project (../shared/sources), not in it; where they are absent, this check is skipped and says so.
 */
const SOURCES = resolve('..', 'shared', 'sources');
const haveSources = existsSync(SOURCES);
if (!haveSources) {
  console.warn(`Copying check: ${SOURCES} not found, so the copying check is SKIPPED.`);
}
const modules = moduleFileNames('course');
const check = haveSources ? it.each(modules) : it.skip.each(modules);

describe('own words', () => {
  const index = haveSources
    ? new SourceIndex(
        readdirSync(SOURCES)
          .filter((name) => name.endsWith('.txt'))
          .sort()
          .map((name) => ({ name, text: readFileSync(join(SOURCES, name), 'utf8') })),
      )
    : undefined;

  check(
    `%s copies no unquoted run of ${RUN_LENGTH}+ words from the sources${haveSources ? '' : ' (SKIPPED: ../shared/sources is not beside the project)'}`,
    (file) => {
      const runs = copiedRunsInModule(readFileSync(file, 'utf8'), index!);
      const report = runs.map(
        (r) =>
          `${file}:${r.line}  ${r.words.length} words from ${r.source}: "${r.words.join(' ')}"  (paraphrase it, or quote a short phrase in quotation marks and name the source)`,
      );
      expect(report, report.join('\n')).toEqual([]);
    },
  );

  check(
    `%s has no near copy of a source: ${NEAR_COPY.minWords}+ words, ${NEAR_COPY.share * 100}% of them the source's in order${haveSources ? '' : ' (SKIPPED: ../shared/sources is not beside the project)'}`,
    (file) => {
      const near = nearCopiesInModule(readFileSync(file, 'utf8'), index!);
      const report = near.map(
        (n) =>
          `${file}:${n.line}  ${n.matched} of these ${n.words.length} words follow ${n.source} in order: "${n.words.join(' ')}"  (say it in your own words, or quote the whole phrase in quotation marks and name the source)`,
      );
      expect(report, report.join('\n')).toEqual([]);
    },
  );
});
