import { css } from 'lit';

/**
 * GOV.UK-like record and certificate: summary lists, a plain table, write-in lines for the
 * supervisor. In print: A4 (the page rule is in sg-record.ts), no buttons or screen help, nothing
 * split that reads as one (a decision, a heading from its answer, the supervisor's box).
 */
export const styles = css`
  .summary {
    display: grid;
    grid-template-columns: minmax(8rem, 30%) 1fr;
    margin: 1.5rem 0;
    border-top: 1px solid #b1b4b6;
  }
  .summary dt,
  .summary dd {
    margin: 0;
    padding: 0.5rem 1rem 0.5rem 0;
    border-bottom: 1px solid #b1b4b6;
  }
  .summary dt {
    font-weight: 700;
  }
  .field {
    margin: 1.5rem 0;
  }
  .field label {
    display: block;
    font-weight: 700;
  }
  .hint {
    color: #484949;
    margin: 0.25rem 0 0.5rem;
  }
  input[type='text'] {
    font: inherit;
    width: 100%;
    max-width: 30rem;
    height: 2.5rem;
    padding: 0.3rem;
    border: 2px solid #0b0c0c;
  }
  input[type='text']:focus-visible {
    outline: 3px solid #ffdd00;
    outline-offset: 0;
    box-shadow: inset 0 0 0 2px #0b0c0c;
  }
  table.modules {
    width: 100%;
    border-collapse: collapse;
    margin: 0 0 1.5rem;
  }
  .modules th,
  .modules td {
    text-align: left;
    vertical-align: top;
    padding: 0.5rem 1rem 0.5rem 0;
    border-bottom: 1px solid #b1b4b6;
  }
  .modules tbody th {
    font-weight: 400;
  }
  .outcomes li,
  .findings li {
    margin-bottom: 0.5rem;
  }
  .module-log {
    border-top: 2px solid #1d70b8;
    margin-top: 1.5rem;
  }
  .module-log h3 {
    margin: 1rem 0 0.25rem;
  }
  .module-log h4 {
    margin: 1rem 0 0.25rem;
    font-size: 1rem;
  }
  .module-log p {
    margin: 0 0 0.5rem;
    white-space: pre-wrap;
  }
  .source {
    color: #484949;
  }
  .not-answered {
    color: #484949;
    font-style: italic;
  }
  .decisions li {
    margin-bottom: 0.75rem;
  }
  .question {
    font-weight: 700;
  }
  .write-in {
    display: inline-block;
    min-width: 16rem;
    min-height: 1.5rem;
    border-bottom: 1px solid #0b0c0c;
  }
  .write-box {
    min-height: 8rem;
    border: 1px solid #0b0c0c;
    margin-bottom: 1rem;
  }
  .sign {
    display: grid;
    grid-template-columns: 12rem 1fr;
    gap: 1rem;
  }
  .sign dt {
    font-weight: 700;
  }
  .sign dd {
    margin: 0;
  }
  .supervisor {
    margin-top: 2rem;
    border-top: 2px solid #0b0c0c;
  }
  .certificate {
    border: 0.5rem double #0b0c0c;
    padding: 2rem 1.5rem;
    margin: 1.5rem 0;
    text-align: center;
  }
  .certificate h1 {
    margin: 0.5rem 0 1.5rem;
  }
  .certificate h2 {
    font-size: 1.125rem;
    margin: 1.5rem 0 0.5rem;
  }
  .certificate p {
    margin: 0 0 0.5rem;
  }
  .organisation {
    font-weight: 700;
    color: #1d70b8;
  }
  .certificate-name,
  .certificate-level {
    font-size: 1.75rem;
    font-weight: 700;
  }
  .certificate-modules {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
  }
  .certificate-date {
    margin-top: 1.5rem !important;
  }
  @media (forced-colors: active) {
    .module-log,
    .supervisor,
    .certificate,
    .write-box,
    .write-in {
      border-color: CanvasText;
    }
  }
  @media print {
    :host {
      font-size: 11pt;
    }
    .screen-only {
      display: none !important;
    }
    h1,
    h2,
    h3,
    h4 {
      break-after: avoid;
    }
    .decisions li,
    .summary,
    .supervisor,
    tr {
      break-inside: avoid;
    }
    .module-log h4 + p {
      break-before: avoid;
    }
    .organisation {
      color: #0b0c0c;
    }
    .certificate {
      break-inside: avoid;
      margin: 0;
      padding: 10mm;
    }
  }
`;
