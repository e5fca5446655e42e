import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { DecisionStep, Module, Step } from '../../model/course.ts';
import {
  currentStep,
  decisionOrder,
  pathSoFar,
  type ScenarioProgress,
} from '../../engine/index.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { SgChooseEvent } from '../events/sg-choose.ts';
import { SgContinueEvent } from '../events/sg-continue.ts';
import { focusHeading } from '../shared/focus.ts';
import { shortChoice, stepHeading, stepSourceTag } from './step-heading.ts';
import { styles } from './sg-scenario.styles.ts';

/**
 * @summary The scenario player: the current step (narrative, decision, reveal or ending) and a
 * timeline of the learner's path so far. At a decision the learner picks a radio and confirms; only
 * the confirmation is sent up. The consequence then appears in a live region.
 *
 * A decision's options are shown in the learner's own order (the engine's `decisionOrder`, from
 * the seed); each radio keeps its authored index as its id (`option-2` is the third option written),
 * and the choice is sent as that index.
 *
 * @fires sg-choose - The learner confirmed an option at a decision.
 * @fires sg-continue - The learner moved on from the step.
 */
@customElement('sg-scenario')
export class SgScenario extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The module whose scenario is playing. */
  @property({ attribute: false }) module?: Module;

  /** Where the learner is in it (from the engine state). */
  @property({ attribute: false }) progress?: ScenarioProgress;

  /** The learner's seed: it fixes the order each decision's options are shown in. */
  @property({ type: Number }) seed = 0;

  /** Whether a quiz follows the scenario (it only changes the ending's button). */
  @property({ type: Boolean, attribute: 'has-quiz' }) hasQuiz = false;

  /** The option selected but not yet confirmed. */
  @state() private selected: number | null = null;

  /** The learner tried to confirm with nothing selected. */
  @state() private error = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    const before = changed.get('progress') as ScenarioProgress | undefined;
    if (changed.has('progress') && before?.step !== this.progress?.step) {
      this.selected = null;
      this.error = false;
    }
  }

  /** Focus the new step's heading, or the consequence once a decision is answered. */
  focusHeading(): Promise<void> {
    const step = this.step();
    const atConsequence = step?.type === 'decision' && this.progress?.answered;
    return focusHeading(this, atConsequence ? '[data-consequence]' : '[data-focus]');
  }

  override render() {
    const { module, progress } = this;
    const step = this.step();
    if (!module || !progress || !step) return html``;
    return html`
      <div class="layout">
        <div>
          <h1 tabindex="-1" data-focus>
            <span class="caption">${module.title}</span> ${this.heading(step)}
          </h1>
          ${stepSourceTag(step)} ${this.renderStep(step)}
        </div>
        <aside class="timeline" aria-labelledby="timeline-heading">
          <h2 id="timeline-heading">Your path so far</h2>
          <ol>
            ${pathSoFar(module, progress).map((entry, i, all) => {
              const s = module.scenario.steps[entry.step];
              if (!s) return nothing;
              const option =
                s.type === 'decision' && entry.option !== undefined
                  ? s.options[entry.option]
                  : undefined;
              return html`<li aria-current=${i === all.length - 1 ? 'step' : nothing}>
                ${this.heading(s)}
                ${
                  option
                    ? html`<span class="chosen">You chose: ${shortChoice(option.text.text)}</span>`
                    : nothing
                }
              </li>`;
            })}
          </ol>
        </aside>
      </div>
    `;
  }

  private step(): Step | undefined {
    if (!this.module || !this.progress) return undefined;
    try {
      return currentStep(this.module, this.progress);
    } catch (error) {
      // The engine restores and moves only to steps the module has, so this is a bug: reported,
      // and the view shows nothing rather than breaking the page around it.
      console.error('The scenario has no step to show:', error);
      return undefined;
    }
  }

  /** See `stepHeading`. */
  private heading(step: Step): string {
    return stepHeading(step);
  }

  private renderStep(step: Step) {
    switch (step.type) {
      case 'narrative':
        return html`
          ${unsafeHTML(step.text.html)}
          ${
            step.knew.length > 0
              ? html`<section class="knew" aria-labelledby="knew-heading">
                  <h2 id="knew-heading">What practitioners knew at this point</h2>
                  <ul>
                    ${step.knew.map((k) => html`<li>${unsafeHTML(k.html)}</li>`)}
                  </ul>
                </section>`
              : nothing
          }
          ${this.continueButton('Continue')}
        `;
      case 'decision':
        return this.renderDecision(step);
      case 'reveal':
        return html`<div class="finding-text">${unsafeHTML(step.text.html)}</div>
          ${this.continueButton('Continue')}`;
      case 'ending':
        return html`
          ${unsafeHTML(step.text.html)}
          <section class="panel" aria-labelledby="debrief-heading">
            <h2 id="debrief-heading">Debrief</h2>
            ${unsafeHTML(step.debrief.html)}
          </section>
          ${this.continueButton(this.hasQuiz ? 'Continue to the quiz' : 'Continue to reflection')}
        `;
    }
  }

  private renderDecision(step: DecisionStep) {
    const answered = this.progress?.answered === true;
    const slotChoice = answered ? this.chosenOption(step) : undefined;
    const chosen = slotChoice === undefined ? undefined : step.options[slotChoice];
    const shown = this.module ? decisionOrder(this.module, step, this.seed) : [];
    const firstShown = `option-${shown[0] ?? 0}`;
    return html`
      ${
        this.error && !answered
          ? html`<div class="error-summary" role="alert" tabindex="-1" data-error-summary>
              <h2>There is a problem</h2>
              <ul>
                <li>
                  <a href="#${firstShown}" @click=${(e: Event) => this.onErrorLink(e, firstShown)}
                    >Choose what you would do</a
                  >
                </li>
              </ul>
            </div>`
          : nothing
      }
      ${step.text ? unsafeHTML(step.text.html) : nothing}
      ${
        answered
          ? html`<p>You chose: <strong>${chosen ? unsafeHTML(chosen.text.html) : ''}</strong></p>`
          : html`<form novalidate @submit=${this.onConfirm}>
              <fieldset
                class=${this.error ? 'error' : ''}
                aria-describedby=${this.error ? 'choice-error' : nothing}
              >
                <legend>${unsafeHTML(step.question.html)}</legend>
                ${
                  this.error
                    ? html`<p class="error-message" id="choice-error">
                        <span class="visually-hidden">Error:</span> Choose what you would do
                      </p>`
                    : nothing
                }
                <div class="choices">
                  ${shown.map(
                    (i) => html`
                      <div class="choice">
                        <input
                          type="radio"
                          id="option-${i}"
                          name="choice"
                          .value=${String(i)}
                          .checked=${this.selected === i}
                          @change=${() => (this.selected = i)}
                        />
                        <label for="option-${i}"
                          >${unsafeHTML(step.options[i]?.text.html ?? '')}</label
                        >
                      </div>
                    `,
                  )}
                </div>
              </fieldset>
              <button type="submit">Confirm my choice</button>
            </form>`
      }
      <div class="consequence" role="status">
        ${
          chosen
            ? html`<div class="feedback">
                <h2 tabindex="-1" data-consequence>What happened next</h2>
                ${unsafeHTML(chosen.feedback.html)}
              </div>`
            : nothing
        }
      </div>
      ${answered ? this.continueButton('Continue') : nothing}
    `;
  }

  private chosenOption(step: DecisionStep): number | undefined {
    const { module, progress } = this;
    if (!module || !progress) return undefined;
    const index = module.scenario.steps.indexOf(step);
    const slot = module.scenario.steps.slice(0, index).filter((s) => s.type === 'decision').length;
    const choice = progress.choices[slot];
    return choice === undefined || choice < 0 ? undefined : choice;
  }

  private continueButton(label: string) {
    return html`<div class="button-group">
      <button type="button" @click=${this.onContinue}>${label}</button>
    </div>`;
  }

  private async onConfirm(event: SubmitEvent) {
    event.preventDefault();
    if (this.selected === null) {
      this.error = true;
      await focusHeading(this, '[data-error-summary]');
      return;
    }
    this.error = false;
    this.dispatchEvent(new SgChooseEvent({ option: this.selected }));
  }

  private onErrorLink(event: Event, target: string) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLInputElement>(`#${target}`)?.focus();
  }

  private onContinue() {
    this.dispatchEvent(new SgContinueEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-scenario': SgScenario;
  }
}
