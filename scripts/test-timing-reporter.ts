import { writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * A Vitest reporter that says where the suite's time went: per project, its wall time (first file
 * started to last file ended, hooks and imports included), the files' summed time and its file
 * count; then the slowest files, each with its own wall time. Used beside the default reporter:
 *
 *   npx vitest run --reporter=default --reporter=./scripts/test-timing-reporter.ts
 *
 * With SG_TEST_TIMINGS=<file> set, it also writes the figures there as JSON (test:stress does).
 */
interface FileTiming {
  readonly project: string;
  readonly file: string;
  readonly started: number;
  readonly ended: number;
  readonly seconds: number;
}

export default class TimingReporter implements Reporter {
  private readonly started = new Map<string, number>();
  private readonly files: FileTiming[] = [];
  private runStarted = 0;

  onTestRunStart(): void {
    this.runStarted = performance.now();
  }

  onTestModuleQueued(module: TestModule): void {
    this.started.set(module.id, performance.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const ended = performance.now();
    const started = this.started.get(module.id) ?? ended;
    // The file's own time: its imports, hooks and tests. (Not `prepareDuration`: in the browser
    // project that includes the time the file waited for a free tab.)
    const d = module.diagnostic();
    const own = d.environmentSetupDuration + d.setupDuration + d.collectDuration + d.duration;
    this.files.push({
      project: module.project.name,
      file: module.relativeModuleId,
      started,
      ended,
      seconds: own / 1000,
    });
  }

  onTestRunEnd(): void {
    const wall = (performance.now() - this.runStarted) / 1000;
    const projects = [...new Set(this.files.map((f) => f.project))].map((name) => {
      const files = this.files.filter((f) => f.project === name);
      const first = Math.min(...files.map((f) => f.started));
      const last = Math.max(...files.map((f) => f.ended));
      return {
        name,
        files: files.length,
        wall: (last - first) / 1000,
        summed: files.reduce((sum, f) => sum + f.seconds, 0),
      };
    });
    const slowest = [...this.files].sort((a, b) => b.seconds - a.seconds).slice(0, 10);
    const lines = [
      '',
      `Time by project (the whole run: ${wall.toFixed(0)} s; projects overlap)`,
      ...projects.map(
        (p) =>
          `  ${p.name.padEnd(12)} ${p.wall.toFixed(0).padStart(4)} s wall, ` +
          `${p.summed.toFixed(0).padStart(4)} s summed over ${p.files} files`,
      ),
      'Slowest files (each file’s own time: set-up, imports, hooks and tests)',
      ...slowest.map(
        (f) => `  ${f.seconds.toFixed(1).padStart(6)} s  ${f.project.padEnd(12)} ${f.file}`,
      ),
      '',
    ];
    console.log(lines.join('\n'));
    const out = process.env.SG_TEST_TIMINGS;
    if (out) writeFileSync(out, JSON.stringify({ wall, projects, files: this.files }, null, 2));
  }
}
