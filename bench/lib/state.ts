import type { Course } from '../../src/model/course.ts';
import { levelContent, walkLevel } from '../../src/engine/index.ts';
import { play } from '../../scripts/players/learner.ts';

/** suspend_data sizes for one level, in characters. */
export interface StateSizes {
  readonly worstCase: number;
  readonly limit: number;
  /** Median over the played runs of the state at the end of the run. */
  readonly typicalEnd: number;
  /** Longest state seen along any played run (every turn of every run). */
  readonly playedMax: number;
  /** Longest state over every situation of every module's scenario walk (others untouched). */
  readonly walkedMax: number;
  readonly runs: number;
}

const SEEDS = [1, 2, 3, 4, 5, 12345, 99991, 0xfffffff0] as const;

/**
 * Typical sizes come from driving the real engine (src/engine) along played paths: the tests'
 * scripted learner (scripts/players/learner.ts) passing the whole level and failing a first
 * quiz, with several seeds (the quiz draw and shuffles depend on it), plus walkLevel over every
 * path of every scenario.
 */
export function stateSizes(course: Course, level: string): StateSizes {
  const content = levelContent(course, level);
  const ends: number[] = [];
  let playedMax = 0;
  for (const seed of SEEDS) {
    for (const outcome of ['pass', 'fail'] as const) {
      const turns = play(content, { outcome, seed, maxTurns: 3000 });
      for (const turn of turns) playedMax = Math.max(playedMax, turn.state.length);
      const last = turns.at(-1);
      if (last) ends.push(last.state.length);
    }
  }
  // The same walk `npm run validate` runs (src/engine/level-walk.ts), so the figures agree.
  const { walkedMax, worstCase, limit } = walkLevel(content);
  ends.sort((a, b) => a - b);
  return {
    worstCase,
    limit,
    typicalEnd: ends[Math.floor(ends.length / 2)] ?? 0,
    playedMax,
    walkedMax,
    runs: ends.length,
  };
}
