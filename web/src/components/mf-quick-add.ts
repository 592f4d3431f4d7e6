import { LitElement, css, html, nothing } from 'lit';
import { parseQuickAdd, type FieldIssue, type ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { quickAddChips, type PreviewChip } from '../format/quick-add-chips.ts';
import { baseStyles } from './base-styles.ts';
import { emit } from './events.ts';

/**
 * One line in, one task out, with a live preview of what quick add understood. The preview
 * runs the shared parser in the browser with the Sheet's zone, so it is what the host will
 * save: no round trip per keystroke.
 */
export class MfQuickAdd extends LitElement {
  // Lit's static `properties` instead of @property/@state decorators: decorators are not
  // erasable syntax, and the repo runs and bundles TypeScript by type stripping. The
  // `declare` fields below only type these; a real class field would shadow Lit's accessor.
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    text: { state: true },
    issues: { state: true },
    busy: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare private text: string;
  declare private issues: FieldIssue[];
  declare private busy: boolean;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.text = '';
    this.issues = [];
    this.busy = false;
  }

  static override styles = [
    baseStyles,
    css`
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      label {
        flex-basis: 100%;
        font-weight: 600;
        font-size: 0.9rem;
      }
      input {
        flex: 1 1 8rem;
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        list-style: none;
        margin: 0.4rem 0 0;
        padding: 0;
      }
      .chip {
        border-radius: 999px;
        background: var(--mf-chip-bg, #e8f0fe);
        color: var(--mf-chip-text, #174ea6);
        padding: 0.1rem 0.5rem;
        font-size: 0.8rem;
        max-width: 100%;
        overflow-wrap: anywhere;
      }
      .chip[data-kind='title'] {
        background: var(--mf-hover, #f1f3f4);
        color: inherit;
      }
      .chip-label {
        font-weight: 600;
      }
      .hint {
        margin: 0.3rem 0 0;
      }
    `,
  ];

  /** Moves focus to the text box (mf-app does so after it mounts). */
  override focus(): void {
    this.renderRoot.querySelector('input')?.focus();
  }

  private chips(): PreviewChip[] {
    if (this.calendar === undefined || this.text.trim() === '') return [];
    const now = this.clock();
    return quickAddChips(
      parseQuickAdd(this.text, { now, calendar: this.calendar }),
      this.calendar,
      now,
    );
  }

  private onInput(e: Event): void {
    this.text = (e.target as HTMLInputElement).value;
    this.issues = [];
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.text !== '') {
      e.stopPropagation();
      this.text = '';
      this.issues = [];
    }
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    if (this.busy || this.client === undefined) return;
    if (this.text.trim() === '') {
      this.issues = [{ field: 'text', rule: 'min', message: 'Type a task first' }];
      return;
    }
    this.busy = true;
    const answer = await this.client.call('quickAddTask', { text: this.text });
    this.busy = false;
    if (answer.ok) {
      const task = answer.data.task;
      this.text = '';
      this.issues = [];
      emit(this, 'mf-task-changed', { action: 'created', task, message: `Added “${task.title}”` });
    } else if (answer.error.code === 'validation_failed') {
      const details = answer.error.details;
      this.issues =
        Array.isArray(details) && details.length > 0
          ? details
          : [{ field: 'text', rule: 'format', message: answer.error.message }];
    } else {
      emit(this, 'mf-error', { error: answer.error, action: 'add the task' });
    }
  }

  override render() {
    const chips = this.chips();
    const invalid = this.issues.length > 0;
    const describedBy = [chips.length > 0 ? 'chips' : 'hint', invalid ? 'issues' : ''];
    return html`
      <form @submit=${this.onSubmit} novalidate>
        <label for="text">Add a task</label>
        <input
          id="text"
          type="text"
          autocomplete="off"
          enterkeyhint="done"
          placeholder="Pay rent tomorrow p1 #home"
          aria-describedby=${describedBy.join(' ').trim()}
          aria-invalid=${invalid ? 'true' : 'false'}
          .value=${this.text}
          @input=${this.onInput}
          @keydown=${this.onKeydown}
        />
        <button type="submit" class="primary" aria-busy=${this.busy ? 'true' : 'false'}>Add</button>
      </form>
      ${
        invalid
          ? html`<div id="issues" role="alert">
              ${this.issues.map((i) => html`<p class="error">${i.message}</p>`)}
            </div>`
          : nothing
      }
      ${
        chips.length > 0
          ? html`<ul id="chips" class="chips" aria-label="Quick add understood">
              ${chips.map(
                (c) =>
                  html`<li class="chip" data-kind=${c.kind}>
                    <span class="chip-label">${c.label}:</span> ${c.value}
                  </li>`,
              )}
            </ul>`
          : html`<p id="hint" class="hint muted">
              Try: tomorrow 3pm, p1, 30m, #tag, @morning, every monday
            </p>`
      }
    `;
  }
}

customElements.define('mf-quick-add', MfQuickAdd);

declare global {
  interface HTMLElementTagNameMap {
    'mf-quick-add': MfQuickAdd;
  }
}
