import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AppError, Task, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { dueParts, clockLabel, relativeDay } from '../format/due-label.ts';
import { priorityLabel } from '../format/priority-label.ts';
import { baseStyles } from './base-styles.ts';
import { emit, type TaskDetail } from './events.ts';
import { deleteTask, reopenTask, type ActionOutcome } from './task-actions.ts';

const LIMIT = 100;

/**
 * What was done: completed tasks, most recently completed first, each with Reopen and
 * Delete (both emit mf-task-changed with an `undo`). Reloads when `revision` changes.
 */
export class MfCompletedList extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    revision: { type: Number },
    tasks: { state: true },
    more: { state: true },
    loaded: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;
  declare private tasks: Task[];
  declare private more: boolean;
  declare private loaded: boolean;
  private loads = 0;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.revision = 0;
    this.tasks = [];
    this.more = false;
    this.loaded = false;
    this.addEventListener('mf-reopen-request', (e) => void this.reopen(e));
    this.addEventListener('mf-delete-request', (e) => void this.deleteOne(e));
  }

  static override styles = [
    baseStyles,
    css`
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.5rem;
        padding: 0.45rem 0;
      }
      li + li {
        border-top: 1px solid var(--mf-border, #dadce0);
      }
      .title {
        flex: 1 1 10rem;
        min-width: 0;
        overflow-wrap: anywhere;
        text-decoration: line-through;
        color: var(--mf-muted, #5f6368);
      }
      .meta {
        flex-basis: 100%;
        margin: 0;
      }
      .actions {
        flex-basis: 100%;
        display: flex;
        gap: 0.3rem;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('client') || changed.has('revision')) && this.client) void this.load();
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const load = ++this.loads;
    const answer = await client.call('listTasks', { status: 'completed', limit: LIMIT });
    if (load !== this.loads) return;
    this.loaded = true;
    if (!answer.ok) return this.fail(answer.error, 'load your completed tasks');
    this.tasks = [...answer.data.tasks].sort((a, b) =>
      (b.completed_at ?? '').localeCompare(a.completed_at ?? ''),
    );
    this.more = answer.data.next_cursor !== null;
  }

  private fail(error: AppError, action: string): void {
    emit(this, 'mf-error', { error, action });
  }

  private context() {
    const { client, calendar } = this;
    return client && calendar ? { client, calendar, now: this.clock() } : undefined;
  }

  private settle(outcome: ActionOutcome, action: string): void {
    if (!outcome.ok) return this.fail(outcome.error, action);
    emit(this, 'mf-task-changed', outcome.change);
  }

  private async reopen(e: CustomEvent<TaskDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.context();
    if (ctx) this.settle(await reopenTask(ctx, e.detail.task), `reopen “${e.detail.task.title}”`);
  }

  private async deleteOne(e: CustomEvent<TaskDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.context();
    if (ctx) this.settle(await deleteTask(ctx, e.detail.task), `delete “${e.detail.task.title}”`);
  }

  private when(task: Task): string {
    if (!task.completed_at || !this.calendar) return '';
    const parts = dueParts(task.completed_at, this.calendar);
    if (!parts) return '';
    const day = relativeDay(parts.date, this.calendar.localDate(this.clock()));
    return `done ${day}${parts.minuteOfDay === null ? '' : ` ${clockLabel(parts.minuteOfDay)}`}`;
  }

  override render() {
    return html`<section aria-labelledby="done-heading" aria-busy=${this.loaded ? 'false' : 'true'}>
      <h2 id="done-heading">Completed (${this.tasks.length}${this.more ? '+' : ''})</h2>
      ${
        !this.loaded
          ? html`<p class="muted">Loading…</p>`
          : this.tasks.length === 0
            ? html`<p class="muted">Nothing completed yet.</p>`
            : html`<ol>
                ${repeat(
                  this.tasks,
                  (t) => t.id,
                  (t) =>
                    html`<li data-id=${t.id}>
                      <span class="title">${t.title}</span>
                      <p class="meta muted">
                        ${[this.when(t), priorityLabel(t.priority)].filter(Boolean).join(' · ')}
                      </p>
                      <div class="actions">
                        <button
                          type="button"
                          aria-label=${`Reopen “${t.title}”`}
                          @click=${() => emit(this, 'mf-reopen-request', { task: t })}
                        >
                          Reopen
                        </button>
                        <button
                          type="button"
                          aria-label=${`Delete “${t.title}”`}
                          @click=${() => emit(this, 'mf-delete-request', { task: t })}
                        >
                          Delete
                        </button>
                      </div>
                    </li>`,
                )}
              </ol>`
      }
    </section>`;
  }
}

customElements.define('mf-completed-list', MfCompletedList);

declare global {
  interface HTMLElementTagNameMap {
    'mf-completed-list': MfCompletedList;
  }
}
