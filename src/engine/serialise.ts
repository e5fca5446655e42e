import type { Module, Question } from '../model/course.ts';
import { b36, parseB36 } from '../questions/kind.ts';
import { kindOf } from '../questions/lookup.ts';
import { answerFits, drawQuestions, drawSize, optionCount, questionBank } from './quiz.ts';
import { hashString } from './random.ts';
import {
  decisionSteps,
  freshModule,
  initialState,
  MAX_ATTEMPT_COUNT,
  PHASES,
  type Answer,
  type LearnerState,
  type LevelContent,
  type ModuleProgress,
} from './state.ts';

/**
 * Saved state as a compact, versioned string: it goes into the LMS's suspend_data, which SCORM 1.2
 * caps at 4096 characters for the whole level. Layout (version 1):
 *
 *     1~<level id>~<seed>~<current module or ->~<module>~<module>…
 *     module := <content hash>.<phase><completed>.<step>[*].<flags>.<choices>.<attempt>.<question>[*].<best>.<answers>
 *
 * Numbers are base 36. `*` marks "answered, feedback showing". `choices` is one character per
 * decision (option index, or `-`). Answers are `:`-separated (see encodeAnswer).
 *
 * Each module carries a short hash of its content structure: if a module changed since the state
 * was saved (new steps, new questions), that module alone restarts, with a note saying so; the rest
 * of the learner's progress is kept.
 *
 * Indexes in the string are authored ones: the order a learner is shown options in (options.ts) is
 * worked out from the seed and never saved.
 *
 * A change to the layout bumps STATE_VERSION and adds a migration from the version before, so a
 * learner's saved progress moves on to the new layout instead of starting afresh (see
 * SAVED_FORMATS). Only strings older than MIN_COMPATIBLE_VERSION start afresh.
 */

export const STATE_VERSION = 1;
/** The oldest layout this code still reads, by migrating it forward one version at a time. */
export const MIN_COMPATIBLE_VERSION = 1;

/**
 * Turns a string saved in layout N into layout N+1 (its first field says N+1). It may read the
 * level's content (e.g. to re-key a module's progress), and throws on anything it cannot move on:
 * `restore` turns that into a clean start with the reason.
 */
export type Migration = (saved: string, content: LevelContent) => string;

export interface SavedFormats {
  readonly current: number;
  readonly oldest: number;
  /** `migrations[N]` moves layout N to N+1; one for each N from `oldest` to `current - 1`. */
  readonly migrations: Readonly<Record<number, Migration>>;
}

/**
 * The layouts this code reads. Layout 1 is the only one so far, so there is nothing to migrate
 * yet; the next change to the layout adds `1: (saved) => …` here and bumps STATE_VERSION.
 */
export const SAVED_FORMATS: SavedFormats = Object.freeze({
  current: STATE_VERSION,
  oldest: MIN_COMPATIBLE_VERSION,
  migrations: Object.freeze({}),
});

/** SCORM 1.2's limit for cmi.suspend_data. */
export const SUSPEND_DATA_LIMIT = 4096;

const PHASE_CODES = 'nisqrfd'; // one letter per PHASES entry, same order

export function serialise(content: LevelContent, state: LearnerState): string {
  const modules = state.modules.map((progress, i) =>
    encodeModule(content, content.modules[i] as Module, progress),
  );
  return [
    STATE_VERSION,
    state.level,
    b36(state.seed),
    state.current === null ? '-' : b36(state.current),
    ...modules,
  ].join('~');
}

export type RestoreResult =
  | { readonly ok: true; readonly state: LearnerState; readonly notes: readonly string[] }
  | { readonly ok: false; readonly state: LearnerState; readonly reason: string };

/**
 * Saved string → state. A string in an older layout is first migrated to the current one
 * (`upgradeSaved`). Never throws: anything it cannot trust gives a clean start and the reason,
 * so a corrupted or foreign suspend_data costs the learner their place, never the course. Each
 * module's progress is found by the module, not by its place in the level (`matchSavedModules`),
 * so an author may add, take out or reorder a level's modules without resetting the others.
 */
