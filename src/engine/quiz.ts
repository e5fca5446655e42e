import type { Level, Module, Question } from '../model/course.ts';
import { kindOf } from '../questions/lookup.ts';
import { deriveSeed, shuffledIndexes } from './random.ts';
import type { Answer } from './state.ts';

/**
 * Quiz logic: which questions an attempt asks, in what presented order, and whether an answer is
 * right. Pure and deterministic from the learner's seed.
 */

/** The questions of `module` that serve `level`, in authored order. */
export function questionBank(module: Module, level: Level): Question[] {
  return module.questions.filter((q) => q.levels.includes(level.id));
}

/** How many questions one attempt asks. */
export function drawSize(module: Module, level: Level): number {
  const bank = questionBank(module, level).length;
  return level.questionsPerModule > 0 ? Math.min(level.questionsPerModule, bank) : bank;
}

/**
 * The questions attempt `attempt` (1-based) asks: N drawn at random from the bank (a fresh draw
 * each attempt, so a retry is not a memory test), kept in authored order.
 */
export function drawQuestions(
  module: Module,
  level: Level,
  seed: number,
  attempt: number,
): Question[] {
  const bank = questionBank(module, level);
  const size = drawSize(module, level);
  if (size === bank.length) return bank;
  const picked = shuffledIndexes(bank.length, deriveSeed(seed, module.id, 'draw', attempt))
    .slice(0, size)
    .sort((a, b) => a - b);
  return picked.map((i) => bank[i] as Question);
}

/** How many options, items or pairs a question has (answers index into them). */
export function optionCount(question: Question): number {
  return kindOf(question).optionCount(question);
}

/** Whether an answer fits a question's shape (used when restoring saved state and on events). */
export function answerFits(question: Question, answer: Answer): boolean {
  return answer.type === question.type && kindOf(question).fits(question, answer);
}

export function isCorrect(question: Question, answer: Answer): boolean {
  return answerFits(question, answer) && kindOf(question).isCorrect(question, answer);
}

/** Percentage of answers that are correct, rounded to a whole number. */
export function quizScore(
  questions: readonly Question[],
  answers: readonly (Answer | null)[],
): number {
  if (questions.length === 0) return 100;
  const right = questions.filter((q, i) => {
    const answer = answers[i];
    return answer != null && isCorrect(q, answer);
  }).length;
  return Math.round((100 * right) / questions.length);
}
