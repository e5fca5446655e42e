import type { Diagnostic } from './diagnostics.ts';
import type { SourceFile } from './source-file.ts';
import type { Module, RichText } from '../model/course.ts';

/**
 * Option balance: whether a learner who reads nothing could find the answer from the options' look
 * alone. The usual tells are length (the best or right option is the longest, because it carries
 * the caveats) and a true/false key that leans one way. The figures are pure; `checkBalance` turns
 * them into warnings and `npm run validate` prints them.
 *
 * Length is counted in characters of the plain text the learner reads.
 */

/** A count of cases where the tell holds, out of the cases it could. */
export interface Tally {
  readonly hits: number;
  readonly of: number;
  /** Ids (decision step or question) where the tell holds, for messages. */
  readonly ids: readonly string[];
}

export interface ModuleBalance {
  readonly module: string;
  /** Decisions whose best option (highest weight) is strictly the longest. */
  readonly bestLongest: Tally;
  /** Mean over decisions of: the best option's length / the mean length of the others. */
  readonly bestRatio?: number;
  /** Single-choice questions whose right answer is strictly the longest. */
  readonly rightLongest: Tally;
  /** Mean over single questions of: the right answer's length / the mean length of the others. */
  readonly rightRatio?: number;
  /**
   * Multiple-response questions whose right options are exactly the shortest or exactly the
   * longest (every right one shorter, or longer, than every wrong one).
   */
  readonly multipleByLength: Tally;
  readonly trueFalse: { readonly true: number; readonly false: number };
  /**
   * True/false questions that the wording alone answers (`guessFromWording`): false for a
   * sweeping claim, true for the rest.
   */
  readonly trueFalseByWording: Tally;
}

/** Thresholds past which the compiler warns; docs/authoring.md states them. */
export const BALANCE_LIMITS = {
  /** Share of a module's decisions (or single questions) whose best option is the longest. */
  longestShare: 1 / 3,
  /** A module with this many true/false questions or more should not key them all one way. */
  trueFalseOneWay: 3,
  /** Course-wide share of true/false questions keyed true. */
  trueShare: [0.35, 0.65] as const,
  /**
   * Course-wide share of true/false questions the wording alone answers, at or past which the
   * compiler warns (half is what guessing gets; a pass mark is 80%).
   */
  wordingShare: 0.7,
  /** Fewer true/false questions than this, in the course, are too few to tell from guessing. */
  wordingAtLeast: 10,
} as const;

/**
 * Sweeping words (always, never, only…) make a statement sound false, hedges (can, may…) make it
 * sound true; a quiz whose false statements sweep and whose true ones hedge is answered from the
 * wording (content audit, new problem 7). Whole words, any capitals.
 */
export const SWEEPING_WORDS = [
  'always',
  'never',
  'every',
  'everyone',
  'everything',
  'all',
  'only',
  'nothing',
  'no one',
  'nobody',
  'none',
  'must',
  'guarantee',
  'guarantees',
  'guaranteed',
  'certainly',
  'impossible',
] as const;
export const HEDGING_WORDS = [
  'can',
  'may',
  'might',
  'could',
  'often',
  'sometimes',
  'some',
  'usually',
  'likely',
  'possible',
] as const;

/** Whether `text` has one of `words` as a whole word (or phrase), any capitals. */
const hasWord = (text: string, words: readonly string[]) =>
  words.some((word) => new RegExp(`\\b${word.replace(/ /g, '\\s+')}\\b`, 'i').test(text));

/** What a learner who reads only the wording answers: false to a sweeping claim, else true. */
export function guessFromWording(statement: string): boolean {
  return !(hasWord(statement, SWEEPING_WORDS) && !hasWord(statement, HEDGING_WORDS));
}

const length = (text: RichText) => text.text.trim().length;
const mean = (values: readonly number[]) =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/** An item's option lengths: the keyed (best or right) ones and the rest. */
interface Split {
  readonly keyed: readonly number[];
  readonly others: readonly number[];
}

/**
 * True when the longest option is a keyed one: longer than every other option (a tie with one of
 * them is no tell; two best options tied at the top still are, as either is right).
 */
function keyedIsLongest(split: Split): boolean {
  return Math.max(...split.keyed) > Math.max(...split.others);
}

