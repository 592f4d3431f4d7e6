import { css, html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { SEND_MINUTES } from '@mindflow/shared';
import { WEEKDAYS, type SettingsField } from '../forms/plan-settings-form.ts';
import { LightElement } from './light-element.ts';
import { planSettingsContext, type PlanSettingsContext } from './mf-day-plan-settings-context.ts';

// The three parts of the Daily plan settings form. Each reads the dialog's state, the draft
// and the issues from the context mf-day-plan-settings provides, and writes back through it.
// They render into the page (LightElement): ids and labels are the dialog page's own.

const pad = (n: number) => String(n).padStart(2, '0');

const fieldStyles = css`
  mf-day-plan-email-fields,
  mf-day-plan-calendar-fields,
  mf-day-plan-hours-fields {
    display: block;
  }
`;

abstract class SettingsPart extends LightElement {
  static override pageStyles = [fieldStyles];
  protected readonly settings = new ContextConsumer(this, {
    context: planSettingsContext,
    subscribe: true,
  });

  protected get ctx(): PlanSettingsContext | undefined {
    return this.settings.value;
  }

  /** aria-invalid and aria-errormessage for a control, present only while it has an issue. */
  protected invalid(field: SettingsField) {
    return (this.ctx?.issues[field]?.length ?? 0) > 0;
  }

  protected errorSlot(field: SettingsField) {
    const messages = this.ctx?.issues[field] ?? [];
    return html`<p
      class="error"
      id=${`error-${field}`}
      ?hidden=${messages.length === 0}
      .textContent=${messages.join(' ')}
    ></p>`;
  }
}

export class MfDayPlanEmailFields extends SettingsPart {
  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const { draft, state } = ctx;
    return html`<fieldset>
      <legend>Morning email</legend>
      <div class="row">
        <label
          ><input
            type="checkbox"
            id="enabled"
            data-field="enabled"
            .checked=${draft.enabled}
            aria-invalid=${this.invalid('enabled') ? 'true' : nothing}
            aria-errormessage=${this.invalid('enabled') ? 'error-enabled' : nothing}
            @change=${(e: Event) => ctx.update({ enabled: (e.target as HTMLInputElement).checked })}
          />
          Email me my plan every morning</label
        >
      </div>
      ${this.errorSlot('enabled')}
      <div class="row">
        <span aria-hidden="true">Send at</span>
        <select
          id="hour"
          data-field="hour"
          aria-label="Send at, hour"
          aria-invalid=${this.invalid('hour') ? 'true' : nothing}
          aria-errormessage=${this.invalid('hour') ? 'error-hour' : nothing}
          @change=${(e: Event) => ctx.update({ hour: (e.target as HTMLSelectElement).value })}
        >
          ${Array.from(
            { length: 24 },
            (_, h) =>
              html`<option value=${h} .selected=${draft.hour === String(h)}>${pad(h)}</option>`,
          )}
        </select>
        <span aria-hidden="true">:</span>
        <select
          id="minute"
          data-field="minute"
          aria-label="Send at, minute"
          aria-invalid=${this.invalid('minute') ? 'true' : nothing}
          aria-errormessage=${this.invalid('minute') ? 'error-minute' : nothing}
          @change=${(e: Event) => ctx.update({ minute: (e.target as HTMLSelectElement).value })}
        >
          ${SEND_MINUTES.map(
            (m) =>
              html`<option value=${m} .selected=${draft.minute === String(m)}>${pad(m)}</option>`,
          )}
        </select>
      </div>
      <p class="hint" id="time-hint">
        In ${state.time_zone}, the Sheet’s time zone. Apps Script sends within about 15 minutes of
        this time.
      </p>
      ${this.errorSlot('hour')} ${this.errorSlot('minute')}
    </fieldset>`;
  }
}

export class MfDayPlanCalendarFields extends SettingsPart {
  private toggle(id: string, on: boolean): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const ids = ctx.draft.calendar_ids.filter((c) => c !== id);
    ctx.update({ calendar_ids: on ? [...ids, id] : ids });
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const { state, draft } = ctx;
    return html`<fieldset
      id="calendars"
      data-field="calendar_ids"
      aria-describedby="calendars-hint"
      aria-invalid=${this.invalid('calendar_ids') ? 'true' : nothing}
      aria-errormessage=${this.invalid('calendar_ids') ? 'error-calendar_ids' : nothing}
    >
      <legend>Calendars</legend>
      <p class="hint" id="calendars-hint">
        Meetings in these calendars keep time free; declined and “free” events do not.
      </p>
      <div class="list" id="calendar-list">
        ${
          state.calendars.length === 0
            ? html`<p class="hint">No calendars found.</p>`
            : state.calendars.map(
                (c) =>
                  html`<label
                    ><input
                      type="checkbox"
                      data-calendar
                      .value=${c.id}
                      .checked=${c.primary || draft.calendar_ids.includes(c.id)}
                      ?disabled=${c.primary}
                      @change=${(e: Event) =>
                        this.toggle(c.id, (e.target as HTMLInputElement).checked)}
                    />${c.name}${c.primary ? ' (your calendar, always read)' : ''}${
                      c.missing ? ' — no longer available' : ''
                    }</label
                  >`,
              )
        }
      </div>
      ${this.errorSlot('calendar_ids')}
    </fieldset>`;
  }
}

