import type { Diagnostic } from './diagnostics.ts';
import { renderInlineMarkdown, renderMarkdown } from './markdown.ts';
import { kindOf } from '../questions/lookup.ts';
import type { RawCourse, RawFlags, RawModule, RawNext, RawStep } from './raw.ts';
import type { SourceReview } from '../model/course.ts';
import type { ContentPath, SourceFile } from './source-file.ts';
import { publishedLabel } from './published.ts';
import { checkWording } from './wording.ts';
import type {
  Course,
  Level,
  Module,
  Next,
  OverallFeedback,
  Question,
  Scenario,
  Step,
} from '../model/course.ts';

/**
 * Linking: the checks a schema cannot express (ids that must exist, graphs that must lead to an
 * ending, answers that must be consistent), then the compiled, typed course. Every problem becomes
 * a diagnostic; linking carries on after one so that the author sees all of them at once.
 */

export interface LinkInput {
  readonly courseFile: SourceFile;
  /** Module files whose shape passed schema validation (see SchemaResult.shapeIntact). */
  readonly moduleFiles: readonly SourceFile[];
  /** Module ids of files too broken to link: known, so levels naming them don't error too. */
  readonly brokenModuleIds: readonly string[];
}

export interface LinkResult {
  readonly course?: Course;
  readonly diagnostics: readonly Diagnostic[];
}

