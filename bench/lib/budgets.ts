/** The budgets of the "Benchmark" issue, checked by the report (and the byte ones by a test). */
export const BUDGETS = Object.freeze({
  /** Runtime JS + CSS, gzipped, course text excluded (KB = 1024 bytes). */
  runtimeGzipBytes: 60 * 1024,
  /** First decision usable at 4x CPU throttling, median. */
  decisionMs: 1000,
  /** First decision usable ÷ the bare-SCO floor. */
  decisionFloorRatio: 2,
  /**
   * Not the issue's: proposed in the report. First decision usable ÷ the path floor (a bare SCO
   * clicked through as many views as the course's path to its first decision).
   */
  decisionPathRatio: 2,
  /** Worst-case suspend_data of the largest level, characters. */
  worstCaseSuspendData: 2048,
  commitsPerDecision: 3,
  /** `npm run build`, wall time. */
  buildSeconds: 20,
});
