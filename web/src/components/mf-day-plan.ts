import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { OperationOutput, PlanBlock, TaskBlock, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { clockLabel, dateLabel, relativeDay } from '../format/due-label.ts';
import { effortLabel } from '../format/priority-label.ts';
import { scoreAriaLabel, scoreLabel } from '../format/score-label.ts';
import { baseStyles } from './base-styles.ts';
import { emit, type SnoozeChooseDetail } from './events.ts';
import './mf-snooze-menu.ts';

export type DayPlanData = OperationOutput<'getDailyPlan'>;

/** "2026-03-10T09:30:00-04:00" → 570: plan times carry the user's offset, so the wall clock is in the text. */
function minuteOf(instant: string): number {
  return Number(instant.slice(11, 13)) * 60 + Number(instant.slice(14, 16));
}

function minutesBetween(start: string, end: string): number {
  return Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
}

const KIND_LABELS: Record<PlanBlock['kind'], string> = {
  event: 'Meeting',
  task: 'Task',
  buffer: 'Buffer',
};

/**
 * The day's timeline, from getDailyPlan: meetings, buffers and task blocks in time order,
 * each with its reason; what is at risk of missing its due; what did not fit and why. Task
 * blocks offer Start / Done / Snooze as mf-plan-action events for the host to carry out.
 *
 * Fed either by `plan` (the host already has the data) or by `client`, when it loads the
 * plan itself — for `date`, or today — and again whenever `revision` changes.
 */
export class MfDayPlan extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    revision: { type: Number },
    /** YYYY-MM-DD; empty for today. */
    date: { type: String },
    plan: { attribute: false },
    loaded: { state: true },
    problem: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;
  declare date: string;
  declare plan: DayPlanData | undefined;
  declare private loaded: boolean;
  declare private problem: string;
  private loads = 0;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.revision = 0;
    this.date = '';
    this.plan = undefined;
    this.loaded = false;
    this.problem = '';
  }

  static override styles = [
    baseStyles,
    css`
      .summary {
        margin: 0 0 0.5rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .block {
        display: grid;
        grid-template-columns: 4.6rem minmax(0, 1fr);
        gap: 0 0.5rem;
        padding: 0.4rem 0;
        border-top: 1px solid var(--mf-border, #dadce0);
      }
      .time {
        font-variant-numeric: tabular-nums;
        font-size: 0.8rem;
        color: var(--mf-muted, #5f6368);
        white-space: nowrap;
      }
      .body {
        min-width: 0;
        border-left: 3px solid var(--mf-border, #dadce0);
        padding-left: 0.45rem;
      }
      .event .body {
        border-left-color: var(--mf-event, #9334e6);
      }
      .task .body {
        border-left-color: var(--mf-accent, #1a73e8);
      }
      .buffer .body {
        border-left-style: dashed;
      }
      .buffer .title {
        color: var(--mf-muted, #5f6368);
        font-weight: normal;
      }
      .title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .why {
        margin: 0.1rem 0 0;
        font-size: 0.85rem;
        overflow-wrap: anywhere;
      }
      .kind {
        font-size: 0.75rem;
        color: var(--mf-muted, #5f6368);
        text-transform: uppercase;
        letter-spacing: 0.03em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.3rem;
      }
      h3 {
        font-size: 0.9rem;
        margin: 0.8rem 0 0.3rem;
      }
      .risk {
        border: 1px solid var(--mf-warn, #e37400);
        border-left-width: 4px;
        border-radius: 4px;
        padding: 0.3rem 0.5rem;
        margin: 0 0 0.5rem;
      }
      .risk h3 {
        margin-top: 0;
        color: var(--mf-warn-text, #b06000);
      }
      ul {
        margin: 0;
        padding-left: 1.1rem;
      }
      li.item {
        margin: 0.2rem 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues): void {
    if ((changed.has('client') || changed.has('revision') || changed.has('date')) && this.client) {
      void this.load();
    }
    if (changed.has('plan') && this.plan) this.loaded = true;
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const load = ++this.loads;
    const answer = await client.call('getDailyPlan', this.date ? { date: this.date } : {});
    if (load !== this.loads) return;
    this.loaded = true;
    if (answer.ok) {
      this.plan = answer.data;
      this.problem = '';
    } else {
      this.problem = answer.error.message;
      emit(this, 'mf-error', { error: answer.error, action: 'plan your day' });
    }
  }

  private dayTitle(plan: DayPlanData): string {
    const today = this.calendar ? this.calendar.localDate(this.clock()) : plan.date;
    const relative = relativeDay(plan.date, today);
    const absolute = dateLabel(plan.date, today);
    return relative === absolute ? `Plan for ${absolute}` : `Plan for ${relative}, ${absolute}`;
  }

  private summary(plan: DayPlanData): string {
    const s = plan.summary;
    const amount = (n: number) => (n === 0 ? 'no' : effortLabel(n));
    const parts = [
      `${amount(s.meeting_minutes)} meetings`,
      `${amount(s.focus_minutes)} of tasks`,
      `${s.load_percent}% of the day taken`,
    ];
    return parts.join(' · ');
  }

  private act(block: TaskBlock, action: 'start' | 'complete'): void {
    emit(this, 'mf-plan-action', { action, task_id: block.task_id, title: block.title });
  }

  private onSnooze(block: TaskBlock, e: CustomEvent<SnoozeChooseDetail>): void {
    e.stopPropagation();
    emit(this, 'mf-plan-action', {
      action: 'snooze',
      task_id: block.task_id,
      title: block.title,
      pick: e.detail.pick,
    });
  }

  private renderBlock(block: PlanBlock) {
    const start = minuteOf(block.start);
    const minutes = minutesBetween(block.start, block.end);
    const time = html`<span class="time"
      >${clockLabel(start)}<br /><span class="visually-hidden"> to </span>${clockLabel(
        minuteOf(block.end),
      )}</span
    >`;
    const part = block.kind === 'task' && block.part !== '1/1' ? ` (part ${block.part})` : '';
    return html`<li class="block ${block.kind}" data-kind=${block.kind}>
      ${time}
      <div class="body">
        <span class="kind">${KIND_LABELS[block.kind]} · ${effortLabel(minutes)}</span>
        <div class="title">${block.title}${part}</div>
        <p class="why muted">${block.why}</p>
        ${
          block.kind === 'task'
            ? html`<span class="visually-hidden">${scoreAriaLabel(block.score)}</span>
                <div class="actions">
                  <button
                    type="button"
                    aria-label=${`Start “${block.title}”`}
                    @click=${() => this.act(block, 'start')}
                  >
                    Start
                  </button>
                  <button
                    type="button"
                    aria-label=${`Done: “${block.title}”`}
                    @click=${() => this.act(block, 'complete')}
                  >
                    Done
                  </button>
                  <mf-snooze-menu
                    .label=${block.title}
                    .today=${this.plan?.date ?? ''}
                    @mf-snooze-choose=${(e: CustomEvent<SnoozeChooseDetail>) =>
                      this.onSnooze(block, e)}
                  ></mf-snooze-menu>
                  <span class="muted" title="Score, out of the most a task can get"
                    >${scoreLabel(block.score)}</span
                  >
                </div>`
            : nothing
        }
      </div>
    </li>`;
  }

  override render() {
    const plan = this.plan;
    if (!plan) {
      return html`<section
        aria-labelledby="plan-heading"
        aria-busy=${this.loaded ? 'false' : 'true'}
      >
        <h2 id="plan-heading">Day plan</h2>
        <p class=${this.problem ? 'error' : 'muted'}>
          ${this.problem ? `Could not plan the day: ${this.problem}` : 'Planning your day…'}
        </p>
      </section>`;
    }
    return html`<section aria-labelledby="plan-heading">
      <h2 id="plan-heading">${this.dayTitle(plan)}</h2>
      <p class="summary muted">
        Working hours ${plan.working_hours.start}–${plan.working_hours.end} · ${this.summary(plan)}
      </p>
      ${plan.notes.map((n) => html`<p class="note">${n}</p>`)}
      ${
        plan.at_risk.length > 0
          ? html`<div class="risk" role="note" aria-labelledby="risk-heading">
              <h3 id="risk-heading">At risk (${plan.at_risk.length})</h3>
              <ul>
                ${plan.at_risk.map(
                  (r) => html`<li class="item"><strong>${r.title}</strong>: ${r.reason}</li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
      ${
        plan.all_day.length > 0
          ? html`<p class="muted">All day: ${plan.all_day.map((e) => e.title).join(', ')}</p>`
          : nothing
      }
      ${
        plan.blocks.length === 0
          ? html`<p class="muted">Nothing planned for this day.</p>`
          : html`<ol aria-label="Timeline">
              ${plan.blocks.map((b) => this.renderBlock(b))}
            </ol>`
      }
      ${
        plan.unscheduled.length > 0
          ? html`<h3 id="unfit-heading">
                Did not fit
                (${plan.unscheduled.length}${plan.unscheduled_omitted ? ` + ${plan.unscheduled_omitted} more` : ''})
              </h3>
              <ul class="unscheduled" aria-labelledby="unfit-heading">
                ${plan.unscheduled.map(
                  (u) => html`<li class="item"><strong>${u.title}</strong>: ${u.reason}</li>`,
                )}
              </ul>`
          : nothing
      }
    </section>`;
  }
}

customElements.define('mf-day-plan', MfDayPlan);

declare global {
  interface HTMLElementTagNameMap {
    'mf-day-plan': MfDayPlan;
  }
}
