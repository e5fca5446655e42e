import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.styles.ts';

/** The learner confirmed the removal (sg-confirm-removal). */
export class SgConfirmRemovalEvent extends Event {
  static readonly eventName = 'sg-confirm-removal';

  constructor() {
    super(SgConfirmRemovalEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-confirm-removal': SgConfirmRemovalEvent;
  }
}

/**
 * @summary A step that deletes the learner's own data from this computer, confirmed first as
 * GOV.UK's destructive actions are: a button, then the warning with "Yes, remove…" (which takes
 * focus) and Cancel; focus returns to the button after either. The parent does the removal and
 * says how it went through `status`, announced in a live region. Used for "Remove my notes"
 * (sg-reflection) and, without an LMS, "Remove my progress" (sg-device-notice).
 *
 * @fires sg-confirm-removal - The learner confirmed.
 */
@customElement('sg-confirm-removal')
export class SgConfirmRemoval extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      /* Empty but present, so that screen readers announce what is written into it. */
      .status:empty {
        margin: 0;
      }
    `,
  ];

  /** The button that asks, e.g. "Remove my notes from this computer". */
  @property() label = '';
  /** The warning shown before anything is removed; it ends with "This cannot be undone." */
  @property() question = '';
  /** The button that removes, e.g. "Yes, remove my notes". */
  @property() confirmLabel = '';
  /** What became of the last removal, set by the parent ('' before any). */
  @property() status = '';

  @state() private confirming = false;

  override render() {
    return html`
      ${
        this.confirming
          ? html`<p class="warning" id="question">${this.question}</p>
              <div class="button-group">
                <button
                  type="button"
                  class="warning-button"
                  aria-describedby="question"
                  @click=${this.onConfirm}
                >
                  ${this.confirmLabel}
                </button>
                <button type="button" class="secondary" @click=${this.onCancel}>Cancel</button>
              </div>`
          : html`<div class="button-group">
              <button type="button" class="secondary ask" @click=${this.onAsk}>
                ${this.label}
              </button>
            </div>`
      }
      <p role="status" class="status">${this.confirming ? '' : this.status}</p>
    `;
  }

  private async onAsk() {
    this.confirming = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.warning-button')?.focus();
  }

  private async onCancel() {
    this.confirming = false;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.ask')?.focus();
  }

  private async onConfirm() {
    this.confirming = false;
    this.dispatchEvent(new SgConfirmRemovalEvent());
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.ask')?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-confirm-removal': SgConfirmRemoval;
  }
}
