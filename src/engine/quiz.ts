import type { Level, Module, Question } from '../content/types.ts';
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

export function optionCount(question: Question): number {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return question.options.length;
    case 'true-false':
      return 2;
    case 'ordering':
      return question.items.length;
    case 'matching':
      return question.pairs.length;
  }
}

/** Whether an answer fits a question's shape (used when restoring saved state and on events). */
export function answerFits(question: Question, answer: Answer): boolean {
  if (answer.type !== question.type) return false;
  const n = optionCount(question);
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < n;
  const isPermutation = (xs: readonly number[]) =>
    xs.length === n && xs.every(inRange) && new Set(xs).size === n;
  switch (answer.type) {
    case 'single':
      return inRange(answer.option);
    case 'multiple':
      return (
        answer.options.every(inRange) && new Set(answer.options).size === answer.options.length
      );
    case 'true-false':
      return typeof answer.value === 'boolean';
    case 'ordering':
      return isPermutation(answer.order);
    case 'matching':
      return isPermutation(answer.matches);
  }
}

export function isCorrect(question: Question, answer: Answer): boolean {
  if (!answerFits(question, answer)) return false;
  switch (answer.type) {
    case 'single':
      return question.type === 'single' && question.options[answer.option]?.correct === true;
    case 'multiple': {
      if (question.type !== 'multiple') return false;
      const chosen = new Set(answer.options);
      return question.options.every((o, i) => o.correct === chosen.has(i));
    }
    case 'true-false':
      return question.type === 'true-false' && question.answer === answer.value;
    case 'ordering':
      return answer.order.every((item, position) => item === position);
    case 'matching':
      return answer.matches.every((match, prompt) => match === prompt);
  }
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