export function linkCourse(input: LinkInput): LinkResult {
  const diagnostics: Diagnostic[] = [];
  const raw = input.courseFile.data as RawCourse;
  const file = input.courseFile;

  const modules: Module[] = [];
  const moduleFileById = new Map<string, SourceFile>();
  for (const moduleFile of input.moduleFiles) {
    const rawModule = moduleFile.data as RawModule;
    const earlier = moduleFileById.get(rawModule.id);
    if (earlier) {
      diagnostics.push(
        moduleFile.diagnostic(
          ['id'],
          `duplicate module id "${rawModule.id}" (also used by ${earlier.path})`,
          'give each module its own id',
        ),
      );
      continue;
    }
    moduleFileById.set(rawModule.id, moduleFile);
    modules.push(linkModule(moduleFile, rawModule, diagnostics));
    checkWording(moduleFile, rawModule, diagnostics);
  }

  const knownModules = new Set([...moduleFileById.keys(), ...input.brokenModuleIds]);
  const levelIds = new Set<string>();
  const outcomeIds = new Set<string>();
  const usedModules = new Set<string>();
  raw.levels.forEach((level, li) => {
    if (levelIds.has(level.id)) {
      diagnostics.push(
        file.diagnostic(
          ['levels', li, 'id'],
          `duplicate level id "${level.id}"`,
          'give each level its own id',
        ),
      );
    }
    levelIds.add(level.id);
    level.outcomes.forEach((outcome, oi) => {
      if (outcomeIds.has(outcome.id)) {
        diagnostics.push(
          file.diagnostic(
            ['levels', li, 'outcomes', oi, 'id'],
            `duplicate learning outcome id "${outcome.id}"`,
            'outcome ids must be unique across all levels',
          ),
        );
      }
      outcomeIds.add(outcome.id);
    });
    const seen = new Set<string>();
    level.modules.forEach((moduleId, mi) => {
      const at: ContentPath = ['levels', li, 'modules', mi];
      if (seen.has(moduleId)) {
        diagnostics.push(
          file.diagnostic(
            at,
            `level "${level.id}" lists module "${moduleId}" twice`,
            'list each module once',
          ),
        );
      }
      seen.add(moduleId);
      usedModules.add(moduleId);
      if (!knownModules.has(moduleId)) {
        diagnostics.push(
          file.diagnostic(
            at,
            `level "${level.id}" names unknown module "${moduleId}"`,
            suggest(moduleId, knownModules, 'add course/modules/' + moduleId + '.yaml'),
          ),
        );
        return;
      }
      const moduleFile = moduleFileById.get(moduleId);
      const servesLevel = (moduleFile?.data as RawModule | undefined)?.levels.includes(level.id);
      if (moduleFile && !servesLevel) {
        diagnostics.push(
          file.diagnostic(
            at,
            `level "${level.id}" includes module "${moduleId}", but the module does not list this level`,
            `add ${level.id} to "levels:" in ${moduleFile.path}`,
          ),
        );
      }
    });
  });

  for (const [moduleId, moduleFile] of moduleFileById) {
    const rawModule = moduleFile.data as RawModule;
    if (!usedModules.has(moduleId)) {
      diagnostics.push(
        moduleFile.diagnostic(
          ['id'],
          `module "${moduleId}" is not used by any level`,
          `add it to a level's "modules:" in ${file.path}, or remove the file`,
          'warning',
        ),
      );
    }
    rawModule.levels.forEach((levelId, i) => {
      const level = raw.levels.find((l) => l.id === levelId);
      if (!level) {
        diagnostics.push(
          moduleFile.diagnostic(
            ['levels', i],
            `module names unknown level "${levelId}"`,
            suggest(levelId, levelIds, `levels are defined in ${file.path}`),
          ),
        );
      } else if (!level.modules.includes(moduleId)) {
        diagnostics.push(
          moduleFile.diagnostic(
            ['levels', i],
            `module says it serves level "${levelId}", but that level does not include it`,
            `add ${moduleId} to the level's "modules:" in ${file.path}, or remove the level here`,
          ),
        );
      }
    });
    checkOutcomeReferences(moduleFile, rawModule, raw, diagnostics);
  }

  const levels: Level[] = raw.levels.map((level, li) => ({
    id: level.id,
    title: level.title,
    audience: renderMarkdown(level.audience),
    outcomes: level.outcomes.map((o) => ({ id: o.id, text: o.text.trim() })),
    modules: level.modules,
    passMark: level['pass-mark'],
    durationMinutes: level.duration,
    attempts: level.attempts ?? 0,
    questionsPerModule: level['questions-per-module'] ?? 0,
    scenarioShare: level['scenario-share'] ?? 0,
    ...nextLevel(raw.levels[li + 1]),
  }));
  for (const [li, level] of levels.entries()) {
    // The quiz's share of a module's score, at full marks, must reach the pass mark: else a learner
    // whose choices all scored 0 can never pass, and with unlimited attempts never finishes.
    const quizAtBest = Math.round((1 - level.scenarioShare) * 100);
    if (level.scenarioShare > 0 && quizAtBest < level.passMark) {
      diagnostics.push(
        file.diagnostic(
          ['levels', li, 'scenario-share'],
          `with scenario-share ${level.scenarioShare}, a perfect quiz gives ${quizAtBest}%: a learner whose choices score 0 can never reach the pass mark of ${level.passMark}%${level.attempts === 0 ? ', and with unlimited attempts never finishes the module' : ''}`,
          `lower scenario-share to at most ${(1 - level.passMark / 100).toFixed(2)}, or lower the pass mark`,
          'warning',
        ),
      );
    }
    for (const moduleId of level.modules) {
      const module = modules.find((m) => m.id === moduleId);
      const available = module?.questions.filter((q) => q.levels.includes(level.id)).length ?? 0;
      if (module && level.questionsPerModule > available) {
        diagnostics.push(
          file.diagnostic(
            ['levels', li, 'questions-per-module'],
            `level "${level.id}" draws ${level.questionsPerModule} questions, but module "${moduleId}" has only ${available} for this level`,
            'add questions for this level to the module, or lower questions-per-module',
            'warning',
          ),
        );
      }
    }
  }

  const course: Course = {
    id: raw.id,
    title: raw.title,
    organisation: raw.organisation,
    version: raw.version,
    levels,
    modules,
  };
  return { course, diagnostics };
}

function checkOutcomeReferences(
  file: SourceFile,
  module: RawModule,
  course: RawCourse,
  out: Diagnostic[],
): void {
  const servable = new Set(
    course.levels
      .filter((l) => module.levels.includes(l.id))
      .flatMap((l) => l.outcomes.map((o) => o.id)),
  );
  const check = (ids: readonly string[] | undefined, at: ContentPath) =>
    ids?.forEach((id, i) => {
      if (!servable.has(id)) {
        out.push(
          file.diagnostic(
            [...at, i],
            `learning outcome "${id}" is not an outcome of a level this module serves`,
            suggest(id, servable, 'outcomes are defined per level in the course file'),
          ),
        );
      }
    });
  check(module.outcomes, ['outcomes']);
  module.questions.forEach((q, qi) => check(q.outcomes, ['questions', qi, 'outcomes']));
}

function linkSource(
  file: SourceFile,
  source: NonNullable<RawModule['source']>,
  out: Diagnostic[],
): SourceReview {
  const given = String(source.published);
  const published = publishedLabel(given);
  if (published === undefined) {
    out.push(
      file.diagnostic(
        ['source', 'published'],
        `"${given}" is not a real date`,
        'write it as 2017, 2017-05 or 2017-05-12, or "not stated in the source"',
      ),
    );
  }
  return {
    name: source.name,
    board: source.board,
    ...(published ? { published } : {}),
    linkText: source['link-text'],
    ...(source.url ? { url: source.url } : {}),
  };
}

