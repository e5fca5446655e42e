import type { DecisionStep, Module, Question } from '../model/course.ts';
import { optionId } from '../questions/kind.ts';
import { kindOf } from '../questions/lookup.ts';
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

/** The id an option is recorded by in the LMS (`a` for the first option written…): see kind.ts. */
export { optionId };

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
 * gets a fresh order, as it gets a fresh draw): each type's own (its kind's `presentedOrder`), e.g.
 * a seeded order for choices, one that is never the answer itself for ordering and matching, True
 * then False for true/false.
 */
export function presentedOrder(
  question: Question,
  seed: number,
  attempt: number,
  moduleId: string,
): number[] {
  return kindOf(question).presentedOrder(question, seed, attempt, moduleId);
}
