import { css } from 'lit';

export const styles = css`
  :host {
    min-height: 100vh;
  }
  .skip-link {
    position: absolute;
    left: -9999px;
    top: 0;
    padding: 0.5rem 1rem;
    background: #ffdd00;
    color: #0b0c0c;
    z-index: 10;
  }
  .skip-link:focus,
  .skip-link:focus-visible {
    position: static;
    display: block;
    left: auto;
  }
  header {
    color: #ffffff;
    background: #0b0c0c;
    border-bottom: 0.5rem solid var(--sg-colour-brand, #1d70b8);
  }
  .header-inner,
  .width {
    max-width: 64rem;
    margin: 0 auto;
    padding: 0 1rem;
  }
  .header-inner {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
    justify-content: space-between;
    padding-top: 0.75rem;
    padding-bottom: 0.75rem;
  }
  .course-title {
    font-weight: 700;
    font-size: 1.1875rem;
    margin: 0;
  }
  .level-title {
    margin: 0;
  }
  header button.secondary {
    font-size: 1rem;
  }
  .header-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .width {
    padding-top: 1rem;
    padding-bottom: 3rem;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    align-items: center;
    margin: 0 0 1.5rem;
  }
  .progress label {
    font-weight: 700;
  }
  /* Drawn by us, not the platform, so the fill can be given a colour in high contrast too. */
  progress {
    appearance: none;
    width: min(20rem, 100%);
    height: 1.25rem;
    border: 2px solid #0b0c0c;
    background: #ffffff;
  }
  progress::-webkit-progress-bar {
    background: #ffffff;
  }
  progress::-webkit-progress-value {
    background: #00703c;
  }
  progress::-moz-progress-bar {
    background: #00703c;
  }
  .notice {
    font-size: 1rem;
    color: #484949;
    margin: 0 0 1rem;
  }
  .banner {
    border: 5px solid #d4351c;
    margin: 0 0 1.5rem;
  }
  .banner .banner-title {
    color: #ffffff;
    background: #d4351c;
    padding: 0.25rem 1rem 0.5rem;
    margin: 0;
    font-size: 1.1875rem;
  }
  .banner .banner-content {
    padding: 1rem;
  }
  .banner .banner-content p {
    margin: 0;
  }
  main:focus {
    outline: none;
  }
  footer {
    border-top: 2px solid #1d70b8;
    background: #f3f2f1;
  }
  footer .width {
    padding-top: 1rem;
    padding-bottom: 1rem;
    font-size: 1rem;
  }
  @media (forced-colors: active) {
    header,
    footer,
    .banner,
    .banner .banner-title {
      border-color: CanvasText;
    }
    /* High contrast drops background colours, and with them the bar's fill: keep it, in the
       user's own system colours (the fill in Highlight on Canvas, inside a CanvasText edge). */
    progress {
      forced-color-adjust: none;
      border-color: CanvasText;
      background: Canvas;
    }
    progress::-webkit-progress-bar {
      background: Canvas;
    }
    progress::-webkit-progress-value {
      background: Highlight;
    }
    progress::-moz-progress-bar {
      background: Highlight;
    }
  }
  @media print {
    header,
    footer,
    .progress,
    .notice,
    .skip-link {
      display: none !important;
    }
  }
`;
