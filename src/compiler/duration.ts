import type { Diagnostic } from './diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import type { Course, Level, Module, Next, RichText, Step } from '../model/course.ts';

/**
 * Honest durations: an estimate of each module's time at each level, from what a learner reads on
 * one path and does, to check the `duration:` an author states (CPD records depend on it).
 *
 * The path is the one with the most words to read from the start to an ending, the choices and the
 * flags they set taken into account: a stated time should cover a learner who takes it. On it
 * counts: the module start (covers, content note, reconstruction note); every step's title and
 * text, a narrative's "what practitioners knew", a decision's question and all its options, the
 * chosen option's feedback, an ending's debrief. Then:
 */
export const READING = {
  wordsPerMinute: 180,
  minutesPerDecision: 0.5,
  /** Per question the level's quiz asks, its options and feedback read. */
  minutesPerQuestion: 1,
  minutesForReflection: 3,
  /** A stated duration further than this from the estimate (as a share of it) is warned about. */
  tolerance: 0.25,
} as const;

export interface PathCount {
  readonly words: number;
  readonly decisions: number;
  /** Step ids in order. */
  readonly steps: readonly string[];
}

export interface LevelEstimate {
  readonly level: string;
  readonly questions: number;
  readonly minutes: number;
}

export interface ModuleDuration {
  readonly module: string;
  readonly stated: number;
  readonly path: PathCount;
  /** Words on the module start, read before the scenario. */
  readonly startWords: number;
  readonly levels: readonly LevelEstimate[];
}

export const wordCount = (text: RichText | undefined): number =>
  text ? text.text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length : 0;

/** Words a step shows before any choice (a decision's chosen feedback is added per option). */
function stepWords(step: Step): number {
  const title = step.title.split(/\s+/).filter(Boolean).length;
  switch (step.type) {
    case 'narrative':
      return title + wordCount(step.text) + step.knew.reduce((n, k) => n + wordCount(k), 0);
    case 'decision':
      return (
        title +
        wordCount(step.text) +
        wordCount(step.question) +
        step.options.reduce((n, o) => n + wordCount(o.text), 0)
      );
    case 'reveal':
      return title + wordCount(step.text);
    case 'ending':
      return title + wordCount(step.text) + wordCount(step.debrief);
  }
}

/** The first branch whose condition holds, as the engine takes it. */
function follow(next: Next, flags: ReadonlySet<string>): string | undefined {
  return next.find((b) => b.if.every((f) => flags.has(f)) && b.unless.every((f) => !flags.has(f)))
    ?.to;
}

/**
 * The path from the start to an ending with the most words. Search over (step, flags), remembered,
 * so rejoining branches are counted once; a step already on the path is not entered again (a
 * loop adds nothing to the longest path a learner must read).
 */
