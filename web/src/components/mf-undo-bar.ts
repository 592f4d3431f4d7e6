import { LitElement, css, html, nothing } from 'lit';
import type { AppError, Task } from '@mindflow/shared';
import { baseStyles } from './base-styles.ts';
import { emit, type TaskChangedDetail } from './events.ts';

/** How long Undo is offered, as the issue asks: long enough to notice, short enough to forget. */
export const UNDO_MS = 10_000;

/**
 * "Completed “Pay rent”. [Undo]" for 10 seconds after a change that can be put back. The host
 * hands it each change with `offer(change)`; Undo runs the change's `undo` and emits
 * mf-task-changed (action `restored`), or mf-error when that failed.
 */
export class MfUndoBar extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    /** How long the offer stands, in ms; tests may shorten it. */
    duration: { type: Number },
    change: { state: true },
    busy: { state: true },
  };

  declare duration: number;
  declare private change: TaskChangedDetail | undefined;
  declare private busy: boolean;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.duration = UNDO_MS;
    this.change = undefined;
    this.busy = false;
  }

  static override styles = [
    baseStyles,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.3rem 0.6rem;
        background: var(--mf-toast-bg, #323232);
        color: #fff;
        border-radius: 4px;
        padding: 0.35rem 0.5rem 0.35rem 0.7rem;
      }
      .message {
        flex: 1 1 8rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      button {
        background: transparent;
        border-color: transparent;
        color: var(--mf-toast-link, #8ab4f8);
        font-weight: 600;
      }
      button:hover {
        background: rgb(255 255 255 / 12%);
      }
    `,
  ];

  /** Shows `change` with Undo; a change without `undo` clears the bar. */
  offer(change: TaskChangedDetail): void {
    clearTimeout(this.timer);
    if (!change.undo) {
      this.change = undefined;
      return;
    }
    this.change = change;
    this.timer = setTimeout(() => (this.change = undefined), this.duration);
  }

  override disconnectedCallback(): void {
    clearTimeout(this.timer);
    this.change = undefined;
    // eslint-disable-next-line wc/guard-super-call -- LitElement always defines it
    super.disconnectedCallback();
  }

  private async undo(): Promise<void> {
    const change = this.change;
    if (!change?.undo || this.busy) return;
    this.busy = true;
    clearTimeout(this.timer);
    const restored: { ok: true; task: Task } | { ok: false; error: AppError } = await change.undo();
    this.busy = false;
    this.change = undefined;
    if (!restored.ok) {
      emit(this, 'mf-error', { error: restored.error, action: `undo “${change.task.title}”` });
      return;
    }
    emit(this, 'mf-task-changed', {
      action: 'restored',
      task: restored.task,
      message: `Undone: “${restored.task.title}” is back`,
    });
  }

  override render() {
    const change = this.change;
    if (!change) return nothing;
    return html`<div class="bar">
      <span class="message">${change.message}</span>
      <button
        type="button"
        aria-label=${`Undo: ${change.message}`}
        aria-busy=${this.busy ? 'true' : 'false'}
        @click=${this.undo}
      >
        Undo
      </button>
    </div>`;
  }
}

customElements.define('mf-undo-bar', MfUndoBar);

declare global {
  interface HTMLElementTagNameMap {
    'mf-undo-bar': MfUndoBar;
  }
}
