import { html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Module } from '../../model/course.ts';
import { quizResults, type LevelContent, type ModuleProgress } from '../../engine/index.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { SgContinueEvent } from '../events/sg-continue.ts';
import { SgLeaveModuleEvent } from '../events/sg-leave-module.ts';
import { SgRetryQuizEvent } from '../events/sg-retry-quiz.ts';
import { SgOpenRecordEvent } from '../sg-record/events.ts';
import { SgReviewScenarioEvent } from '../sg-scenario/events.ts';
import { focusHeading } from '../shared/focus.ts';

/**
 * @summary A quiz attempt's results: the score against the pass mark in words, the key messages of
 * the questions missed and what to revisit, and what the learner can do next (retry while the
 * engine allows, or go on to reflection once the module is complete).
 *
 * @fires sg-retry-quiz - The learner asked for another attempt.
 * @fires sg-continue - The learner went on to reflection.
 * @fires sg-leave-module - The learner went back to the module list.
 * @fires sg-review-scenario - The learner asked to read the module's scenario again.
 */
@customElement('sg-quiz-results')
export class SgQuizResults extends LitElement {
  static override styles = [sharedStyles];

  /** The level being taken. */
  @property({ attribute: false }) content?: LevelContent;

  /** The module whose quiz this was. */
  @property({ attribute: false }) module?: Module;

  /** The module's progress (phase `results`). */
  @property({ attribute: false }) progress?: ModuleProgress;

  /** The learner's seed (it fixes which questions the attempt drew). */
  @property({ type: Number }) seed = 0;

  focusHeading(): Promise<void> {
    return focusHeading(this);
  }

  override render() {
    const { content, module, progress } = this;
    if (!content || !module || !progress) return html``;
    const { level } = content;
    // The engine reads the attempt (the view only words it), as it does the score the LMS is sent.
    const { questions, missed, attemptScore, score, passed, attemptsLeft } = quizResults(
      content,
      module,
      progress,
      this.seed,
    );
    const right = questions.length - missed.length;
    return html`
      <h1 tabindex="-1" data-focus><span class="caption">${module.title}</span> Your results</h1>
      <div class="panel" role="status">
        <p class="lead">
          You answered ${right} of ${questions.length}
          ${questions.length === 1 ? 'question' : 'questions'} correctly (${attemptScore}%).
        </p>
        <p class="lead">
          Your module score is
          <strong>${score}%</strong>${
            level.scenarioShare > 0
              ? ' (from your scenario choices and your best quiz attempt)'
              : score !== attemptScore
                ? ' (from your best quiz attempt)'
                : ''
          }.
          The pass mark is ${level.passMark}%.
        </p>
        <p class="lead">
          <strong
            >${
              passed
                ? 'You passed this module.'
                : progress.completed
                  ? 'You did not reach the pass mark, and you have used all your attempts.'
                  : 'You have not reached the pass mark yet.'
            }</strong
          >
        </p>
      </div>
      ${
        missed.length > 0
          ? html`<h2>Key messages from the questions you missed</h2>
              <ul>
                ${missed.map((q) => html`<li>${unsafeHTML(q.keyMessage.html)}</li>`)}
              </ul>
              <h2>What to revisit</h2>
              <p>
                Look again at the module “${module.title}”: its scenario, and the review findings it
                shows.
              </p>
              <div class="button-group">
                <button type="button" class="secondary" @click=${this.onReviewScenario}>
                  Read the scenario again
                </button>
              </div>`
          : nothing
      }
      ${
        !progress.completed
          ? html`<p>
              ${
                attemptsLeft === null
                  ? 'You can try the quiz again as many times as you need. The questions may change.'
                  : `You have ${attemptsLeft} ${attemptsLeft === 1 ? 'attempt' : 'attempts'} left. The questions may change.`
              }
            </p>`
          : nothing
      }
      <div class="button-group">
        ${
          progress.phase === 'results' && !progress.completed
            ? html`<button type="button" @click=${this.onRetry}>Try the quiz again</button>`
            : nothing
        }
        ${
          progress.completed
            ? html`<button type="button" @click=${this.onContinue}>Continue to reflection</button>`
            : nothing
        }
        <button type="button" class="secondary" @click=${this.onLeave}>
          Go back to the modules
        </button>
        <button type="button" class="secondary" @click=${this.onOpenRecord}>
          Your record of learning
        </button>
      </div>
    `;
  }

  private onRetry() {
    this.dispatchEvent(new SgRetryQuizEvent());
  }

  private onContinue() {
    this.dispatchEvent(new SgContinueEvent());
  }

  private onOpenRecord() {
    this.dispatchEvent(new SgOpenRecordEvent({ kind: 'record' }));
  }

  /** Null: the module these results are for, the one open now. */
  private onReviewScenario() {
    this.dispatchEvent(new SgReviewScenarioEvent({ module: null }));
  }

  private onLeave() {
    this.dispatchEvent(new SgLeaveModuleEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-quiz-results': SgQuizResults;
  }
}
