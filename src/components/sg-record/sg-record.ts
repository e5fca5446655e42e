import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Course, Module } from '../../model/course.ts';
import type { LearnerState, LevelContent } from '../../engine/index.ts';
import type { LevelRecord } from '../../session.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { focusHeading } from '../shared/focus.ts';
import { citeSource } from '../shared/source.ts';
import { loadNotes, notesKey, notesOwner } from '../sg-reflection/notes-store.ts';
import { emptyAnswers } from '../sg-reflection/reflective-log.ts';
import { SgCloseRecordEvent, type PrintoutKind } from './events.ts';
import { loadLearnerName, saveLearnerName } from './learner-name.ts';
import { learningRecord, type LearningRecord, type ModuleRecord } from './record.ts';
import { styles } from './sg-record.styles.ts';

/**
 * A4 pages with GOV.UK's print margins. `@page` only works in the document's own styles (a shadow
 * root's are ignored), and the page's CSP forbids inline <style>, so the rule is adopted by the
 * document while a record or certificate is on screen.
 */
const pageSheet = new CSSStyleSheet();
pageSheet.replaceSync(css`
  @page {
    size: A4;
    margin: 15mm;
  }
`.cssText);

/**
 * Who provides the course to this learner: the edition's organisation (organisation.yaml, or
 * SG_ORG's), else the course's publisher (course.yaml's `organisation`). A learner files the record
 * and certificate with their employer, so an edition's must name it.
 */
const providedBy = (course: Course) => course.edition?.name ?? course.organisation;

/**
 * @summary The learner's printable record of learning for the level (for CPD and NMC
 * revalidation, and for supervision), or, once the level is passed, a one-page certificate. The
 * name is the one the LMS gives, or one the learner types (kept on this device under their
 * learner, like their notes). Nothing here is sent anywhere.
 *
 * @fires sg-close-record - The learner went back.
 */
@customElement('sg-record')
export class SgRecord extends LitElement {
  static override styles = [sharedStyles, styles];

  @property() kind: PrintoutKind = 'record';
  @property({ attribute: false }) content?: LevelContent;
  @property({ attribute: false }) state?: LearnerState;
  /** The learner's id from the LMS: their notes and typed name are kept under it. */
  @property({ attribute: false }) learnerId?: string;
  /** The learner's name from the LMS, if it gives one; else the learner types it. */
  @property({ attribute: false }) learnerName?: string;
  /** The level's result as the LMS recorded it before this launch (see CourseSession). */
  @property({ attribute: false }) levelRecord?: LevelRecord;

