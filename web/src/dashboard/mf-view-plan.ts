import { LitElement, css, html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { palette, viewStyles } from './dashboard-styles.ts';
import { api, ApiFailure, type Session } from './session-api.ts';

// Plan settings: zone, working hours and days, buffers; the calendars the plans read (a
// Google Calendar shared with the server's service account, or an ICS address), each with
// a Test button; the morning email (on/off, the hour, a preview, "send me a test now").

interface CalendarSource {
  kind: 'google' | 'ics';
  calendar_id?: string;
  url?: string;
}

interface Profile {
  email: string;
  time_zone: string;
  working_hours: { start: string; end: string };
  working_days: number[];
  buffer_minutes: number;
  daily_plan: { enabled: boolean; hour: number; minute: number };
  calendar_sources: CalendarSource[];
}

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function zones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  return intl.supportedValuesOf?.('timeZone') ?? [];
}

export class MfViewPlan extends LitElement {
  static override properties = {
    session: { attribute: false },
    profile: { state: true },
    problem: { state: true },
    saved: { state: true },
    tests: { state: true },
    emailNote: { state: true },
    previewKey: { state: true },
  };

  declare session: Session | undefined;
  declare private profile: Profile | null;
  declare private problem: string;
  declare private saved: string;
  declare private tests: Record<number, string>;
  declare private emailNote: string;
  declare private previewKey: number;

  constructor() {
    super();
    this.session = undefined;
    this.profile = null;
    this.problem = '';
    this.saved = '';
    this.tests = {};
    this.emailNote = '';
    this.previewKey = 0;
  }

