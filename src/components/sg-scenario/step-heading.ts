import type { Step } from '../../model/course.ts';

/**
 * A step's heading. A reveal is headed as what the review found: by its own title where that says
 * so already ("What the reviews found: …", "What happened, and what the review found"), else by its
 * title after "What the review found:".
 */
export function stepHeading(step: Step): string {
  if (step.type !== 'reveal') return step.title;
  return /\breviews? found\b/i.test(step.title)
    ? step.title
    : `What the review found: ${step.title}`;
}