  @state() private typedName = '';
  @state() private nameNotKept = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    // On first render too: a browser learner (no LMS id) never sets learnerId.
    if (!this.hasUpdated || changed.has('learnerId'))
      this.typedName = loadLearnerName(this.learnerId);
  }

  override connectedCallback() {
    super.connectedCallback();
    if (!document.adoptedStyleSheets.includes(pageSheet))
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, pageSheet];
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== pageSheet);
  }

  focusHeading(): Promise<void> {
    return focusHeading(this);
  }

  /** The name on the record: the LMS's, else the one the learner typed. */
  get name(): string {
    return this.learnerName?.trim() || this.typedName.trim();
  }

  override render() {
    const { content, state } = this;
    if (!content || !state) return html``;
    const owner = notesOwner(this.learnerId);
    const record = learningRecord(content, state, (module: Module) =>
      owner
        ? loadNotes(notesKey(owner, content.course.id, content.level.id, module.id), module)
        : emptyAnswers(module),
    );
    return this.kind === 'certificate' && this.levelPassed(record)
      ? this.renderCertificate(content, record)
      : this.renderRecord(content, record);
  }

  /** Passed on this device, or recorded as passed by the LMS before this launch. */
  private levelPassed(record: LearningRecord): boolean {
    return record.passed || this.levelRecord?.status === 'passed';
  }

  private renderRecord(content: LevelContent, record: LearningRecord) {
    const { level, course } = content;
    return html`
      <h1 tabindex="-1" data-focus>
        <span class="caption">${level.title} level</span> Record of learning
      </h1>
      <div class="screen-only">
        <p class="lead">
          A record of this level for your continuing professional development (CPD) and for
          supervision: what you did, what you learned and how it changes your practice. You can use
          it as evidence for Social Work England CPD or an NMC revalidation reflective account.
        </p>
        <p>
          It is made on this device from your progress and the notes you wrote in each module’s
          reflection. It is not sent anywhere. Print it, or save it as a PDF from the print dialog.
        </p>
        ${this.renderNameField()} ${this.renderButtons('Print this record')}
      </div>
      <dl class="summary">
        <dt>Name</dt>
        <dd class="learner-name">${this.name || html`<span class="write-in"></span>`}</dd>
        <dt>Course</dt>
        <dd>${course.title}</dd>
        <dt>Level</dt>
        <dd>${level.title}</dd>
        <dt>Provided by</dt>
        <dd>${providedBy(course)}</dd>
        <dt>Date of this record</dt>
        <dd>${today()}</dd>
        <dt>Result</dt>
        <dd>${this.resultText(content, record)}</dd>
        <dt>Time spent</dt>
        <dd>
          Not recorded: this course does not time your learning.
          ${
            record.plannedMinutes > 0
              ? `The modules you finished are planned to take about ${record.plannedMinutes} minutes.`
              : `The level is planned to take about ${level.durationMinutes} minutes.`
          }
        </dd>
      </dl>

      <h2>Modules</h2>
      <table class="modules">
        <caption class="visually-hidden">
          Each module of the level with its outcome and score
        </caption>
        <thead>
          <tr>
            <th scope="col">Module</th>
            <th scope="col">Outcome</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <tbody>
          ${record.modules.map(
            (m) =>
              html`<tr>
                <th scope="row">${m.module.title}</th>
                <td>${m.status}</td>
                <td>${m.score === null ? 'No score' : `${m.score}%`}</td>
              </tr>`,
          )}
        </tbody>
      </table>

      <h2>Learning outcomes</h2>
      <ul class="outcomes">
        ${record.outcomes.map(
          (o) =>
            html`<li><strong>${o.met ? 'Met' : 'Not yet met'}:</strong> ${o.outcome.text}</li>`,
        )}
      </ul>

      <h2>Reflective log</h2>
      ${record.modules.map((m) => this.renderModuleLog(m))}

      <section class="supervisor" aria-labelledby="supervisor-heading">
        <h2 id="supervisor-heading">For your supervisor</h2>
        <p>Supervisor’s comments</p>
        <div class="write-box"></div>
        <dl class="sign">
          <dt>Supervisor’s name</dt>
          <dd><span class="write-in"></span></dd>
          <dt>Signature</dt>
          <dd><span class="write-in"></span></dd>
          <dt>Date</dt>
          <dd><span class="write-in"></span></dd>
        </dl>
      </section>
      <div class="screen-only">${this.renderButtons('Print this record')}</div>
    `;
  }

  private renderModuleLog(m: ModuleRecord) {
    const { module, answers } = m;
    const answer = (text: string) =>
      text.trim() === '' ? html`<p class="not-answered">(not answered)</p>` : html`<p>${text}</p>`;
    return html`<section class="module-log" aria-label=${`Reflective log: ${module.title}`}>
      <h3>${module.title}</h3>
      <p class="source">
        ${module.source ? `From ${citeSource(module.source)}. ` : ''}${m.status}.
      </p>
      <h4>What I did: my decisions in the scenario</h4>
      ${
        m.decisions.length === 0
          ? html`<p class="not-answered">No decisions taken yet.</p>`
          : html`<ol class="decisions">
              ${m.decisions.map(
                (d) =>
                  html`<li>
                    <p class="question">${d.question}</p>
                    <p><strong>I chose:</strong> ${d.choice}</p>
                    <p><strong>What followed:</strong> ${d.consequence}</p>
                  </li>`,
              )}
            </ol>`
      }
      ${
        m.findings.length > 0
          ? html`<h4>What the review found</h4>
              <ul class="findings">
                ${m.findings.map((f) => html`<li><strong>${f.title}.</strong> ${f.text}</li>`)}
              </ul>`
          : nothing
      }
      <h4>What I learned</h4>
      ${answer(answers.learned)}
      <h4>How it changes my practice: what I will do differently</h4>
      ${answer(answers.differently)}
      ${module.reflection.map(
        (prompt, i) =>
          html`<h4>${prompt.text}</h4>
            ${answer(answers.prompts[i] ?? '')}`,
      )}
    </section>`;
  }

  private renderCertificate(content: LevelContent, record: LearningRecord) {
    const { level, course } = content;
    const score = record.passed ? record.score : this.levelRecord?.score;
    // The certificate first: its heading is the page's, where focus goes.
    return html`
      <article class="certificate" aria-labelledby="certificate-title">
        <p class="organisation">${providedBy(course)}</p>
        <h1 id="certificate-title" tabindex="-1" data-focus>Certificate of completion</h1>
        <p>This certifies that</p>
        <p class="certificate-name">${this.name || html`<span class="write-in"></span>`}</p>
        <p>has completed and passed the</p>
        <p class="certificate-level">${level.title} level</p>
        <p>of <strong>${course.title}</strong></p>
        <p>
          ${score === null || score === undefined ? '' : `Score ${score}%, pass mark ${level.passMark}%. `}
          Planned learning time about ${level.durationMinutes} minutes.
        </p>
        <h2>Modules</h2>
        <ul class="certificate-modules">
          ${content.modules.map((m) => html`<li>${m.title}</li>`)}
        </ul>
        <p class="certificate-date">Date: ${today()}</p>
      </article>
      <div class="screen-only">
        <p class="lead">
          Your certificate for passing the ${level.title} level. Print it, or save it as a PDF from
          the print dialog.
        </p>
        ${this.renderNameField()} ${this.renderButtons('Print your certificate')}
      </div>
    `;
  }

  private resultText(content: LevelContent, record: LearningRecord): string {
    const { passMark } = content.level;
    if (record.complete)
      return `${record.passed ? 'Passed' : 'Not passed'}, with a score of ${record.score}% (pass mark ${passMark}%).`;
    const lms = this.levelRecord;
    if (lms)
      return `Your learning system records this level as ${lms.status === 'failed' ? 'not passed' : lms.status}${
        lms.score === null ? '' : `, with a score of ${lms.score}%`
      }. The modules below show your progress on this device.`;
    return 'Not finished yet.';
  }

  /** The learner's name: the LMS's, shown as it is, or a field kept on this device. */
  private renderNameField() {
    if (this.learnerName?.trim())
      return html`<p>
        Your name, from your learning system: <strong>${this.learnerName}</strong>
      </p>`;
    return html`<div class="field">
      <label for="learner-name">Your name</label>
      <p class="hint" id="learner-name-hint">
        As it should appear on your record and certificate. It is kept in this browser only, with
        your notes, and removed with them.
      </p>
      <input
        id="learner-name"
        type="text"
        autocomplete="name"
        spellcheck="false"
        aria-describedby="learner-name-hint"
        .value=${this.typedName}
        @input=${this.onNameInput}
      />
      ${
        this.nameNotKept
          ? html`<p class="warning" role="status">
              Your name could not be kept on this device (browser storage is blocked or full). It is
              on this page until you leave it.
            </p>`
          : nothing
      }
    </div>`;
  }

  private renderButtons(printLabel: string) {
    return html`<div class="button-group">
      <button type="button" @click=${() => window.print()}>${printLabel}</button>
      <button type="button" class="secondary" @click=${this.onBack}>Go back</button>
    </div>`;
  }

  private onNameInput(event: Event) {
    this.typedName = (event.target as HTMLInputElement).value;
    this.nameNotKept = !saveLearnerName(this.learnerId, this.typedName);
  }

  private onBack() {
    this.dispatchEvent(new SgCloseRecordEvent());
  }
}

function today(): string {
  return new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-record': SgRecord;
  }
}