  static override styles = [
    palette,
    viewStyles,
    css`
      input,
      select {
        width: 100%;
      }
      .days {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
      }
      .days label,
      label.inline {
        display: inline-flex;
        gap: 0.3rem;
        font-weight: 400;
        margin: 0;
        align-items: center;
      }
      select#hour {
        width: auto;
      }
      ul.sources {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.sources li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
        padding: 0.35rem 0;
        border-top: 1px solid var(--mf-border);
      }
      ul.sources code {
        flex: 1 1 12rem;
      }
      iframe {
        width: 100%;
        height: 26rem;
        border: 1px solid var(--mf-border);
        border-radius: 4px;
        background: #fff;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback?.();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.profile = await api<Profile>('GET', '/api/me');
      this.problem = '';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async save(patch: Partial<Profile>, what: string): Promise<boolean> {
    this.saved = '';
    try {
      this.profile = await api<Profile>('PATCH', '/api/me', patch);
      this.problem = '';
      this.saved = `Saved ${what}.`;
      this.previewKey += 1;
      return true;
    } catch (error) {
      this.problem = error instanceof ApiFailure ? error.message : String(error);
      return false;
    }
  }

  private saveHours(e: SubmitEvent): void {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    void this.save(
      {
        time_zone: String(f.get('time_zone')),
        working_hours: { start: String(f.get('start')), end: String(f.get('end')) },
        working_days: f.getAll('day').map(Number),
        buffer_minutes: Number(f.get('buffer')),
      },
      'your working hours',
    );
  }

  private addCalendar(e: SubmitEvent): void {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const value = String(f.get('address')).trim();
    const source: CalendarSource =
      f.get('kind') === 'google'
        ? { kind: 'google', calendar_id: value }
        : { kind: 'ics', url: value };
    void this.save(
      { calendar_sources: [...(this.profile?.calendar_sources ?? []), source] },
      'the calendar',
    ).then((ok) => ok && form.reset());
  }

  private async test(i: number, source: CalendarSource): Promise<void> {
    this.tests = { ...this.tests, [i]: 'Reading…' };
    try {
      const r = await api<{ events: number; days: number }>('POST', '/api/calendars/test', source);
      this.tests = {
        ...this.tests,
        [i]: `Read ${r.events} event${r.events === 1 ? '' : 's'} in the next ${r.days} days.`,
      };
    } catch (error) {
      this.tests = { ...this.tests, [i]: error instanceof Error ? error.message : String(error) };
    }
  }

  private async sendTest(): Promise<void> {
    this.emailNote = 'Sending…';
    try {
      const r = await api<{ sent_to: string }>('POST', '/api/plan/email/test');
      this.emailNote = `Sent to ${r.sent_to}.`;
    } catch (error) {
      this.emailNote = error instanceof Error ? error.message : String(error);
    }
  }

  override render() {
    const p = this.profile;
    if (!p) {
      return html`<h1>Plan settings</h1>
        ${
          this.problem
            ? html`<p class="error" role="alert">Could not load your settings: ${this.problem}</p>
                <button type="button" @click=${() => void this.load()}>Try again</button>`
            : html`<p class="muted" aria-busy="true">Loading your settings…</p>`
        }`;
    }
    const zoneList = zones();
    return html`<h1>Plan settings</h1>
      <p class="error" role="alert">${this.problem}</p>
      <p class="ok" role="status">${this.saved}</p>
      <section class="card" aria-labelledby="hours-h">
        <h2 id="hours-h">Working hours</h2>
        <form @submit=${(e: SubmitEvent) => this.saveHours(e)}>
          <div class="grid">
            <div>
              <label for="tz">Time zone</label>
              <input id="tz" name="time_zone" list="zones" .value=${p.time_zone} required />
              <datalist id="zones">
                ${zoneList.map((z) => html`<option value=${z}></option>`)}
              </datalist>
            </div>
            <div>
              <label for="start">Start</label>
              <input id="start" name="start" type="time" .value=${p.working_hours.start} required />
            </div>
            <div>
              <label for="end">End</label>
              <input id="end" name="end" type="time" .value=${p.working_hours.end} required />
            </div>
            <div>
              <label for="buffer">Buffer after meetings (minutes)</label>
              <input
                id="buffer"
                name="buffer"
                type="number"
                min="0"
                max="120"
                .value=${String(p.buffer_minutes)}
              />
            </div>
          </div>
          <fieldset>
            <legend>Working days</legend>
            <div class="days">
              ${DAYS.map(
                (d, i) =>
                  html`<label
                    ><input
                      type="checkbox"
                      name="day"
                      .value=${String(i + 1)}
                      ?checked=${p.working_days.includes(i + 1)}
                    />${d}</label
                  >`,
              )}
            </div>
          </fieldset>
          <p><button class="primary" type="submit">Save working hours</button></p>
        </form>
      </section>
      <section class="card" aria-labelledby="cal-h">
        <h2 id="cal-h">Calendars</h2>
        <p class="muted">Meetings from these calendars are kept free in every plan.</p>
        ${
          p.calendar_sources.length === 0
            ? html`<p class="muted">No calendar yet.</p>`
            : html`<ul class="sources">
                ${p.calendar_sources.map(
                  (s, i) =>
                    html`<li>
                      <span>${s.kind === 'google' ? 'Google' : 'ICS'}</span>
                      <code>${s.calendar_id ?? s.url}</code>
                      <button
                        type="button"
                        aria-label=${`Test calendar ${s.calendar_id ?? s.url}`}
                        @click=${() => void this.test(i, s)}
                      >
                        Test
                      </button>
                      <button
                        type="button"
                        @click=${() =>
                          void this.save(
                            { calendar_sources: p.calendar_sources.filter((_, j) => j !== i) },
                            'your calendars',
                          )}
                      >
                        Remove
                      </button>
                      <span role="status" class="muted">${this.tests[i] ?? ''}</span>
                    </li>`,
                )}
              </ul>`
        }
        <form @submit=${(e: SubmitEvent) => this.addCalendar(e)}>
          <div class="grid">
            <div>
              <label for="kind">Kind</label>
              <select id="kind" name="kind">
                <option value="ics">ICS address (https://…)</option>
                <option value="google">Google Calendar shared with this server</option>
              </select>
            </div>
            <div>
              <label for="address">Address or calendar id</label>
              <input
                id="address"
                name="address"
                required
                placeholder="https://…/basic.ics or you@example.com"
              />
            </div>
          </div>
          <p><button type="submit">Add calendar</button></p>
        </form>
      </section>
      <section class="card" aria-labelledby="email-h">
        <h2 id="email-h">Morning email</h2>
        <div class="row">
          <label class="inline"
            ><input
              type="checkbox"
              .checked=${p.daily_plan.enabled}
              @change=${(e: Event) =>
                void this.save(
                  {
                    daily_plan: {
                      ...p.daily_plan,
                      enabled: (e.target as HTMLInputElement).checked,
                    },
                  },
                  'the morning email',
                )}
            />Send me my plan every working morning</label
          >
          <label class="inline" for="hour">at</label>
          <select
            id="hour"
            aria-label="Hour of the morning email"
            .value=${String(p.daily_plan.hour)}
            @change=${(e: Event) =>
              void this.save(
                {
                  daily_plan: {
                    ...p.daily_plan,
                    hour: Number((e.target as HTMLSelectElement).value),
                  },
                },
                'the hour',
              )}
          >
            ${Array.from({ length: 24 }, (_, h) => html`<option value=${h}>${String(h).padStart(2, '0')}:${String(p.daily_plan.minute).padStart(2, '0')}</option>`)}
          </select>
          <button type="button" @click=${() => void this.sendTest()}>Send me a test now</button>
          <span role="status">${this.emailNote}</span>
        </div>
        <h3>Preview of the next email</h3>
        ${keyed(this.previewKey, html`<iframe title="Preview of the morning email" src="/api/plan/email" sandbox></iframe>`)}
      </section>`;
  }
}

customElements.define('mf-view-plan', MfViewPlan);

declare global {
  interface HTMLElementTagNameMap {
    'mf-view-plan': MfViewPlan;
  }
}
