import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AppError, ScoredTask, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { baseStyles } from './base-styles.ts';
import { emit, type SnoozeRequestDetail, type TaskDetail } from './events.ts';
import { completeTask, deleteTask, snoozeTask, type ActionOutcome } from './task-actions.ts';
import './mf-task-row.ts';

const LIMIT = 50;

/**
 * The ranked list (rankTasks). Rows ask to complete, snooze or delete; the list does it and
 * emits mf-task-changed (with an `undo` the host offers for 10 s), and reloads when the host
 * bumps `revision` in answer. Edit requests bubble on to the host. `hideId` leaves one task
 * out — the one mf-best-task already shows above the list — so no task is shown twice.
 */
export class MfTaskList extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    revision: { type: Number },
    /** A task not to list (the best task, shown on its own card). */
    hideId: { attribute: false },
    /** The heading; the dashboard calls it "Tasks". */
    heading: { type: String },
    ranked: { state: true },
    total: { state: true },
    loaded: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;
  declare hideId: string | null;
  declare heading: string;
  declare private ranked: ScoredTask[];
  declare private total: number;
  declare private loaded: boolean;
  private loads = 0;
  /** A row that had focus went away: put focus on the heading once the list has reloaded. */
  private refocusHeading = false;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.revision = 0;
    this.hideId = null;
    this.heading = 'Up next';
    this.ranked = [];
    this.total = 0;
    this.loaded = false;
    this.addEventListener('mf-complete-request', (e) => void this.complete(e));
    this.addEventListener('mf-snooze-request', (e) => void this.snooze(e));
    this.addEventListener('mf-delete-request', (e) => void this.deleteOne(e));
  }

  static override styles = [
    baseStyles,
    css`
      h2:focus {
        outline: none;
      }
      h2:focus-visible {
        outline: 2px solid var(--mf-focus, #1a73e8);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      li + li {
        border-top: 1px solid var(--mf-border, #dadce0);
      }
    `,
  ];

  /** Focuses a row's button, e.g. Edit again after the editor closes. */
  async focusTask(id: string, action: 'complete' | 'edit' | 'delete'): Promise<void> {
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElementTagNameMap['mf-task-row']>(
      `mf-task-row[data-id="${CSS.escape(id)}"]`,
    );
    if (row) {
      await row.updateComplete;
      row.focusAction(action);
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('client') || changed.has('revision')) && this.client) void this.load();
  }

  protected override updated(): void {
    if (this.refocusHeading && this.loaded) {
      this.refocusHeading = false;
      this.renderRoot.querySelector('h2')?.focus();
    }
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const load = ++this.loads;
    const answer = await client.call('rankTasks', { limit: LIMIT });
    if (load !== this.loads) return; // a newer load is on its way
    this.loaded = true;
    if (answer.ok) {
      this.ranked = answer.data.ranked;
      this.total = answer.data.total;
    } else {
      this.fail(answer.error, 'load your tasks');
    }
  }

  private fail(error: AppError, action: string): void {
    emit(this, 'mf-error', { error, action });
  }

  private context() {
    const { client, calendar } = this;
    return client && calendar ? { client, calendar, now: this.clock() } : undefined;
  }

  private async complete(e: CustomEvent<TaskDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.context();
    if (ctx)
      this.settle(await completeTask(ctx, e.detail.task), `complete “${e.detail.task.title}”`);
  }

  private async snooze(e: CustomEvent<SnoozeRequestDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.context();
    const { task, pick } = e.detail;
    if (ctx) this.settle(await snoozeTask(ctx, task, pick), `snooze “${task.title}”`);
  }

  private async deleteOne(e: CustomEvent<TaskDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.context();
    if (ctx) this.settle(await deleteTask(ctx, e.detail.task), `delete “${e.detail.task.title}”`);
  }

  private settle(outcome: ActionOutcome, action: string): void {
    if (!outcome.ok) return this.fail(outcome.error, action);
    const { change } = outcome;
    // A recurring task completed stays in the list; anything else leaves it.
    this.refocusHeading = change.action !== 'completed' || change.task.status === 'completed';
    emit(this, 'mf-task-changed', change);
  }

  override render() {
    const listed = this.ranked.filter((s) => s.task.id !== this.hideId);
    const hidden = this.ranked.length - listed.length;
    const shown = listed.length;
    const total = this.total - hidden;
    return html`<section aria-labelledby="heading" aria-busy=${this.loaded ? 'false' : 'true'}>
      <h2 id="heading" tabindex="-1">${this.heading} (${total})</h2>
      ${
        !this.loaded
          ? html`<p class="muted">Loading…</p>`
          : shown === 0
            ? html`<p class="muted">
                ${hidden > 0 ? 'Nothing else open.' : 'No open tasks. Add one above.'}
              </p>`
            : html`<ol>
                ${repeat(
                  listed,
                  (s) => s.task.id,
                  (s) =>
                    html`<li>
                      <mf-task-row
                        data-id=${s.task.id}
                        .scored=${s}
                        .calendar=${this.calendar}
                        .clock=${this.clock}
                      ></mf-task-row>
                    </li>`,
                )}
              </ol>`
      }
      ${shown < total ? html`<p class="muted">Showing the best ${shown} of ${total}.</p>` : ''}
    </section>`;
  }
}

customElements.define('mf-task-list', MfTaskList);

declare global {
  interface HTMLElementTagNameMap {
    'mf-task-list': MfTaskList;
  }
}
