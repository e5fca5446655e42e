/** The budgets of the "Benchmark" issue, checked by the report (and the byte ones by a test). */
export const BUDGETS = Object.freeze({
  /** Runtime JS + CSS, gzipped, course text excluded (KB = 1024 bytes). */
  runtimeGzipBytes: 60 * 1024,
  /** First decision usable at 4x CPU throttling, median. */
  decisionMs: 1000,
  /**
   * First decision usable ÷ the pages floor (the same pages on the same path as static HTML, no
   * course code): what the course's code adds. It replaces the first wording below, which
   * leaves a SCO showing these pages a few ms for all its code (bench/README.md, "The pages floor").
   */
  decisionPagesRatio: 2,
  /** As the issue first set it: first decision usable ÷ the bare-SCO floor, reported beside it. */
  decisionFloorRatio: 2,
  /**
   * First render ÷ the bare-SCO floor, as the "faster first screen" part of issue 15 sets it: the
   * module list within 1.5× the time the least SCO takes to show a heading.
   */
  renderFloorRatio: 1.5,
  /** Worst-case suspend_data of the largest level, characters. */
  worstCaseSuspendData: 2048,
  commitsPerDecision: 3,
  /** `npm run build`, wall time. */
  buildSeconds: 20,
});
