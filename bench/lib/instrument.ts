/**
 * The in-page probe for the timing runs, added to every frame with `context.addInitScript` (it acts
 * only in the SCO's document, served from `/packages/<zip>/…`). From the SCO's first script it
 * checks once per animation frame:
 *
 * - `firstRender`: the first `<h1>` with text is visible (the course's first view — the module list
 *   of the level, in a package the static copy the build wrote into index.html, before the script
 *   runs — or the bare SCO's heading), searching open shadow roots;
 * - then (course only) it walks the learner's path with zero think time, one click per frame as soon
 *   as the control is there: the first module's Start button, "Start the scenario", the scenario's
 *   continue button through the narrative steps, until a decision's radios are on screen;
 * - `decision`: the first decision's first radio is visible, enabled and takes focus.
 *
 * The path floor (`path`, bench/bare/path.js) is walked the same way: its one button per view,
 * one click per frame, until its radios are on screen.
 *
 * Times are `performance.now()` in the SCO's document, i.e. milliseconds since the frame's
 * navigation started (the LMS setting the frame's src: the launch).
 *
 * It is passed to the browser as a function, so it must be self-contained (no imports, no closure).
 */
export interface ProbeResult {
  readonly marks: { firstRender?: number; decision?: number };
  /**
   * Whether the first heading was in a component's shadow root rather than the document's own
   * HTML. In a package, the static first view is the document's; the app's views are in shadow
   * roots, so `true` means the browser ran the script before it painted the static view.
   */
  readonly firstHeadingInShadowRoot?: boolean;
  /** Calls into the LMS API and the ms spent inside them (the LMS page's own work), up to each mark. */
  readonly lms: {
    calls: number;
    ms: number;
    atFirstRender?: { calls: number; ms: number };
    /** At the first click: the course's own first view is up (its module list's Start button). */
    atFirstClick?: { calls: number; ms: number };
    atDecision?: { calls: number; ms: number };
  };
  readonly path: string[];
  /** When each of `path`'s clicks was made (same clock as the marks). */
  readonly clickedAt: number[];
  /** `capture` only: each page's HTML, shadow roots declarative with their styles inlined. */
  readonly pages: string[];
  readonly done: boolean;
  readonly error: string;
  /** The frame's and the LMS page's time origins (epoch ms). */
  readonly frameOrigin: number;
  readonly topOrigin: number;
}

/**
 * `capture` walks the course like `course` and also keeps each page as the learner saw it when
 * the probe clicked (and the decision's page), for the pages floor (bench/lib/pages.ts).
 */
export type ProbeMode = 'course' | 'capture' | 'bare' | 'path';