export function restore(
  content: LevelContent,
  saved: string,
  freshSeed: number,
  formats: SavedFormats = SAVED_FORMATS,
): RestoreResult {
  const fresh = () => initialState(content, freshSeed);
  if (saved.trim() === '') return { ok: false, state: fresh(), reason: 'No saved progress.' };
  try {
    const upgraded = upgradeSaved(content, saved, formats);
    if (!upgraded.ok) return { ok: false, state: fresh(), reason: upgraded.reason };
    const [, level, seed, current, ...modules] = upgraded.saved.split('~');
    if (level !== content.level.id) {
      return {
        ok: false,
        state: fresh(),
        reason: `Saved progress is for level "${level?.slice(0, 40)}", not "${content.level.id}". Starting afresh.`,
      };
    }
    const seedValue = parseB36(seed, 0xffffffff);
    const savedAt = matchSavedModules(content, modules);
    const notes: string[] = [];
    const progress = content.modules.map((module, i): ModuleProgress => {
      const at = savedAt[i];
      if (at === undefined) {
        // Saved in this place and claimed by no module: this module, since changed.
        if (modules[i] !== undefined && !savedAt.includes(i))
          notes.push(`"${module.title}" has changed since your last visit, so it starts again.`);
        return freshModule(module);
      }
      return decodeModule(content, module, modules[at] ?? '', seedValue);
    });
    const savedCurrent = current === '-' ? null : parseB36(current, modules.length - 1);
    const found = savedCurrent === null ? -1 : savedAt.indexOf(savedCurrent);
    const currentIndex = found < 0 ? null : found;
    const reset = currentIndex !== null && progress[currentIndex]?.phase === 'not-started';
    return {
      ok: true,
      state: {
        level: content.level.id,
        seed: seedValue,
        current: reset ? null : currentIndex,
        modules: progress,
      },
      notes,
    };
  } catch (error) {
    return {
      ok: false,
      state: fresh(),
      reason: `Saved progress could not be read (${(error as Error).message}). Starting afresh.`,
    };
  }
}

export type UpgradeResult =
  | { readonly ok: true; readonly saved: string; readonly from: number }
  | { readonly ok: false; readonly reason: string };

/**
 * A saved string in any layout from `formats.oldest` to `formats.current`, moved on to the
 * current layout by applying each migration in turn. Older or newer layouts, and migrations that
 * fail or do not produce the next layout, give the reason instead. Exported for tests; `restore`
 * uses it.
 */
export function upgradeSaved(
  content: LevelContent,
  saved: string,
  formats: SavedFormats = SAVED_FORMATS,
): UpgradeResult {
  const end = saved.indexOf('~');
  const field = end < 0 ? saved : saved.slice(0, end);
  const version = /^[1-9][0-9]{0,5}$/.test(field) ? Number(field) : NaN;
  const shown = `"${field.slice(0, 10)}"`;
  if (Number.isNaN(version) || version > formats.current)
    return {
      ok: false,
      reason: `Saved progress is in format ${shown}, which this version of the course cannot read. Starting afresh.`,
    };
  if (version < formats.oldest)
    return {
      ok: false,
      reason: `Saved progress is in format ${shown}, older than this version of the course can carry forward (${formats.oldest} or later). Starting afresh.`,
    };
  let text = saved;
  for (let from = version; from < formats.current; from++) {
    const migrate = formats.migrations[from];
    if (!migrate)
      return {
        ok: false,
        reason: `Saved progress in format ${from} has no way to the current format. Starting afresh.`,
      };
    try {
      text = migrate(text, content);
    } catch (error) {
      return {
        ok: false,
        reason: `Saved progress could not be moved from format ${from} to ${from + 1} (${(error as Error).message}). Starting afresh.`,
      };
    }
    if (!text.startsWith(`${from + 1}~`))
      return {
        ok: false,
        reason: `Saved progress moved on from format ${from} did not come out in format ${from + 1}. Starting afresh.`,
      };
  }
  return { ok: true, saved: text, from: version };
}

