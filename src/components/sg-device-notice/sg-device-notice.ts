import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../sg-confirm-removal/sg-confirm-removal.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';

/** What became of the last removal, as sg-app reports it back. */
export type ForgetOutcome = 'removed' | 'failed' | undefined;

/**
 * @summary Without an LMS, progress stays in this browser: says so, and lets a learner on a shared
 * computer remove everything of theirs before they go (their progress and answers, their notes
 * and the name they typed), confirmed first as GOV.UK's destructive actions are. The next person
 * then starts afresh and reads nothing of theirs (newcomer trial F6: a file-share build on a
 * hot-desk computer shares one browser profile).
 *
 * The learner's confirmation reaches sg-app as `sg-confirm-removal`: it removes everything and
 * starts the level again, and sets `outcome`.
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
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  /** Set by sg-app once it has tried: everything removed, or storage refused some of it. */
  @property({ attribute: false }) outcome: ForgetOutcome;

  override render() {
    const status =
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
      <sg-confirm-removal
        label="Remove my progress from this computer"
        question="Remove your progress, your answers, your notes and the name you typed from this computer? You will start again from the beginning. This cannot be undone."
        confirmLabel="Yes, remove everything"
        .status=${status}
      ></sg-confirm-removal>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-device-notice': SgDeviceNotice;
  }
}
