import type { Browser, BrowserContext, CDPSession, Frame, Page } from 'playwright';
import type { Course } from '../../src/model/course.ts';
import type { ApiCall } from '../../scorm/preview/strict-checks.ts';
import { playThroughUi } from '../../scripts/players/robot.ts';
import { probe, type ProbeMode, type ProbeResult } from './instrument.ts';

/**
 * Everything the benchmark does in headless Chromium, against the preview LMS page
 * (scorm/preview): timed launches under CPU throttling, the throttling check, and one module
 * played through the UI (scripts/players/robot.ts) for heap and LMS API calls.
 */

/** tsx (esbuild keepNames) wraps named functions in `__name(…)`; the page has no such helper. */
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((f) => f);';

async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: NAME_SHIM });
  return context;
}

async function throttle(context: BrowserContext, page: Page, rate: number): Promise<CDPSession> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return cdp;
}

const launchUrl = (server: string, file: string) =>
  `${server}?package=${encodeURIComponent(file)}&launch=1`;

export interface LaunchTiming {
  /** ms from the SCO frame's navigation start (the launch) to the first h1 visible. */
  readonly firstRender: number;
  /**
   * ms from the launch to the first click: the first view usable (the app's module list with its
   * Start button, after the static first view of a package). Null for the bare floor.
   */
  readonly firstView: number | null;
  /** ms from the launch to the first decision usable (the course and the path floor). */
  readonly decision: number | null;
  /** ms from the LMS page's own navigation start to the launch of the frame. */
  readonly lmsToLaunch: number;
  readonly clicks: number;
  /**
   * ms from each click to the next click, the last to the decision: how long each view took to
   * answer a click with its own next control, usable (at least a frame).
   */
  readonly answers: number[];
  /** LMS API calls made, and ms spent inside them, from the launch to the last mark. */
  readonly lmsCalls: number;
  readonly lmsMs: number;
  /** LMS API calls made from the launch to the first render. */
  readonly lmsCallsAtFirstRender: number;
  /** The first render's heading was a component's, not the page's own HTML (see the probe). */
  readonly firstHeadingInShadowRoot: boolean;
  /** LMS API calls made from the launch to the first view usable (the first click). */
  readonly lmsCallsAtFirstView: number;
}

/** One launch in a fresh context (empty cache and storage: a first launch, entry=ab-initio). */
export async function timedLaunch(
  browser: Browser,
  server: string,
  file: string,
  mode: ProbeMode,
  rate: number,
): Promise<LaunchTiming> {
  const context = await newContext(browser);
  try {
    await context.addInitScript(probe, mode);
    const page = await context.newPage();
    await throttle(context, page, rate);
    await page.goto(launchUrl(server, file));
    const handle = await page.waitForFunction(
      () => {
        const frame = document.getElementById('sco') as HTMLIFrameElement | null;
        const win = frame?.contentWindow as (Window & { __bench?: ProbeResult }) | null;
        const bench = win?.__bench;
        if (!win || !bench?.done) return null;
        return {
          ...bench,
          frameOrigin: win.performance.timeOrigin,
          topOrigin: performance.timeOrigin,
        };
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const result = (await handle.jsonValue()) as ProbeResult;
    if (result.error) throw new Error(`${file}: ${result.error} (${result.path.join(' → ')})`);
    if (result.marks.firstRender === undefined) throw new Error(`${file}: no first render`);
    if (mode !== 'bare' && result.marks.decision === undefined)
      throw new Error(`${file}: no decision reached`);
    return {
      firstRender: result.marks.firstRender,
      firstView: result.clickedAt[0] ?? null,
      decision: result.marks.decision ?? null,
      lmsToLaunch: result.frameOrigin - result.topOrigin,
      clicks: result.path.length,
      answers: result.clickedAt.map(
        (at, i) => (result.clickedAt[i + 1] ?? result.marks.decision ?? at) - at,
      ),
      lmsCalls: (result.lms.atDecision ?? result.lms.atFirstRender)?.calls ?? 0,
      lmsMs: (result.lms.atDecision ?? result.lms.atFirstRender)?.ms ?? 0,
      lmsCallsAtFirstRender: result.lms.atFirstRender?.calls ?? 0,
      firstHeadingInShadowRoot: result.firstHeadingInShadowRoot ?? false,
      lmsCallsAtFirstView: result.lms.atFirstClick?.calls ?? 0,
    };
  } finally {
    await context.close();
  }
}

/**
 * The pages the course shows on the probe's path to its first decision (unthrottled, a first
 * launch), as HTML for the pages floor: one per click, then the decision's.
 */
export async function capturePages(browser: Browser, server: string, file: string) {
  const context = await newContext(browser);
  try {
    await context.addInitScript(probe, 'capture' as ProbeMode);
    const page = await context.newPage();
    await page.goto(launchUrl(server, file));
    const handle = await page.waitForFunction(
      () => {
        const frame = document.getElementById('sco') as HTMLIFrameElement | null;
        const bench = (frame?.contentWindow as (Window & { __bench?: ProbeResult }) | null)
          ?.__bench;
        return bench?.done ? bench : null;
      },
      undefined,
      { timeout: 60_000, polling: 100 },
    );
    const result = (await handle.jsonValue()) as ProbeResult;
    if (result.error) throw new Error(`${file}: ${result.error} (${result.path.join(' → ')})`);
    if (result.pages.length !== result.path.length + 1)
      throw new Error(
        `${file}: ${result.pages.length} pages kept for ${result.path.length} clicks`,
      );
    return result.pages;
  } finally {
    await context.close();
  }
}

/**
 * Checks that CPU throttling reaches the SCO's frame: the same busy loop, run in the frame, timed
 * without and with the throttle set on the page's CDP session.
 */
export async function throttleCheck(
  browser: Browser,
  server: string,
  bareFile: string,
  rate: number,
): Promise<{ plain: number; throttled: number; ratio: number }> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    await page.goto(launchUrl(server, bareFile));
    const frame = await scoFrame(page);
    await frame.waitForSelector('h1');
    const spin = () =>
      frame.evaluate(() => {
        const start = performance.now();
        let x = 0;
        for (let i = 0; i < 3_000_000; i++) x = (x * 31 + i) % 1_000_003;
        return performance.now() - start + (x < 0 ? 1 : 0);
      });
    const best = async (runs: number) => {
      let min = Infinity;
      for (let i = 0; i < runs; i++) min = Math.min(min, await spin());
      return min;
    };
    const plain = await best(3);
    await throttle(context, page, rate);
    const throttled = await best(3);
    return { plain, throttled, ratio: throttled / plain };
  } finally {
    await context.close();
  }
}

