import { deriveSeed, shuffledIndexes } from '../engine/random.ts';

/**
 * A seeded order of `n` items that is never `0, 1, 2…` itself, for types whose right answer is
 * the authored order (ordering, matching): a shuffle that came out in order would give the answer
 * away. Keyed by question id and attempt only (unchanged since saved progress first used it, so a
 * learner part-way through meets the same order as before).
 */
export function neverInOrder(
  n: number,
  seed: number,
  questionId: string,
  attempt: number,
): number[] {
  const order = shuffledIndexes(n, deriveSeed(seed, questionId, 'order', attempt));
  if (order.every((v, i) => v === i) && n > 1) return [...order.slice(1), order[0] as number];
  return order;
}
