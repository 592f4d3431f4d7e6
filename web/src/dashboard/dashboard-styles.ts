import { css } from 'lit';

// The dashboard's palette as the components' custom properties, so the shared components
// (written for the sidebar) follow light and dark mode without knowing about it.
export const palette = css`
  :host {
    --mf-text: #202124;
    --mf-muted: #5f6368;
    --mf-border: #c4c7c5;
    --mf-link: #0b57d0;
    --mf-accent: #0b57d0;
    --mf-hover: #eef1f5;
    --mf-button-bg: #fff;
    --mf-surface: #fff;
    --mf-surface-2: #f6f8fc;
    --mf-error: #b3261e;
    --mf-ok: #146c2e;
    --mf-focus: #0b57d0;
    color: var(--mf-text);
    background: var(--mf-surface);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --mf-text: #e8eaed;
      --mf-muted: #bdc1c6;
      --mf-border: #5f6368;
      --mf-link: #a8c7fa;
      /* White text stays readable on it, as in light mode (the shared buttons use #fff). */
      --mf-accent: #0b57d0;
      --mf-hover: #2d2f33;
      --mf-button-bg: #202124;
      --mf-surface: #1b1c1f;
      --mf-surface-2: #26282c;
      --mf-error: #f2b8b5;
      --mf-ok: #6dd58c;
      --mf-focus: #a8c7fa;
    }
  }
`;

export const viewStyles = css`
  :host {
    display: block;
  }
  h1 {
    font-size: 1.3rem;
    margin: 0 0 0.75rem;
  }
  h2 {
    font-size: 1.05rem;
    margin: 0 0 0.5rem;
  }
  section.card {
    background: var(--mf-surface);
    border: 1px solid var(--mf-border);
    border-radius: 8px;
    padding: 0.9rem;
    margin-bottom: 1rem;
    min-width: 0;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.5rem 0 0.2rem;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    max-width: 100%;
  }
  input,
  select,
  textarea {
    background: var(--mf-button-bg);
    color: var(--mf-text);
    border: 1px solid var(--mf-border);
    border-radius: 4px;
    padding: 0.35rem 0.45rem;
    box-sizing: border-box;
  }
  input[type='checkbox'] {
    width: auto;
  }
  button {
    cursor: pointer;
    border: 1px solid var(--mf-border);
    border-radius: 4px;
    background: var(--mf-button-bg);
    color: var(--mf-link);
    padding: 0.3rem 0.7rem;
    min-height: 2rem;
  }
  button.primary {
    background: var(--mf-accent);
    border-color: var(--mf-accent);
    color: #fff;
  }
  button:hover {
    background: var(--mf-hover);
  }
  button.primary:hover {
    background: var(--mf-accent);
    filter: brightness(0.92);
  }
  button[disabled] {
    opacity: 0.6;
    cursor: default;
  }
  :focus-visible {
    outline: 2px solid var(--mf-focus);
    outline-offset: 2px;
  }
  .muted {
    color: var(--mf-muted);
  }
  .error {
    color: var(--mf-error);
  }
  .ok {
    color: var(--mf-ok);
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
    gap: 0.5rem 1rem;
  }
  code {
    overflow-wrap: anywhere;
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
