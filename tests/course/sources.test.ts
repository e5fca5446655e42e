import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { moduleFileNames } from '../../src/compiler/load.ts';
import type { RawModule } from '../../src/compiler/raw.ts';
import { PROFILES } from '../../src/compiler/shape.ts';

/**
 * The source check: every module lists the facts it states about the real case, each with the
 * source file and line it comes from and words that appear on that line. The source texts live
 * beside the project (../shared/sources), not in it; where they are absent, the citation check is
 * skipped and says so, while the rest still runs.
 */
const SHARED = resolve('..', 'shared');
const SOURCES = join(SHARED, 'sources');
/** `guides/content.md` is relative to shared/; a bare file name is a review text in shared/sources. */
const sourcePath = (source: string) =>
  source.includes('/') ? join(SHARED, source) : join(SOURCES, source);
const haveSources = existsSync(SOURCES);
if (!haveSources) {
  console.warn(`Source check: ${SOURCES} not found, so the citation checks are SKIPPED.`);
}
const modules = moduleFileNames('course').map((file) => ({
  file,
  data: parse(readFileSync(file, 'utf8')) as RawModule,
}));

/** Case, spacing and typographic quotes aside. */
const normalise = (text: string) =>
  text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim();

describe('source check', () => {
  it.each(modules)('$file lists the facts its profile asks for, with their sources', ({ data }) => {
    // A local module (a training lead's own procedure) may cite none: its profile says how many.
    const needed = PROFILES[data.profile ?? 'case-review'].facts;
    expect(data.facts?.length ?? 0).toBeGreaterThanOrEqual(needed);
  });

  const checkCitations = haveSources ? it.each(modules) : it.skip.each(modules);
  checkCitations(
    `$file: every cited line contains the cited words${haveSources ? '' : ' (SKIPPED: ../shared/sources is not beside the project)'}`,
    ({ file, data }) => {
      for (const fact of data.facts ?? []) {
        const path = sourcePath(fact.source);
        expect(existsSync(path), `${file}: source ${fact.source} does not exist`).toBe(true);
        const line = readFileSync(path, 'utf8').split('\n')[fact.line - 1] ?? '';
        expect(
          normalise(line),
          `${file}: ${fact.source}:${fact.line} should contain "${fact.words}"`,
        ).toContain(normalise(fact.words));
      }
    },
  );
});
