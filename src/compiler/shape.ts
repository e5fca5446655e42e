import type { Diagnostic } from './diagnostics.ts';
import type { RawModule } from './raw.ts';
import type { ContentPath, SourceFile } from './source-file.ts';
import type { Course } from '../model/course.ts';

/**
 * The shape a module needs to teach and assess, by its `profile:`:
 * - `case-review` (the default): a scenario built on a published review, with the full set of
 *   decisions, a reveal of what the review found, a varied quiz and cited facts;
 * - `thematic`: teaches across reviews in a shorter scenario (one decision fewer);
 * - `local`: a training lead's own short module (a local procedure, a local review): one decision
 *   and three questions are enough, and no reveal or cited facts are required.
 * Every profile keeps what care for learners needs: a real content note, a real reconstruction note
 * where steps are invented, and a debrief worth reading at every ending.
 */
export const PROFILES = {
  'case-review': {
    decisions: 5,
    reveals: 1,
    questions: 6,
    questionTypes: 3,
    reflection: [3, 5],
    facts: 1,
  },
  thematic: {
    decisions: 4,
    reveals: 1,
    questions: 6,
    questionTypes: 3,
    reflection: [3, 5],
    facts: 1,
  },
  local: { decisions: 1, reveals: 0, questions: 3, questionTypes: 1, reflection: [1, 5], facts: 0 },
} as const satisfies Record<string, ProfileRules>;

export type Profile = keyof typeof PROFILES;

interface ProfileRules {
  readonly decisions: number;
  readonly reveals: number;
  readonly questions: number;
  readonly questionTypes: number;
  readonly reflection: readonly [number, number];
  readonly facts: number;
}

/** Care for learners, in every profile: the fewest characters each text may have. */
export const CARE = { contentNote: 40, reconstruction: 40, debrief: 20 } as const;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Checks a module against its profile's rules, each as an error at the line to fix. A draft that
 * no level includes yet (`levels: []`) is left alone until one does.
 */
export function checkShape(file: SourceFile, raw: RawModule, out: Diagnostic[]): void {
  if (raw.levels.length === 0) return;
  const profile: Profile = raw.profile ?? 'case-review';
  const rules: ProfileRules = PROFILES[profile];
  const error = (path: ContentPath, message: string, fix: string) =>
    out.push(file.diagnostic(path, message, fix));
  const lighter =
    profile === 'local' ? '' : ', or set "profile: local" if this is a short local module';
  const a = `a ${profile}`;

  const steps = raw.scenario.steps;
  const count = (type: string) => steps.filter((s) => s.type === type).length;
  const decisions = count('decision');
  if (decisions < rules.decisions) {
    error(
      ['scenario', 'steps'],
      `${a} module needs at least ${rules.decisions} decisions; this one has ${decisions}`,
      profile === 'case-review'
        ? `add decision steps, or set "profile: thematic" if the module teaches across reviews${lighter}`
        : `add decision steps${lighter}`,
    );
  }
  if (count('reveal') < rules.reveals) {
    error(
      ['scenario', 'steps'],
      `${a} module needs at least ${plural(rules.reveals, 'reveal step')} ("what the review found"); this one has none`,
      `add a step with "type: reveal" that says what the review found, each fact cited under "facts:"${lighter}`,
    );
  }
  steps.forEach((step, i) => {
    if (step.type === 'ending' && step.debrief.trim().length < CARE.debrief) {
      error(
        ['scenario', 'steps', i, 'debrief'],
        `the debrief of ending "${step.id}" is too short to teach anything (${step.debrief.trim().length} characters)`,
        'say what this ending shows and what the review teaches, in a sentence or two',
      );
    }
  });

  const questions = raw.questions.length;
  if (questions < rules.questions) {
    error(
      ['questions'],
      `${a} module needs at least ${rules.questions} questions; this one has ${questions}`,
      `add questions${lighter}`,
    );
  }
  const types = new Set(raw.questions.map((q) => q.type)).size;
  if (questions > 0 && types < rules.questionTypes) {
    error(
      ['questions'],
      `${a} module's questions need at least ${rules.questionTypes} different types; these have ${types}`,
      'change some questions to another type (single, multiple, true-false, ordering, matching)',
    );
  }

  const [fewest, most] = rules.reflection;
  const prompts = raw.reflection.length;
  if (prompts < fewest || prompts > most) {
    error(
      ['reflection'],
      `${a} module needs ${fewest} to ${most} reflection prompts; this one has ${prompts}`,
      prompts < fewest
        ? 'add prompts to take to supervision'
        : 'keep the strongest and remove the rest',
    );
  }

  const facts = raw.facts?.length ?? 0;
  if (facts < rules.facts) {
    error(
      raw.facts ? ['facts'] : ['id'],
      `${a} module lists no facts under "facts:": every fact it states about the real case needs its source and line`,
      `add "facts:" (docs/authoring.md, "The source check")${lighter}`,
    );
  }

  if (raw['content-note'].trim().length < CARE.contentNote) {
    error(
      ['content-note'],
      'the content note is too short to tell a learner what difficult material is coming',
      'say plainly what the module describes (e.g. the death of a baby, domestic abuse), so a learner can choose when to take it',
    );
  }
  const reconstructed = steps.some((s) => s.reconstructed);
  if (reconstructed && (raw.reconstruction?.trim().length ?? 0) < CARE.reconstruction) {
    error(
      raw.reconstruction ? ['reconstruction'] : ['id'],
      `steps are marked "reconstructed: true", but the module ${raw.reconstruction ? 'says too little' : 'does not say'} what is invented`,
      'add "reconstruction:" saying, as a whole statement, what is invented and what is real',
    );
  }
}

/**
 * Levels keep their promises: each learning outcome of a level is delivered by a module in it
 * (the module's `outcomes:`) and tested by a question that level's quizzes can ask. An error at
 * the outcome in the course file. A level with a module too broken to compile is left to that
 * module's errors.
 */
export function checkOutcomesDelivered(
  course: Course,
  courseFile: SourceFile,
  out: Diagnostic[],
): void {
  course.levels.forEach((level, li) => {
    const modules = level.modules.map((id) => course.modules.find((m) => m.id === id));
    if (modules.some((m) => m === undefined)) return;
    level.outcomes.forEach((outcome, oi) => {
      const at: ContentPath = ['levels', li, 'outcomes', oi, 'id'];
      const delivering = modules.filter((m) => m!.outcomes.includes(outcome.id));
      if (delivering.length === 0) {
        out.push(
          courseFile.diagnostic(
            at,
            `learning outcome "${outcome.id}" of level "${level.id}" is delivered by no module in the level`,
            `add "${outcome.id}" to "outcomes:" of the module that teaches it (one of: ${level.modules.join(', ')})`,
          ),
        );
      }
      const tested = modules.some((m) =>
        m!.questions.some((q) => q.levels.includes(level.id) && q.outcomes.includes(outcome.id)),
      );
      if (!tested) {
        out.push(
          courseFile.diagnostic(
            at,
            `learning outcome "${outcome.id}" of level "${level.id}" is tested by no question this level's quizzes can ask`,
            `add "${outcome.id}" to "outcomes:" of a question for this level in one of its modules`,
          ),
        );
      }
    });
  });
}
