import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { keyed } from 'lit/directives/keyed.js';
import '../sg-confirm-removal/sg-confirm-removal.ts';
import type { Edition, Module } from '../../model/course.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { SgContinueEvent } from '../events/sg-continue.ts';
import { focusHeading } from '../shared/focus.ts';
import { citeSource } from '../shared/source.ts';
import {
  dropUnkeyedNotes,
  loadNotes,
  notesKey,
  notesOwner,
  removeNotes,
  saveNotes,
} from './notes-store.ts';
import { describeContact } from '../../model/contact.ts';
import {
  emptyAnswers,
  reflectiveLogText,
  whoToTell,
  type ReflectionAnswers,
} from './reflective-log.ts';
import { styles } from './sg-reflection.styles.ts';

/**
 * @summary "Test it in supervision": the module's reflection prompts as labelled text areas. The
 * answers are kept in this browser's storage only, under the learner's id (never sent to the LMS),
 * can be printed or downloaded as a reflective log, and removed from the computer by the learner.
 *
 * @fires sg-continue - The learner finished the module (or, reviewing, went back to the list).
 */
@customElement('sg-reflection')
export class SgReflection extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The module being reflected on. */
  @property({ attribute: false }) module?: Module;

  /** Identify where the answers are kept and what the log says. */
  @property({ attribute: 'course-id' }) courseId = '';
  @property({ attribute: 'course-title' }) courseTitle = '';
  @property({ attribute: 'level-id' }) levelId = '';
  @property({ attribute: 'level-title' }) levelTitle = '';
  /**
   * The learner id the LMS gives: notes are kept under it, so another learner on this computer
   * never sees them. Without one (no LMS), under a learner id this browser picks on first use.
   */
  @property({ attribute: false }) learnerId?: string;

  /** Whose edition (organisation.yaml): the log says who to tell about a worry. */
  @property({ attribute: false }) edition?: Edition;

  /** The module is already finished: the learner is reviewing their reflection. */
  @property({ type: Boolean }) reviewing = false;

  @state() private answers: ReflectionAnswers = { learned: '', differently: '', prompts: [] };
  @state() private storageFailed = false;
  /** What became of the learner's last "Remove my notes" (announced once done). */
  @state() private removal: 'removed' | 'failed' | undefined = undefined;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (
      this.module &&
      (changed.has('module') ||
        changed.has('courseId') ||
        changed.has('levelId') ||
        changed.has('learnerId'))
    ) {
      dropUnkeyedNotes();
      // Another module or learner: the last removal's outcome is not about this one.
      this.removal = undefined;
      const key = this.key();
      this.answers = key ? loadNotes(key, this.module) : emptyAnswers(this.module);
    }
  }

  focusHeading(): Promise<void> {
    return focusHeading(this);
  }

  override render() {
    const module = this.module;
    if (!module) return html``;
    const date = today();
    return html`
      <h1 tabindex="-1" data-focus>
        <span class="caption">${module.title}</span> Test it in supervision
      </h1>
      <div class="screen-only">
        <p class="lead">
          Think about these questions and take your answers to supervision or a team meeting.
        </p>
        ${this.renderWhereKept()}
        ${
          this.storageFailed
            ? html`<p class="warning" role="status">
                Your answers could not be kept on this device (browser storage is blocked or full).
                Download or print them before you leave this page.
              </p>`
            : nothing
        }
        <form novalidate @submit=${(e: Event) => e.preventDefault()}>
          <div class="field">
            <label for="learned">What I learned</label>
            <textarea
              id="learned"
              .value=${this.answers.learned}
              @input=${(e: Event) => this.setAnswers({ learned: value(e) })}
            ></textarea>
          </div>
          <div class="field">
            <label for="differently">What I will do differently</label>
            <textarea
              id="differently"
              .value=${this.answers.differently}
              @input=${(e: Event) => this.setAnswers({ differently: value(e) })}
            ></textarea>
          </div>
          ${module.reflection.map(
            (prompt, i) =>
              html`<div class="field">
                <div class="label" id="prompt-${i}">${unsafeHTML(prompt.html)}</div>
                <textarea
                  id="answer-${i}"
                  aria-labelledby="prompt-${i}"
                  .value=${this.answers.prompts[i] ?? ''}
                  @input=${(e: Event) =>
                    this.setAnswers({
                      prompts: this.answers.prompts.map((p, j) => (j === i ? value(e) : p)),
                    })}
                ></textarea>
              </div>`,
          )}
        </form>
        <div class="button-group">
          <button type="button" class="secondary" @click=${this.onDownload}>
            Download as a text file
          </button>
          <button type="button" class="secondary" @click=${this.onPrint}>
            Print your reflective log
          </button>
        </div>
        ${this.renderRemoval()}
        ${this.edition ? html`<p class="who-to-tell">${whoToTell(this.edition)}</p>` : ''}
        <div class="button-group">
          <button type="button" @click=${this.onFinish}>
            ${this.reviewing ? 'Back to the modules' : 'Finish this module'}
          </button>
        </div>
      </div>
      <section class="print-log" aria-label="Reflective log (for printing)">
        <h2>Reflective log</h2>
        <dl>
          <dt>Date</dt>
          <dd>${date}</dd>
          <dt>Course</dt>
          <dd>${this.courseTitle} (${this.levelTitle})</dd>
          <dt>Module</dt>
          <dd>${module.title}</dd>
          ${
            module.source
              ? html`<dt>Source review</dt>
                  <dd>${citeSource(module.source)}</dd>`
              : ''
          }
          ${
            this.edition
              ? html`<dt>Who to tell about a worry</dt>
                  <dd>${describeContact(this.edition.contacts.dsl)}</dd>`
              : ''
          }
          <dt>What I learned</dt>
          <dd class="answer">${this.answers.learned || '(not answered)'}</dd>
          <dt>What I will do differently</dt>
          <dd class="answer">${this.answers.differently || '(not answered)'}</dd>
          ${module.reflection.map(
            (prompt, i) =>
              html`<dt>${prompt.text}</dt>
                <dd class="answer">${this.answers.prompts[i] || '(not answered)'}</dd>`,
          )}
        </dl>
      </section>
    `;
  }

  /** Says plainly where the notes are kept and who could see them. */
  private renderWhereKept() {
    return html`<div class="inset">
      <p>
        What you write here is kept in this web browser on this computer only. It is never sent to
        your learning management system (LMS) or anywhere else. Download or print it to keep a copy.
      </p>
      <p>
        ${
          this.learnerId
            ? 'It is kept under your learner ID from your learning system, so other learners who use this browser do not see it.'
            : 'Anyone who uses this browser on this computer could open it.'
        }
        On a shared computer, remove your notes when you have finished.
      </p>
    </div>`;
  }

  /** "Remove my notes from this computer", confirmed before anything is deleted. */
  private renderRemoval() {
    const status =
      this.removal === 'removed'
        ? 'Your notes have been removed from this computer. Anything you write now is kept again until you remove it.'
        : this.removal === 'failed'
          ? 'Your notes could not be removed: this browser’s storage cannot be reached. Clear this site’s data in the browser’s settings instead.'
          : '';
    // Keyed by whose notes these are (as willUpdate reloads them): another module or learner
    // gets a fresh question. Not by key(), which would pick a browser id again after a removal.
    return keyed(
      [this.learnerId, this.courseId, this.levelId, this.module?.id].join(':'),
      html`<sg-confirm-removal
        label="Remove my notes from this computer"
        question="Remove all your notes, for every module, from this computer? This cannot be undone."
        confirmLabel="Yes, remove my notes"
        .status=${status}
        @sg-confirm-removal=${this.onRemove}
      ></sg-confirm-removal>`,
    );
  }

  /** '' when nothing can be kept (storage blocked, or not yet told the course and level). */
  private key(): string {
    if (!this.module || !this.courseId || !this.levelId) return '';
    const owner = notesOwner(this.learnerId);
    return owner ? notesKey(owner, this.courseId, this.levelId, this.module.id) : '';
  }

  private setAnswers(change: Partial<ReflectionAnswers>) {
    this.answers = { ...this.answers, ...change };
    const key = this.key();
    this.storageFailed = !key || !saveNotes(key, this.answers);
  }

  private onRemove() {
    const owner = notesOwner(this.learnerId);
    const removed = owner !== undefined && removeNotes(owner);
    this.removal = removed ? 'removed' : 'failed';
    if (removed && this.module) {
      this.answers = emptyAnswers(this.module);
      this.storageFailed = false;
    }
  }

  private onDownload() {
    const module = this.module;
    if (!module) return;
    const text = reflectiveLogText(
      module,
      this.answers,
      today(),
      this.courseTitle,
      this.levelTitle,
      this.edition,
    );
    const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `reflective-log-${module.id}.txt`;
    link.hidden = true;
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  private onPrint() {
    window.print();
  }

  private onFinish() {
    this.dispatchEvent(new SgContinueEvent());
  }
}

const value = (e: Event) => (e.target as HTMLTextAreaElement).value;

function today(): string {
  return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-reflection': SgReflection;
  }
}
