import { compileCourseDirectory } from '../../src/compiler/load.ts';
import type { Course } from '../../src/model/course.ts';
import {
  levelContent,
  transition,
  type Effect,
  type LearnerEvent,
  type LearnerState,
  type LevelContent,
} from '../../src/engine/index.ts';

/** The small valid fixture course (tests/compiler/fixtures/valid), compiled. */
export function fixtureCourse(): Course {
  const result = compileCourseDirectory('tests/compiler/fixtures/valid');
  if (!result.course) throw new Error('The valid fixture course does not compile.');
  return result.course;
}

export function fixtureLevel(level: 'foundation' | 'advanced'): LevelContent {
  return levelContent(fixtureCourse(), level);
}

/** Applies events in order, collecting every effect. */
export function play(content: LevelContent, state: LearnerState, events: readonly LearnerEvent[]) {
  const effects: Effect[] = [];
  let current = state;
  for (const event of events) {
    const [next, produced] = transition(content, current, event);
    current = next;
    effects.push(...produced);
  }
  return { state: current, effects };
}

export const ofType = <T extends Effect['type']>(effects: readonly Effect[], type: T) =>
  effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type);
