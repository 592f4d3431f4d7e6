import { css } from 'lit';

// Shared by every component's shadow root. System fonts only: the HtmlService iframe has no
// network assumptions, and the sidebar is 300 px wide, so everything wraps instead of
// scrolling sideways.
export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-width: 0;
    max-width: 100%;
    color: var(--mf-text, #202124);
    font: inherit;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  h2 {
    font-size: 0.95rem;
    margin: 0 0 0.5rem;
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    max-width: 100%;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--mf-border, #dadce0);
    border-radius: 4px;
    background: var(--mf-button-bg, #fff);
    color: var(--mf-link, #1a73e8);
    padding: 0.25rem 0.6rem;
    min-height: 1.9rem;
  }
  button.primary {
    background: var(--mf-accent, #1a73e8);
    border-color: var(--mf-accent, #1a73e8);
    color: #fff;
  }
  button:hover {
    background: var(--mf-hover, #f1f3f4);
  }
  button.primary:hover {
    background: #1765cc;
  }
  input,
  select,
  textarea {
    border: 1px solid var(--mf-border, #dadce0);
    border-radius: 4px;
    padding: 0.3rem 0.4rem;
    min-width: 0;
    width: 100%;
  }
  [aria-invalid='true'] {
    border-color: var(--mf-error, #c5221f);
  }
  :focus-visible {
    outline: 2px solid var(--mf-focus, #1a73e8);
    outline-offset: 2px;
  }
  .error {
    color: var(--mf-error, #c5221f);
    margin: 0.25rem 0;
    font-size: 0.85rem;
  }
  .muted {
    color: var(--mf-muted, #5f6368);
    font-size: 0.85rem;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