export function longestPath(module: Module): PathCount {
  const { scenario } = module;
  const memo = new Map<string, PathCount | null>();
  const onPath = new Set<string>();
  const from = (id: string | undefined, flags: ReadonlySet<string>): PathCount | null => {
    const index = id === undefined ? undefined : scenario.stepIndex[id];
    const step = index === undefined ? undefined : scenario.steps[index];
    if (!step || onPath.has(step.id)) return null;
    const key = `${step.id}|${[...flags].sort().join(',')}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    onPath.add(step.id);
    const here = stepWords(step);
    let best: PathCount | null = null;
    const consider = (rest: PathCount | null, extraWords: number, decision: number) => {
      if (!rest) return;
      const words = here + extraWords + rest.words;
      if (best && best.words >= words) return;
      best = { words, decisions: rest.decisions + decision, steps: [step.id, ...rest.steps] };
    };
    if (step.type === 'ending') {
      best = { words: here, decisions: 0, steps: [step.id] };
    } else if (step.type === 'decision') {
      for (const option of step.options) {
        const after = new Set([...flags, ...option.sets]);
        consider(from(follow(option.next, after), after), wordCount(option.feedback), 1);
      }
    } else {
      consider(from(follow(step.next, flags), flags), 0, 0);
    }
    onPath.delete(step.id);
    memo.set(key, best);
    return best;
  };
  return from(scenario.start, new Set()) ?? { words: 0, decisions: 0, steps: [] };
}

/** How many questions the level's quiz asks of this module (as the engine draws them). */
export function questionsAsked(module: Module, level: Level): number {
  const bank = module.questions.filter((q) => q.levels.includes(level.id)).length;
  return level.questionsPerModule > 0 ? Math.min(level.questionsPerModule, bank) : bank;
}

export function moduleDuration(module: Module, levels: readonly Level[]): ModuleDuration {
  const path = longestPath(module);
  const startWords =
    wordCount(module.covers) + wordCount(module.contentNote) + wordCount(module.reconstruction);
  const reading = (startWords + path.words) / READING.wordsPerMinute;
  const scenario = reading + path.decisions * READING.minutesPerDecision;
  return {
    module: module.id,
    stated: module.durationMinutes,
    path,
    startWords,
    levels: levels
      .filter((l) => l.modules.includes(module.id))
      .map((level) => {
        const questions = questionsAsked(module, level);
        const minutes =
          scenario + questions * READING.minutesPerQuestion + READING.minutesForReflection;
        return { level: level.id, questions, minutes: Math.round(minutes) };
      }),
  };
}

/** The stated time is within the tolerance of the estimate. */
export const statedFits = (stated: number, estimate: number): boolean =>
  Math.abs(stated - estimate) <= estimate * READING.tolerance;

/**
 * A warning at a module's `duration:` when it is more than 25% off the estimate at a level it
 * serves; an error at a level's `duration:` in the course file when it is not the sum of its
 * modules' (the level's time is what the LMS and CPD records show; it must be the modules' own).
 */
export function checkDurations(
  course: Course,
  moduleFiles: ReadonlyMap<string, SourceFile>,
  courseFile: SourceFile,
  out: Diagnostic[],
): void {
  for (const module of course.modules) {
    const file = moduleFiles.get(module.id);
    if (!file) continue;
    const d = moduleDuration(module, course.levels);
    if (d.levels.every((l) => statedFits(d.stated, l.minutes))) continue;
    const estimates = d.levels.map((l) => `${l.minutes} at ${l.level}`).join(', ');
    const suggestion = Math.round(
      d.levels.reduce((n, l) => n + l.minutes, 0) / Math.max(1, d.levels.length),
    );
    out.push(
      file.diagnostic(
        ['duration'],
        `duration: ${d.stated} minutes, but the estimate is ${estimates} (more than ${READING.tolerance * 100}% off): the longest path has ${d.path.words + d.startWords} words to read and ${d.path.decisions} decision${d.path.decisions === 1 ? '' : 's'}, then the quiz and the reflection`,
        `state about ${suggestion} minutes, or shorten the module (docs/authoring.md, "Durations"); then make each level's duration the sum of its modules'`,
        'warning',
      ),
    );
  }

  course.levels.forEach((level, li) => {
    const modules = level.modules.map((id) => course.modules.find((m) => m.id === id));
    // A module too broken to compile has its own error; its time is not known, so no sum.
    if (modules.some((m) => m === undefined)) return;
    const parts = modules.map((m) => ({ id: m!.id, minutes: m!.durationMinutes }));
    const sum = parts.reduce((n, p) => n + p.minutes, 0);
    if (sum === level.durationMinutes) return;
    out.push(
      courseFile.diagnostic(
        ['levels', li, 'duration'],
        `level "${level.id}" says ${level.durationMinutes} minutes, but its modules' durations add up to ${sum} (${parts.map((p) => `${p.id} ${p.minutes}`).join(' + ')})`,
        `make it ${sum}, or change the modules' "duration:" so they add up to ${level.durationMinutes}`,
      ),
    );
  });
}

/** Each module's stated and estimated minutes per level, for `npm run validate`. */
export function formatDurations(course: Course): string {
  const rows = course.modules.map((m) => moduleDuration(m, course.levels));
  const width = Math.max(6, ...rows.map((r) => r.module.length));
  const lines = rows.map((r) => {
    const estimates = r.levels.map((l) => `${l.level} ${l.minutes} (${l.questions} q)`).join(', ');
    const flag = r.levels.some((l) => !statedFits(r.stated, l.minutes)) ? '  OFF BY >25%' : '';
    return `  ${r.module.padEnd(width)}  ${String(r.stated).padStart(6)}  ${String(r.startWords + r.path.words).padStart(5)}  ${String(r.path.decisions).padStart(9)}  ${estimates || '-'}${flag}`;
  });
  const levelLines = course.levels.map((level) => {
    const stated = level.modules.reduce(
      (n, id) => n + (course.modules.find((m) => m.id === id)?.durationMinutes ?? 0),
      0,
    );
    const estimated = level.modules.reduce((n, id) => {
      const module = course.modules.find((m) => m.id === id);
      const estimate = module && moduleDuration(module, [level]).levels[0]?.minutes;
      return n + (estimate ?? 0);
    }, 0);
    return `  ${level.id.padEnd(width)}  level ${level.durationMinutes}, modules' stated ${stated}, estimated ${estimated}`;
  });
  return [
    `Durations (minutes): stated, and estimated per level from the longest path at ${READING.wordsPerMinute} words a minute,`,
    `${READING.minutesPerDecision} per decision, ${READING.minutesPerQuestion} per quiz question, ${READING.minutesForReflection} for the reflection.`,
    `  ${'module'.padEnd(width)}  stated  words  decisions  estimated at each level (questions asked)`,
    ...lines,
    "  levels: the stated duration, the sum of their modules' stated durations, and of their estimates",
    ...levelLines,
  ].join('\n');
}
