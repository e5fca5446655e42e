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