/**
 * The longest string `serialise` can produce for this level over every path a learner can take:
 * every field at its widest (last step, every flag set, every decision made, the widest answers
 * the draw can ask, most attempts). The build fails if it exceeds SUSPEND_DATA_LIMIT.
 */
export function worstCaseSize(content: LevelContent): number {
  const widest: LearnerState = {
    level: content.level.id,
    seed: 0xffffffff,
    current: content.modules.length - 1,
    modules: content.modules.map((module) => {
      const decisions = decisionSteps(module);
      const drawn = widestDraw(module, content);
      return {
        phase: 'reflection',
        completed: true,
        scenario: {
          step: module.scenario.steps.length - 1,
          answered: true,
          flags: 2 ** module.scenario.flags.length - 1,
          choices: decisions.map((d) => {
            const step = module.scenario.steps[d];
            return step?.type === 'decision' ? step.options.length - 1 : 0;
          }),
        },
        quiz: {
          attempt: MAX_ATTEMPT_COUNT,
          question: Math.max(0, drawn.length - 1),
          answered: true,
          answers: drawn.map(widestAnswer),
          best: 100,
        },
      };
    }),
  };
  return serialise(content, widest).length;
}

// ---------------------------------------------------------------------------------------------

function encodeModule(content: LevelContent, module: Module, progress: ModuleProgress): string {
  const { scenario, quiz } = progress;
  return [
    moduleHash(content, module),
    PHASE_CODES[PHASES.indexOf(progress.phase)] + (progress.completed ? '1' : '0'),
    b36(scenario.step) + (scenario.answered ? '*' : ''),
    b36(scenario.flags),
    scenario.choices.map((c) => (c < 0 ? '-' : b36(c))).join(''),
    b36(quiz.attempt),
    b36(quiz.question) + (quiz.answered ? '*' : ''),
    quiz.best === null ? '-' : b36(quiz.best),
    quiz.answers.map(encodeAnswer).join(':'),
  ].join('.');
}

function decodeModule(
  content: LevelContent,
  module: Module,
  encoded: string,
  seed: number,
): ModuleProgress {
  const fields = encoded.split('.');
  if (fields.length !== 9)
    throw new Error(`module "${module.id}" has ${fields.length} fields, not 9`);
  const [
    ,
    status = '',
    step = '',
    flags = '',
    choices = '',
    attempt = '',
    question = '',
    best = '',
    answers = '',
  ] = fields;
  const phase = PHASES[PHASE_CODES.indexOf(status[0] ?? '?')];
  if (!phase || status.length !== 2 || !'01'.includes(status[1] ?? '?'))
    throw new Error(`bad phase "${status}"`);

  const decisions = decisionSteps(module);
  if (choices.length !== decisions.length)
    throw new Error(
      `module "${module.id}" has ${choices.length} choices saved for ${decisions.length} decisions`,
    );
  const choiceValues = [...choices].map((c, i) => {
    const step = module.scenario.steps[decisions[i] as number];
    const options = step?.type === 'decision' ? step.options.length : 0;
    return c === '-' ? -1 : parseB36(c, options - 1);
  });
  const stepIndex = parseB36(step.replace(/\*$/, ''), module.scenario.steps.length - 1);
  const attemptValue = parseB36(attempt, MAX_ATTEMPT_COUNT);
  const drawn = attemptValue > 0 ? drawQuestions(module, content.level, seed, attemptValue) : [];
  const answerList = answers === '' ? [] : answers.split(':');
  if (answerList.length !== drawn.length)
    throw new Error(
      `module "${module.id}" has ${answerList.length} answers saved for ${drawn.length} questions`,
    );

  return {
    phase,
    completed: status[1] === '1',
    scenario: {
      step: stepIndex,
      answered: step.endsWith('*') && module.scenario.steps[stepIndex]?.type === 'decision',
      flags: parseB36(flags, 2 ** module.scenario.flags.length - 1),
      choices: choiceValues,
    },
    quiz: {
      attempt: attemptValue,
      question: parseB36(question.replace(/\*$/, ''), Math.max(0, drawn.length - 1)),
      answered: question.endsWith('*'),
      answers: answerList.map((a, i) => decodeAnswer(drawn[i] as Question, a)),
      best: best === '-' ? null : parseB36(best, 100),
    },
  };
}

