import { css } from 'lit';

export const styles = css`
  .modules {
    list-style: none;
    padding: 0;
    margin: 0 0 1.5rem;
    border-top: 1px solid #b1b4b6;
  }
  /* Text on the left, status and button on the right, whatever the title's length; stacked on
     narrow screens (and at high zoom), so every row reads the same way. */
  .module {
    display: grid;
    grid-template-columns: 1fr;
    gap: 0.75rem 1.5rem;
    align-items: center;
    padding: 1rem 0;
    border-bottom: 1px solid #b1b4b6;
  }
  @media (min-width: 40rem) {
    .module {
      grid-template-columns: minmax(0, 1fr) auto;
    }
  }
  .module h2 {
    margin: 0 0 0.25rem;
    font-size: 1.25rem;
  }
  @media (min-width: 40.0625em) {
    .module h2 {
      font-size: 1.5rem;
    }
  }
  .module p {
    margin: 0;
  }
  .status {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
  }
  .tag.not-started {
    color: #383f43;
    background: #eeefef;
  }
  .tag.in-progress {
    color: #0c2d4a;
    background: #bbd4ea;
  }
  .tag.not-passed {
    color: #6e3619;
    background: #fcd6c3;
  }
  .tag.completed,
  .tag.passed {
    color: #005a30;
    background: #cce2d8;
  }
`;
