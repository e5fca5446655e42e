import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Question } from '../../model/course.ts';
import { isCorrect, presentedOrder, type Answer } from '../../engine/index.ts';
import type { FieldError, LitTools, ViewContext } from '../../questions/kind.ts';
import { kindOf } from '../../questions/lookup.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { SgAnswerEvent } from '../events/sg-answer.ts';
import { SgContinueEvent } from '../events/sg-continue.ts';
import { focusHeading } from '../shared/focus.ts';
import { styles } from './sg-question.styles.ts';

/** Lit, as each question type's view draws with it (src/questions/kind.ts, `LitTools`). */
const LIT: LitTools = { html, nothing, unsafeHTML };

/**
 * @summary One quiz question of any type: single choice (radios), multiple response
 * (checkboxes), true/false (two radios), ordering (a list with Move up / Move down buttons) and
 * matching (a native select per prompt). Submitting with no answer shows a GOV.UK error summary,
 * which takes focus. Once answered, feedback and the key message appear in a live region.
 *
 * This element draws what every type shares (heading, fieldset, hint, error summary, feedback,
 * key message); each type's view (its module under src/questions/) draws its controls and its part
 * of the feedback, and turns the learner's draft into an answer.
 *
 * Options are shown in the learner's own order; each control keeps its authored index (`option-2`
 * is the third option written, wherever it is shown), and answers are sent in authored indexes.
 *
 * @fires sg-answer - The learner submitted an answer (indexes in authored order).
 * @fires sg-continue - The learner asked for the next question (or the results).
 */
@customElement('sg-question')
export class SgQuestion extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The question to ask. */
  @property({ attribute: false }) question?: Question;

  /**
   * The learner's seed, the attempt and the module's id: together they fix the order options,
   * items and matches are shown in (the engine's `presentedOrder`), the same on every visit.
   */
  @property({ type: Number }) seed = 0;
  @property({ type: Number }) attempt = 1;
  @property({ attribute: 'module-id' }) moduleId = '';

  /** 1-based position in the attempt, and how many questions it has. */
  @property({ type: Number }) number = 1;
  @property({ type: Number }) total = 1;

  /** The answer given (from the engine state), or null before answering. */
  @property({ attribute: false }) answer: Answer | null = null;

  /** The answer has been submitted and its feedback is showing. */
  @property({ type: Boolean }) answered = false;

  /** What the learner has done so far, in the question type's own shape (its view's `draft`). */
  @state() private draft: unknown = null;
  @state() private errors: readonly FieldError[] = [];

  protected override willUpdate(changed: PropertyValues<this>) {
    const before = changed.get('question') as Question | undefined;
    const newQuestion = changed.has('question') && before?.id !== this.question?.id;
    // A new question, attempt, answer or presented order: the draft (and an ordering's start) resets.
    const reorder = changed.has('attempt') || changed.has('seed') || changed.has('moduleId');
    if (newQuestion || reorder || changed.has('answer')) this.resetDraft();
  }

  /** Focus the question's heading, or its feedback once answered. */
  focusHeading(): Promise<void> {
    return focusHeading(this, this.answered ? '[data-feedback]' : '[data-focus]');
  }

  override render() {
    const q = this.question;
    if (!q) return html``;
    return html`
      <h1 tabindex="-1" data-focus>Question ${this.number} of ${this.total}</h1>
      ${
        this.errors.length > 0 && !this.answered
          ? html`<div class="error-summary" tabindex="-1" data-error-summary>
              <h2>There is a problem</h2>
              <ul>
                ${this.errors.map(
                  (e) =>
                    html`<li>
                      <a href="#${e.target}" @click=${(ev: Event) => this.onErrorLink(ev, e.target)}
                        >${e.message}</a
                      >
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      <form novalidate @submit=${this.onSubmit}>
        ${this.renderControls(q)}
        ${this.answered ? nothing : html`<button type="submit">Submit answer</button>`}
      </form>
      <div role="status">${this.answered ? this.renderFeedback(q) : nothing}</div>
      ${
        this.answered
          ? html`<div class="button-group">
              <button type="button" @click=${this.onNext}>
                ${this.number >= this.total ? 'See your results' : 'Next question'}
              </button>
            </div>`
          : nothing
      }
    `;
  }

  private renderControls(q: Question): TemplateResult {
    const error = this.errors[0];
    const errorMessage = (id: string) =>
      error && !this.answered
        ? html`<p class="error-message" id=${id}>
            <span class="visually-hidden">Error:</span> ${error.message}
          </p>`
        : nothing;
    // The type's view draws its controls (src/questions/); the fieldset around them is shared.
    const { view } = kindOf(q);
    return html`
      <fieldset
        class=${error && !this.answered ? 'error' : ''}
        aria-describedby="hint ${error && !this.answered ? 'field-error' : ''}"
      >
        <legend>${unsafeHTML(q.prompt.html)}</legend>
        <p class="hint" id="hint">${view.hint}</p>
        ${errorMessage('field-error')} ${view.controls(this.viewOf(q))}
      </fieldset>
    `;
  }

  /** The presented order of `q`'s options, items or matches (authored indexes, first shown first). */
  private shown(q: Question): number[] {
    return presentedOrder(q, this.seed, this.attempt, this.moduleId);
  }

  /** What the question type's view sees and may do. */
  private viewOf(q: Question): ViewContext<Question, unknown> {
    return {
      question: q,
      draft: this.draft,
      answered: this.answered,
      shown: this.shown(q),
      lit: LIT,
      setDraft: (draft) => (this.draft = draft),
      focusAfterRender: (selector) => void this.focusAfterRender(selector),
    };
  }

  private async focusAfterRender(selector: string) {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  private renderFeedback(q: Question) {
    const answer = this.answer;
    if (!answer) return nothing;
    const correct = isCorrect(q, answer);
    const overall = correct ? q.feedback.correct : q.feedback.incorrect;
    // An answer left from another question (it should not happen) has no type-specific part.
    const own =
      answer.type === q.type
        ? kindOf(q).view.feedback(this.viewOf(q), answer, correct)
        : { chosen: nothing, solution: nothing };
    return html`<div class="feedback">
      <h2 tabindex="-1" data-feedback>${correct ? 'Correct' : 'Not quite'}</h2>
      ${own.chosen} ${overall ? unsafeHTML(overall.html) : nothing} ${own.solution}
      <h3>Key message</h3>
      ${unsafeHTML(q.keyMessage.html)}
    </div>`;
  }

  private resetDraft() {
    const q = this.question;
    this.errors = [];
    const answer = this.answer?.type === q?.type ? this.answer : null;
    this.draft = q ? kindOf(q).view.draft(q, answer, this.shown(q)) : null;
  }

  /** The answer the learner has built, or the problems that stop it being one. */
  private build(): Answer | FieldError[] {
    const q = this.question;
    if (!q) return [];
    return kindOf(q).view.build(q, this.draft, this.shown(q));
  }

  private async onSubmit(event: SubmitEvent) {
    event.preventDefault();
    if (this.answered) return;
    const built = this.build();
    if (Array.isArray(built)) {
      this.errors = built;
      await focusHeading(this, '[data-error-summary]');
      return;
    }
    this.errors = [];
    this.dispatchEvent(new SgAnswerEvent({ answer: built }));
  }

  private onErrorLink(event: Event, target: string) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>(`#${target}`)?.focus();
  }

  private onNext() {
    this.dispatchEvent(new SgContinueEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-question': SgQuestion;
  }
}
