import { css } from 'lit';

export const styles = css`
  .field {
    margin-bottom: 1.5rem;
  }
  .field > label,
  .field > .label {
    display: block;
    font-weight: 700;
    margin-bottom: 0.25rem;
  }
  .label p {
    margin: 0;
  }
  .inset p {
    margin: 0 0 0.5rem;
  }
  .inset p:last-child {
    margin-bottom: 0;
  }
  /* GOV.UK's warning button: the one step here that deletes something. */
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
  /* Empty but present, so that screen readers announce what is written into it. */
  .removal-status:empty {
    margin: 0;
  }
  .print-log {
    display: none;
  }
  @media print {
    .screen-only {
      display: none !important;
    }
    .print-log {
      display: block;
    }
    .print-log dd {
      margin: 0 0 1rem;
    }
    .print-log dd.answer {
      white-space: pre-wrap;
    }
    .print-log dt {
      font-weight: 700;
      /* A prompt is never the last line of a page with its answer on the next. */
      break-after: avoid;
    }
    .print-log h2,
    .print-log h3 {
      break-after: avoid;
    }
  }
`;
