import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  levelOutcome,
  moduleStatus,
  scenarioReview,
  type LearnerState,
  type LevelContent,
  type ModuleStatus,
} from '../../engine/index.ts';
import type { Module } from '../../model/course.ts';
import type { LevelRecord } from '../../session.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { SgOpenModuleEvent } from '../events/sg-open-module.ts';
import { SgOpenRecordEvent } from '../sg-record/events.ts';
import { SgReviewScenarioEvent } from '../sg-scenario/events.ts';
import { focusHeading } from '../shared/focus.ts';
import { styles } from './sg-module-list.styles.ts';

/** A module's status as the learner reads it: always in words, never colour alone. */
export const STATUS_TEXT: Readonly<Record<ModuleStatus, string>> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  passed: 'Passed',
  'not-passed': 'Not passed',
};

/** A level result as the learner reads it. */
const RECORD_TEXT: Readonly<Record<LevelRecord['status'], string>> = {
  passed: 'passed',
  failed: 'not passed',
  completed: 'completed',
};

/**
 * @summary The level's home page: each module with its status, and a button to start, continue or
 * review it.
 *
 * @fires sg-open-module - The learner opened a module.
 * @fires sg-review-scenario - The learner asked to read a module's scenario again.
 */
@customElement('sg-module-list')
export class SgModuleList extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The level being taken. */
  @property({ attribute: false }) content?: LevelContent;

  /** The learner's state for the level. */
  @property({ attribute: false }) state?: LearnerState;

  /**
   * The level's result as the LMS recorded it before this launch, when it records the level as
   * finished. Shown when this device's progress does not finish the level (a new device, a review,
   * an LMS that kept no saved progress), so the learner is not shown a finished level at 0 %.
   */
  @property({ attribute: false }) record?: LevelRecord;

  /** The LMS opened the course for review: nothing the learner does is recorded. */
  @property({ type: Boolean }) reviewing = false;

  /**
   * Where the next level opens, when this course holds it too (the web build's `?level=`); unset
   * in a package, which holds its own level only, so the learner is told where to find it.
   */
  @property({ attribute: false }) nextLevelHref?: string;

  focusHeading(): Promise<void> {
    return focusHeading(this);
  }

  override render() {
    const { content, state } = this;
    if (!content || !state) return html``;
    const outcome = levelOutcome(content, state);
    return html`
      <h1 tabindex="-1" data-focus>
        <span class="caption">${content.level.title} level</span>
        Your modules
      </h1>
      ${
        outcome.complete
          ? html`<div class="panel" role="status">
              <h2>You have finished the ${content.level.title} level</h2>
              <p>
                Your score is ${outcome.score}%. The pass mark is ${content.level.passMark}%.
                ${
                  outcome.passed
                    ? 'You passed.'
                    : 'You have not reached the pass mark in every module. Talk to your manager or training lead about what to do next.'
                }
              </p>
              ${this.renderBetterRecord(outcome.score)}
              ${outcome.passed ? this.renderWhatNext() : ''}
            </div>`
          : this.record
            ? this.renderRecord(content, this.record)
            : html`<p class="lead">
                Work through the modules in order, at your own pace. You can come back to this list
                part-way through a module, or stop at any time with “Save and exit”; your place is
                kept.
              </p>`
      }
      <ol class="modules">
        ${content.modules.map((module, i) => this.renderModule(module, i))}
      </ol>
      ${this.renderRecordLinks(outcome.passed || this.record?.status === 'passed')}
    `;
  }

  /** The printable record of learning, and the certificate once the level is passed. */
  private renderRecordLinks(passed: boolean) {
    const open = (kind: 'record' | 'certificate') => () =>
      this.dispatchEvent(new SgOpenRecordEvent({ kind }));
    return html`<h2>Your record of learning</h2>
      <p>
        A printable record of this level for CPD and supervision: your modules, decisions and
        reflective log${passed ? ', and a certificate for passing the level' : ''}.
      </p>
      <div class="button-group">
        <button type="button" class="secondary" @click=${open('record')}>
          Your record of learning
        </button>
        ${
          passed
            ? html`<button type="button" class="secondary" @click=${open('certificate')}>
                Your certificate
              </button>`
            : ''
        }
      </div>`;
  }

  /** The result the learning system keeps, for a level finished before (see `record`). */
  private renderRecord(content: LevelContent, record: LevelRecord) {
    return html`<div class="panel" role="status">
      <h2>You have completed the ${content.level.title} level</h2>
      <p>
        The learning system records your result as
        <strong>${RECORD_TEXT[record.status]}</strong>${
          record.score === null ? '' : html`, with a score of <strong>${record.score}%</strong>`
        }.
      </p>
      <p>
        You can read the modules and their scenarios again below.
        ${
          this.reviewing
            ? 'This is a review: nothing you do now is recorded.'
            : 'Going through them again will not lower the result the learning system keeps.'
        }
      </p>
    </div>`;
  }

  /**
   * After a pass: what to do with it, and the next level by name and audience (`Level.next`, in
   * course.yaml's order). Whether to take it is the learner's manager's or training lead's call,
   * as levels follow roles, so the course names it and does not send them on.
   */
  private renderWhatNext() {
    const next = this.content?.level.next;
    return html`<h3>What next</h3>
      <p>
        Keep your certificate and record of learning (below) for your CPD file, and take your
        reflective log to your next supervision or team meeting.
      </p>
      ${
        next
          ? html`<p>
              The next level is the <strong>${next.title} level</strong>. Who it is for:
              ${next.audience.text}
              ${
                this.nextLevelHref
                  ? html`<a href=${this.nextLevelHref}>Open the ${next.title} level</a>.`
                  : `It is a separate course in your learning system.`
              }
              Ask your manager or training lead whether it is right for your role.
            </p>`
          : html`<p>This is the last level of the course.</p>`
      }`;
  }

  /** Finished again below a result the learning system already keeps: say which one counts. */
  private renderBetterRecord(score: number) {
    const { record } = this;
    if (!record || record.score === null || record.score <= score) return '';
    return html`<p>
      The learning system keeps your earlier, better result:
      <strong>${RECORD_TEXT[record.status]}</strong>, with a score of
      <strong>${record.score}%</strong>.
    </p>`;
  }

  private renderModule(module: Module, index: number) {
    const { content, state } = this;
    const progress = state?.modules[index];
    if (!content || !progress) return '';
    const status = moduleStatus(content, module, progress);
    const action =
      status === 'not-started' ? 'Start' : status === 'in-progress' ? 'Continue' : 'Review';
    return html`
      <li class="module">
        <div>
          <h2 id="module-${index}">${module.title}</h2>
          <p>
            About ${module.durationMinutes}
            minutes${module.source ? ` · from ${module.source.name}` : ''}
          </p>
        </div>
        <div class="status">
          <strong class="tag ${status}"
            ><span class="visually-hidden">Status: </span>${STATUS_TEXT[status]}</strong
          >
          <button
            type="button"
            class=${status === 'not-started' || status === 'in-progress' ? '' : 'secondary'}
            @click=${() => this.dispatchEvent(new SgOpenModuleEvent({ module: index }))}
          >
            ${action}<span class="visually-hidden"> ${module.title}</span>
          </button>
          ${
            // Once its scenario has ended: the learner's own path, to read again (nothing recorded).
            scenarioReview(module, progress)
              ? html`<button
                  type="button"
                  class="secondary"
                  @click=${() => this.dispatchEvent(new SgReviewScenarioEvent({ module: index }))}
                >
                  Read the scenario again<span class="visually-hidden"> of ${module.title}</span>
                </button>`
              : ''
          }
        </div>
      </li>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-module-list': SgModuleList;
  }
}
