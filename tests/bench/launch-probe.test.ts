import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBarePackage } from '../../bench/lib/bare.ts';
import { timedLaunch, type LaunchTiming } from '../../bench/lib/browser.ts';
import type { ProbeMode } from '../../bench/lib/instrument.ts';
import { loadCourse } from '../../scorm/package/build.ts';
import { startPackageRig, type PackageRig } from '../scorm/support/rig.ts';

/**
 * The benchmark's launches (bench/lib/browser.ts with its in-frame probe), run once each,
 * unthrottled, so that `npm run bench` cannot rot unnoticed: the floor shows its heading, the path
 * floor and the course reach a decision by the same number of clicks, and the course asks the LMS
 * for no more before its first view than that view needs. Counts only: times are the
 * report's business (bench/README.md), never a test's.
 */
const course = loadCourse('course');
const level = [...course.levels].sort((a, b) => a.modules.length - b.modules.length)[0]!;

describe(`the benchmark's launches (level ${level.id}, SCORM 2004)`, () => {
  let rig: PackageRig;
  let files: { course: string; floor: string; path: string };

  beforeAll(async () => {
    const floors: Partial<Record<'floor' | 'path', string>> = {};
    rig = await startPackageRig({ levels: [level.id], versions: ['2004'] }, async (dir) => {
      floors.floor = (await writeBarePackage(dir, '2004')).file;
      floors.path = (await writeBarePackage(dir, '2004', 'path')).file;
    });
    files = { course: rig.built[0]!.file, floor: floors.floor!, path: floors.path! };
  }, 120_000);

  afterAll(() => rig?.close());

  const launch = (which: keyof typeof files, mode: ProbeMode) =>
    timedLaunch(rig.browser, rig.server.url, files[which], mode, 1);

  it('the floor: Initialize, then its heading; no clicks', async () => {
    const floor: LaunchTiming = await launch('floor', 'bare');
    expect(floor.firstRender).toBeGreaterThan(0);
    expect(floor.decision).toBeNull();
    expect(floor.clicks).toBe(0);
    expect(floor.lmsCalls).toBe(1);
  }, 30_000);

  it('the path floor and the course reach their first decision by the same four clicks', async () => {
    const path = await launch('path', 'path');
    const sco = await launch('course', 'course');
    expect(path.clicks).toBe(4);
    expect(sco.clicks).toBe(path.clicks);
    for (const run of [path, sco]) {
      expect(run.decision).not.toBeNull();
      expect(run.decision!).toBeGreaterThan(run.firstRender);
      // One answer per click, each waiting at least for the next view, all of them after the
      // first render: the report's split of the way to the decision.
      expect(run.answers).toHaveLength(run.clicks);
      for (const answer of run.answers) expect(answer).toBeGreaterThan(0);
      const clicked = run.answers.reduce((sum, answer) => sum + answer, 0);
      expect(run.decision! - clicked).toBeGreaterThanOrEqual(run.firstRender);
    }
  }, 30_000);

  it('before its first view the course makes Initialize and six reads: every write waits for idle time', async () => {
    const sco = await launch('course', 'course');
    // entry, mode, learner name and id, status, suspend_data: no SetValue, no Commit.
    expect(sco.lmsCallsAtFirstRender).toBe(7);
  }, 30_000);
});
