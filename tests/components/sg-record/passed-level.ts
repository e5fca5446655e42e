import type { LearnerState, LevelContent } from '../../../src/engine/index.ts';
import { play } from '../../../scripts/players/learner.ts';

/**
 * A passed level, for the record and certificate tests: the scripted learner plays every module
 * through the real engine (scenario, every quiz question answered right, reflection), so its
 * state is one the app saves and restores.
 */
export function passedLevel(content: LevelContent, seed = 7): LearnerState {
  const last = play(content, { outcome: 'pass', seed }).at(-1);
  if (!last || !last.learner.modules.every((m) => m.completed))
    throw new Error(`The scripted learner did not finish level ${content.level.id}.`);
  return last.learner;
}
