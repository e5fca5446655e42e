import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBarePackage, writePagesPackage } from '../../bench/lib/bare.ts';
import { capturePages, timedLaunch, type LaunchTiming } from '../../bench/lib/browser.ts';
import type { ProbeMode } from '../../bench/lib/instrument.ts';
import { loadCourse } from '../../scorm/package/build.ts';
import { startPackageRig, type PackageRig } from '../scorm/support/rig.ts';

/**
 * The benchmark's launches (bench/lib/browser.ts with its in-frame probe), run once each,
 * unthrottled, so that `npm run bench` cannot rot unnoticed: the floor shows its heading, the path
 * floor, the pages floor and the course reach a decision by the same number of clicks, the pages
 * floor through the course's own pages, and the course asks the LMS for no more before its first
 * view than that view needs. Counts and pages only: times are the report's business
 * (bench/README.md), never a test's.
 */
const course = loadCourse('course');
const level = [...course.levels].sort((a, b) => a.modules.length - b.modules.length)[0]!;

describe(`the benchmark's launches (level ${level.id}, SCORM 2004)`, () => {
  let rig: PackageRig;
  let files: { course: string; floor: string; path: string; pages: string };
  let captured: string[];

  beforeAll(async () => {
    const floors: Partial<Record<'floor' | 'path', string>> = {};
    rig = await startPackageRig({ levels: [level.id], versions: ['2004'] }, async (dir) => {
      floors.floor = (await writeBarePackage(dir, '2004')).file;
      floors.path = (await writeBarePackage(dir, '2004', 'path')).file;
    });
    const course = rig.built[0]!.file;
    captured = await capturePages(rig.browser, rig.server.url, course);
    const pages = (await writePagesPackage(rig.packagesDir, '2004', level.id, captured)).file;
    files = { course, floor: floors.floor!, path: floors.path!, pages };
  });

  afterAll(() => rig?.close());

  const launch = (which: keyof typeof files, mode: ProbeMode) =>
    timedLaunch(rig.browser, rig.server.url, files[which], mode, 1);

  it('the floor: Initialize, then its heading; no clicks', async () => {
    const floor: LaunchTiming = await launch('floor', 'bare');
    expect(floor.firstRender).toBeGreaterThan(0);
    expect(floor.decision).toBeNull();
    expect(floor.clicks).toBe(0);
    expect(floor.lmsCalls).toBe(1);
  });

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
  });

  it("the pages floor shows the course's own five pages and reaches the decision by the same clicks", async () => {
    // One page per click and the decision's: the module list, the module start, two narrative
    // steps, the decision, each with its components' shadow roots and styles.
    expect(captured).toHaveLength(5);
    const first = course.modules.find((m) => m.id === level.modules[0])!;
    expect(captured[0]).toContain('<sg-module-list class="view">');
    expect(captured[0]).toContain(first.title);
    expect(captured[1]).toContain('<sg-module-start class="view">');
    expect(captured[4]).toContain('type="radio"');
    for (const page of captured) {
      expect(page).toContain('<template shadowrootmode="open"><style>');
      expect(page).toContain(':host');
    }
    const pages = await launch('pages', 'course');
    expect(pages.clicks).toBe(4);
    expect(pages.decision).not.toBeNull();
    expect(pages.decision!).toBeGreaterThan(pages.firstRender);
    // Static pages make no call but Initialize.
    expect(pages.lmsCalls).toBe(1);
  });

  it('the first heading is the static first view, before any LMS call, or else the app’s, after its reads only; before its own first view the course makes Initialize and six reads: every write waits for idle time', async () => {
    const sco = await launch('course', 'course');
    expect(sco.firstView).not.toBeNull();
    expect(sco.firstView!).toBeGreaterThanOrEqual(sco.firstRender);
    // entry, mode, learner name and id, status, suspend_data: no SetValue, no Commit.
    expect(sco.lmsCallsAtFirstView).toBe(7);
    // The package's first view is in index.html. Whether the browser paints it before it runs the
    // script is its scheduler's choice: it does when the script arrives later (over a network, and
    // on this machine when it is quiet), and may not when the script is ready at once and every
    // core is busy. Then the first heading seen is the app's (in its shadow root), after the same
    // reads as at its first view.
    expect(sco.lmsCallsAtFirstRender).toBe(
      sco.firstHeadingInShadowRoot ? sco.lmsCallsAtFirstView : 0,
    );
  });
});
