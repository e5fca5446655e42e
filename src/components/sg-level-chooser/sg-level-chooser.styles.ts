import { css } from 'lit';

export const styles = css`
  .levels {
    list-style: none;
    padding: 0;
    margin: 0;
    display: grid;
    gap: 1.5rem;
  }
  .level {
    border: 2px solid #b1b4b6;
    padding: 1rem 1rem 0;
  }
  .level h2 {
    margin-top: 0;
  }
`;
