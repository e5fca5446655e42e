import { html, LitElement, css } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Course } from '../../content/types.ts';

/**
 * @summary The course shell: the one mediator between the engine and the views.
 *
 * For now it lists the course's levels and their modules; the scenario player, quiz and
 * reflection views arrive with the learner-experience work.
 */
@customElement('sg-app')
export class SgApp extends LitElement {
  static override styles = css`
    :host {
      display: block;
      max-width: 48rem;
      margin: 0 auto;
      padding: 1rem;
    }
  `;

  /** The compiled course. */
  @property({ attribute: false }) course?: Course;

  override render() {
    if (!this.course) return html`<p>Loading the course…</p>`;
    return html`
      <main>
        <h1>${this.course.title}</h1>
        ${this.course.levels.map(
          (level) => html`
            <section aria-labelledby="level-${level.id}">
              <h2 id="level-${level.id}">${level.title}</h2>
              <ul>
                ${level.modules.map((id) => html`<li>${this.course?.modules.find((m) => m.id === id)?.title ?? id}</li>`)}
              </ul>
            </section>
          `,
        )}
      </main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-app': SgApp;
  }
}