function linkModule(file: SourceFile, raw: RawModule, out: Diagnostic[]): Module {
  const scenario = linkScenario(file, raw, out);
  const questions = linkQuestions(file, raw, out);
  return {
    id: raw.id,
    title: raw.title,
    ...(raw.source ? { source: linkSource(file, raw.source, out) } : {}),
    themes: raw.themes,
    levels: raw.levels,
    durationMinutes: raw.duration,
    covers: renderMarkdown(raw.covers),
    contentNote: renderMarkdown(raw['content-note']),
    ...(raw.reconstruction ? { reconstruction: renderMarkdown(raw.reconstruction) } : {}),
    support: (raw.support ?? []).map((line) => ({
      name: line.name.trim(),
      contact: String(line.contact).trim(),
      ...(line.detail ? { detail: line.detail.trim() } : {}),
    })),
    outcomes: raw.outcomes ?? [],
    scenario,
    questions,
    reflection: raw.reflection.map(renderMarkdown),
  };
}

// ---------------------------------------------------------------------------------------------
// Scenario graph

function linkScenario(file: SourceFile, raw: RawModule, out: Diagnostic[]): Scenario {
  const rawSteps = raw.scenario.steps;
  const at = (i: number, ...rest: (string | number)[]): ContentPath => [
    'scenario',
    'steps',
    i,
    ...rest,
  ];
  const stepIndex: Record<string, number> = {};
  rawSteps.forEach((step, i) => {
    if (step.id in stepIndex) {
      out.push(
        file.diagnostic(at(i, 'id'), `duplicate step id "${step.id}"`, 'give each step its own id'),
      );
    } else {
      stepIndex[step.id] = i;
    }
  });
  const ids = new Set(Object.keys(stepIndex));
  const start = raw.scenario.start ?? rawSteps[0]?.id ?? '';
  if (raw.scenario.start && !ids.has(start)) {
    out.push(
      file.diagnostic(
        ['scenario', 'start'],
        `start step "${start}" does not exist`,
        suggest(start, ids, 'name one of the steps below'),
      ),
    );
  }

  const flagsSet: string[] = [];
  rawSteps.forEach((step) => {
    if (step.type !== 'decision') return;
    for (const option of step.options)
      for (const flag of flagList(option.sets)) if (!flagsSet.includes(flag)) flagsSet.push(flag);
  });

  /** Checks one `next` and returns the compiled branches and the step ids it can lead to. */
  const linkNext = (next: RawNext | undefined, path: ContentPath): Next => {
    if (next === undefined) return [];
    const branches = typeof next === 'string' ? [{ to: next }] : next;
    branches.forEach((branch, bi) => {
      const branchPath = typeof next === 'string' ? path : [...path, bi];
      if (!ids.has(branch.to)) {
        out.push(
          file.diagnostic(
            typeof next === 'string' ? branchPath : [...branchPath, 'to'],
            `next step "${branch.to}" does not exist`,
            suggest(branch.to, ids, 'use the id of a step in this scenario'),
          ),
        );
      }
      for (const key of ['if', 'unless'] as const) {
        flagList(branch[key]).forEach((flag, fi) => {
          if (!flagsSet.includes(flag)) {
            const flagPath = Array.isArray(branch[key])
              ? [...branchPath, key, fi]
              : [...branchPath, key];
            out.push(
              file.diagnostic(
                flagPath,
                `condition on flag "${flag}", which no option sets`,
                suggest(
                  flag,
                  new Set(flagsSet),
                  'add "sets: ' + flag + '" to the option that should set it',
                ),
              ),
            );
          }
        });
      }
    });
    const last = branches[branches.length - 1];
    if (last && (last.if !== undefined || last.unless !== undefined)) {
      out.push(
        file.diagnostic(
          [...path, branches.length - 1],
          'dead end when no condition holds: the last branch of "next" has a condition',
          'add a last branch with only "to:", taken when no condition holds',
        ),
      );
    }
    return branches.map((b) => ({ to: b.to, if: flagList(b.if), unless: flagList(b.unless) }));
  };

  const steps: Step[] = rawSteps.map((step, i) => linkStep(file, step, i, at, linkNext, out));

  const edges = steps.map((step) =>
    successors(step)
      .filter((id) => ids.has(id))
      .map((id) => stepIndex[id] as number),
  );
  // A "next" naming a missing step is reported where it is written; the steps it cuts off from
  // the start are then not reported as unreachable (they are fine once it is fixed).
  const linksBroken = steps.some((step) => successors(step).some((id) => !ids.has(id)));
  checkGraph(file, steps, edges, stepIndex[start], linksBroken, at, out);

  return { start, steps, stepIndex, flags: flagsSet };
}

