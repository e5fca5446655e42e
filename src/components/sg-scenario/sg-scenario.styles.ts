import { css } from 'lit';

export const styles = css`
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 2rem;
  }
  @media (min-width: 60rem) {
    .layout {
      grid-template-columns: minmax(0, 2fr) minmax(0, 1fr);
    }
  }
  .knew {
    background: #f3f2f1;
    border-left: 0.5rem solid #505a5f;
    padding: 0.75rem 1rem;
    margin: 1.5rem 0;
  }
  .knew h2 {
    margin-top: 0;
    font-size: 1.1875rem;
  }
  .knew ul {
    margin-bottom: 0;
  }
  .timeline {
    border-top: 4px solid #1d70b8;
    padding-top: 0.5rem;
  }
  .timeline h2 {
    margin-top: 0;
    font-size: 1.1875rem;
  }
  .timeline ol {
    padding-left: 1.5rem;
    font-size: 1rem;
  }
  .timeline li {
    margin-bottom: 0.5rem;
  }
  .timeline li[aria-current] {
    font-weight: 700;
  }
  .chosen {
    display: block;
    font-weight: 400;
  }
  .feedback h2 {
    margin-top: 0;
  }
  @media (forced-colors: active) {
    .knew,
    .timeline {
      border-color: CanvasText;
    }
  }
  @media print {
    .timeline {
      border-top: 2px solid #000000;
    }
  }
`;
