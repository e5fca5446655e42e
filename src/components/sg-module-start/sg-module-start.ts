import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Edition, Level, Module } from '../../model/course.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { SgContinueEvent } from '../events/sg-continue.ts';
import { SgLeaveModuleEvent } from '../events/sg-leave-module.ts';
import { focusHeading } from '../shared/focus.ts';
import { citeSource } from '../shared/source.ts';
import { supportSignposting } from '../shared/support.ts';

/**
 * @summary A module's opening page: what it covers, the outcomes it delivers, its source review,
 * the content note with support, and a free choice to go on or go back.
 *
 * @fires sg-continue - The learner chose to start the scenario.
 * @fires sg-leave-module - The learner chose to go back to the module list.
 */
@customElement('sg-module-start')
export class SgModuleStart extends LitElement {
  static override styles = [sharedStyles];

  /** The module being opened. */
  @property({ attribute: false }) module?: Module;

  /** The level being taken (its learning outcomes give the module's outcome ids their text). */
  @property({ attribute: false }) level?: Level;

  /** Whose edition this is: its contacts show in the support under the content note. */
  @property({ attribute: false }) edition?: Edition;

  focusHeading(): Promise<void> {
    return focusHeading(this);
  }

  override render() {
    const { module, level } = this;
    if (!module || !level) return html``;
    const outcomes = module.outcomes.flatMap((id) => level.outcomes.filter((o) => o.id === id));
    const { source } = module;
    return html`
      <h1 tabindex="-1" data-focus><span class="caption">Module</span> ${module.title}</h1>
      <h2>What this module covers</h2>
      ${unsafeHTML(module.covers.html)}
      <dl class="summary">
        <dt>Time</dt>
        <dd>About ${module.durationMinutes} minutes. There is no time limit.</dd>
      </dl>
      <section class="warning" aria-labelledby="content-note">
        <h2 id="content-note">Content note</h2>
        ${unsafeHTML(module.contentNote.html)} ${supportSignposting(module.support, this.edition)}
      </section>
      ${
        module.reconstruction
          ? html`<p>
              Steps that use invented detail are marked
              <strong class="tag reconstruction">Reconstruction</strong>.
            </p>`
          : ''
      }
      <!-- The long parts fold away (GOV.UK details), so a phone shows the content note and the
           support without a long scroll; each summary says plainly what it holds. -->
      ${
        module.reconstruction
          ? html`<details class="details">
              <summary><span>What is invented and what is real</span></summary>
              <div class="details-text">${unsafeHTML(module.reconstruction.html)}</div>
            </details>`
          : ''
      }
      ${
        outcomes.length > 0
          ? html`<details class="details">
              <summary><span>Learning outcomes</span></summary>
              <div class="details-text">
                <p>This module helps you to:</p>
                <ul>
                  ${outcomes.map((o) => html`<li>${o.text}</li>`)}
                </ul>
              </div>
            </details>`
          : ''
      }
      ${
        // A training lead's own module (profile: local) may not be built on a review.
        source
          ? html`<details class="details">
              <summary><span>The review this module is built on</span></summary>
              <div class="details-text">
                <p>
                  ${citeSource(source)}.
                  ${
                    source.url
                      ? html`<a href=${source.url} target="_blank" rel="noopener noreferrer"
                          >${source.linkText} (opens in a new tab)</a
                        >`
                      : html`Where to find it: ${source.linkText}.`
                  }
                </p>
              </div>
            </details>`
          : ''
      }
      <div class="button-group">
        <button type="button" @click=${this.onContinue}>Start the scenario</button>
        <button type="button" class="secondary" @click=${this.onLeave}>
          Go back to the modules
        </button>
      </div>
      <p>Going back keeps your place and does not count against you.</p>
    `;
  }

  private onContinue() {
    this.dispatchEvent(new SgContinueEvent());
  }

  private onLeave() {
    this.dispatchEvent(new SgLeaveModuleEvent());
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-module-start': SgModuleStart;
  }
}