function linkStep(
  file: SourceFile,
  step: RawStep,
  i: number,
  at: (i: number, ...rest: (string | number)[]) => ContentPath,
  linkNext: (next: RawNext | undefined, path: ContentPath) => Next,
  out: Diagnostic[],
): Step {
  const base = { id: step.id, reconstructed: step.reconstructed ?? false };
  switch (step.type) {
    case 'narrative':
      return {
        ...base,
        type: 'narrative',
        title: step.title,
        text: renderMarkdown(step.text),
        knew: (step.knew ?? []).map(renderInlineMarkdown),
        next: linkNext(step.next, at(i, 'next')),
      };
    case 'reveal':
      return {
        ...base,
        type: 'reveal',
        title: step.title,
        text: renderMarkdown(step.text),
        next: linkNext(step.next, at(i, 'next')),
      };
    case 'ending':
      return {
        ...base,
        type: 'ending',
        title: step.title,
        text: renderMarkdown(step.text),
        debrief: renderMarkdown(step.debrief),
      };
    case 'decision': {
      if (step.options.length < 2) {
        out.push(
          file.diagnostic(
            at(i, 'options'),
            `decision "${step.id}" has ${step.options.length} option(s); a decision needs 2 to 4`,
            'add options, or make this a narrative step',
          ),
        );
      }
      const options = step.options.map((option, oi) => {
        if (option.feedback === undefined) {
          out.push(
            file.diagnostic(
              at(i, 'options', oi),
              `option ${oi + 1} of decision "${step.id}" has no feedback`,
              'add "feedback:" saying what follows from this choice and what the review found',
            ),
          );
        }
        return {
          text: renderInlineMarkdown(option.text),
          feedback: renderMarkdown(option.feedback ?? ''),
          weight: option.weight ?? 0,
          sets: flagList(option.sets),
          next: linkNext(option.next, at(i, 'options', oi, 'next')),
        };
      });
      return {
        ...base,
        type: 'decision',
        title: step.title ?? 'Decision',
        ...(step.text ? { text: renderMarkdown(step.text) } : {}),
        question: renderMarkdown(step.question),
        options,
      };
    }
  }
}

/** Step ids a step can lead to, whatever the flags. */
export function successors(step: Step): string[] {
  switch (step.type) {
    case 'ending':
      return [];
    case 'decision':
      return step.options.flatMap((o) => o.next.map((b) => b.to));
    default:
      return step.next.map((b) => b.to);
  }
}

function checkGraph(
  file: SourceFile,
  steps: readonly Step[],
  edges: readonly number[][],
  start: number | undefined,
  linksBroken: boolean,
  at: (i: number, ...rest: (string | number)[]) => ContentPath,
  out: Diagnostic[],
): void {
  const endings = steps.flatMap((s, i) => (s.type === 'ending' ? [i] : []));
  if (endings.length < 2) {
    out.push(
      file.diagnostic(
        ['scenario', 'steps'],
        `the scenario has ${endings.length} ending(s); it needs at least 2`,
        'add an ending step (type: ending) with a debrief for each way the scenario can end',
      ),
    );
  }
  if (start === undefined) return;

  const reachable = reach([start], (i) => edges[i] ?? []);
  steps.forEach((step, i) => {
    if (!reachable.has(i) && !linksBroken) {
      out.push(
        file.diagnostic(
          at(i, 'id'),
          `step "${step.id}" is unreachable: no step leads to it`,
          'point a "next" at it, or remove it',
        ),
      );
    }
  });

  // Dead ends: a step other than an ending that leads nowhere.
  steps.forEach((step, i) => {
    if (step.type !== 'ending' && step.type !== 'decision' && step.next.length === 0) {
      out.push(
        file.diagnostic(
          at(i, 'id'),
          `dead end: ${step.type} step "${step.id}" has no "next" and is not an ending`,
          'add "next:" naming the step that follows, or make it an ending',
        ),
      );
    }
  });

  // Loops with no way out: reachable steps that can never get to an ending, because they go round.
  const predecessors = steps.map(() => [] as number[]);
  edges.forEach((targets, from) => targets.forEach((to) => predecessors[to]?.push(from)));
  const canEnd = reach(endings, (i) => predecessors[i] ?? []);
  const trapped = new Set(
    [...reachable].filter((i) => !canEnd.has(i) && (edges[i]?.length ?? 0) > 0),
  );
  const within = (j: number) => (edges[j] ?? []).filter((k) => trapped.has(k));
  // Only a real loop: trapped steps that go round. Trapped steps that lead into a dead end are the
  // dead end's problem, reported above.
  const goesRound = (i: number) => reach(within(i), within).has(i);
  const reported = new Set<number>();
  for (const i of [...trapped].sort((a, b) => a - b)) {
    if (reported.has(i)) continue;
    const loop = [...reach([i], within)].sort((a, b) => a - b);
    if (!loop.some(goesRound)) continue;
    loop.forEach((j) => reported.add(j));
    const names = loop.map((j) => steps[j]?.id).join(', ');
    out.push(
      file.diagnostic(
        at(i, 'id'),
        `loop with no way out: from step "${steps[i]?.id}" the learner can only go round (${names}) and never reach an ending`,
        'give one of these steps a "next" or option that leads out of the loop towards an ending',
      ),
    );
  }
}

