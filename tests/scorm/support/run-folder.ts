import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

/**
 * The integration project's global set-up (vitest.config.ts): one empty temporary folder for this
 * test run, where shared-build.ts keeps what several test files would otherwise each build (the
 * packages of a level, the web build). Made empty at every run, so a build is never reused from a
 * run before, with older sources; removed when the run ends.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    /** This run's folder for shared builds (tests/scorm/support/shared-build.ts). */
    sharedBuildDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'sg-test-run-'));
  project.provide('sharedBuildDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
