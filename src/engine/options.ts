import type { DecisionStep, Module, Question } from '../content/types.ts';
import { deriveSeed, shuffledIndexes } from './random.ts';

/**
 * How a list of options is shown to a learner, and how an option is named outside the course.
 *
 * Options are shown in an order of their own for each learner, so where the best option sits says
 * nothing (a learner who always takes the first one shown does no better than chance). The order
 * is a pure function of the learner's seed and the list's ids, so it is the same on every screen
 * and after a resume, and it is never saved: saved state, events and answers all use the authored
 * index, and the LMS hears the option's id (`optionId`), so neither depends on what a learner saw.
 */

/**
 * The id an option is recorded by in the LMS: a letter from its authored place (`a` for the first
 * option written, `b` for the second…), the same for every learner whatever order they were shown.
 * One character, because SCORM 1.2 allows one per choice in a response, and compact in 2004.
 */
export function optionId(index: number): string {
  return (index + 10).toString(36);
}

/** A seeded shuffle of `count` options (a permutation of 0..count-1), one per learner and list. */
export function shuffledOrder(
  count: number,
  seed: number,
  ...list: readonly (string | number)[]
): number[] {
  return shuffledIndexes(count, deriveSeed(seed, ...list));
}

/**
 * The order a decision's options are shown in: authored indexes, first shown first. Keyed by the
 * module and step, so each decision has its own order, and the same one when the learner comes
 * back to it.
 */
export function decisionOrder(module: Module, step: DecisionStep, seed: number): number[] {
  return shuffledOrder(step.options.length, seed, module.id, step.id, 'options');
}

/**
 * The order a question's options, items or matches are shown in, for attempt `attempt` (a retry
 * gets a fresh order, as it gets a fresh draw):
 * - single and multiple: a seeded order, keyed by module and question (question ids are unique only
 *   within a module);
 * - ordering and matching: a seeded order that is never the answer itself (unchanged seeds, so a
 *   learner part-way through meets the same order as before);
 * - true/false: True, then False.
 */
export function presentedOrder(
  question: Question,
  seed: number,
  attempt: number,
  moduleId: string,
): number[] {
  switch (question.type) {
    case 'single':
    case 'multiple':
      return shuffledOrder(
        question.options.length,
        seed,
        moduleId,
        question.id,
        'options',
        attempt,
      );
    case 'true-false':
      return [0, 1];
    case 'ordering':
    case 'matching': {
      const n = question.type === 'ordering' ? question.items.length : question.pairs.length;
      const order = shuffledIndexes(n, deriveSeed(seed, question.id, 'order', attempt));
      // A shuffle that happens to come out in the correct order would give the answer away.
      if (order.every((v, i) => v === i) && n > 1) return [...order.slice(1), order[0] as number];
      return order;
    }
  }
}
