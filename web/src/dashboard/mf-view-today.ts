import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { DayPlan, PlanBlock, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/index.ts';
import { emit } from '../components/events.ts';
import type { SnoozeChooseDetail } from '../components/events.ts';
import { scoreLabel } from '../format/score-label.ts';
import { snoozeInput, snoozeWords } from '../format/snooze-choices.ts';
import '../components/mf-best-task.ts';
import '../components/mf-snooze-menu.ts';
import { palette, viewStyles } from './dashboard-styles.ts';

// Today: the best task with its why and score breakdown (mf-best-task, the sidebar's own
// component), then the day's timeline — meetings, buffers and task blocks, each with its
// reason — what is at risk and what did not fit, with Start / Done / Snooze on each task.
// The timeline is drawn here until the ui engineer's mf-day-plan lands on main.

const time = (iso: string) => iso.slice(11, 16);

export class MfViewToday extends LitElement {
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    revision: { type: Number },
    plan: { state: true },
    problem: { state: true },
    started: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;
  declare private plan: DayPlan | null;
  declare private problem: string;
  declare private started: string | null;
  private loads = 0;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.revision = 0;
    this.plan = null;
    this.problem = '';
    this.started = null;
  }

  static override styles = [
    palette,
    viewStyles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1.4fr);
        gap: 1rem;
        align-items: start;
      }
      @media (max-width: 760px) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      ol.timeline {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      ol.timeline li {
        display: grid;
        grid-template-columns: 4.2rem minmax(0, 1fr);
        gap: 0.5rem;
        padding: 0.45rem 0;
        border-top: 1px solid var(--mf-border);
      }
      .when {
        font-variant-numeric: tabular-nums;
        color: var(--mf-muted);
      }
      .block-title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .kind-event .block-title::before {
        content: '📅 ';
      }
      .kind-buffer {
        opacity: 0.85;
      }
      .kind-buffer .block-title {
        font-weight: 400;
        font-style: italic;
      }
      .why {
        color: var(--mf-muted);
        font-size: 0.88rem;
        overflow-wrap: anywhere;
      }
      .started {
        color: var(--mf-ok);
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.35rem;
        margin-top: 0.3rem;
      }
      ul.plain {
        margin: 0;
        padding-left: 1.1rem;
      }
      .summary {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 1rem;
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
    const answer = await client.call('getDailyPlan', {});
    if (load !== this.loads) return;
    if (answer.ok) {
      this.plan = answer.data;
      this.problem = '';
    } else {
      this.problem = answer.error.message;
    }
  }

  private async act(block: PlanBlock & { kind: 'task' }, action: 'start' | 'done'): Promise<void> {
    const client = this.client;
    if (!client) return;
    if (action === 'start') {
      const answer = await client.call('updateTask', { id: block.task_id, status: 'in_progress' });
      if (!answer.ok)
        return void emit(this, 'mf-error', {
          error: answer.error,
          action: `start “${block.title}”`,
        });
      this.started = block.task_id;
      emit(this, 'mf-task-changed', {
        action: 'updated',
        task: answer.data,
        message: `Started “${block.title}”`,
      });
      return;
    }
    const answer = await client.call('completeTask', { id: block.task_id });
    if (!answer.ok)
      return void emit(this, 'mf-error', {
        error: answer.error,
        action: `complete “${block.title}”`,
      });
    emit(this, 'mf-task-changed', {
      action: 'completed',
      task: answer.data.task,
      message: `Completed “${block.title}”`,
    });
  }

  private async snooze(block: PlanBlock & { kind: 'task' }, e: CustomEvent<SnoozeChooseDetail>) {
    e.stopPropagation();
    if (!this.client || !this.calendar) return;
    const { pick } = e.detail;
    const answer = await this.client.call('snoozeTask', {
      id: block.task_id,
      ...snoozeInput(pick, this.calendar, this.clock()),
    });
    if (!answer.ok)
      return void emit(this, 'mf-error', {
        error: answer.error,
        action: `snooze “${block.title}”`,
      });
    emit(this, 'mf-task-changed', {
      action: 'snoozed',
      task: answer.data,
      message: `Snoozed “${block.title}” (${snoozeWords(pick, this.calendar, this.clock())})`,
    });
  }

  private renderBlock(b: PlanBlock) {
    return html`<li class="kind-${b.kind}">
      <span class="when">${time(b.start)}–${time(b.end)}</span>
      <div>
        <div class="block-title">
          ${b.title}${b.kind === 'task' && b.part !== '1/1' ? html` <span class="muted">(part ${b.part})</span>` : nothing}
        </div>
        <div class="why">${b.why}${b.kind === 'task' ? ` · score ${scoreLabel(b.score)}` : ''}</div>
        ${
          b.kind === 'task'
            ? html`${this.started === b.task_id ? html`<div class="started">Working on it</div>` : nothing}
                <div class="actions">
                  <button
                    type="button"
                    aria-label=${`Start “${b.title}”`}
                    @click=${() => void this.act(b, 'start')}
                  >
                    Start
                  </button>
                  <button
                    type="button"
                    aria-label=${`Done: “${b.title}”`}
                    @click=${() => void this.act(b, 'done')}
                  >
                    Done
                  </button>
                  <mf-snooze-menu
                    .label=${b.title}
                    @mf-snooze-choose=${(e: CustomEvent<SnoozeChooseDetail>) => void this.snooze(b, e)}
                  ></mf-snooze-menu>
                </div>`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderPlan() {
    const plan = this.plan;
    if (this.problem && !plan) {
      return html`<p class="error" role="alert">Could not plan your day: ${this.problem}</p>
        <button type="button" @click=${() => void this.load()}>Try again</button>`;
    }
    if (!plan) return html`<p class="muted" aria-busy="true">Planning your day…</p>`;
    const s = plan.summary;
    return html`
      <p class="summary muted">
        <span>${plan.date} · ${plan.working_hours.start}–${plan.working_hours.end}</span>
        <span>Focus ${s.focus_minutes} min</span><span>Meetings ${s.meeting_minutes} min</span>
        <span>Free ${s.free_minutes} min</span><span>Load ${s.load_percent} %</span>
      </p>
      ${plan.notes.map((n) => html`<p class="muted">${n}</p>`)}
      ${plan.all_day.length > 0 ? html`<p>All day: ${plan.all_day.map((e) => e.title).join(', ')}</p>` : nothing}
      ${
        plan.blocks.length === 0
          ? html`<p class="muted">
              Nothing planned for the rest of today. Add a task or enjoy the time.
            </p>`
          : html`<ol class="timeline" aria-label="Timeline">
              ${plan.blocks.map((b) => this.renderBlock(b))}
            </ol>`
      }
      ${
        plan.at_risk.length > 0
          ? html`<h3>At risk</h3>
              <ul class="plain">
                ${plan.at_risk.map((t) => html`<li><strong>${t.title}</strong> — <span class="why">${t.reason}</span></li>`)}
              </ul>`
          : nothing
      }
      ${
        plan.unscheduled.length > 0
          ? html`<h3>Did not fit</h3>
              <ul class="plain">
                ${plan.unscheduled.map((t) => html`<li><strong>${t.title}</strong> — <span class="why">${t.reason}</span></li>`)}
              </ul>`
          : nothing
      }
    `;
  }

  override render() {
    return html`<h1>Today</h1>
      <div class="layout">
        <section class="card" aria-label="Best task">
          <mf-best-task
            .client=${this.client}
            .calendar=${this.calendar}
            .clock=${this.clock}
            .revision=${this.revision}
          ></mf-best-task>
        </section>
        <section class="card" aria-labelledby="plan-heading">
          <h2 id="plan-heading">Your day</h2>
          ${this.renderPlan()}
        </section>
      </div>`;
  }
}

customElements.define('mf-view-today', MfViewToday);

declare global {
  interface HTMLElementTagNameMap {
    'mf-view-today': MfViewToday;
  }
}