function reach(from: readonly number[], next: (i: number) => readonly number[]): Set<number> {
  const seen = new Set<number>(from);
  const queue = [...from];
  for (let i = queue.pop(); i !== undefined; i = queue.pop()) {
    for (const j of next(i)) {
      if (seen.has(j)) continue;
      seen.add(j);
      queue.push(j);
    }
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------
// Questions

function linkQuestions(file: SourceFile, raw: RawModule, out: Diagnostic[]): Question[] {
  const seen = new Set<string>();
  return raw.questions.map((q, qi) => {
    const at = (...rest: (string | number)[]): ContentPath => ['questions', qi, ...rest];
    if (seen.has(q.id))
      out.push(
        file.diagnostic(
          at('id'),
          `duplicate question id "${q.id}"`,
          'give each question its own id',
        ),
      );
    seen.add(q.id);
    const levels = q.levels ?? raw.levels;
    (q.levels ?? []).forEach((level, li) => {
      if (!raw.levels.includes(level)) {
        out.push(
          file.diagnostic(
            at('levels', li),
            `question is for level "${level}", which this module does not serve`,
            raw.levels.length > 0
              ? `use one of: ${raw.levels.join(', ')}`
              : `add "${level}" to the module's "levels:" first`,
          ),
        );
      }
    });
    const kind = kindOf(q);
    kind.check(q, {
      report: (path, message, fix) => out.push(file.diagnostic(at(...path), message, fix)),
      hasOverallFeedback: Boolean(q.feedback?.correct && q.feedback.incorrect),
    });
    const feedback: OverallFeedback = {
      ...(q.feedback?.correct ? { correct: renderMarkdown(q.feedback.correct) } : {}),
      ...(q.feedback?.incorrect ? { incorrect: renderMarkdown(q.feedback.incorrect) } : {}),
    };
    const base = {
      id: q.id,
      prompt: renderMarkdown(q.prompt),
      keyMessage: renderMarkdown(q['key-message']),
      levels,
      outcomes: q.outcomes ?? [],
      feedback,
    };
    // The type's own fields, as its kind compiles them (src/questions/). The kind was found by
    // `q.type`, so base + own fields make a question of that type; TypeScript cannot follow the
    // lookup, hence the cast.
    const own = kind.link(q, { markdown: renderMarkdown, inline: renderInlineMarkdown });
    return { ...base, ...own, type: q.type } as unknown as Question;
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers

function flagList(flags: RawFlags | undefined): string[] {
  if (flags === undefined) return [];
  return typeof flags === 'string' ? [flags] : flags;
}

/** A fix hint that names the closest known id, when one is close enough to be a typo. */
function suggest(wrong: string, known: Iterable<string>, otherwise: string): string {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(wrong.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(wrong, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best ? `did you mean "${best}"?` : otherwise;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** What a learner who passes a level is told of the one after it (`Level.next`). */
function nextLevel(next: RawCourse['levels'][number] | undefined): Pick<Level, 'next'> {
  return next
    ? { next: { id: next.id, title: next.title, audience: renderMarkdown(next.audience) } }
    : {};
}