function ratio(split: Split): number | undefined {
  const others = mean(split.others);
  return others > 0 ? mean(split.keyed) / others : undefined;
}

export function moduleBalance(module: Module): ModuleBalance {
  const best = { hits: [] as string[], of: 0, ratios: [] as number[] };
  for (const step of module.scenario.steps) {
    if (step.type !== 'decision') continue;
    const top = Math.max(...step.options.map((o) => o.weight));
    const keyed = step.options.filter((o) => o.weight === top).map((o) => length(o.text));
    const others = step.options.filter((o) => o.weight !== top).map((o) => length(o.text));
    // Every option weighted alike: there is no best option to give away.
    if (others.length === 0) continue;
    best.of++;
    if (keyedIsLongest({ keyed, others })) best.hits.push(step.id);
    const r = ratio({ keyed, others });
    if (r !== undefined) best.ratios.push(r);
  }

  const right = { hits: [] as string[], of: 0, ratios: [] as number[] };
  const multiple = { hits: [] as string[], of: 0 };
  const trueFalse = { true: 0, false: 0 };
  const wording = { hits: [] as string[], of: 0 };
  for (const q of module.questions) {
    if (q.type === 'true-false') {
      trueFalse[q.answer ? 'true' : 'false']++;
      wording.of++;
      if (guessFromWording(q.prompt.text) === q.answer) wording.hits.push(q.id);
      continue;
    }
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    const keyed = q.options.filter((o) => o.correct).map((o) => length(o.text));
    const others = q.options.filter((o) => !o.correct).map((o) => length(o.text));
    if (keyed.length === 0 || others.length === 0) continue;
    if (q.type === 'single') {
      right.of++;
      if (keyedIsLongest({ keyed, others })) right.hits.push(q.id);
      const r = ratio({ keyed, others });
      if (r !== undefined) right.ratios.push(r);
    } else {
      multiple.of++;
      const apart =
        Math.max(...keyed) < Math.min(...others) || Math.min(...keyed) > Math.max(...others);
      if (apart) multiple.hits.push(q.id);
    }
  }

  return {
    module: module.id,
    bestLongest: { hits: best.hits.length, of: best.of, ids: best.hits },
    ...(best.ratios.length > 0 ? { bestRatio: mean(best.ratios) } : {}),
    rightLongest: { hits: right.hits.length, of: right.of, ids: right.hits },
    ...(right.ratios.length > 0 ? { rightRatio: mean(right.ratios) } : {}),
    multipleByLength: { hits: multiple.hits.length, of: multiple.of, ids: multiple.hits },
    trueFalse,
    trueFalseByWording: { hits: wording.hits.length, of: wording.of, ids: wording.hits },
  };
}

/**
 * Words that mark the careful answer (content audit 2.1): when only the best or right option has
 * one, a learner who reads nothing can still pick it.
 */
export const TELL_TALE_WORDS = [
  'kindly',
  'gently',
  'calmly',
  'respectfully',
  'today',
  'the same day',
  'in writing',
  'with a date',
] as const;

/** Each decision or single/multiple question where a keyed option alone has a tell-tale word. */
export function tellTaleWords(module: Module): { id: string; word: string }[] {
  const has = (text: RichText, word: string) => hasWord(text.text, [word]);
  const found: { id: string; word: string }[] = [];
  const check = (id: string, options: readonly { text: RichText; keyed: boolean }[]) => {
    for (const word of TELL_TALE_WORDS) {
      const keyed = options.some((o) => o.keyed && has(o.text, word));
      const others = options.some((o) => !o.keyed && has(o.text, word));
      if (keyed && !others) found.push({ id, word });
    }
  };
  for (const step of module.scenario.steps) {
    if (step.type !== 'decision') continue;
    const top = Math.max(...step.options.map((o) => o.weight));
    check(
      step.id,
      step.options.map((o) => ({ text: o.text, keyed: o.weight === top })),
    );
  }
  for (const q of module.questions) {
    if (q.type !== 'single' && q.type !== 'multiple') continue;
    check(
      q.id,
      q.options.map((o) => ({ text: o.text, keyed: o.correct })),
    );
  }
  return found;
}