/**
 * An answer as its kind encodes it (single `3` · multiple bitmask `b` · true-false `t`/`f` ·
 * ordering/matching digits `2013`), or `-` unanswered.
 */
function encodeAnswer(answer: Answer | null): string {
  return answer === null ? '-' : kindOf(answer).encode(answer);
}

function decodeAnswer(question: Question, text: string): Answer | null {
  if (text === '-') return null;
  const answer = kindOf(question).decode(question, text, optionCount(question));
  if (!answerFits(question, answer))
    throw new Error(`answer "${text}" does not fit question "${question.id}"`);
  return answer;
}

/**
 * For each of the level's modules, where its saved progress is among `saved` (one encoded module
 * each, in the order they were saved), or undefined. Matched by the module's hash, which covers
 * its id, not by place: a module added to, taken out of or moved within the level leaves the
 * others' progress where it was. A module's own place is tried first.
 */
function matchSavedModules(
  content: LevelContent,
  saved: readonly string[],
): (number | undefined)[] {
  const claimed = new Set<number>();
  return content.modules.map((module, i) => {
    const prefix = moduleHash(content, module) + '.';
    const at = [i, ...saved.keys()].find((j) => !claimed.has(j) && saved[j]?.startsWith(prefix));
    if (at !== undefined) claimed.add(at);
    return at;
  });
}

/**
 * Hashes by module and level. Content is never changed once compiled, and the hash is asked for
 * on every save (each learner event), so it is worked out once.
 */
const hashes = new WeakMap<Module, WeakMap<LevelContent['level'], string>>();

/** A short hash of what saved indexes refer to in a module, so changed content is noticed. */
export function moduleHash(content: LevelContent, module: Module): string {
  const byLevel = hashes.get(module) ?? new WeakMap<LevelContent['level'], string>();
  hashes.set(module, byLevel);
  const known = byLevel.get(content.level);
  if (known !== undefined) return known;
  const hash = computeModuleHash(content, module);
  byLevel.set(content.level, hash);
  return hash;
}

/**
 * What saved indexes mean, and no wording: step ids and types and where each step leads; each
 * decision option's weight, flags and where it leads (so swapped options are noticed, and a saved
 * choice never points at another option); the flags; each question's id, type, option count and
 * what its answers mean beyond that (its kind's `answerKey`: which
 * options are right); the draw size. Text edits leave it alone, so they never cost learners
 * their progress.
 */
function computeModuleHash(content: LevelContent, module: Module): string {
  const shape = [
    module.id,
    module.scenario.steps
      .map(
        (s) =>
          `${s.id}:${s.type}:${
            s.type === 'decision'
              ? s.options.map((o) => `${o.weight}/${o.sets.join('+')}/${JSON.stringify(o.next)}`)
              : s.type === 'ending'
                ? ''
                : JSON.stringify(s.next)
          }`,
      )
      .join(','),
    module.scenario.flags.join(','),
    questionBank(module, content.level)
      .map((q) => `${q.id}:${q.type}:${optionCount(q)}:${kindOf(q).answerKey(q)}`)
      .join(','),
    drawSize(module, content.level),
  ].join('|');
  return b36(hashString(shape) % 36 ** 3).padStart(3, '0');
}

function widestDraw(module: Module, content: LevelContent): Question[] {
  const width = (q: Question) => encodeAnswer(widestAnswer(q)).length;
  return [...questionBank(module, content.level)]
    .sort((a, b) => width(b) - width(a))
    .slice(0, drawSize(module, content.level));
}

function widestAnswer(question: Question): Answer {
  return kindOf(question).widest(question);
}
