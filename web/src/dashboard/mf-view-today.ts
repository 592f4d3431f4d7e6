import { LitElement, css, html } from 'lit';
import type { ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/index.ts';
import '../components/mf-best-task.ts';
import '../components/mf-day-plan.ts';
import { palette, viewStyles } from './dashboard-styles.ts';

// Today: the best task with its why and score breakdown, and the day's timeline —
// meetings, buffers and task blocks, each with its reason, what is at risk and what did not
// fit — with Start / Done / Snooze on each block: the sidebar's own mf-best-task and
// mf-day-plan. Their requests bubble to mf-dashboard, which carries them out.

export class MfViewToday extends LitElement {
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    revision: { type: Number },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.revision = 0;
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
    `,
  ];

  override render() {
    const { client, calendar, clock, revision } = this;
    return html`<h1>Today</h1>
      <div class="layout">
        <section class="card" aria-label="Best task">
          <mf-best-task
            .client=${client}
            .calendar=${calendar}
            .clock=${clock}
            .revision=${revision}
          ></mf-best-task>
        </section>
        <section class="card" aria-label="Your day">
          <mf-day-plan
            .client=${client}
            .calendar=${calendar}
            .clock=${clock}
            .revision=${revision}
          ></mf-day-plan>
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
