import type { Course } from '../../../src/model/course.ts';
import { compileCourseDirectory } from '../../../src/compiler/load.ts';
import { levelContent, type Effect } from '../../../src/engine/index.ts';
import {
  launchWrites,
  planEffects,
  sessionTimeWrite,
  stateWrites,
  exitValue,
  type Tracking,
} from '../../../scorm/adapter/data-model.ts';
import { moodleFormPost, postBytes } from '../../../scorm/preview/moodle-mode.ts';
import { createTestLms } from '../support/lms.ts';
import { playWithRetries } from './retries.ts';

/**
 * What a level, played by a learner who fails each quiz `failures` times first, makes a
 * Moodle-like LMS post: the data model as the course writes it (through the data-model mapping
 * into scorm-again, as the session writes it), serialised as Moodle's player posts it.
 */
export interface PostMeasure {
  readonly level: string;
  readonly version: '1.2' | '2004';
  readonly failures: number;
  readonly interactions: number;
  readonly bytes: number;
  /** The last post (for a breakdown when it is too big). */
  readonly body: string;
  readonly refusedWrites: string[];
}

let compiled: Course | undefined;
const realCourse = (): Course => {
  compiled ??= compileCourseDirectory('course').course;
  if (!compiled) throw new Error('The course in course/ does not compile: see tests/course.');
  return compiled;
};

export function measureLevel(
  level: string,
  version: '1.2' | '2004',
  failures: number,
): PostMeasure {
  const course = realCourse();
  const content = levelContent(course, level);
  const lms = createTestLms(version, {
    [version === '1.2' ? 'cmi.core.entry' : 'cmi.entry']: 'ab-initio',
    [version === '1.2' ? 'cmi.core.student_id' : 'cmi.learner_id']: 'learner-1',
  });
  const api = lms.strict.api;
  const launch = lms.cmi();
  api[version === '1.2' ? 'LMSInitialize' : 'Initialize']!('');
  const refusedWrites: string[] = [];
  const set = (element: string, value: string) => {
    if (api[version === '1.2' ? 'LMSSetValue' : 'SetValue']!(element, value) !== 'true')
      refusedWrites.push(`${element}=${value}`);
  };
  const modules = content.modules.map((m) => m.id);
  for (const w of launchWrites(version, modules)) set(w.element, w.value);
  let tracking: Tracking = { interactions: 0, objectives: modules, complete: false };
  let largest = 0;
  const post = () => {
    largest = Math.max(largest, postBytes(moodleFormPost(version, lms.cmi(), launch)));
  };
  let elapsed = 0;
  for (const turn of playWithRetries(content, failures)) {
    elapsed += 20_000;
    const plan = planEffects(version, turn.effects as Effect[], tracking, {
      now: new Date(Date.UTC(2026, 11, 3, 10, 0, 0) + elapsed),
      latencyMs: 20_000,
    });
    tracking = plan.tracking;
    for (const w of plan.writes) set(w.element, w.value);
    for (const w of stateWrites(version, turn.state, turn.location)) set(w.element, w.value);
    if (turn.effects.some((e) => e.type === 'commit')) {
      const session = sessionTimeWrite(version, elapsed);
      set(session.element, session.value);
    }
  }
  // The data model only grows (a record replaced is replaced by one of about its size), so the
  // last post, at Terminate, is the largest.
  set(version === '1.2' ? 'cmi.core.exit' : 'cmi.exit', exitValue(version, tracking.complete));
  post();
  return {
    level,
    version,
    failures,
    interactions: Number(lms.cmi()['cmi.interactions._count'] ?? tracking.interactions),
    bytes: largest,
    body: moodleFormPost(version, lms.cmi(), launch),
    refusedWrites,
  };
}