export class MfDayPlanHoursFields extends SettingsPart {
  private time(
    id: string,
    field: SettingsField,
    label: string,
    value: string,
    set: (v: string) => void,
    disabled = false,
  ) {
    return html`<input
      type="time"
      id=${id}
      data-field=${field}
      aria-label=${label}
      step="900"
      .value=${value}
      ?disabled=${disabled}
      aria-invalid=${this.invalid(field) ? 'true' : nothing}
      aria-errormessage=${this.invalid(field) ? `error-${field}` : nothing}
      @input=${(e: Event) => set((e.target as HTMLInputElement).value)}
    />`;
  }

  private toggleDay(day: number, on: boolean): void {
    const ctx = this.ctx;
    if (!ctx) return;
    const days = ctx.draft.working_days.filter((d) => d !== day);
    ctx.update({ working_days: on ? [...days, day].sort((a, b) => a - b) : days });
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const { draft, update } = ctx;
    return html`<fieldset>
      <legend>Working day</legend>
      <div class="row">
        <label
          >From
          ${this.time(
            'work-start',
            'working_hours.start',
            'Working day starts',
            draft.work_start,
            (v) => update({ work_start: v }),
          )}</label
        >
        <label
          >to
          ${this.time('work-end', 'working_hours.end', 'Working day ends', draft.work_end, (v) =>
            update({ work_end: v }),
          )}</label
        >
      </div>
      ${this.errorSlot('working_hours.start')} ${this.errorSlot('working_hours.end')}
      <div
        class="row days"
        id="days"
        role="group"
        aria-label="Working days"
        data-field="working_days"
        aria-invalid=${this.invalid('working_days') ? 'true' : nothing}
      >
        ${WEEKDAYS.map(
          (name, i) =>
            html`<label
              ><input
                type="checkbox"
                data-day
                .value=${String(i + 1)}
                .checked=${draft.working_days.includes(i + 1)}
                @change=${(e: Event) => this.toggleDay(i + 1, (e.target as HTMLInputElement).checked)}
              />${name}</label
            >`,
        )}
      </div>
      ${this.errorSlot('working_days')}
      <div class="row">
        <label
          ><input
            type="checkbox"
            id="lunch-on"
            .checked=${draft.lunch_on}
            @change=${(e: Event) => update({ lunch_on: (e.target as HTMLInputElement).checked })}
          />
          Keep lunch free</label
        >
        <label
          >from
          ${this.time('lunch-start', 'lunch.start', 'Lunch starts', draft.lunch_start, (v) => update({ lunch_start: v }), !draft.lunch_on)}</label
        >
        <label
          >to
          ${this.time('lunch-end', 'lunch.end', 'Lunch ends', draft.lunch_end, (v) => update({ lunch_end: v }), !draft.lunch_on)}</label
        >
      </div>
      ${this.errorSlot('lunch.start')} ${this.errorSlot('lunch.end')}
      <div class="row">
        <label
          >Minutes kept free after a meeting
          <input
            type="number"
            id="buffer"
            data-field="buffer_minutes"
            min="0"
            max="120"
            step="5"
            .value=${draft.buffer}
            aria-invalid=${this.invalid('buffer_minutes') ? 'true' : nothing}
            aria-errormessage=${this.invalid('buffer_minutes') ? 'error-buffer_minutes' : nothing}
            @input=${(e: Event) => update({ buffer: (e.target as HTMLInputElement).value })}
        /></label>
      </div>
      ${this.errorSlot('buffer_minutes')}
    </fieldset>`;
  }
}

customElements.define('mf-day-plan-email-fields', MfDayPlanEmailFields);
customElements.define('mf-day-plan-calendar-fields', MfDayPlanCalendarFields);
customElements.define('mf-day-plan-hours-fields', MfDayPlanHoursFields);

declare global {
  interface HTMLElementTagNameMap {
    'mf-day-plan-email-fields': MfDayPlanEmailFields;
    'mf-day-plan-calendar-fields': MfDayPlanCalendarFields;
    'mf-day-plan-hours-fields': MfDayPlanHoursFields;
  }
}
