import { html } from 'lit';
import type { SupportLine } from '../../content/types.ts';

/**
 * Where to get support, shown after every module's content note (docs: content.md, "Care for the
 * learner"). It is the one place the standard support is written, so every module gives the same,
 * and a content note adds only what is particular to its module (docs/authoring.md). A module whose
 * themes call for more (suicide, domestic abuse, disclosures) lists it under `support:`, shown here
 * beside the standard support.
 * Plain text, no links: the course sends nothing to other origins and must work inside an LMS.
 */
export function supportSignposting(moduleSupport: readonly SupportLine[] = []) {
  return html`
    <h3>Support</h3>
    <p>
      If it affects you, you can stop. You can pause at any time with “Save and exit”, and your
      place is kept.
    </p>
    <ul>
      <li>Talk to your manager or your organisation’s designated safeguarding lead (DSL).</li>
      <li>Use your organisation’s employee or volunteer support service, if it has one.</li>
      <li>
        If you are worried about a child, follow your organisation’s procedure and speak to your
        DSL. The NSPCC (National Society for the Prevention of Cruelty to Children) Helpline is on
        <strong>0808 800 5000</strong>.
      </li>
      <li>If a child is in immediate danger, call <strong>999</strong>.</li>
    </ul>
    ${
      moduleSupport.length > 0
        ? html`<p>Because of what this module covers, these may also help:</p>
            <ul class="module-support">
              ${moduleSupport.map(
                (line) =>
                  html`<li>
                    ${line.name}: <strong>${line.contact}</strong>${
                      line.detail ? `, ${line.detail.replace(/[.;,\s]+$/, '')}` : ''
                    }.
                  </li>`,
              )}
            </ul>`
        : ''
    }
  `;
}

/** The short version for the footer of every page. */
export const supportFooter = html`
  <p>
    Need support? Talk to your manager or designated safeguarding lead (DSL). NSPCC (National
    Society for the Prevention of Cruelty to Children) Helpline: <strong>0808 800 5000</strong>. If
    a child is in immediate danger, call <strong>999</strong>.
  </p>
`;
