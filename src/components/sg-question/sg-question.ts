import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type {
  MultipleResponseQuestion,
  Question,
  SingleChoiceQuestion,
} from '../../content/types.ts';
import { isCorrect, presentedOrder, type Answer } from '../../engine/index.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { SgAnswerEvent } from '../events/sg-answer.ts';
import { SgContinueEvent } from '../events/sg-continue.ts';
import { focusHeading } from '../shared/focus.ts';
import { styles } from './sg-question.styles.ts';

interface FieldError {
  /** Id of the control the error summary links to. */
  readonly target: string;
  readonly message: string;
}

/**
 * @summary One quiz question of any type: single choice (radios), multiple response
 * (checkboxes), true/false (two radios), ordering (a list with Move up / Move down buttons) and
 * matching (a native select per prompt). Submitting with no answer shows a GOV.UK error summary,
 * which takes focus. Once answered, feedback and the key message appear in a live region.
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

  @state() private single: number | null = null;
  @state() private multiple: readonly number[] = [];
  @state() private truth: boolean | null = null;
  @state() private order: readonly number[] = [];
  @state() private chosenMatches: readonly number[] = [];
  @state() private errors: readonly FieldError[] = [];
  /** Said in a live region after an ordering move. */
  @state() private moveMessage = '';

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

  private renderControls(q: Question) {
    const error = this.errors[0];
    const errorMessage = (id: string) =>
      error && !this.answered
        ? html`<p class="error-message" id=${id}>
            <span class="visually-hidden">Error:</span> ${error.message}
          </p>`
        : nothing;
    const fieldset = (hint: string, body: unknown) => html`
      <fieldset
        class=${error && !this.answered ? 'error' : ''}
        aria-describedby="hint ${error && !this.answered ? 'field-error' : ''}"
      >
        <legend>${unsafeHTML(q.prompt.html)}</legend>
        <p class="hint" id="hint">${hint}</p>
        ${errorMessage('field-error')} ${body}
      </fieldset>
    `;
    switch (q.type) {
      case 'single':
        return fieldset(
          'Select one answer.',
          this.choiceList(
            q,
            'radio',
            (i) => this.single === i,
            (i) => (this.single = i),
          ),
        );
      case 'multiple':
        return fieldset(
          'Select all that apply.',
          this.choiceList(
            q,
            'checkbox',
            (i) => this.multiple.includes(i),
            (i, checked) =>
              (this.multiple = checked
                ? [...this.multiple, i].sort((a, b) => a - b)
                : this.multiple.filter((x) => x !== i)),
          ),
        );
      case 'true-false':
        return fieldset(
          'Select true or false.',
          html`<div class="choices">
            ${[true, false].map(
              (value, i) =>
                html`<div class="choice">
                  <input
                    type="radio"
                    id="option-${i}"
                    name="answer"
                    .checked=${this.truth === value}
                    ?disabled=${this.answered}
                    @change=${() => (this.truth = value)}
                  />
                  <label for="option-${i}">${value ? 'True' : 'False'}</label>
                </div>`,
            )}
          </div>`,
        );
      case 'ordering':
        return fieldset(
          'Put the items in order, first at the top, using the Move up and Move down buttons.',
          html`<ol class="ordering">
              ${this.order.map((item, position) => {
                const text = q.items[item];
                return html`<li>
                  <span class="item">${text ? unsafeHTML(text.html) : ''}</span>
                  <span class="moves">
                    <button
                      type="button"
                      class="secondary"
                      id=${position === 0 ? 'order-first' : nothing}
                      data-move="up-${item}"
                      ?disabled=${this.answered || position === 0}
                      @click=${() => this.move(position, -1)}
                    >
                      Move up<span class="visually-hidden">: ${text?.text}</span>
                    </button>
                    <button
                      type="button"
                      class="secondary"
                      data-move="down-${item}"
                      ?disabled=${this.answered || position === this.order.length - 1}
                      @click=${() => this.move(position, 1)}
                    >
                      Move down<span class="visually-hidden">: ${text?.text}</span>
                    </button>
                  </span>
                </li>`;
              })}
            </ol>
            <p class="visually-hidden" role="status">${this.moveMessage}</p>`,
        );
      case 'matching': {
        const shown = this.shown(q);
        // Native selects cannot wrap long options, so the matches are also listed in full,
        // lettered, and each option starts with its letter.
        const letterOf = (m: number) => String.fromCharCode(65 + shown.indexOf(m));
        return fieldset(
          'For each item, choose the match that fits best. Each match is used once.',
          html`<h2 class="matches-heading" id="matches-heading">The matches</h2>
            <ol class="matches" type="A" aria-labelledby="matches-heading">
              ${shown.map((m) => html`<li>${unsafeHTML(q.pairs[m]?.match.html ?? '')}</li>`)}
            </ol>
            ${q.pairs.map(
              (pair, p) =>
                html`<div class="match-row">
                  <label for="match-${p}">${unsafeHTML(pair.prompt.html)}</label>
                  <select
                    id="match-${p}"
                    ?disabled=${this.answered}
                    @change=${(e: Event) => this.setMatch(p, (e.target as HTMLSelectElement).value)}
                  >
                    <option value="" ?selected=${(this.chosenMatches[p] ?? -1) < 0}>
                      Choose a match
                    </option>
                    ${shown.map(
                      (m) =>
                        html`<option value=${m} ?selected=${this.chosenMatches[p] === m}>
                          ${letterOf(m)}. ${q.pairs[m]?.match.text}
                        </option>`,
                    )}
                  </select>
                </div>`,
            )}`,
        );
      }
    }
  }

  /** The presented order of `q`'s options, items or matches (authored indexes, first shown first). */
  private shown(q: Question): number[] {
    return presentedOrder(q, this.seed, this.attempt, this.moduleId);
  }

  /** Radios or checkboxes in the presented order; each keeps its authored index as its id. */
  private choiceList(
    q: SingleChoiceQuestion | MultipleResponseQuestion,
    type: 'radio' | 'checkbox',
    checked: (i: number) => boolean,
    set: (i: number, checked: boolean) => void,
  ) {
    return html`<div class="choices">
      ${this.shown(q).map(
        (i) =>
          html`<div class="choice">
            <input
              type=${type}
              id="option-${i}"
              name="answer"
              .checked=${checked(i)}
              ?disabled=${this.answered}
              @change=${(e: Event) => set(i, (e.target as HTMLInputElement).checked)}
            />
            <label for="option-${i}">${unsafeHTML(q.options[i]?.text.html ?? '')}</label>
          </div>`,
      )}
    </div>`;
  }

  private renderFeedback(q: Question) {
    const answer = this.answer;
    if (!answer) return nothing;
    const correct = isCorrect(q, answer);
    const overall = correct ? q.feedback.correct : q.feedback.incorrect;
    // The options chosen, in the order they were shown.
    const chosen =
      answer.type === 'single'
        ? [answer.option]
        : answer.type === 'multiple'
          ? this.shown(q).filter((i) => answer.options.includes(i))
          : [];
    const optionFeedback =
      q.type === 'single' || q.type === 'multiple'
        ? chosen.flatMap((i) => {
            const o = q.options[i];
            return o?.feedback ? [{ option: o, feedback: o.feedback }] : [];
          })
        : [];
    return html`<div class="feedback">
      <h2 tabindex="-1" data-feedback>${correct ? 'Correct' : 'Not quite'}</h2>
      ${optionFeedback.map(
        (f) =>
          html`<p class="result">You chose: ${unsafeHTML(f.option.text.html)}</p>
            ${unsafeHTML(f.feedback.html)}`,
      )}
      ${overall ? unsafeHTML(overall.html) : nothing}
      ${
        !correct && q.type === 'ordering'
          ? html`<p>The order the review’s learning suggests:</p>
              <ol>
                ${q.items.map((item) => html`<li>${unsafeHTML(item.html)}</li>`)}
              </ol>`
          : nothing
      }
      ${
        !correct && q.type === 'matching'
          ? html`<p>The matches that fit best:</p>
              <ul>
                ${q.pairs.map(
                  (pair) =>
                    html`<li>${unsafeHTML(pair.prompt.html)}: ${unsafeHTML(pair.match.html)}</li>`,
                )}
              </ul>`
          : nothing
      }
      <h3>Key message</h3>
      ${unsafeHTML(q.keyMessage.html)}
    </div>`;
  }

  private resetDraft() {
    const q = this.question;
    const a = this.answer;
    this.errors = [];
    this.moveMessage = '';
    this.single = a?.type === 'single' ? a.option : null;
    this.multiple = a?.type === 'multiple' ? a.options : [];
    this.truth = a?.type === 'true-false' ? a.value : null;
    this.order = a?.type === 'ordering' ? a.order : q?.type === 'ordering' ? this.shown(q) : [];
    this.chosenMatches =
      a?.type === 'matching' ? a.matches : q?.type === 'matching' ? q.pairs.map(() => -1) : [];
  }

  /** The answer the learner has built, or the problems that stop it being one. */
  private build(): Answer | FieldError[] {
    const q = this.question;
    if (!q) return [];
    switch (q.type) {
      case 'single':
        return this.single === null
          ? [{ target: `option-${this.shown(q)[0] ?? 0}`, message: 'Select an answer' }]
          : { type: 'single', option: this.single };
      case 'multiple':
        return this.multiple.length === 0
          ? [
              {
                target: `option-${this.shown(q)[0] ?? 0}`,
                message: 'Select all the answers that apply',
              },
            ]
          : { type: 'multiple', options: this.multiple };
      case 'true-false':
        return this.truth === null
          ? [{ target: 'option-0', message: 'Select true or false' }]
          : { type: 'true-false', value: this.truth };
      case 'ordering':
        return { type: 'ordering', order: this.order };
      case 'matching': {
        const missing = this.chosenMatches.findIndex((m) => m < 0);
        if (missing >= 0)
          return [
            {
              target: `match-${missing}`,
              message: `Choose a match for “${q.pairs[missing]?.prompt.text}”`,
            },
          ];
        const repeated = this.chosenMatches.findIndex(
          (m, i) => this.chosenMatches.indexOf(m) !== i,
        );
        if (repeated >= 0)
          return [
            {
              target: `match-${repeated}`,
              message: `Each match can be used once: “${q.pairs[this.chosenMatches[repeated] ?? 0]?.match.text}” is chosen more than once`,
            },
          ];
        return { type: 'matching', matches: this.chosenMatches };
      }
    }
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

  private async move(position: number, by: -1 | 1) {
    const to = position + by;
    const item = this.order[position];
    if (item === undefined || to < 0 || to >= this.order.length) return;
    const order = [...this.order];
    order.splice(position, 1);
    order.splice(to, 0, item);
    this.order = order;
    const q = this.question;
    const text = q?.type === 'ordering' ? q.items[item]?.text : '';
    this.moveMessage = `“${text}” moved to position ${to + 1} of ${order.length}.`;
    await this.updateComplete;
    const edge = by < 0 ? to === 0 : to === order.length - 1;
    const direction = by < 0 ? (edge ? 'down' : 'up') : edge ? 'up' : 'down';
    this.renderRoot.querySelector<HTMLElement>(`[data-move="${direction}-${item}"]`)?.focus();
  }

  private setMatch(prompt: number, value: string) {
    this.chosenMatches = this.chosenMatches.map((m, i) =>
      i === prompt ? (value === '' ? -1 : Number(value)) : m,
    );
  }

  private onErrorLink(event: Event, target: string) {
    event.preventDefault();
    const id = target === 'option-0' && this.question?.type === 'ordering' ? 'order-first' : target;
    this.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
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