async function scoFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 200; i++) {
    const frame = page.frames().find((f) => f.url().includes('/packages/'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('The SCO frame did not load');
}

/** The LMS calls one learner action brought about. */
interface ActionCalls {
  readonly calls: readonly ApiCall[];
}

export interface ModuleRun {
  readonly actions: readonly string[];
  /** Peak JSHeapUsedSize (bytes) sampled every 100 ms while the module was played, and at its end. */
  readonly peakHeap: number;
  /** JSHeapUsedSize after a forced garbage collection once the module was finished. */
  readonly heapAfterGc: number;
  /** The same after launch, before the first click. */
  readonly heapAtLaunch: number;
  readonly decisions: readonly { sets: number; commits: number }[];
  readonly answers: readonly { sets: number; commits: number }[];
  readonly totals: { sets: number; commits: number; calls: number };
  readonly suspendData: readonly number[];
  readonly violations: readonly string[];
}

/** After an action's last expected call, the LMS page must have had no call for this long. */
const QUIET_MS = 150;
/** The longest the bench waits for an action's writes (the course's own limit is 1 s per flush). */
const SETTLE_TIMEOUT_MS = 5000;

/**
 * Launches a package, plays its first module through the UI with the tests' robot (best decision,
 * right answers) and stops when the learner is back on the module list with that module finished.
 * The course writes behind the view, at idle time (scorm/README.md), and may spread one action's
 * writes over several idle periods; so after each action the robot waits for the call that ends
 * its writes (a Commit after a decision, an answer or finishing a module, else the saved state),
 * then until the LMS page has been quiet for QUIET_MS: every call in between is that action's.
 */
export async function playFirstModule(
  browser: Browser,
  server: string,
  file: string,
  version: '1.2' | '2004',
  course: Course,
): Promise<ModuleRun> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as {
        metrics: { name: string; value: number }[];
      };
      return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    const gcHeap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return heap();
    };
    await page.goto(launchUrl(server, file));
    const frame = await scoFrame(page);
    await frame.waitForSelector('sg-app');
    await page.waitForFunction(
      () =>
        (
          window as unknown as { previewLms: { strict?: { calls: { fn: string }[] } } }
        ).previewLms.strict?.calls.some((c) => /Initialize$/.test(c.fn)) ?? false,
      undefined,
      { timeout: 20_000 },
    );
    await frame.locator('h1').first().waitFor();
    const heapAtLaunch = await gcHeap();
    const names =
      version === '1.2'
        ? { set: 'LMSSetValue', commit: 'LMSCommit' }
        : { set: 'SetValue', commit: 'Commit' };
    const callCount = () =>
      page.evaluate(
        () =>
          (window as unknown as { previewLms: { strict: { calls: unknown[] } } }).previewLms.strict
            .calls.length,
      );
    /** Waits until no LMS call has come for QUIET_MS (at most 5 s), and returns the count. */
    const quiet = async () => {
      let count = await callCount();
      let since = Date.now();
      for (const start = Date.now(); Date.now() - start < 5000;) {
        await page.waitForTimeout(25);
        const now = await callCount();
        if (now !== count) [count, since] = [now, Date.now()];
        else if (Date.now() - since >= QUIET_MS) break;
      }
      return count;
    };
    const from = await quiet();
    /** The call count after each action: action k's calls are boundaries[k-1]..boundaries[k]. */
    const boundaries = [from];

    let peakHeap = heapAtLaunch;
    let sampling = true;
    const sampler = (async () => {
      for (let i = 0; sampling && i < 3000; i++) {
        peakHeap = Math.max(peakHeap, await heap());
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    let actions: string[];
    try {
      actions = await playThroughUi(oneModule(frame), course, 'pass', 300, async (what) => {
        const start = boundaries.at(-1)!;
        const commits = /^(decide|answer|finish)/.test(what);
        await page
          .waitForFunction(
            ([start, fn, element]) =>
              (
                window as unknown as { previewLms: { strict: { calls: ApiCall[] } } }
              ).previewLms.strict.calls
                .slice(start)
                .some((c) => (element ? c.args[0] === element : c.fn === fn)),
            [start, names.commit, commits ? '' : 'cmi.suspend_data'] as const,
            { timeout: SETTLE_TIMEOUT_MS, polling: 25 },
          )
          .catch(() => undefined); // a state that did not change writes nothing: go on
        boundaries.push(await quiet());
      });
    } finally {
      sampling = false;
      await sampler;
    }
    peakHeap = Math.max(peakHeap, await heap());
    const heapAfterGc = await gcHeap();

    const log = await page.evaluate((start) => {
      const w = window as unknown as {
        previewLms: { strict: { calls: ApiCall[]; violations: string[] } };
      };
      return {
        calls: w.previewLms.strict.calls.slice(start),
        violations: w.previewLms.strict.violations,
      };
    }, from);
    const perAction = boundaries
      .slice(1)
      .map((end, k) => log.calls.slice(boundaries[k]! - from, end - from));
    const decisionIds = new Set<string>();
    const questionIds = new Set<string>();
    for (const module of course.modules) {
      for (const step of module.scenario.steps)
        if (step.type === 'decision') decisionIds.add(`${module.id}_${step.id}`);
      for (const q of module.questions) questionIds.add(`${module.id}_${q.id}`);
    }
    const count = (b: ActionCalls) => ({
      sets: b.calls.filter((c) => c.fn === names.set).length,
      commits: b.calls.filter((c) => c.fn === names.commit).length,
    });
    const decisions: { sets: number; commits: number }[] = [];
    const answers: { sets: number; commits: number }[] = [];
    for (const calls of perAction) {
      const id = calls.find(
        (c) => c.fn === names.set && /^cmi\.interactions\.\d+\.id$/.test(c.args[0] ?? ''),
      )?.args[1];
      if (id === undefined) continue;
      if (decisionIds.has(id)) decisions.push(count({ calls }));
      else if (questionIds.has(id)) answers.push(count({ calls }));
    }
    const suspendData = log.calls
      .filter((c) => c.fn === names.set && c.args[0] === 'cmi.suspend_data')
      .map((c) => (c.args[1] ?? '').length);
    return {
      actions,
      peakHeap,
      heapAfterGc,
      heapAtLaunch,
      decisions,
      answers,
      totals: { ...count({ calls: log.calls }), calls: log.calls.length },
      suspendData,
      violations: log.violations,
    };
  } finally {
    await context.close();
  }
}

/**
 * The robot plays until no module is left to open; this view of the frame ends its run once one
 * module has been finished: when the learner is back on the module list, it shows no module to open.
 */
function oneModule(frame: Frame): Frame {
  let finished = false;
  return new Proxy(frame, {
    get(target, key, receiver) {
      if (key === 'getByRole')
        return (role: string, options?: { name?: string | RegExp }) => {
          const name = options?.name;
          if (name instanceof RegExp && name.test('Finish this module')) finished = true;
          return target.getByRole(role as Parameters<Frame['getByRole']>[0], options);
        };
      if (key === 'locator')
        return (selector: string) => {
          if (finished && selector === 'sg-module-list button')
            return { filter: () => ({ count: async () => 0 }) };
          return target.locator(selector);
        };
      const value = Reflect.get(target, key, receiver) as unknown;
      return typeof value === 'function'
        ? (value as (...a: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}

/** JSHeapUsedSize after a forced GC once the bare SCO has launched: the LMS page's own heap. */
export async function heapAtLaunch(
  browser: Browser,
  server: string,
  file: string,
): Promise<number> {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(launchUrl(server, file));
    const frame = await scoFrame(page);
    await frame.locator('h1').first().waitFor();
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  } finally {
    await context.close();
  }
}
