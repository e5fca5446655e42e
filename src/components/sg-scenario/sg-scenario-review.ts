import { html, LitElement, nothing, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Module, Step } from '../../model/course.ts';
import { scenarioReview, type ModuleProgress } from '../../engine/index.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { focusHeading } from '../shared/focus.ts';
import { SgCloseReviewEvent } from './events.ts';
import { stepHeading, stepSourceTag } from './step-heading.ts';
import { styles } from './sg-scenario.styles.ts';

/**
 * @summary A module's scenario read again, as the learner played it: every step on their path to
 * the ending they reached, each decision with their own choice ("Your choice") and what happened
 * next, what the review found, and the debrief, on one page. It only reads the engine state: it
 * sends no choice and no step, so nothing is scored, recorded or saved. One way out, back to where
 * the learner opened it.
 *
 * @fires sg-close-review - The learner went back.
 */
@customElement('sg-scenario-review')
export class SgScenarioReview extends LitElement {
  static override styles = [
    sharedStyles,
    styles,
    css`
      .review-path {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      .review-path > li {
        border-top: 1px solid #b1b4b6;
        padding-top: 0.5rem;
      }
      .review-path h2 {
        font-size: 1.5rem;
      }
      .review-path h3 {
        font-size: 1.1875rem;
      }
      .your-choice {
        border-left: 0.5rem solid #1d70b8;
        padding: 0.25rem 0 0.25rem 1rem;
      }
      @media (forced-colors: active) {
        .your-choice {
          border-color: CanvasText;
        }
      }
    `,
  ];

  /** The module whose scenario is read again. */
  @property({ attribute: false }) module?: Module;

  /** The learner's progress in it (the scenario played to its ending). */
  @property({ attribute: false }) progress?: ModuleProgress;

  /** Where the way out goes, in words: "Back to your results", "Back to the modules". */
  @property({ attribute: 'back-label' }) backLabel = 'Back to the modules';

  focusHeading(): Promise<void> {
    return focusHeading(this);
  }

  override render() {
    const { module, progress } = this;
    if (!module || !progress) return html``;
    const path = scenarioReview(module, progress);
    return html`
      <h1 tabindex="-1" data-focus>
        <span class="caption">${module.title}</span> The scenario, as you played it
      </h1>
      <p class="lead">
        The steps you went through, the choices you made, what happened next and what the review
        found.
      </p>
      <p class="inset">
        You are reading this scenario again. Nothing here is scored, recorded or saved, and your
        result stays as it is.
      </p>
      ${this.backButton()}
      ${
        path
          ? html`<ol class="review-path">
              ${path.map((entry, i) => {
                const step = module.scenario.steps[entry.step];
                return step ? this.renderStep(step, entry.option, i) : nothing;
              })}
            </ol>`
          : html`<p>You have not finished this scenario yet, so there is nothing to read again.</p>`
      }
      ${this.backButton()}
    `;
  }

  private renderStep(step: Step, option: number | undefined, i: number) {
    const id = `review-step-${i}`;
    return html`<li aria-labelledby=${id}>
      <h2 id=${id}>${stepHeading(step)}</h2>
      ${stepSourceTag(step)} ${this.renderBody(step, option)}
    </li>`;
  }

  private renderBody(step: Step, option: number | undefined) {
    switch (step.type) {
      case 'narrative':
        return html`${unsafeHTML(step.text.html)}
        ${
          step.knew.length > 0
            ? html`<section class="knew">
                <h3>What practitioners knew at this point</h3>
                <ul>
                  ${step.knew.map((k) => html`<li>${unsafeHTML(k.html)}</li>`)}
                </ul>
              </section>`
            : nothing
        }`;
      case 'decision': {
        const chosen = option === undefined ? undefined : step.options[option];
        return html`${step.text ? unsafeHTML(step.text.html) : nothing}
          <div>${unsafeHTML(step.question.html)}</div>
          ${
            chosen
              ? html`<div class="your-choice">
                    <p><strong class="tag">Your choice</strong></p>
                    ${unsafeHTML(chosen.text.html)}
                  </div>
                  <div class="feedback">
                    <h3>What happened next</h3>
                    ${unsafeHTML(chosen.feedback.html)}
                  </div>`
              : nothing
          }`;
      }
      case 'reveal':
        return html`<div class="finding-text">${unsafeHTML(step.text.html)}</div>`;
      case 'ending':
        return html`${unsafeHTML(step.text.html)}
          <section class="panel">
            <h3>Debrief</h3>
            ${unsafeHTML(step.debrief.html)}
          </section>`;
    }
  }

  private backButton() {
    return html`<div class="button-group">
      <button type="button" class="secondary" @click=${this.onBack}>${this.backLabel}</button>
    </div>`;
  }

  private onBack() {
    this.dispatchEvent(new SgCloseReviewEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-scenario-review': SgScenarioReview;
  }
}
