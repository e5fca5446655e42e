import { css } from 'lit';

/**
 * Styles every view shares: type scale, buttons, focus, tags, insets, and the media features the
 * course must honour (reduced motion, Windows high contrast, print). Colours follow GOV.UK Frontend;
 * every text colour meets 4.5:1 on its background, and nothing relies on colour alone.
 *
 * An organisation's edition changes the colours through design tokens, CSS custom properties set
 * on the page (src/styles/edition-theme.ts, from organisation.yaml): --sg-colour-text, -background,
 * -link, -button, -button-text, -button-hover, -focus, -brand and --sg-font-family. Each falls back
 * to the course's own colour, and the compiler refuses a palette below WCAG 2.2 AA.
 */
export const sharedStyles = css`
  :host {
    display: block;
    color: var(--sg-colour-text, #0b0c0c);
    font-family: inherit;
    font-size: 1rem;
    line-height: 1.5;
    overflow-wrap: break-word;
  }
  /* GOV.UK type scale: 16px body on phones, 19px from tablet width (641px) up. */
  @media (min-width: 40.0625em) {
    :host {
      font-size: 1.1875rem;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
    margin: 0 0 0.75rem;
  }
  h1 {
    font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2.25rem);
  }
  h2 {
    font-size: clamp(1.25rem, 1.1rem + 0.75vw, 1.5rem);
    margin-top: 1.5rem;
  }
  h3 {
    font-size: 1.125rem;
    margin-top: 1.25rem;
  }
  p,
  ul,
  ol {
    margin: 0 0 1rem;
  }
  /* Images in content (bundled from the course folder): never wider than the column, at 320px too. */
  img:not(.logo) {
    max-width: 100%;
    height: auto;
  }
  a {
    color: var(--sg-colour-link, #1d70b8);
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.15em;
  }
  a:visited {
    color: #4c2c92;
  }
  a:focus-visible {
    color: var(--sg-colour-text, #0b0c0c);
    background: var(--sg-colour-focus, #ffdd00);
    outline: 3px solid transparent;
    box-shadow:
      0 -2px var(--sg-colour-focus, #ffdd00),
      0 4px var(--sg-colour-text, #0b0c0c);
    text-decoration: none;
  }
  /* One visible focus style: a thick black outline with a yellow ring (GOV.UK colours). */
  :focus-visible {
    outline: 4px solid var(--sg-colour-text, #0b0c0c);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--sg-colour-focus, #ffdd00);
  }
  [tabindex='-1']:focus {
    outline: none;
    box-shadow: none;
  }
  .caption {
    display: block;
    color: #484949;
    font-size: 1.125rem;
    margin-bottom: 0.25rem;
  }
  .lead {
    font-size: 1.1875rem;
  }
  /* From tablet width the smaller headings and the caption keep up with the 19px body. */
  @media (min-width: 40.0625em) {
    h3,
    .caption {
      font-size: 1.1875rem;
    }
    .lead {
      font-size: 1.5rem;
    }
  }
  .button-group {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
    margin: 1.5rem 0;
  }
  button,
  .button {
    font: inherit;
    font-size: 1.1875rem;
    line-height: 1.2;
    display: inline-block;
    padding: 0.5rem 0.75rem;
    min-height: 2.75rem;
    border: 2px solid transparent;
    border-radius: 0;
    color: var(--sg-colour-button-text, #ffffff);
    background: var(--sg-colour-button, #00703c);
    box-shadow: 0 2px 0 var(--sg-colour-button-shadow, #002d18);
    cursor: pointer;
    text-align: center;
    text-decoration: none;
  }
  a.button,
  a.button:visited {
    color: var(--sg-colour-button-text, #ffffff);
  }
  button:hover,
  .button:hover {
    background: var(--sg-colour-button-hover, #005a30);
  }
  button.secondary {
    color: #0b0c0c;
    background: #f3f2f1;
    box-shadow: 0 2px 0 #929191;
  }
  button.secondary:hover {
    background: #dbdad9;
  }
  button.link {
    color: var(--sg-colour-link, #1d70b8);
    background: none;
    box-shadow: none;
    border: 0;
    padding: 0;
    min-height: 0;
    text-decoration: underline;
    font-size: inherit;
  }
  button:focus-visible,
  .button:focus-visible {
    color: var(--sg-colour-text, #0b0c0c);
    background: var(--sg-colour-focus, #ffdd00);
    outline: 3px solid transparent;
    box-shadow:
      inset 0 0 0 1px var(--sg-colour-focus, #ffdd00),
      0 2px 0 var(--sg-colour-text, #0b0c0c);
    border-color: var(--sg-colour-focus, #ffdd00);
  }
  button.link:focus-visible {
    box-shadow: 0 4px var(--sg-colour-text, #0b0c0c);
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  /* A status, not a control (GOV.UK tag): a tinted label in sentence case, with no edge, shadow,
     underline or pointer that could make it look like a button. The transparent border becomes a
     visible edge in high contrast, where the tint is dropped. */
  .tag {
    display: inline-block;
    max-width: 100%;
    padding: 0.125rem 0.5rem 0.1875rem;
    border: 1px solid transparent;
    font-weight: 400;
    font-size: inherit;
    line-height: 1.25;
    text-decoration: none;
    text-transform: none;
    cursor: default;
    color: #0c2d4a;
    background: #bbd4ea;
  }
  .tag.reconstruction {
    color: #594d00;
    background: #fff7bf;
  }
  /* What the published review found (a scenario's reveal step): its own tag colour and edge, so a
     finding does not read as one more page of the story. */
  .tag.finding {
    color: #3d2375;
    background: #dbd5e9;
  }
  .finding-text {
    border-left: 0.5rem solid #3d2375;
    padding: 0.25rem 0 0.25rem 1rem;
    margin: 1.5rem 0;
  }
  .finding-text > :last-child {
    margin-bottom: 0;
  }
  /* A submitted answer: the chosen option's row is marked, since a disabled radio or checkbox is
     only a faint grey mark (true/false has no "You chose" line to make up for it). */
  .choice.chosen {
    border-left: 0.3125rem solid #0b0c0c;
    padding-left: 0.5rem;
  }
  .choice.chosen label {
    font-weight: 700;
  }
  .inset {
    border-left: 0.5rem solid #b1b4b6;
    padding: 0.5rem 0 0.5rem 1rem;
    margin: 1.5rem 0;
  }
  .panel {
    border: 3px solid #0b0c0c;
    padding: 1rem;
    margin: 1.5rem 0;
  }
  /* GOV.UK's warning button, for a step that deletes something (after a confirmation). */
  button.warning-button {
    background: #d4351c;
    box-shadow: 0 2px 0 #55150b;
  }
  button.warning-button:hover {
    background: #aa2a16;
  }
  button.warning-button:focus-visible {
    background: #ffdd00;
    box-shadow:
      inset 0 0 0 1px #ffdd00,
      0 2px 0 #0b0c0c;
  }
  .warning {
    border: 3px solid #0b0c0c;
    border-left-width: 0.75rem;
    padding: 1rem;
    margin: 1.5rem 0;
    background: #ffffff;
  }
  .feedback {
    border: 3px solid var(--sg-colour-text, #0b0c0c);
    border-left: 0.75rem solid var(--sg-colour-brand, #1d70b8);
    padding: 1rem;
    margin: 1.5rem 0;
  }
  .feedback:empty {
    display: none;
  }
  .error-summary {
    border: 5px solid #d4351c;
    padding: 1rem;
    margin: 0 0 1.5rem;
  }
  .error-summary a {
    color: #d4351c;
    font-weight: 700;
  }
  .error-message {
    display: block;
    color: #d4351c;
    font-weight: 700;
    margin-bottom: 0.5rem;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0 0 1.5rem;
    min-width: 0;
  }
  fieldset.error {
    border-left: 5px solid #d4351c;
    padding-left: 1rem;
  }
  legend {
    font-size: 1.1875rem;
    font-weight: 700;
    margin-bottom: 0.75rem;
    padding: 0;
    max-width: 100%;
    white-space: normal;
  }
  legend p {
    margin: 0;
  }
  .choices {
    display: grid;
    gap: 0.75rem;
  }
  .choice {
    display: flex;
    gap: 0.75rem;
    align-items: flex-start;
  }
  /* GOV.UK-sized radios and checkboxes: 40px, easy to hit, with the label's first line centred
     on them. */
  .choice input {
    flex: none;
    width: 2.5rem;
    height: 2.5rem;
    margin: 0;
    accent-color: #0b0c0c;
  }
  .choice label {
    padding-top: 0.375rem;
    cursor: pointer;
  }
  select,
  textarea {
    font: inherit;
    max-width: 100%;
    border: 2px solid #0b0c0c;
    border-radius: 0;
    padding: 0.375rem;
    background: #ffffff;
    color: #0b0c0c;
  }
  textarea {
    width: 100%;
    min-height: 7rem;
  }
  dl.summary {
    display: grid;
    grid-template-columns: minmax(7rem, max-content) 1fr;
    gap: 0.5rem 1rem;
    margin: 0 0 1.5rem;
  }
  dl.summary dt {
    font-weight: 700;
  }
  dl.summary dd {
    margin: 0;
  }
  /* GOV.UK details: a link-like summary that opens a bordered block (the module start's long parts). */
  details.details {
    margin: 0 0 1.25rem;
  }
  details.details summary {
    display: inline-block;
    cursor: pointer;
    color: var(--sg-colour-link, #1d70b8);
    padding-left: 1.5rem;
    position: relative;
  }
  details.details summary::marker,
  details.details summary::-webkit-details-marker {
    display: none;
    content: '';
  }
  details.details summary::before {
    content: '';
    position: absolute;
    left: 0;
    top: 0.35em;
    border-style: solid;
    border-color: transparent;
    border-width: 0.45em 0 0.45em 0.7em;
    border-left-color: currentColor;
  }
  details.details[open] summary::before {
    border-width: 0.7em 0.45em 0 0.45em;
    border-color: currentColor transparent transparent;
  }
  details.details summary span {
    text-decoration: underline;
    text-decoration-thickness: max(1px, 0.0625rem);
    text-underline-offset: 0.15em;
  }
  details.details summary:focus-visible {
    color: var(--sg-colour-text, #0b0c0c);
    background: var(--sg-colour-focus, #ffdd00);
    outline: 3px solid transparent;
    box-shadow: 0 4px var(--sg-colour-text, #0b0c0c);
  }
  details.details summary:focus-visible span {
    text-decoration: none;
  }
  .details-text {
    margin-top: 0.75rem;
    padding: 0.75rem 0 0.75rem 1rem;
    border-left: 5px solid #b1b4b6;
  }
  .details-text > :last-child {
    margin-bottom: 0;
  }
  dd > :last-child,
  li > p:last-child {
    margin-bottom: 0;
  }
  @media (max-width: 30rem) {
    dl.summary {
      grid-template-columns: 1fr;
    }
    dl.summary dd {
      margin-bottom: 0.5rem;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
      scroll-behavior: auto !important;
    }
  }
  /* Windows high contrast: system colours, and borders where colour carried meaning. */
  @media (forced-colors: active) {
    button,
    .button {
      border: 2px solid ButtonText;
    }
    button:focus-visible,
    .button:focus-visible,
    :focus-visible {
      outline: 4px solid Highlight;
      outline-offset: 2px;
    }
    .tag,
    .finding-text,
    .choice.chosen,
    .feedback,
    .error-summary,
    .warning,
    .panel {
      border-color: CanvasText;
    }
  }
  @media print {
    button,
    .button,
    .button-group,
    .no-print {
      display: none !important;
    }
    a {
      color: #000000;
    }
  }
`;