export function probe(mode: ProbeMode): void {
  if (!location.pathname.startsWith('/packages/')) return;
  const state = {
    marks: {} as { firstRender?: number; decision?: number },
    firstHeadingInShadowRoot: undefined as boolean | undefined,
    lms: { calls: 0, ms: 0 } as ProbeResult['lms'],
    path: [] as string[],
    clickedAt: [] as number[],
    pages: [] as string[],
    done: false,
    error: '',
  };
  (window as unknown as { __bench: typeof state }).__bench = state;
  // Time spent inside the LMS API (the LMS page's handlers run synchronously in each call): the
  // API object the LMS page put on its window is swapped for a timing wrapper before the SCO looks.
  const host = window.parent as unknown as Record<string, Record<string, unknown> | undefined>;
  for (const name of ['API', 'API_1484_11']) {
    const api = host[name];
    if (!api || window.parent === window) continue;
    const timed: Record<string, unknown> = {};
    for (const [key, fn] of Object.entries(api)) {
      if (typeof fn !== 'function') continue;
      timed[key] = (...args: unknown[]) => {
        const start = performance.now();
        try {
          return (fn as (...a: unknown[]) => unknown).apply(api, args);
        } finally {
          state.lms.calls++;
          state.lms.ms += performance.now() - start;
        }
      };
    }
    host[name] = timed;
  }
  const snapshot = () => ({ calls: state.lms.calls, ms: state.lms.ms });
  const MAX_CLICKS = 60;
  const MAX_MS = 30_000;
  const shown = (el: Element | null | undefined): el is HTMLElement => !!el && el.checkVisibility();
  const deep = (root: Document | ShadowRoot, selector: string): Element | null => {
    const found = root.querySelector(selector);
    if (found) return found;
    for (const el of root.querySelectorAll('*')) {
      if (!el.shadowRoot) continue;
      const inner = deep(el.shadowRoot, selector);
      if (inner) return inner;
    }
    return null;
  };
  const deepActive = (): Element | null => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active;
  };
  // The page as HTML: each shadow root as a declarative one, its adopted style sheets inlined.
  const capture = () => {
    if (mode !== 'capture') return;
    const roots: ShadowRoot[] = [];
    const collect = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (!el.shadowRoot) continue;
        roots.push(el.shadowRoot);
        collect(el.shadowRoot);
      }
    };
    collect(document);
    const styles = roots.map((root) => {
      const style = document.createElement('style');
      style.textContent = root.adoptedStyleSheets
        .flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText))
        .join('\n');
      root.prepend(style);
      return style;
    });
    try {
      const body = document.body as HTMLElement & {
        getHTML(options: { shadowRoots: ShadowRoot[] }): string;
      };
      state.pages.push(body.getHTML({ shadowRoots: roots }));
    } finally {
      for (const style of styles) style.remove();
    }
  };
  const click = (el: HTMLElement, what: string) => {
    if (state.clickedAt.length === 0) state.lms.atFirstClick = snapshot();
    capture();
    state.path.push(what);
    state.clickedAt.push(performance.now());
    el.click();
  };
  const finish = (error = '') => {
    state.error = error;
    state.done = true;
  };

  const tick = () => {
    const now = performance.now();
    if (state.marks.firstRender === undefined) {
      const h1 = deep(document, 'h1');
      if (shown(h1) && (h1.textContent ?? '').trim() !== '') {
        state.marks.firstRender = now;
        state.firstHeadingInShadowRoot = h1.getRootNode() instanceof ShadowRoot;
        state.lms.atFirstRender = snapshot();
      }
    }
    if (state.marks.firstRender !== undefined) {
      if (mode === 'bare') return finish();
      const scenario = mode === 'path' ? null : deep(document, 'sg-scenario');
      const root = mode === 'path' ? document : scenario?.shadowRoot;
      const radio = root?.querySelector<HTMLInputElement>('fieldset input[type="radio"]');
      if (shown(radio)) {
        if (!radio.disabled) {
          radio.focus();
          if (deepActive() === radio) {
            state.marks.decision = now;
            state.lms.atDecision = snapshot();
            radio.blur();
            capture();
            return finish();
          }
        }
      } else if (mode === 'path') {
        const onward = document.querySelector('button');
        if (shown(onward)) click(onward, `path: ${onward.textContent?.trim() ?? ''}`);
      } else if (root && shown(scenario)) {
        const buttons = [...root.querySelectorAll('button')].filter(shown);
        const onward = buttons.at(-1);
        if (onward) click(onward, `scenario: ${onward.textContent?.trim() ?? ''}`);
      } else {
        const start = deep(document, 'sg-module-start');
        const list = deep(document, 'sg-module-list');
        if (shown(start)) {
          const button = [...(start.shadowRoot ?? document).querySelectorAll('button')].find(
            (b) => b.textContent?.trim() === 'Start the scenario',
          );
          if (shown(button)) click(button, 'module start: Start the scenario');
        } else if (shown(list)) {
          const button = (list.shadowRoot ?? document).querySelector('button');
          if (shown(button)) click(button, `module list: ${button.textContent?.trim() ?? ''}`);
        }
      }
    }
    if (state.path.length > MAX_CLICKS) return finish(`gave up after ${MAX_CLICKS} clicks`);
    if (performance.now() > MAX_MS) return finish(`gave up after ${MAX_MS} ms`);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
