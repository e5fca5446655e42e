import { html, nothing } from 'lit';
import { describeContact } from '../../model/contact.ts';
import type { Contact, Edition, SupportLine } from '../../model/course.ts';

/**
 * Where to get support, shown after every module's content note (docs: content.md, "Care for the
 * learner"). It is the one place the standard support is written, so every module gives the same,
 * and a content note adds only what is particular to its module (docs/authoring.md). A module whose
 * themes call for more (suicide, domestic abuse, disclosures) lists it under `support:`, shown here
 * beside the standard support.
 *
 * Who to tell comes from the edition (organisation.yaml): the repository's neutral edition names a
 * role ("your organisation's designated safeguarding lead"), so the text reads as it always has; an
 * organisation's edition gives its DSL's name, number and hours, its children's social care front
 * door and its LADO route. Contacts are plain text (learners copy or dial them); the one link is
 * to the organisation's own procedures, and opens in a new tab so the LMS session is kept.
 */
export function supportSignposting(moduleSupport: readonly SupportLine[] = [], edition?: Edition) {
  const dsl = edition?.contacts.dsl;
  return html`
    <h3>Support</h3>
    <p>
      If it affects you, you can stop. You can pause at any time with “Save and exit”, and your
      place is kept.
    </p>
    <ul class="edition-support">
      ${
        dsl
          ? html`<li data-contact="dsl">Talk to your manager or ${contact(dsl)}.</li>`
          : html`<li>
              Talk to your manager or your organisation’s designated safeguarding lead (DSL).
            </li>`
      }
      <li>Use your organisation’s employee or volunteer support service, if it has one.</li>
      <li>
        If you are worried about a child, follow ${procedures(edition)} and speak to your DSL. The
        NSPCC (National Society for the Prevention of Cruelty to Children) Helpline is on
        <strong>0808 800 5000</strong>.
      </li>
      ${localRoutes(edition)}
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

/**
 * The front door and the LADO, when the edition gives a way to reach them: the neutral edition
 * names roles only, and its learners find these in their own organisation's procedure.
 */
function localRoutes(edition: Edition | undefined) {
  if (!edition) return nothing;
  const { frontDoor, lado } = edition.contacts;
  return html`
    ${
      reachable(frontDoor)
        ? html`<li data-contact="front-door">
            If a child may be at risk and you cannot reach the DSL, contact ${contact(frontDoor)}.
          </li>`
        : nothing
    }
    ${
      reachable(lado)
        ? html`<li data-contact="lado">
            If the worry is about a member of staff or a volunteer, contact ${contact(lado)}.
          </li>`
        : nothing
    }
  `;
}

const reachable = (c: Contact) => Boolean(c.phone || c.email);

/** A contact with its number and address in bold, as the NSPCC's number is. */
function contact(c: Contact) {
  if (!reachable(c) && !c.hours && !c.outOfHours) return c.who;
  const how = [c.phone, c.email].filter((x): x is string => Boolean(x));
  const when = [c.hours, c.outOfHours && `out of hours: ${c.outOfHours}`].filter(Boolean);
  return html`${c.who}${
    how.length > 0
      ? html`, on ${how.map((h, i) => html`${i > 0 ? ' or ' : ''}<strong>${h}</strong>`)}`
      : nothing
  }${when.length > 0 ? ` (${when.join('; ')})` : nothing}`;
}

function procedures(edition: Edition | undefined) {
  if (!edition) return 'your organisation’s procedure';
  const { text, url } = edition.procedures;
  return url
    ? html`<a href=${url} target="_blank" rel="noopener noreferrer"
        >${text} (opens in a new tab)</a
      >`
    : text;
}

/** The short version for the footer of every page, with the edition's logo and name. */
export function supportFooter(edition?: Edition) {
  const dsl = edition?.contacts.dsl;
  return html`
    ${
      edition?.logo
        ? html`<p class="edition" part="edition">
            <img
              class="logo"
              part="logo"
              src=${edition.logo.src}
              alt=${edition.logo.alt}
              height="40"
            />
            <span>This course is provided by ${edition.name}.</span>
          </p>`
        : nothing
    }
    <p data-contact="dsl">
      Need support? Talk to your manager or
      ${dsl ? contact(dsl) : 'designated safeguarding lead (DSL)'}. NSPCC (National Society for the
      Prevention of Cruelty to Children) Helpline: <strong>0808 800 5000</strong>. If a child is in
      immediate danger, call <strong>999</strong>.
    </p>
  `;
}

/** Who to tell, in one line of plain text (the reflective log's download). */
export function supportContactText(edition?: Edition): string {
  const dsl = edition?.contacts.dsl;
  return `Who to tell about a worry: ${dsl ? describeContact(dsl) : 'your organisation’s designated safeguarding lead (DSL)'}.`;
}
