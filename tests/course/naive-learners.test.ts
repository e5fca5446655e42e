import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/compiler/diagnostics.ts';
import { compileCourseDirectory } from '../../src/compiler/load.ts';
import type { ChoiceOption, DecisionOption, Question } from '../../src/model/course.ts';
import {
  currentStep,
  decisionOrder,
  drawQuestions,
  initialState,
  isCorrect,
  levelContent,
  moduleOutcome,
  presentedOrder,
  transition,
  type Answer,
  type LearnerEvent,
  type LearnerState,
  type LevelContent,
} from '../../src/engine/index.ts';
import { kindOf } from '../../src/questions/lookup.ts';

/**
 * Learners who never read play every level of the real course (course/) through the engine, and
 * must do no better than guessing (issue 12, section 1; content audit 2.1). A course whose best
 * options are the longest, or always shown first, or whose right answers top every list, lets
 * them pass; with options in a per-learner order and options balanced, they cannot.
 *
 * The learners, each with "true" and with "false" for every true/false question:
 * - first shown: the first option shown in every decision and single-choice question, the first
 *   option shown alone in a multiple-response question;
 * - longest: the longest option (by the length of its text) in decisions and single-choice
 *   questions, the longest half of the options in a multiple-response question;
 * - shortest: the same with the shortest (a course that trims its best options too far gives
 *   itself away the other way);
 * - top half: the top half of every checkbox list as shown, and the first option shown where only
 *   one may be chosen.
 * All of them leave ordering and matching questions as shown. At a decision met again (a loop)
 * they take their next option, as anyone would.
 *
 * What is measured, for each learner over a whole level:
 * - "answers": every decision made plus every quiz question answered. A decision counts as right
 *   when the option chosen has the step's best weight; a question when the engine marks it
 *   correct. None may have more than half right.
 * - a module is passed when the engine judges it passed after the learner's first quiz attempt
 *   (every level allows unlimited attempts; a learner who retries long enough gets lucky, which
 *   says nothing about the course). Modules with no quiz at a level are not judged.
 */

const SEEDS = [1, 7, 42, 2026, 0xdeadbeef];
const compiled = compileCourseDirectory('course');

type Strategy = 'first shown' | 'longest' | 'shortest' | 'top half';
interface Learner {
  readonly strategy: Strategy;
  readonly truth: boolean;
}
const LEARNERS: readonly Learner[] = (
  ['first shown', 'longest', 'shortest', 'top half'] as const
).flatMap((strategy) => [true, false].map((truth) => ({ strategy, truth })));
const learnerName = (l: Learner) => `${l.strategy}, true/false always "${l.truth}"`;

/** Indexes ordered longest text first (ties: the one shown first). */
const byLength = (options: readonly (ChoiceOption | DecisionOption)[], shown: readonly number[]) =>
  [...shown].sort(
    (a, b) => (options[b]?.text.text.length ?? 0) - (options[a]?.text.text.length ?? 0),
  );
/** Indexes ordered shortest text first (ties: the one shown first). */
const byShortness = (
  options: readonly (ChoiceOption | DecisionOption)[],
  shown: readonly number[],
) =>
  [...shown].sort(
    (a, b) => (options[a]?.text.text.length ?? 0) - (options[b]?.text.text.length ?? 0),
  );
/** The options in the order this learner prefers them. */
const ranked = (
  learner: Learner,
  options: readonly (ChoiceOption | DecisionOption)[],
  shown: readonly number[],
) =>
  learner.strategy === 'longest'
    ? byLength(options, shown)
    : learner.strategy === 'shortest'
      ? byShortness(options, shown)
      : shown;

const half = (n: number) => Math.ceil(n / 2);

function answerFor(learner: Learner, question: Question, shown: readonly number[]): Answer {
  switch (question.type) {
    case 'single': {
      const pick = ranked(learner, question.options, shown);
      return { type: 'single', option: pick[0] ?? 0 };
    }
    case 'multiple': {
      const ticked =
        learner.strategy === 'first shown'
          ? shown.slice(0, 1)
          : learner.strategy === 'longest' || learner.strategy === 'shortest'
            ? ranked(learner, question.options, shown).slice(0, half(shown.length))
            : shown.slice(0, half(shown.length));
      return { type: 'multiple', options: [...ticked].sort((a, b) => a - b) };
    }
    case 'true-false':
      return { type: 'true-false', value: learner.truth };
    case 'ordering':
      return { type: 'ordering', order: [...shown] };
    case 'matching':
      // Prompt p keeps the match shown in row p.
      return { type: 'matching', matches: [...shown] };
    default: {
      // A type registered since these strategies were written: these learners have no way to
      // guess it from its look, so it counts as a wrong guess (add a strategy if it has a tell).
      const other: Question = question;
      return kindOf(other).samples(other).wrong;
    }
  }
}

interface ModuleFigures {
  readonly module: string;
  decisions: number;
  bestDecisions: number;
  questions: number;
  rightQuestions: number;
  /** null: no quiz at this level, so not judged. */
  score: number | null;
  passed: boolean;
}