/** The course's figures: every module's counts added up, ratios averaged over all decisions. */
export function courseBalance(modules: readonly Module[]): ModuleBalance {
  const each = modules.map(moduleBalance);
  const sum = (pick: (b: ModuleBalance) => Tally): Tally => ({
    hits: each.reduce((n, b) => n + pick(b).hits, 0),
    of: each.reduce((n, b) => n + pick(b).of, 0),
    ids: each.flatMap((b) => pick(b).ids.map((id) => `${b.module}/${id}`)),
  });
  // Weight each module's mean ratio by its number of decisions (questions), so the course figure
  // is the mean over all decisions (questions), as for a module.
  const weighted = (
    ratioOf: (b: ModuleBalance) => number | undefined,
    countOf: (b: ModuleBalance) => number,
  ) => {
    const parts = each.flatMap((b) => {
      const r = ratioOf(b);
      return r === undefined ? [] : [{ r, n: countOf(b) }];
    });
    const n = parts.reduce((a, p) => a + p.n, 0);
    return n > 0 ? parts.reduce((a, p) => a + p.r * p.n, 0) / n : undefined;
  };
  const bestRatio = weighted(
    (b) => b.bestRatio,
    (b) => b.bestLongest.of,
  );
  const rightRatio = weighted(
    (b) => b.rightRatio,
    (b) => b.rightLongest.of,
  );
  return {
    module: 'course',
    bestLongest: sum((b) => b.bestLongest),
    ...(bestRatio !== undefined ? { bestRatio } : {}),
    rightLongest: sum((b) => b.rightLongest),
    ...(rightRatio !== undefined ? { rightRatio } : {}),
    multipleByLength: sum((b) => b.multipleByLength),
    trueFalse: {
      true: each.reduce((n, b) => n + b.trueFalse.true, 0),
      false: each.reduce((n, b) => n + b.trueFalse.false, 0),
    },
    trueFalseByWording: sum((b) => b.trueFalseByWording),
  };
}

/** More than the fair share (a third) of decisions or single questions give the answer by length. */
export const tooOftenLongest = (tally: Tally): boolean =>
  tally.of > 0 && tally.hits / tally.of > BALANCE_LIMITS.longestShare;

/** A module's true/false questions, 3 or more, all keyed the same way. */
export function trueFalseOneWay(balance: ModuleBalance): 'true' | 'false' | undefined {
  const { true: t, false: f } = balance.trueFalse;
  if (t + f < BALANCE_LIMITS.trueFalseOneWay) return undefined;
  if (f === 0) return 'true';
  if (t === 0) return 'false';
  return undefined;
}

/**
 * Whether the wording alone answers too many of the course's true/false questions: 70% or more
 * of at least 10 (with fewer, a fair guesser gets there too often to say).
 */
export const answeredByWording = (tally: Tally): boolean =>
  tally.of >= BALANCE_LIMITS.wordingAtLeast && tally.hits / tally.of >= BALANCE_LIMITS.wordingShare;

/**
 * The course's share of true/false keyed true, when it is outside the fair band. The band is
 * widened to the nearest whole question (3 questions can only split 1:2 or 2:1), so a small
 * course is not warned about a split it cannot improve.
 */
export function trueShareOutOfBand(balance: ModuleBalance): number | undefined {
  const { true: t, false: f } = balance.trueFalse;
  const n = t + f;
  if (n === 0) return undefined;
  const [low, high] = BALANCE_LIMITS.trueShare;
  return t < Math.floor(low * n) || t > Math.ceil(high * n) ? t / n : undefined;
}

