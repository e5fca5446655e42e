import { css } from 'lit';

export const styles = css`
  .hint {
    color: #484949;
    margin-bottom: 1rem;
  }
  .ordering {
    list-style: none;
    padding: 0;
    margin: 0;
    counter-reset: position;
    display: grid;
    gap: 0.5rem;
  }
  .ordering li {
    counter-increment: position;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    border: 2px solid #b1b4b6;
    padding: 0.5rem 0.75rem;
  }
  .ordering .item::before {
    content: counter(position) '. ';
    font-weight: 700;
  }
  .moves {
    display: flex;
    gap: 0.5rem;
  }
  .moves button {
    font-size: 1rem;
  }
  .matches-heading {
    font-size: 1.1875rem;
    margin-top: 0;
  }
  .matches {
    margin-bottom: 1.5rem;
  }
  .match-row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25rem;
    margin-bottom: 1rem;
  }
  .match-row select {
    width: 100%;
  }
  .match-row label {
    font-weight: 700;
  }
  .result {
    font-weight: 700;
  }
  @media (forced-colors: active) {
    .ordering li {
      border-color: CanvasText;
    }
  }
`;
