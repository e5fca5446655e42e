import { css } from 'lit';

export const styles = css`
  .modules {
    list-style: none;
    padding: 0;
    margin: 0 0 1.5rem;
    border-top: 1px solid #b1b4b6;
  }
  .module {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    padding: 1rem 0;
    border-bottom: 1px solid #b1b4b6;
  }
  .module h2 {
    margin: 0 0 0.25rem;
    font-size: 1.25rem;
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
  .tag.completed {
    color: #6e3619;
    background: #fcd6c3;
  }
  .tag.passed {
    color: #005a30;
    background: #cce2d8;
  }
`;
