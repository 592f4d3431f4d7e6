import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { FieldIssue, Task, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { clockLabel, dueParts, dateLabel } from '../format/due-label.ts';
import {
  formFieldOf,
  formFromTask,
  patchFromForm,
  type FormField,
  type TaskForm,
} from '../forms/task-form.ts';
import { baseStyles } from './base-styles.ts';
import { emit } from './events.ts';
import { editorFields } from './task-editor-fields.ts';

/**
 * Edits one task. Only changed fields are sent, with expected_updated_at, so an edit made
 * elsewhere meanwhile (the Sheet itself, the GPT) is reported as a conflict instead of
 * being overwritten. The core's field issues are shown next to their fields.
 */
export class MfTaskEditor extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    task: { attribute: false },
    form: { state: true },
    issues: { state: true },
    problem: { state: true },
    conflict: { state: true },
    busy: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare task: Task | undefined;
  declare private form: TaskForm | undefined;
  declare private issues: Partial<Record<FormField, string[]>>;
  declare private problem: string;
  declare private conflict: boolean;
  declare private busy: boolean;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.task = undefined;
    this.form = undefined;
    this.issues = {};
    this.problem = '';
    this.conflict = false;
    this.busy = false;
  }

  static override styles = [
    baseStyles,
    css`
      form {
        display: grid;
        gap: 0.55rem;
      }
      .field {
        display: grid;
        gap: 0.15rem;
        min-width: 0;
      }
      label,
      legend {
        font-size: 0.85rem;
        font-weight: 600;
      }
      legend {
        padding: 0;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        min-width: 0;
      }
      .pair {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
      .pair input {
        flex: 1 1 7rem;
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
      }
      .problem {
        border: 1px solid var(--mf-error, #c5221f);
        border-radius: 4px;
        padding: 0.4rem 0.5rem;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('task') || changed.has('calendar')) && this.task && this.calendar) {
      this.form = formFromTask(this.task, this.calendar);
      this.issues = {};
      this.problem = '';
      this.conflict = false;
    }
  }

  protected override firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
  }

  setField(field: keyof TaskForm, value: string): void {
    if (!this.form) return;
    this.form = { ...this.form, [field]: value };
  }

  private close(saved: boolean, task = this.task): void {
    if (task) emit(this, 'mf-edit-close', { task, saved });
  }

  private showIssues(issues: readonly FieldIssue[], fallback: string): void {
    const byField: Partial<Record<FormField, string[]>> = {};
    const general: string[] = [];
    for (const issue of issues) {
      const field = formFieldOf(issue.field);
      if (field) (byField[field] ??= []).push(issue.message);
      else general.push(issue.message);
    }
    this.issues = byField;
    this.problem = general.join(' ') || (Object.keys(byField).length ? '' : fallback);
  }

  private async onSubmit(e: Event): Promise<void> {
    e.preventDefault();
    const { client, calendar, task, form } = this;
    if (this.busy || !client || !calendar || !task || !form) return;
    const outcome = patchFromForm(form, task, calendar);
    if (!outcome.ok) return this.showIssues(outcome.issues, 'Check the fields');
    if (Object.keys(outcome.patch).length === 0) return this.close(false);
    this.busy = true;
    const input = { id: task.id, expected_updated_at: task.updated_at, ...outcome.patch };
    const answer = await client.call('updateTask', input);
    this.busy = false;
    if (answer.ok) {
      const saved = answer.data;
      emit(this, 'mf-task-changed', {
        action: 'updated',
        task: saved,
        message: `Saved “${saved.title}”`,
      });
      return this.close(true, saved);
    }
    const { code, message, details } = answer.error;
    this.conflict = code === 'conflict';
    if (code === 'validation_failed' && Array.isArray(details)) this.showIssues(details, message);
    else if (code === 'conflict') this.showIssues([], this.conflictMessage(details));
    else if (code === 'not_found')
      this.showIssues([], 'This task no longer exists; it may have been deleted.');
    else this.showIssues([], message);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"], .problem')?.focus();
  }

  private conflictMessage(details: unknown): string {
    const at = (details as { updated_at?: unknown } | undefined)?.updated_at;
    const parts = typeof at === 'string' && this.calendar ? dueParts(at, this.calendar) : null;
    const when =
      parts && this.calendar
        ? ` at ${clockLabel(parts.minuteOfDay ?? 0)} on ${dateLabel(parts.date, parts.date)}`
        : '';
    return `Someone else changed this task${when} while you were editing. Your changes were not saved: load the latest version and make them again.`;
  }

  private async loadLatest(): Promise<void> {
    if (!this.client || !this.task) return;
    const answer = await this.client.call('getTask', { id: this.task.id });
    if (!answer.ok) return this.showIssues([], answer.error.message);
    this.task = answer.data; // willUpdate resets the form from it
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#title')?.focus();
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Escape') {
      e.preventDefault();
      this.close(false);
    }
  }

  override render() {
    if (!this.form || !this.task) return nothing;
    return html`<section aria-labelledby="heading" @keydown=${this.onKeydown}>
      <h2 id="heading">Edit task</h2>
      <form @submit=${this.onSubmit} novalidate>
        ${editorFields(this, this.form, this.issues)}
        ${
          this.problem
            ? html`<div class="problem" role="alert" tabindex="-1">
                <p class="error">${this.problem}</p>
                ${
                  this.conflict
                    ? html`<button type="button" @click=${this.loadLatest}>
                        Load latest version
                      </button>`
                    : nothing
                }
              </div>`
            : nothing
        }
        <div class="buttons">
          <button type="submit" class="primary" aria-busy=${this.busy ? 'true' : 'false'}>
            Save
          </button>
          <button type="button" @click=${() => this.close(false)}>Cancel</button>
        </div>
      </form>
    </section>`;
  }
}

customElements.define('mf-task-editor', MfTaskEditor);

declare global {
  interface HTMLElementTagNameMap {
    'mf-task-editor': MfTaskEditor;
  }
}
