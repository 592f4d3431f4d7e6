import { LitElement, css, html, nothing } from 'lit';
import type { ScoredTask, ZonedCalendar } from '@mindflow/shared';
import { dueLabel } from '../format/due-label.ts';
import { effortLabel, priorityLabel } from '../format/priority-label.ts';
import { scoreAriaLabel, scoreLabel } from '../format/score-label.ts';
import { baseStyles } from './base-styles.ts';
import { emit, type SnoozeChooseDetail } from './events.ts';
import { taskActionButtons } from './task-action-buttons.ts';

/** One ranked task: what it is, why it ranks there, and Done / Snooze / Edit / Delete. */
export class MfTaskRow extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    scored: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
  };

  declare scored: ScoredTask | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;

  constructor() {
    super();
    this.scored = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
  }

  static override styles = [
    baseStyles,
    css`
      .row {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        gap: 0.25rem 0.5rem;
        padding: 0.45rem 0;
      }
      .title {
        flex: 1 1 10rem;
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .score {
        font-size: 0.8rem;
        font-variant-numeric: tabular-nums;
      }
      .meta {
        flex-basis: 100%;
        margin: 0;
        overflow-wrap: anywhere;
      }
      .overdue {
        color: var(--mf-error, #c5221f);
      }
      .actions {
        flex-basis: 100%;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
    `,
  ];

  /** Focuses one of the row's buttons (the list restores focus with it). */
  focusAction(action: 'complete' | 'edit' | 'delete'): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)?.focus();
  }

  private metaParts(s: ScoredTask): string[] {
    const t = s.task;
    const parts: string[] = [];
    if (t.status === 'in_progress') parts.push('in progress');
    if (t.due !== null && this.calendar)
      parts.push(`due ${dueLabel(t.due, this.calendar, this.clock())}`);
    parts.push(priorityLabel(t.priority));
    if (t.effort_minutes !== null) parts.push(effortLabel(t.effort_minutes));
    if (t.preferred_time !== null) parts.push(t.preferred_time);
    for (const tag of t.tags) parts.push(`#${tag}`);
    return parts;
  }

  private onSnooze(e: CustomEvent<SnoozeChooseDetail>): void {
    e.stopPropagation();
    if (this.scored)
      emit(this, 'mf-snooze-request', { task: this.scored.task, pick: e.detail.pick });
  }

  override render() {
    const s = this.scored;
    if (!s) return nothing;
    const t = s.task;
    const overdue = s.reasoning.deadline === 'overdue';
    return html`<div class="row">
      <span class="title">${t.title}</span>
      <span
        class="score muted"
        title="Score, out of the most a task can get"
        aria-label=${scoreAriaLabel(s.score)}
        >${scoreLabel(s.score)}</span
      >
      <p class="meta muted ${overdue ? 'overdue' : ''}">
        ${overdue ? 'Overdue · ' : ''}${this.metaParts(s).join(' · ')}
      </p>
      <div class="actions">
        ${taskActionButtons(this, t, {
          today: this.calendar ? this.calendar.localDate(this.clock()) : '',
          onSnooze: this.onSnooze,
        })}
        <button
          type="button"
          data-action="delete"
          aria-label=${`Delete “${t.title}”`}
          @click=${() => emit(this, 'mf-delete-request', { task: t })}
        >
          Delete
        </button>
      </div>
    </div>`;
  }
}

customElements.define('mf-task-row', MfTaskRow);

declare global {
  interface HTMLElementTagNameMap {
    'mf-task-row': MfTaskRow;
  }
}