/** The figures as a table for `npm run validate`: one row per module, then the course. */
export function formatBalance(rows: readonly ModuleBalance[]): string {
  const width = Math.max(6, ...rows.map((r) => r.module.length));
  const tally = (t: Tally) => (t.of === 0 ? '-' : `${t.hits}/${t.of}`);
  const times = (r: number | undefined) => (r === undefined ? '-' : `${r.toFixed(2)}x`);
  const cells = (r: ModuleBalance) => [
    tally(r.bestLongest),
    times(r.bestRatio),
    tally(r.rightLongest),
    times(r.rightRatio),
    tally(r.multipleByLength),
    `${r.trueFalse.true}/${r.trueFalse.false}`,
    tally(r.trueFalseByWording),
  ];
  const head = [
    'best longest',
    'ratio',
    'right longest',
    'ratio',
    'multi by length',
    'T/F',
    'T/F by wording',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => cells(r)[i]!.length)));
  const line = (name: string, values: readonly string[]) =>
    `  ${name.padEnd(width)}  ${values.map((v, i) => v.padStart(widths[i]!)).join('  ')}`;
  return [
    'Option balance: decisions whose best option is the longest, its length against the others;',
    'single questions whose right answer is the longest, likewise; multiple-response questions whose',
    'right options are exactly the shortest or the longest; true/false keys (true/false), and the',
    'true/false questions answered by wording alone (false to a sweeping claim, true to the rest).',
    line('module', head),
    ...rows.map((r) => line(r.module, cells(r))),
  ].join('\n');
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * Warnings where the options give the answer away: at the module's `scenario:` (decisions) or
 * `questions:` (single and true/false), and at the course file for the course's true/false split.
 */
export function checkBalance(
  modules: readonly { readonly module: Module; readonly file: SourceFile }[],
  courseFile: SourceFile,
  out: Diagnostic[],
): void {
  for (const { module, file } of modules) {
    const b = moduleBalance(module);
    const warn = (key: string, message: string, fix: string) =>
      out.push(file.diagnostic([key], message, fix, 'warning'));
    if (tooOftenLongest(b.bestLongest)) {
      warn(
        'scenario',
        `the best option is the longest in ${b.bestLongest.hits} of ${b.bestLongest.of} decisions (${b.bestLongest.ids.join(', ')}): a learner who picks the longest does well without reading`,
        'make the best option no longer than the others (trim its caveats, or give the others their reasons), so it is the longest in at most a third of decisions',
      );
    }
    if (tooOftenLongest(b.multipleByLength)) {
      warn(
        'questions',
        `the right options are exactly the shortest or the longest in ${b.multipleByLength.hits} of ${b.multipleByLength.of} multiple-response questions (${b.multipleByLength.ids.join(', ')}): a learner who ticks by length gets them right`,
        'give a right option a longer (or shorter) wording, or a wrong one, so that length does not split right from wrong',
      );
    }
    if (tooOftenLongest(b.rightLongest)) {
      warn(
        'questions',
        `the right answer is the longest in ${b.rightLongest.hits} of ${b.rightLongest.of} single-choice questions (${b.rightLongest.ids.join(', ')})`,
        'make the right answer no longer than the others, so it is the longest in at most a third of questions',
      );
    }
    for (const { id, word } of tellTaleWords(module)) {
      warn(
        module.scenario.steps.some((step) => step.id === id) ? 'scenario' : 'questions',
        `"${id}": only the best or right option says "${word}", which gives it away to a learner who reads nothing`,
        `drop "${word}" from that option, or let a reasonable wrong option say it too`,
      );
    }
    const oneWay = trueFalseOneWay(b);
    if (oneWay) {
      warn(
        'questions',
        `all ${b.trueFalse.true + b.trueFalse.false} true/false questions are keyed ${oneWay}: a learner who always answers ${oneWay} gets them all right`,
        `rewrite some statements so that they are ${oneWay === 'true' ? 'false' : 'true'}`,
      );
    }
  }
  const course = courseBalance(modules.map((m) => m.module));
  const byWording = course.trueFalseByWording;
  if (answeredByWording(byWording)) {
    out.push(
      courseFile.diagnostic(
        ['id'],
        `a learner who answers false to every sweeping claim (always, only, every…) and true to the rest gets ${byWording.hits} of the course's ${byWording.of} true/false questions right (${percent(byWording.hits / byWording.of)}; guessing gets half)`,
        `write some false statements as measured claims and some true ones plainly (or true ones that sweep): ${byWording.ids.join(', ')}`,
        'warning',
      ),
    );
  }
  const share = trueShareOutOfBand(course);
  if (share !== undefined) {
    const [low, high] = BALANCE_LIMITS.trueShare;
    out.push(
      courseFile.diagnostic(
        ['id'],
        `${percent(share)} of the course's ${course.trueFalse.true + course.trueFalse.false} true/false questions are keyed true (fair: ${percent(low)} to ${percent(high)})`,
        `rewrite some ${share > high ? 'true statements as false' : 'false statements as true'} across the modules`,
        'warning',
      ),
    );
  }
}
