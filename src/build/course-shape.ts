import { levelContent, moduleHash } from '../engine/index.ts';
import type { Course } from '../model/course.ts';

/**
 * What a level's saved progress depends on, module by module: the short hash the engine saves
 * with each module's progress (`moduleHash`: step ids and where they lead, decision weights, the
 * questions the level can draw; never wording). A learner whose saved hash no longer matches
 * starts that module again. Every package carries its level's shape (`course-shape.json`), so a
 * training lead can ask, before the LMS's package is replaced, which modules an update restarts
 * (`npm run validate -- --since <the package in the LMS>`). Pure: the script reads the files.
 */
export interface CourseShape {
  readonly course: string;
  readonly version: string;
  readonly level: string;
  /** Module id → its hash at this level, in the level's order. */
  readonly modules: Readonly<Record<string, string>>;
}

export const SHAPE_FILE = 'course-shape.json';

export function courseShape(course: Course, levelId: string): CourseShape {
  const content = levelContent(course, levelId);
  return {
    course: course.id,
    version: course.version,
    level: levelId,
    modules: Object.fromEntries(content.modules.map((m) => [m.id, moduleHash(content, m)])),
  };
}

/** A shape read back from a package's file, or what is wrong with the file. */
export function parseShape(text: string): CourseShape | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return `its ${SHAPE_FILE} is not JSON (${(error as Error).message})`;
  }
  const shape = data as Partial<CourseShape> | null;
  const isText = (v: unknown) => typeof v === 'string' && v.length > 0;
  if (
    !shape ||
    !isText(shape.course) ||
    !isText(shape.version) ||
    !isText(shape.level) ||
    typeof shape.modules !== 'object' ||
    shape.modules === null ||
    !Object.values(shape.modules).every(isText)
  )
    return `its ${SHAPE_FILE} does not have a course, version, level and module hashes`;
  return shape as CourseShape;
}

/** What replacing a level's package `before` with `now` does to learners' saved progress. */
export interface ShapeChange {
  readonly level: string;
  readonly from: string;
  readonly to: string;
  /** Modules whose structure changed: learners part-way through start them again. */
  readonly restarted: readonly string[];
  readonly added: readonly string[];
  readonly removed: readonly string[];
  /** Modules whose saved progress carries over. */
  readonly kept: readonly string[];
}

export function compareShapes(before: CourseShape, now: CourseShape): ShapeChange {
  const old = Object.keys(before.modules);
  const current = Object.keys(now.modules);
  const both = current.filter((id) => id in before.modules);
  return {
    level: now.level,
    from: before.version,
    to: now.version,
    restarted: both.filter((id) => before.modules[id] !== now.modules[id]),
    added: current.filter((id) => !(id in before.modules)),
    removed: old.filter((id) => !(id in now.modules)),
    kept: both.filter((id) => before.modules[id] === now.modules[id]),
  };
}

/** The change in plain words, for a training lead about to publish (`npm run validate`). */
export function formatShapeChange(change: ShapeChange, packageName: string): string {
  const list = (ids: readonly string[]) => ids.join(', ');
  const lines = [
    `Compared with ${packageName} (level ${change.level}, version ${change.from}):`,
    change.restarted.length > 0
      ? `  RESTARTS ${list(change.restarted)}: the structure changed, so every learner who has started or finished ${change.restarted.length === 1 ? 'it' : 'one of these'} will find ${change.restarted.length === 1 ? 'it' : 'that module'} starting again (the course tells them why). If you did not mean that, undo the structural change (docs/authoring.md, "Saved progress and changing content").`
      : '  No module restarts: learners keep their place in every module.',
  ];
  if (change.kept.length > 0) lines.push(`  progress kept: ${list(change.kept)}`);
  if (change.added.length > 0) lines.push(`  new in this level: ${list(change.added)}`);
  if (change.removed.length > 0)
    lines.push(
      `  no longer in this level: ${list(change.removed)} (learners' progress in it is dropped)`,
    );
  if (change.from === change.to)
    lines.push(
      `  The version is still ${change.to}: raise \`version\` in course.yaml before you publish, so the packages can be told apart.`,
    );
  return lines.join('\n');
}
