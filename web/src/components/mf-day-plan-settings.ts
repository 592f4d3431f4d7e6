import { css, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import {
  DAILY_PLAN_FUNCTIONS,
  type DailyPlanDialogState,
  type DailyPlanFunctions,
  type FieldIssue,
} from '@mindflow/shared';
import { scriptClient, type ScriptClient } from '../client/script-client.ts';
import {
  draftOf,
  settingsFrom,
  wordIssues,
  type PlanSettingsDraft,
  type SettingsField,
} from '../forms/plan-settings-form.ts';
import { LightElement } from './light-element.ts';
import { planSettingsContext, type PlanSettingsContext } from './mf-day-plan-settings-context.ts';
import './mf-day-plan-settings-fields.ts';

const dialogStyles = css`
  html,
  body {
    margin: 0;
    height: 100%;
  }
  body {
    font:
      13px/1.4 system-ui,
      sans-serif;
    color: #202124;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  mf-day-plan-settings {
    display: block;
    height: 100%;
  }
  mf-day-plan-settings form {
    display: flex;
    flex-direction: column;
    height: 100%;
  }
  mf-day-plan-settings .fields {
    flex: 1;
    overflow-y: auto;
    padding: 0 4px 8px;
  }
  mf-day-plan-settings fieldset {
    border: 1px solid #dadce0;
    border-radius: 6px;
    margin: 10px 0 0;
    padding: 6px 10px 8px;
    min-width: 0;
  }
  mf-day-plan-settings legend {
    font-weight: 600;
    padding: 0 4px;
  }
  mf-day-plan-settings label {
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  mf-day-plan-settings .row {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px 12px;
    margin: 4px 0;
  }
  mf-day-plan-settings .list label {
    display: flex;
    margin: 3px 0;
    overflow-wrap: anywhere;
  }
  mf-day-plan-settings .days label {
    gap: 3px;
  }
  mf-day-plan-settings .hint {
    color: #5f6368;
    margin: 2px 0;
  }
  mf-day-plan-settings .error {
    color: #b3261e;
    margin: 2px 0;
  }
  mf-day-plan-settings [aria-invalid='true'] {
    outline: 2px solid #b3261e;
  }
  mf-day-plan-settings #status {
    margin: 8px 4px 0;
    min-height: 1.4em;
  }
  mf-day-plan-settings #status.bad {
    color: #b3261e;
  }
  mf-day-plan-settings #summary {
    margin: 6px 4px 0;
    padding: 6px 8px;
    border: 1px solid #b3261e;
    border-radius: 6px;
    color: #b3261e;
  }
  mf-day-plan-settings #summary ul {
    margin: 4px 0 0;
    padding-left: 18px;
  }
  mf-day-plan-settings .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    padding: 8px 4px;
    border-top: 1px solid #dadce0;
    background: #fff;
  }
  mf-day-plan-settings .actions .spacer {
    flex: 1;
  }
  mf-day-plan-settings button,
  mf-day-plan-settings input,
  mf-day-plan-settings select {
    font: inherit;
  }
  mf-day-plan-settings button {
    padding: 5px 12px;
  }
  mf-day-plan-settings :focus-visible {
    outline: 2px solid #1a73e8;
    outline-offset: 1px;
  }
  mf-day-plan-settings button.primary {
    background: #1a73e8;
    border: 1px solid #1a73e8;
    border-radius: 4px;
    color: #fff;
  }
  mf-day-plan-settings input[type='number'] {
    width: 5em;
  }
`;

function hostClose(): void {
  const g = globalThis as { google?: { script?: { host?: { close(): void } } } };
  g.google?.script?.host?.close();
}

/** "On: sends to ada@… at 07:30 (Europe/Lisbon). Last sent for 2026-11-26." */
export function summaryLine(s: DailyPlanDialogState): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(s.settings.hour)}:${pad(s.settings.minute)}`;
  let line = s.settings.enabled
    ? `On: sends to ${s.recipient || 'you'} at ${time} (${s.time_zone}).`
    : 'Off: no morning email.';
  if (s.settings.enabled && !s.scheduled) line += ' The trigger is missing: save again.';
  if (s.last_sent) line += ` Last sent for ${s.last_sent}.`;
  return line;
}

/**
 * The add-on's "Daily plan settings" dialog (DailyPlan.html): the morning email on or off
 * and its hour, the calendars read, the working day. Save validates in the add-on and shows
 * every refused field beside its control and in a summary, moving focus to the first;
 * "Send me a test now" reports what happened. The parts read the dialog's state from one
 * @lit/context provider.
 */
export class MfDayPlanSettings extends LightElement {
  static override pageStyles = [dialogStyles];
  static override properties = {
    client: { attribute: false },
    state: { state: true },
    draft: { state: true },
    issues: { state: true },
    summary: { state: true },
    status: { state: true },
    bad: { state: true },
    busy: { state: true },
  };

  declare client: ScriptClient<DailyPlanFunctions>;
  declare private state: DailyPlanDialogState | undefined;
  declare private draft: PlanSettingsDraft | undefined;
  declare private issues: Partial<Record<SettingsField, string[]>>;
  declare private summary: string[];
  declare private status: string;
  declare private bad: boolean;
  declare private busy: boolean;
  private readonly provider = new ContextProvider(this, { context: planSettingsContext });

  constructor() {
    super();
    this.client = scriptClient(DAILY_PLAN_FUNCTIONS);
    this.state = undefined;
    this.draft = undefined;
    this.issues = {};
    this.summary = [];
    this.status = 'Loading your settings…';
    this.bad = false;
    this.busy = true;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    this.busy = true;
    try {
      this.show(await this.client.getDailyPlanSettings());
    } catch (error) {
      this.fail(error);
    }
  }

  private show(s: DailyPlanDialogState, prefix = ''): void {
    this.busy = false;
    this.state = s;
    this.draft = draftOf(s.settings);
    const notices = s.notices.length > 0 ? ` ${s.notices.join(' ')}` : '';
    this.setStatus(prefix + summaryLine(s) + notices, s.notices.length > 0);
  }

  private setStatus(text: string, bad = false): void {
    this.status = text;
    this.bad = bad;
  }

  private fail(error: unknown): void {
    this.busy = false;
    this.setStatus(error instanceof Error ? error.message : String(error), true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (!this.state || !this.draft) return;
    if (changed.has('state') || changed.has('draft') || changed.has('issues')) {
      const value: PlanSettingsContext = {
        state: this.state,
        draft: this.draft,
        issues: this.issues,
        update: (patch) => {
          if (this.draft) this.draft = { ...this.draft, ...patch };
        },
      };
      this.provider.setValue(value);
    }
  }

  private clearIssues(): void {
    this.issues = {};
    this.summary = [];
  }

  private async showIssues(issues: readonly FieldIssue[]): Promise<void> {
    const worded = wordIssues(issues);
    this.issues = worded.byField;
    this.summary = worded.lines;
    await this.updateComplete;
    // Wait for the parts, which render the controls, too.
    await Promise.all(
      [
        ...this.querySelectorAll(
          'mf-day-plan-email-fields, mf-day-plan-calendar-fields, mf-day-plan-hours-fields',
        ),
      ].map((el) => (el as LightElement).updateComplete),
    );
    const control = worded.first
      ? this.querySelector<HTMLElement>(`[data-field="${worded.first}"]`)
      : null;
    const target =
      control && control.tagName !== 'FIELDSET' && control.tagName !== 'DIV'
        ? control
        : this.querySelector<HTMLElement>('#summary');
    target?.focus();
  }

  private async save(e: Event): Promise<void> {
    e.preventDefault();
    const { state, draft } = this;
    if (!state || !draft || this.busy) return;
    this.clearIssues();
    this.busy = true;
    this.setStatus('Saving…');
    try {
      const result = await this.client.saveDailyPlanSettings(settingsFrom(draft, state.settings));
      this.busy = false;
      if (result.ok) {
        this.show(result.data, 'Saved. ');
        return;
      }
      const details = result.error.details;
      const issues = Array.isArray(details) ? (details as FieldIssue[]) : [];
      // The summary words each problem; the status line only says what happened.
      this.setStatus(
        issues.length > 0
          ? `Not saved: ${issues.length === 1 ? 'one setting needs' : `${issues.length} settings need`} fixing.`
          : `Not saved: ${result.error.message}`,
        true,
      );
      if (issues.length > 0) await this.showIssues(issues);
    } catch (error) {
      this.fail(error);
    }
  }

  private async sendTest(): Promise<void> {
    this.busy = true;
    this.setStatus('Planning your day and sending it…');
    try {
      const report = await this.client.sendTestDailyPlan();
      this.busy = false;
      const sent = report.status === 'sent';
      this.setStatus(`${sent ? 'Test sent ' : 'Not sent: '}${report.message}`, !sent);
    } catch (error) {
      this.fail(error);
    }
  }

  // Texts go in with .textContent: each is read (and tested) as exactly that sentence,
  // whatever the template's line breaks.
  override render() {
    return html`<form id="form" novalidate @submit=${this.save}>
      <p
        id="status"
        role="status"
        aria-live="polite"
        class=${this.bad ? 'bad' : ''}
        .textContent=${this.status}
      ></p>
      <div id="summary" role="alert" tabindex="-1" ?hidden=${this.summary.length === 0}>
        <strong>Please fix:</strong>
        <ul id="summary-list">
          ${this.summary.map((line) => html`<li .textContent=${line}></li>`)}
        </ul>
      </div>
      <div class="fields">
        ${
          this.state
            ? html`<mf-day-plan-email-fields></mf-day-plan-email-fields>
                <mf-day-plan-calendar-fields></mf-day-plan-calendar-fields>
                <mf-day-plan-hours-fields></mf-day-plan-hours-fields>`
            : nothing
        }
      </div>
      <div class="actions">
        <button type="submit" class="primary" id="save" ?disabled=${this.busy}>Save</button>
        <button type="button" id="test" ?disabled=${this.busy} @click=${this.sendTest}>
          Send me a test now
        </button>
        <span class="spacer"></span>
        <button type="button" id="close" @click=${hostClose}>Close</button>
      </div>
    </form>`;
  }
}

customElements.define('mf-day-plan-settings', MfDayPlanSettings);

declare global {
  interface HTMLElementTagNameMap {
    'mf-day-plan-settings': MfDayPlanSettings;
  }
}
