import { html, nothing } from 'lit';
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

/**
 * The tag under a step's heading that says where its content comes from: an invented step
 * (`reconstructed`) or a reveal, the published review's own findings. Learners told us a finding
 * looked like any other page of the story, where only the invented steps were marked; the player
 * and the read-again view show the same tag, so it reads the same in both.
 */
export function stepSourceTag(step: Step) {
  if (step.reconstructed)
    return html`<p>
      <strong class="tag reconstruction">Reconstruction</strong>
      This step is invented, in the spirit of the review; what the review found is real.
    </p>`;
  if (step.type === 'reveal')
    return html`<p>
      <strong class="tag finding">From the review</strong>
      This step is what the published review found.
    </p>`;
  return nothing;
}

/**
 * A chosen option as "Your path so far" names it: its first words, where the option is long.
 * Options are full sentences, and repeated whole they made the path longer than the step beside
 * it; the whole option is on the decision's own page and in the read-again view.
 */
export function shortChoice(text: string, words = 10): string {
  const all = text.trim().split(/\s+/);
  // A word or two more is not worth an ellipsis.
  if (all.length <= words + 2) return all.join(' ');
  return `${all
    .slice(0, words)
    .join(' ')
    .replace(/[\s,;:.–—-]+$/, '')}…`;
}
