import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { sharedStyles } from '../../styles/shared.styles.ts';

/** The learner confirmed "Remove everything of mine from this computer" (sg-device-notice). */
export class SgForgetEvent extends Event {
  static readonly eventName = 'sg-forget';

  constructor() {
    super(SgForgetEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'sg-forget': SgForgetEvent;
  }
}

/** What became of the last removal, as sg-app reports it back. */
export type ForgetOutcome = 'removed' | 'failed' | undefined;

/**
 * @summary Without an LMS, progress stays in this browser: says so, and lets a learner on a shared
 * computer remove everything of theirs before they go (their progress and answers, their notes
 * and the name they typed), confirmed first as GOV.UK's destructive actions are. The next person
 * then starts afresh and reads nothing of theirs (newcomer trial F6: a file-share build on a
 * hot-desk computer shares one browser profile).
 *
 * @fires sg-forget - The learner confirmed; sg-app removes everything and starts the level again.
 */
@customElement('sg-device-notice')
export class SgDeviceNotice extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
        margin: 0 0 1rem;
      }
      .notice {
        font-size: 1rem;
        color: #484949;
        margin: 0 0 0.5rem;
      }
      .status:empty {
        margin: 0;
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** Set by sg-app once it has tried: everything removed, or storage refused some of it. */
  @property({ attribute: false }) outcome: ForgetOutcome;

  @state() private confirming = false;

  override render() {
    const outcome =
      this.outcome === 'removed'
        ? 'Your progress, answers, notes and name have been removed from this computer. The course has started again from the beginning.'
        : this.outcome === 'failed'
          ? 'Not everything could be removed: this browser’s storage cannot be reached. Clear this site’s data in the browser’s settings instead.'
          : '';
    return html`
      <p class="notice">
        Your results are not being recorded by a learning management system (LMS). Your progress is
        kept in this browser on this device, where anyone who uses it could see it. On a shared
        computer, remove it when you have finished.
      </p>
      ${
        this.confirming
          ? html`<p class="warning" id="forget-question">
                Remove your progress, your answers, your notes and the name you typed from this
                computer? You will start again from the beginning. This cannot be undone.
              </p>
              <div class="button-group">
                <button
                  type="button"
                  class="warning-button"
                  aria-describedby="forget-question"
                  @click=${this.onConfirm}
                >
                  Yes, remove everything
                </button>
                <button type="button" class="secondary" @click=${this.onCancel}>Cancel</button>
              </div>`
          : html`<div class="button-group">
              <button type="button" class="secondary" @click=${this.onAsk}>
                Remove my progress from this computer
              </button>
            </div>`
      }
      <p role="status" class="status">${outcome}</p>
    `;
  }

  private async onAsk() {
    this.confirming = true;
    this.outcome = undefined;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLButtonElement>('.warning-button')?.focus();
  }

  private async onCancel() {
    this.confirming = false;
    await this.updateComplete;
    this.askButton()?.focus();
  }

  private async onConfirm() {
    this.confirming = false;
    this.dispatchEvent(new SgForgetEvent());
    await this.updateComplete;
    this.askButton()?.focus();
  }

  private askButton() {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent?.trim() === 'Remove my progress from this computer',
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-device-notice': SgDeviceNotice;
  }
}