/** Plays the whole level as `learner` would; returns each module's figures. */
function playLevel(content: LevelContent, learner: Learner, seed: number): ModuleFigures[] {
  let state: LearnerState = initialState(content, seed);
  const send = (event: LearnerEvent) => {
    const [next] = transition(content, state, event);
    if (next === state)
      throw new Error(
        `The engine refused ${JSON.stringify(event)} (learner ${learnerName(learner)})`,
      );
    state = next;
  };
  return content.modules.map((module, index) => {
    const figures: ModuleFigures = {
      module: module.id,
      decisions: 0,
      bestDecisions: 0,
      questions: 0,
      rightQuestions: 0,
      score: null,
      passed: false,
    };
    const visits = new Map<number, number>();
    send({ type: 'open-module', module: index });
    for (let turn = 0; turn < 5000; turn++) {
      const progress = state.modules[index];
      if (!progress || state.current === null) break;
      if (progress.phase === 'scenario') {
        const step = currentStep(module, progress.scenario);
        if (step.type !== 'decision' || progress.scenario.answered) {
          send({ type: 'continue' });
          continue;
        }
        const shown = decisionOrder(module, step, seed);
        const preferred = ranked(learner, step.options, shown);
        const seen = visits.get(progress.scenario.step) ?? 0;
        visits.set(progress.scenario.step, seen + 1);
        const option = preferred[seen % preferred.length] ?? 0;
        const best = Math.max(...step.options.map((o) => o.weight));
        figures.decisions++;
        if (step.options[option]?.weight === best) figures.bestDecisions++;
        send({ type: 'choose', option });
      } else if (progress.phase === 'quiz') {
        if (progress.quiz.answered) {
          send({ type: 'continue' });
          continue;
        }
        const { attempt } = progress.quiz;
        const question = drawQuestions(module, content.level, seed, attempt)[
          progress.quiz.question
        ];
        if (!question) throw new Error(`No question ${progress.quiz.question} in ${module.id}`);
        const answer = answerFor(
          learner,
          question,
          presentedOrder(question, seed, attempt, module.id),
        );
        figures.questions++;
        if (isCorrect(question, answer)) figures.rightQuestions++;
        send({ type: 'answer', answer });
      } else if (progress.phase === 'results') {
        // One attempt: on to reflection if the engine says the module is complete, else away.
        send(progress.completed ? { type: 'continue' } : { type: 'leave-module' });
      } else if (progress.phase === 'done') {
        break;
      } else {
        send({ type: 'continue' }); // intro, reflection
      }
    }
    const progress = state.modules[index];
    if (!progress) throw new Error(`No progress for ${module.id}`);
    const outcome = moduleOutcome(content, module, progress);
    figures.score = outcome.score;
    figures.passed = outcome.score !== null && outcome.passed;
    if (state.current !== null) send({ type: 'leave-module' });
    return figures;
  });
}

const percent = (right: number, total: number) =>
  total === 0 ? 0 : Math.round((100 * right) / total);

describe('learners who never read the course', () => {
  it('can play the real course: it compiles without errors', () => {
    expect(formatDiagnostics(compiled.diagnostics.filter((d) => d.severity === 'error'))).toBe('');
  });
  const course = compiled.course;
  if (!course) return;

  for (const level of course.levels) {
    it(`pass no module of level ${level.id} and get no more than half its answers right`, () => {
      const content = levelContent(course, level.id);
      const problems: string[] = [];
      const table: string[] = [];
      for (const learner of LEARNERS) {
        for (const seed of SEEDS) {
          const figures = playLevel(content, learner, seed);
          const who = `level ${level.id}, learner "${learnerName(learner)}", seed ${seed}`;
          const decisions = figures.reduce((n, f) => n + f.decisions, 0);
          const best = figures.reduce((n, f) => n + f.bestDecisions, 0);
          const questions = figures.reduce((n, f) => n + f.questions, 0);
          const right = figures.reduce((n, f) => n + f.rightQuestions, 0);
          const share = percent(best + right, decisions + questions);
          for (const f of figures.filter((f) => f.passed))
            problems.push(
              `${who}: passed module ${f.module} with ${f.score}% (pass mark ${level.passMark}%; ` +
                `decisions ${f.bestDecisions}/${f.decisions} best, quiz ${f.rightQuestions}/${f.questions} right)`,
            );
          if ((best + right) * 2 > decisions + questions)
            problems.push(
              `${who}: ${best + right} of ${decisions + questions} answers right (${share}%, over half): ` +
                `decisions ${best}/${decisions} best, quiz ${right}/${questions} right`,
            );
          table.push(
            `${who}: ${share}% right (decisions ${best}/${decisions}, quiz ${right}/${questions}); ` +
              `module scores ${figures.map((f) => `${f.module} ${f.score ?? 'not judged'}`).join(', ')}`,
          );
        }
      }
      expect(
        problems,
        `Learners who never read do too well at level ${level.id}:\n${problems.join('\n')}\n\n` +
          `All figures:\n${table.join('\n')}\n`,
      ).toEqual([]);
    });
  }
});
