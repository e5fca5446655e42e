/**
 * Deterministic randomness for the engine, so that the same saved seed always draws the same quiz
 * and the same shuffles: a resumed learner sees exactly what they saw before.
 */

/** mulberry32: a small, well-distributed 32-bit generator. Returns floats in [0, 1). */
export function randomGenerator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32-bit: a stable hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** A seed for one purpose (a module's draw, one question's shuffle) derived from the learner's seed. */
export function deriveSeed(seed: number, ...parts: readonly (string | number)[]): number {
  return hashString(`${seed >>> 0}|${parts.join('|')}`);
}

/** Fisher–Yates shuffle of 0..n-1 with the given seed. */
export function shuffledIndexes(n: number, seed: number): number[] {
  const random = randomGenerator(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}
