import { html } from 'lit';

/**
 * Where to get support, shown with every content note (docs: content.md, "Care for the learner").
 * Plain text, no links: the course sends nothing to other origins and must work inside an LMS.
 */
export const supportSignposting = html`
  <p>
    If this brings up difficult feelings or memories, you can pause at any time with “Save and
    exit”; your place is kept. Talk to your manager or your designated safeguarding lead (DSL).
  </p>
  <ul>
    <li>
      If you are worried about a child now, follow your organisation’s procedure and speak to your
      DSL.
    </li>
    <li>NSPCC Helpline: <strong>0808 800 5000</strong>.</li>
    <li>If a child is in immediate danger, call <strong>999</strong>.</li>
  </ul>
`;

/** The short version for the footer of every page. */
export const supportFooter = html`
  <p>
    Need support? Talk to your manager or designated safeguarding lead (DSL). NSPCC Helpline:
    <strong>0808 800 5000</strong>. If a child is in immediate danger, call <strong>999</strong>.
  </p>
`;
