import { LitElement, css, html, type PropertyValues } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import type { OperationOutput, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { dueLabel } from '../format/due-label.ts';
import { priorityLabel } from '../format/priority-label.ts';
import { scoreLabel, scoreOnScale } from '../format/score-label.ts';
import { scoreBreakdown } from '../format/score-breakdown.ts';
import { baseStyles } from './base-styles.ts';
import { emit, type SnoozeChooseDetail } from './events.ts';
import { taskActionButtons } from './task-action-buttons.ts';

type Answer = OperationOutput<'getBestTask'>;
/** The answer when a task is open: the task, its score and why. */
type Best = Extract<Answer, { score: number }>;

/**
 * "Do this next": the best task, its score and the why, with the breakdown on demand, and
 * Done / Snooze / Edit as request events (the host carries them out, as for list rows). It
 * announces which task it shows (mf-best-changed) so a list beside it can leave that one out.
 */
export class MfBestTask extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    /** Bumped by the host whenever tasks change; each new value reloads. */
    revision: { type: Number },
    best: { state: true },
    nothing: { state: true },
    loaded: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;
  declare private best: Best | null;
  /** Why there is nothing to do, as MindFlow put it ("Nothing open — add a task"). */
  declare private nothing: string | null;
  declare private loaded: boolean;
  private loads = 0;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.revision = 0;
    this.best = null;
    this.nothing = null;
    this.loaded = false;
  }

  static override styles = [
    baseStyles,
    css`
      section {
        border: 1px solid var(--mf-border, #dadce0);
        border-left: 4px solid var(--mf-accent, #1a73e8);
        border-radius: 4px;
        padding: 0.5rem 0.6rem;
      }
      .title {
        font-weight: 600;
        margin: 0 0 0.25rem;
        overflow-wrap: anywhere;
      }
      .why {
        margin: 0 0 0.25rem;
      }
      details {
        margin-top: 0.25rem;
      }
      summary {
        cursor: pointer;
        color: var(--mf-link, #1a73e8);
        font-size: 0.85rem;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.85rem;
        margin-top: 0.25rem;
      }
      th {
        text-align: left;
        font-weight: normal;
        overflow-wrap: anywhere;
      }
      td {
        text-align: right;
        white-space: nowrap;
        padding-left: 0.5rem;
      }
      .bar {
        display: block;
        height: 4px;
        margin: 0.15rem 0 0.3rem;
        border-radius: 2px;
        background: var(--mf-border, #dadce0);
        overflow: hidden;
      }
      .bar > span {
        display: block;
        height: 100%;
        background: var(--mf-accent, #1a73e8);
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.4rem;
      }
      tr:last-child th,
      tr:last-child td {
        font-weight: 600;
        border-top: 1px solid var(--mf-border, #dadce0);
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
    const answer = await client.call('getBestTask', {});
    if (load !== this.loads) return; // a newer load is on its way
    this.loaded = true;
    if (answer.ok) {
      const data = answer.data;
      this.best = data.task === null ? null : (data as Best);
      this.nothing = data.task === null ? (data as { reason: string }).reason : null;
    } else {
      this.best = null;
      this.nothing = null;
      emit(this, 'mf-error', { error: answer.error, action: 'find the best task' });
    }
    emit(this, 'mf-best-changed', { task_id: this.best?.task.id ?? null });
  }

  /** Focuses one of the card's buttons (the host restores focus with it). */
  focusAction(action: 'complete' | 'edit'): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)?.focus();
  }

  private onSnooze(e: CustomEvent<SnoozeChooseDetail>): void {
    e.stopPropagation();
    if (this.best) emit(this, 'mf-snooze-request', { task: this.best.task, pick: e.detail.pick });
  }

  private actions(best: Best) {
    const t = best.task;
    return html`<div class="actions">
      ${taskActionButtons(this, t, {
        today: this.calendar ? this.calendar.localDate(this.clock()) : '',
        onSnooze: this.onSnooze,
        primary: true,
      })}
    </div>`;
  }

  private meta(best: Best): string {
    const t = best.task;
    const parts = [`Score ${scoreLabel(best.score)}`, priorityLabel(t.priority)];
    if (t.due !== null && this.calendar) {
      parts.push(`due ${dueLabel(t.due, this.calendar, this.clock())}`);
    }
    return parts.join(' · ');
  }

  override render() {
    const best = this.best;
    return html`<section aria-labelledby="heading" aria-busy=${this.loaded ? 'false' : 'true'}>
      <h2 id="heading">Do this next</h2>
      ${
        best === null
          ? html`<p class="muted">
              ${this.loaded ? (this.nothing ?? 'Nothing to do right now.') : 'Loading…'}
            </p>`
          : html`<p class="title">${best.task.title}</p>
              <p class="why">${best.reasoning.recommendation}</p>
              <p class="muted">${this.meta(best)}</p>
              <span class="bar" aria-hidden="true"
                ><span
                  style=${styleMap({ width: `${Math.round(scoreOnScale(best.score).fraction * 100)}%` })}
                ></span
              ></span>
              ${this.actions(best)}
              <details>
                <summary>Why this score</summary>
                <table>
                  ${scoreBreakdown(best.reasoning).map(
                    (row) =>
                      html`<tr>
                        <th scope="row">${row.factor}</th>
                        <td>${row.effect}</td>
                      </tr>`,
                  )}
                </table>
              </details>`
      }
    </section>`;
  }
}

customElements.define('mf-best-task', MfBestTask);

declare global {
  interface HTMLElementTagNameMap {
    'mf-best-task': MfBestTask;
  }
}
