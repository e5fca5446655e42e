import { html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Course } from '../../model/course.ts';
import { sharedStyles } from '../../styles/shared.styles.ts';
import { focusHeading } from '../shared/focus.ts';
import { styles } from './sg-level-chooser.styles.ts';

/**
 * @summary The web build's front page: every level of the course with its audience, duration and
 * learning outcomes, and a link that starts it (`?level=<id>`). A package built for one level
 * never shows it. Plain links: the address says which level is running, and Back works.
 */
@customElement('sg-level-chooser')
export class SgLevelChooser extends LitElement {
  static override styles = [sharedStyles, styles];

  /** The compiled course. */
  @property({ attribute: false }) course?: Course;

  /** Shown above the levels, e.g. when the address named a level the course does not have. */
  @property() message = '';

  focusHeading(): Promise<void> {
    return focusHeading(this);
  }

  override render() {
    const course = this.course;
    if (!course) return html``;
    return html`
      <h1 tabindex="-1" data-focus>Choose your level</h1>
      ${this.message ? html`<p class="warning" role="status">${this.message}</p>` : ''}
      <p class="lead">
        ${course.title} has ${course.levels.length} levels. Choose the one your role needs; your
        manager or training lead can tell you which.
      </p>
      <ul class="levels">
        ${course.levels.map(
          (level) => html`
            <li class="level">
              <h2 id="level-${level.id}">${level.title}</h2>
              <dl class="summary">
                <dt>Who it is for</dt>
                <dd>${unsafeHTML(level.audience.html)}</dd>
                <dt>Time</dt>
                <dd>
                  About ${level.durationMinutes} minutes, over ${level.modules.length}
                  ${level.modules.length === 1 ? 'module' : 'modules'}
                </dd>
                <dt>Pass mark</dt>
                <dd>${level.passMark}%</dd>
              </dl>
              <h3>By the end you will be able to</h3>
              <ul>
                ${level.outcomes.map((o) => html`<li>${o.text}</li>`)}
              </ul>
              <p>
                <a class="button" href="?level=${encodeURIComponent(level.id)}"
                  >Start ${level.title}</a
                >
              </p>
            </li>
          `,
        )}
      </ul>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'sg-level-chooser': SgLevelChooser;
  }
}
