import type { Course } from '../model/course.ts';
import { levelContent, SUSPEND_DATA_LIMIT, worstCaseSize } from '../engine/index.ts';

export interface LevelStateBudget {
  readonly level: string;
  readonly modules: number;
  /** Longest saved state any path through the level can produce, in characters. */
  readonly worstCase: number;
  readonly limit: number;
}

/** For each level, the worst-case suspend_data size against SCORM 1.2's 4096-character limit. */
export function stateBudgets(course: Course): LevelStateBudget[] {
  return course.levels.map((level) => {
    const content = levelContent(course, level.id);
    return {
      level: level.id,
      modules: content.modules.length,
      worstCase: worstCaseSize(content),
      limit: SUSPEND_DATA_LIMIT,
    };
  });
}

export function formatStateBudgets(budgets: readonly LevelStateBudget[]): string {
  const width = Math.max(5, ...budgets.map((b) => b.level.length));
  const rows = budgets.map(
    (b) =>
      `  ${b.level.padEnd(width)}  ${String(b.modules).padStart(7)}  ${String(b.worstCase).padStart(10)} / ${b.limit}` +
      (b.worstCase > b.limit ? '  OVER THE LIMIT' : ''),
  );
  return [`  ${'level'.padEnd(width)}  modules  worst-case suspend_data`, ...rows].join('\n');
}

export const overBudget = (budgets: readonly LevelStateBudget[]) =>
  budgets.filter((b) => b.worstCase > b.limit);
