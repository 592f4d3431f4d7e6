import { LitElement, css, html, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { AppError, ScoredTask, Task, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { dueLabel } from '../format/due-label.ts';
import { snoozeInput, SNOOZE_LABELS } from '../format/snooze-choices.ts';
import { baseStyles } from './base-styles.ts';
import { emit, type SnoozeRequestDetail, type TaskDetail } from './events.ts';
import './mf-task-row.ts';

const LIMIT = 50;

/**
 * The ranked list (rankTasks). Rows ask to complete or snooze; the list does it and emits
 * mf-task-changed, and reloads when the host bumps `revision` in answer. Edit requests
 * bubble on to the host.
 */
export class MfTaskList extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    revision: { type: Number },
    ranked: { state: true },
    total: { state: true },
    loaded: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;
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
    this.ranked = [];
    this.total = 0;
    this.loaded = false;
    this.addEventListener('mf-complete-request', (e) => void this.complete(e));
    this.addEventListener('mf-snooze-request', (e) => void this.snooze(e));
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
  async focusTask(id: string, action: 'complete' | 'edit'): Promise<void> {
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

  private async complete(e: CustomEvent<TaskDetail>): Promise<void> {
    e.stopPropagation();
    const { task } = e.detail;
    if (!this.client) return;
    const answer = await this.client.call('completeTask', { id: task.id, expected_due: task.due });
    if (!answer.ok) return this.fail(answer.error, `complete “${task.title}”`);
    const { next_due } = answer.data;
    const message =
      next_due !== null && this.calendar
        ? `Completed “${task.title}”; next due ${dueLabel(next_due, this.calendar, this.clock())}`
        : `Completed “${task.title}”`;
    this.changed(answer.data.task, 'completed', message, next_due === null);
  }

  private async snooze(e: CustomEvent<SnoozeRequestDetail>): Promise<void> {
    e.stopPropagation();
    const { task, choice } = e.detail;
    if (!this.client || !this.calendar) return;
    const input = { id: task.id, ...snoozeInput(choice, this.calendar, this.clock()) };
    const answer = await this.client.call('snoozeTask', input);
    if (!answer.ok) return this.fail(answer.error, `snooze “${task.title}”`);
    const label = SNOOZE_LABELS[choice].toLowerCase();
    const message = `Snoozed “${task.title}” ${choice === '1h' ? `for ${label}` : `until ${label}`}`;
    this.changed(answer.data, 'snoozed', message, true);
  }

  private changed(task: Task, action: 'completed' | 'snoozed', message: string, gone: boolean) {
    this.refocusHeading = gone;
    emit(this, 'mf-task-changed', { action, task, message });
  }

  override render() {
    const shown = this.ranked.length;
    return html`<section aria-labelledby="heading" aria-busy=${this.loaded ? 'false' : 'true'}>
      <h2 id="heading" tabindex="-1">Up next (${this.total})</h2>
      ${
        !this.loaded
          ? html`<p class="muted">Loading…</p>`
          : shown === 0
            ? html`<p class="muted">No open tasks. Add one above.</p>`
            : html`<ol>
                ${repeat(
                  this.ranked,
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
      ${shown < this.total ? html`<p class="muted">Showing the best ${shown} of ${this.total}.</p>` : ''}
    </section>`;
  }
}

customElements.define('mf-task-list', MfTaskList);

declare global {
  interface HTMLElementTagNameMap {
    'mf-task-list': MfTaskList;
  }
}
