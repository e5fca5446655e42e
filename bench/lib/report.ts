import type { PackageInfo } from '../../scorm/preview/server.ts';
import type { LaunchTiming, ModuleRun } from './browser.ts';
import type { ProbeMode } from './instrument.ts';
import type { BuildTiming } from './build.ts';
import { BUDGETS } from './budgets.ts';
import type { PackageSizes } from './sizes.ts';
import type { StateSizes } from './state.ts';
import { max, median, min } from './stats.ts';

export interface TargetTiming {
  readonly key: string;
  readonly mode: ProbeMode;
  readonly throttled: readonly LaunchTiming[];
  readonly plain: readonly LaunchTiming[];
}

export interface BenchResults {
  readonly machine: {
    readonly node: string;
    readonly cpu: string;
    readonly cores: number;
    readonly memoryGiB: number;
    readonly platform: string;
    readonly date: string;
    readonly commit: string;
    readonly chromium: string;
  };
  readonly throttle: number;
  readonly runs: number;
  readonly unthrottledRuns: number;
  readonly build: BuildTiming;
  readonly packages: readonly (PackageInfo & { readonly sizes: PackageSizes })[];
  readonly levels: readonly { id: string; modules: number; state: StateSizes }[];
  readonly throttleCheck: { plain: number; throttled: number; ratio: number };
  readonly timings: readonly TargetTiming[];
  readonly floorHeap: Readonly<Record<'1.2' | '2004', number>>;
  readonly modules: readonly { file: string; run: ModuleRun }[];
  readonly errors: readonly string[];
  readonly benchSeconds: number;
}

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const MB = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
const ms = (value: number) => `${Math.round(value)} ms`;
const ratio = (value: number) => `${value.toFixed(2)}×`;
const pct = (part: number, whole: number) => `${Math.round((part / whole) * 100)} %`;
const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
const table = (head: readonly string[], rows: readonly (readonly string[])[]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map((_h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');

export function renderReport(r: BenchResults): string {
  const name = (p: PackageInfo) => `${p.level} · ${p.version}`;
  const timing = (key: string) => r.timings.find((t) => t.key === key);
  const floor = (version: '1.2' | '2004', which: 'throttled' | 'plain') =>
    median(timing(`bare-${version}`)?.[which].map((s) => s.firstRender) ?? []);
  /** The floor less the time spent inside the LMS API (what the SCO itself costs). */
  const floorNet = (version: '1.2' | '2004') =>
    median(timing(`bare-${version}`)?.throttled.map((s) => s.firstRender - s.lmsMs) ?? []);
  /** The path floor: a bare SCO's time to a decision through as many views as the course's path. */
  const pathFloor = (version: '1.2' | '2004', which: 'throttled' | 'plain') =>
    median(timing(`path-${version}`)?.[which].map((s) => s.decision ?? NaN) ?? []);
  /** The pages floor: the level's own pages on that path as static HTML, without the course's code. */
  const pagesTiming = (level: string, version: '1.2' | '2004') =>
    timing(`pages-${level}-${version}`)?.throttled ?? [];
  const pagesFloor = (level: string, version: '1.2' | '2004') =>
    median(pagesTiming(level, version).map((s) => s.decision ?? NaN));
  const perPackage = r.packages.map((p) => {
    const t = timing(p.file);
    const throttled = t?.throttled ?? [];
    const plain = t?.plain ?? [];
    const render = median(throttled.map((s) => s.firstRender));
    const decisions = throttled.map((s) => s.decision ?? NaN);
    const decision = median(decisions);
    const f = floor(p.version, 'throttled');
    const module = r.modules.find((m) => m.file === p.file)?.run;
    return {
      floorNet: floorNet(p.version),
      p,
      render,
      decision,
      decisionMin: min(decisions),
      decisionMax: max(decisions),
      fromLms: median(throttled.map((s) => s.lmsToLaunch + (s.decision ?? NaN))),
      lmsCalls: median(throttled.map((s) => s.lmsCalls)),
      lmsMs: median(throttled.map((s) => s.lmsMs)),
      net: median(throttled.map((s) => (s.decision ?? NaN) - s.lmsMs)),
      clicks: max(throttled.map((s) => s.clicks)),
      runs: throttled.length,
      floor: f,
      renderRatio: render / f,
      decisionRatio: decision / f,
      pathFloor: pathFloor(p.version, 'throttled'),
      pathRatio: decision / pathFloor(p.version, 'throttled'),
      pagesFloor: pagesFloor(p.level, p.version),
      pagesRatio: decision / pagesFloor(p.level, p.version),
      pagesRender: median(pagesTiming(p.level, p.version).map((s) => s.firstRender)),
      plainRender: median(plain.map((s) => s.firstRender)),
      plainDecision: median(plain.map((s) => s.decision ?? NaN)),
      plainFloor: floor(p.version, 'plain'),
      module,
    };
  });

  // --- Budgets ----------------------------------------------------------------------------
  const biggestRuntime = [...r.packages].sort(
    (a, b) => b.sizes.runtimeGzip - a.sizes.runtimeGzip,
  )[0];
  const slowest = [...perPackage].sort((a, b) => b.decision - a.decision)[0];
  const worstRatio = [...perPackage].sort((a, b) => b.decisionRatio - a.decisionRatio)[0];
  const worstPagesRatio = [...perPackage].sort((a, b) => b.pagesRatio - a.pagesRatio)[0];
  const worstRender = [...perPackage].sort((a, b) => b.renderRatio - a.renderRatio)[0];
  /** Each pages floor's first render ÷ the bare floor: the first view as static HTML, no code. */
  const pagesRenderAlone = perPackage.map((x) => x.pagesRender / x.floor);
  /** Each pages floor ÷ the bare floor: what the pages alone take, whoever shows them. */
  const pagesAlone = perPackage.map((x) => x.pagesFloor / x.floor);
  /** The most any package's code could take within the issue's first ratio: 2 floors less its pages. */
  const room = max(perPackage.map((x) => BUDGETS.decisionFloorRatio * x.floor - x.pagesFloor));
  const largestLevel = [...r.levels].sort(
    (a, b) => b.state.worstCase - a.state.worstCase || b.modules - a.modules,
  )[0];
  const commits = perPackage.flatMap((x) => x.module?.decisions.map((d) => d.commits) ?? []);
  const maxCommits = commits.length > 0 ? max(commits) : NaN;
  const budgets: string[][] = [
    [
      'Runtime JS + CSS, gzipped, course text excluded',
      `≤ ${kB(BUDGETS.runtimeGzipBytes)}`,
      biggestRuntime
        ? `${kB(biggestRuntime.sizes.runtimeGzip)} (${name(biggestRuntime)}, the largest)`
        : '—',
      met(!!biggestRuntime && biggestRuntime.sizes.runtimeGzip <= BUDGETS.runtimeGzipBytes),
    ],
    [
      `First decision usable at ${r.throttle}x CPU throttling (median)`,
      `≤ ${ms(BUDGETS.decisionMs)}`,
      slowest ? `${ms(slowest.decision)} (${name(slowest.p)}, the slowest)` : '—',
      met(!!slowest && slowest.decision <= BUDGETS.decisionMs),
    ],
    [
      'First decision usable ÷ pages floor (the same pages as static HTML, without the course’s code; same run, level and version)',
      `≤ ${ratio(BUDGETS.decisionPagesRatio)}`,
      worstPagesRatio
        ? `${ratio(worstPagesRatio.pagesRatio)} (${name(worstPagesRatio.p)}: ${ms(worstPagesRatio.decision)} ÷ ${ms(worstPagesRatio.pagesFloor)})`
        : '—',
      met(!!worstPagesRatio && worstPagesRatio.pagesRatio <= BUDGETS.decisionPagesRatio),
    ],
    [
      'As the issue first set it: first decision usable ÷ bare-SCO floor (same run, same version)',
      `≤ ${ratio(BUDGETS.decisionFloorRatio)}`,
      worstRatio
        ? `${ratio(worstRatio.decisionRatio)} (${name(worstRatio.p)}: ${ms(worstRatio.decision)} ÷ ${ms(worstRatio.floor)})`
        : '—',
      !!worstRatio && worstRatio.decisionRatio <= BUDGETS.decisionFloorRatio
        ? met(true)
        : `${met(false)}: the pages alone take ${ratio(min(pagesAlone))}–${ratio(max(pagesAlone))}, which leaves ${room > 0 ? `${ms(room)} at most` : 'nothing'} for a SCO's code; replaced by the row above`,
    ],
    [
      'First render at 4x CPU throttling ÷ bare-SCO floor (same run, same version), as issue 15 sets it',
      `≤ ${ratio(BUDGETS.renderFloorRatio)}`,
      worstRender
        ? `${ratio(worstRender.renderRatio)} (${name(worstRender.p)}: ${ms(worstRender.render)} ÷ ${ms(worstRender.floor)})`
        : '—',
      !!worstRender && worstRender.renderRatio <= BUDGETS.renderFloorRatio
        ? met(true)
        : `${met(false)}: the module list alone, as static HTML with no code, takes ${ratio(min(pagesRenderAlone))}–${ratio(max(pagesRenderAlone))}`,
    ],
    [
      'Worst-case suspend_data, largest level',
      `≤ ${BUDGETS.worstCaseSuspendData} characters`,
      largestLevel ? `${largestLevel.state.worstCase} (${largestLevel.id})` : '—',
      met(!!largestLevel && largestLevel.state.worstCase <= BUDGETS.worstCaseSuspendData),
    ],
    [
      'Commit calls per decision (most seen)',
      `≤ ${BUDGETS.commitsPerDecision}`,
      `${maxCommits} (over ${commits.length} decisions)`,
      met(maxCommits <= BUDGETS.commitsPerDecision),
    ],
    [
      'Full build (`npm run build`: web build + every package)',
      `≤ ${BUDGETS.buildSeconds} s`,
      `${r.build.totalSeconds.toFixed(1)} s`,
      met(r.build.totalSeconds <= BUDGETS.buildSeconds),
    ],
  ];

  // --- Tables -----------------------------------------------------------------------------
  const sizes = table(
    [
      'package',
      'zip',
      'JS raw',
      'JS gzip',
      'JS at first render raw · gzip',
      'CSS raw',
      'CSS gzip',
      'course JSON raw',
      'course JSON gzip',
      'runtime gzip',
      'runtime share (gzip)',
    ],
    r.packages.map((p) => {
      const s = p.sizes;
      const total = s.js.gzip + s.css.gzip;
      return [
        name(p),
        kB(s.zip),
        kB(s.js.raw),
        kB(s.js.gzip),
        // Older results (results/latest.json before module text scripts) have no such figure.
        s.firstRenderJs ? `${kB(s.firstRenderJs.raw)} · ${kB(s.firstRenderJs.gzip)}` : '—',
        `${s.css.raw} B`,
        `${s.css.gzip} B`,
        kB(s.content.raw),
        kB(s.content.gzip),
        kB(s.runtimeGzip),
        `${pct(s.runtimeGzip, total)} code · ${pct(s.content.gzip, total)} content`,
      ];
    }),
  );

  const floorRow = (version: '1.2' | '2004') => {
    const t = timing(`bare-${version}`);
    const values = t?.throttled.map((s) => s.firstRender) ?? [];
    return [
      `**bare SCO · ${version}** (floor)`,
      `${ms(median(values))} (1.00×)`,
      '—',
      '—',
      '—',
      `${ms(min(values))}–${ms(max(values))}`,
      ms(median(t?.throttled.map((s) => s.lmsToLaunch + s.firstRender) ?? [])),
      '0',
      `${median(t?.throttled.map((s) => s.lmsCalls) ?? [])} · ${ms(median(t?.throttled.map((s) => s.lmsMs) ?? []))}`,
      `${ms(floorNet(version))} (1.00×)`,
      `${ms(floor(version, 'plain'))}`,
      '—',
    ];
  };
  /**
   * A floor walked to a decision (the path floor, a pages floor): its row, with its ratios to the
   * bare floor, and to the path floor (`'1.00×'` for the path floor itself, `'—'` for none).
   */
  const walkedFloorRow = (
    label: string,
    key: string,
    version: '1.2' | '2004',
    ratios: (decision: number) => readonly [path: string, pages: string],
  ) => {
    const t = timing(key);
    const throttled = t?.throttled ?? [];
    const decisions = throttled.map((s) => s.decision ?? NaN);
    const render = median(throttled.map((s) => s.firstRender));
    const decision = median(decisions);
    const f = floor(version, 'throttled');
    const net = median(throttled.map((s) => (s.decision ?? NaN) - s.lmsMs));
    const plainDecision = median(t?.plain.map((s) => s.decision ?? NaN) ?? []);
    return [
      label,
      `${ms(render)} (${ratio(render / f)})`,
      `${ms(decision)} (${ratio(decision / f)})`,
      ...ratios(decision),
      `${ms(min(decisions))}–${ms(max(decisions))}`,
      ms(median(throttled.map((s) => s.lmsToLaunch + (s.decision ?? NaN)))),
      String(max(throttled.map((s) => s.clicks))),
      `${median(throttled.map((s) => s.lmsCalls))} · ${ms(median(throttled.map((s) => s.lmsMs)))}`,
      `${ms(net)} (${ratio(net / floorNet(version))})`,
      ms(median(t?.plain.map((s) => s.firstRender) ?? [])),
      `${ms(plainDecision)} (${ratio(plainDecision / floor(version, 'plain'))})`,
    ];
  };
  const pathRow = (version: '1.2' | '2004') =>
    walkedFloorRow(`**bare path · ${version}** (path floor)`, `path-${version}`, version, () => [
      '1.00×',
      '—',
    ]);
  const pagesRow = (level: string, version: '1.2' | '2004') =>
    walkedFloorRow(
      `**pages · ${level} · ${version}** (pages floor)`,
      `pages-${level}-${version}`,
      version,
      (decision) => [ratio(decision / pathFloor(version, 'throttled')), '1.00×'],
    );
  const pagesKeys = r.packages.map((p) => [p.level, p.version] as const);
  const times = table(
    [
      'package',
      'first render (× floor)',
      'first decision usable (× floor)',
      'first decision ÷ path floor',
      'first decision ÷ pages floor',
      'decision min–max',
      'LMS page start → decision',
      'clicks',
      'LMS API until then: calls · ms inside',
      'decision less LMS time (× floor less LMS time)',
      'unthrottled: first render',
      'unthrottled: decision (× floor)',
    ],
    [
      ...perPackage.map((x) => [
        name(x.p),
        `${ms(x.render)} (${ratio(x.renderRatio)})`,
        `${ms(x.decision)} (${ratio(x.decisionRatio)})`,
        ratio(x.pathRatio),
        ratio(x.pagesRatio),
        `${ms(x.decisionMin)}–${ms(x.decisionMax)}`,
        ms(x.fromLms),
        String(x.clicks),
        `${x.lmsCalls} · ${ms(x.lmsMs)}`,
        `${ms(x.net)} (${ratio(x.net / x.floorNet)})`,
        ms(x.plainRender),
        `${ms(x.plainDecision)} (${ratio(x.plainDecision / x.plainFloor)})`,
      ]),
      floorRow('1.2'),
      floorRow('2004'),
      pathRow('1.2'),
      pathRow('2004'),
      ...pagesKeys.map(([level, version]) => pagesRow(level, version)),
    ],
  );

  /**
   * Where the first decision's time goes: the first render, then each click's answer (median ms
   * from a click to the next click, the last to the decision), against the path floor's.
   */
  const answers = (throttled: readonly LaunchTiming[]) =>
    Array.from({ length: max(throttled.map((s) => s.answers.length)) }, (_, i) =>
      median(throttled.map((s) => s.answers[i] ?? NaN)),
    );
  const clickCount = max(perPackage.map((x) => x.clicks));
  const breakdownRow = (label: string, throttled: readonly LaunchTiming[]) => {
    const each = answers(throttled);
    return [
      label,
      ms(median(throttled.map((s) => s.firstRender))),
      ms(median(throttled.map((s) => s.firstView ?? NaN))),
      ...Array.from({ length: clickCount }, (_, i) => (each[i] === undefined ? '—' : ms(each[i]))),
      ms(median(throttled.map((s) => s.decision ?? NaN))),
    ];
  };
  const breakdown = table(
    [
      'package',
      'first render',
      'first view usable (click 1)',
      ...Array.from({ length: clickCount }, (_, i) => `answer to click ${i + 1}`),
      'first decision',
    ],
    [
      ...perPackage.map((x) => breakdownRow(name(x.p), timing(x.p.file)?.throttled ?? [])),
      ...(['1.2', '2004'] as const).map((v) =>
        breakdownRow(`**bare path · ${v}** (path floor)`, timing(`path-${v}`)?.throttled ?? []),
      ),
      ...pagesKeys.map(([level, version]) =>
        breakdownRow(
          `**pages · ${level} · ${version}** (pages floor)`,
          pagesTiming(level, version),
        ),
      ),
    ],
  );

  /** The four floors of the first decision, from this run's own figures. */
  const floorsSay = () => {
    const clicks = max(perPackage.map((x) => x.clicks));
    const pathAlone = (['1.2', '2004'] as const).map(
      (v) => pathFloor(v, 'throttled') / floor(v, 'throttled'),
    );
    const span = (values: readonly number[]) => `${ratio(min(values))}–${ratio(max(values))}`;
    const decisions = perPackage.map((x) => x.decisionRatio);
    const pages = perPackage.map((x) => x.pagesRatio);
    const renders = perPackage.map((x) => x.render / x.pagesRender);
    return `### What the floors say: the launch, the clicks, the pages, the code

Each step adds one thing to the one before, all launched the same way in this run:

| | first decision ÷ bare floor | what it adds |
| --- | ---: | --- |
| bare floor | 1.00× | a launch that shows one heading |
| path floor | ${span(pathAlone)} | ${clicks} clicks, each answered by a new view (a heading and a button) |
| pages floor | ${span(pagesAlone)} | the course's own ${clicks + 1} pages on that path, as static HTML |
| course | ${span(decisions)} | the course's code: its bundle and the level's text, the LMS reads, the engine, the views |

The pages alone take ${span(pagesAlone)} the bare floor. ${
      room <= 0
        ? `So no SCO that shows these pages can reach the first decision within ${ratio(BUDGETS.decisionFloorRatio)} the bare floor, as the issue first set it: static copies of them are over it before any code runs.`
        : `So ${ratio(BUDGETS.decisionFloorRatio)} the bare floor, as the issue first set it, leaves a SCO that shows these pages ${ms(room)} at most (at ${r.throttle}x) for all its code: loading it and the level's text, reading the LMS, drawing the views.`
    } What the course's code adds is its
ratio to the pages floor: ${span(pages)} for the first decision (the budget: ≤ ${ratio(BUDGETS.decisionPagesRatio)}), and
${span(renders)} for the first render, which in a package is its static first view (HTML, as the
pages floor's).`;
  };

  const heap = table(
    [
      'package',
      'at launch (after GC)',
      'peak while playing module 1',
      'after module 1 (after GC)',
      'floor: bare SCO at launch',
      'peak − floor',
      'actions',
    ],
    perPackage.map((x) => {
      const m = x.module;
      const f = r.floorHeap[x.p.version];
      return m
        ? [
            name(x.p),
            MB(m.heapAtLaunch),
            MB(m.peakHeap),
            MB(m.heapAfterGc),
            MB(f),
            MB(m.peakHeap - f),
            String(m.actions.length),
          ]
        : [name(x.p), '—', '—', '—', MB(f), '—', '—'];
    }),
  );

  const spread = (values: readonly number[]) =>
    values.length === 0
      ? '—'
      : min(values) === max(values)
        ? `${min(values)}`
        : `${min(values)}–${max(values)}`;
  const calls = table(
    [
      'package',
      'decisions',
      'SetValue per decision',
      'Commit per decision',
      'quiz answers',
      'SetValue per answer',
      'Commit per answer',
      'module 1 total: calls · SetValue · Commit',
      'strict-LMS violations',
    ],
    perPackage.map((x) => {
      const m = x.module;
      if (!m) return [name(x.p), '—', '—', '—', '—', '—', '—', '—', '—'];
      return [
        name(x.p),
        String(m.decisions.length),
        spread(m.decisions.map((d) => d.sets)),
        spread(m.decisions.map((d) => d.commits)),
        String(m.answers.length),
        spread(m.answers.map((d) => d.sets)),
        spread(m.answers.map((d) => d.commits)),
        `${m.totals.calls} · ${m.totals.sets} · ${m.totals.commits}`,
        String(m.violations.length),
      ];
    }),
  );

  const suspend = table(
    [
      'level',
      'modules',
      'worst case (build)',
      'longest played',
      'typical (median at end of run)',
      'longest in scenario walks',
      'seen in the LMS (module 1, UI)',
      'SCORM 1.2 limit',
    ],
    r.levels.map((l) => {
      const seen = perPackage
        .filter((x) => x.p.level === l.id)
        .flatMap((x) => x.module?.suspendData ?? []);
      return [
        l.id,
        String(l.modules),
        `${l.state.worstCase} (${pct(l.state.worstCase, l.state.limit)})`,
        String(l.state.playedMax),
        String(l.state.typicalEnd),
        String(l.state.walkedMax),
        seen.length > 0 ? String(max(seen)) : '—',
        String(l.state.limit),
      ];
    }),
  );

  const m = r.machine;
  return `# Benchmark report

Written by \`npm run bench\` (bench/run.ts); how to run it and what each figure means:
[bench/README.md](README.md). Absolute times drift on a shared machine: compare the **ratios to
the floors** (SCOs launched the same way in the same run: a bare one that shows a heading, and for
the first decision the course's own pages without its code), not the milliseconds.

| machine | |
| --- | --- |
| date | ${m.date} |
| commit | ${m.commit} |
| Node | ${m.node} |
| CPU | ${m.cpu} |
| cores | ${m.cores} |
| memory | ${m.memoryGiB} GiB |
| platform | ${m.platform} |
| Chromium | ${m.chromium} (headless) |
| bench run time | ${r.benchSeconds.toFixed(0)} s |

## Budgets

${table(['budget', 'limit', 'figure', 'verdict'], budgets)}

## Sizes

Per package (level · SCORM version). KB = 1024 bytes; gzip is zlib level 9 per file. The course
JSON is the level's compiled course (\`onlyLevel\`) serialised and gzipped on its own; runtime =
JS + CSS gzipped minus that (an estimate: gzip is not additive, and the bundle holds the course as a
JS object literal, not JSON text).

${sizes}

## Load times

Headless Chromium, the preview LMS page (scorm-again behind the strict observer) launching each
package from its zip in its frame, a fresh browser context per launch (empty cache and storage: a
first launch). Median of ${r.runs} launches at ${r.throttle}x CPU throttling (\`Emulation.setCPUThrottlingRate\`
on the page's CDP session), interleaved with the other packages; unthrottled: median of
${r.unthrottledRuns}. Times are from the launch (the SCO frame's navigation start).

- **first render**: the first view's \`<h1>\` (the level's module list) is visible. In a package
  that is the static copy of the module list the build writes into index.html, on screen before
  the script runs (src/build/first-view.ts); the app's own module list, with statuses and Start
  buttons, is the next figure.
- **first view usable**: from the launch to the probe's first click, made in the first animation
  frame the app's module list has its first Start button: the course's script has run, read the
  LMS and drawn its first view.
- **first decision usable**: from the launch, through the learner's path with zero think time
  (module list → Start → module start → "Start the scenario" → each narrative step's continue
  button, one click per animation frame as soon as the control is there), until the first
  decision's first radio is visible, enabled and takes focus. The clicks are included.
- **LMS API until then**: the calls the SCO made into the LMS API from the launch to the mark
  (to the decision; the floor: to its heading) and the time spent inside them, i.e. in the preview
  LMS page's own handlers (scorm-again, the strict observer, its live log and CMI table), which run
  synchronously in each call. The next column takes that time out of both the figure and the
  floor: what the course itself costs, whatever the LMS. The budgets use the full figures.
- **floor**: the bare SCO (bench/bare/: finds the API, initialises, shows an \`<h1>\`), packaged and
  launched the same way; its time to its heading is the floor for both figures (the issue's).
- **path floor**: the bare SCO, then as many views as the course's path has clicks (a heading and
  a button each, focus moved to the new heading), then radios (bench/bare/path.js), walked by the
  same probe: what any SCO pays for that path in this page, with no course and no framework. Its
  time to its radios is the path floor.
- **pages floor**: the bare SCO, then the very pages the level's package showed on that path,
  captured in this run (each component's shadow root as declarative HTML, its styles inline) and
  shown one per click as static HTML, focus moved as the course moves it (bench/bare/pages.js),
  walked by the same probe: what showing these pages costs with no course code. The course's
  first decision ÷ its pages floor is what its code adds; see "What the floors say" below.

Throttle check: a fixed busy loop in the SCO frame took ${ms(r.throttleCheck.plain)} unthrottled and
${ms(r.throttleCheck.throttled)} with the throttle set on the page's session:
${ratio(r.throttleCheck.ratio)}, so throttling covers the frame (same-origin, same renderer).

${times}

### Where the first decision's time goes

The same launches, split at the probe's clicks: the first render, the first view usable (the
first click, when the app's module list is up), then each click's answer, the median ms from a
click to the next click (the last: to the decision's radio taking focus), at least one animation
frame. The first view usable and the answers add up to the first decision (each column is its own
median, so the sums differ a little); the floors have no static first view, so for them the first
click comes in the frame that finds the first render. On the
course's path, click 1 opens the module start (what the module covers, its outcomes and source, the
content note and support: the longest of these views), click 2 starts the scenario, and the others
continue through its narrative steps to the decision. The pages floor's rows are the same pages
with no course code: where a course row is well above its pages floor's, the view's code costs
more than its page.

${breakdown}

${floorsSay()}

## Memory

\`JSHeapUsedSize\` from CDP \`Performance.getMetrics\` for the page's renderer (the LMS page and the
SCO frame share one heap), unthrottled. The first module of each package is played through the UI by
the UI player (scripts/players/robot.ts: best decisions, right answers, reflection, finish),
sampling every 100 ms.

${heap}

## LMS API calls

From the same first-module runs: the LMS page's call log (scorm/preview/strict-checks.ts), grouped by
the learner's action that brought each call about. The course writes behind the view, when the
browser is idle after each action (scorm/README.md), so after each action the robot waits until
the LMS page has had no call for 150 ms: every call in between is that action's. An action whose
calls record a decision's or a question's interaction is counted for it.

${calls}

## suspend_data

Characters. Worst case: \`worstCaseSize\` (what the build checks). Played: the real engine driven by
the scripted learner (scripts/players/learner.ts) through the whole level, passing and
failing, ${r.levels[0]?.state.runs ?? 0} runs per level; walks: \`walkScenario\` over every path of every
scenario.

${suspend}

## Build

\`npm run build\` as two timed processes (into a temporary folder): \`vite build\` (web build)
${r.build.webSeconds.toFixed(1)} s + \`tsx scripts/build-packages.ts\` (a Vite build per level and the 1.2 and
2004 zips) ${r.build.packagesSeconds.toFixed(1)} s = **${r.build.totalSeconds.toFixed(1)} s**.
${r.errors.length > 0 ? `\n## Failed runs\n\n${r.errors.map((e) => `- ${e}`).join('\n')}\n` : ''}`;
}
