import { LitElement, css, html, nothing } from 'lit';
import { palette, viewStyles } from './dashboard-styles.ts';
import { sessionFetch } from './session-api.ts';

// Import / export: an uploaded CSV or a Google Sheet shared with the server's service
// account, migrated in the page (POST /api/import streams progress lines, then the
// verification report), and the export as CSV.

interface Report {
  source_count: number;
  target_count: number;
  written: number;
  unchanged: number;
  invalid_in_source: string[];
  fields: { field: string; ok: boolean }[];
  ok: boolean;
}

export class MfViewImport extends LitElement {
  static override properties = {
    source: { state: true },
    progress: { state: true },
    report: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  declare private source: 'csv' | 'sheet';
  declare private progress: { done: number; total: number } | null;
  declare private report: Report | null;
  declare private problem: string;
  declare private busy: boolean;

  constructor() {
    super();
    this.source = 'csv';
    this.progress = null;
    this.report = null;
    this.problem = '';
    this.busy = false;
  }

  static override styles = [
    palette,
    viewStyles,
    css`
      input {
        width: 100%;
      }
      fieldset {
        border: 1px solid var(--mf-border);
        border-radius: 4px;
      }
      fieldset label {
        display: inline-flex;
        gap: 0.3rem;
        font-weight: 400;
        margin-right: 1rem;
      }
      progress {
        width: 100%;
        height: 1.2rem;
      }
      a.button {
        display: inline-block;
        border: 1px solid var(--mf-border);
        border-radius: 4px;
        padding: 0.3rem 0.7rem;
        color: var(--mf-link);
        text-decoration: none;
      }
    `,
  ];

  private readonly pickSource = (e: Event): void => {
    this.source = (e.target as HTMLInputElement).value === 'sheet' ? 'sheet' : 'csv';
  };

  private async run(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const f = new FormData(e.target as HTMLFormElement);
    let body: unknown;
    if (this.source === 'csv') {
      const file = f.get('file');
      if (!(file instanceof File) || file.size === 0) {
        this.problem = 'Choose a CSV file first';
        return;
      }
      body = { source: 'csv', csv: await file.text() };
    } else {
      const raw = String(f.get('sheet') ?? '').trim();
      const id = /\/d\/([\w-]+)/.exec(raw)?.[1] ?? raw;
      body = {
        source: 'sheet',
        spreadsheet_id: id,
        tab: String(f.get('tab') ?? 'Tasks') || 'Tasks',
      };
    }
    this.busy = true;
    this.problem = '';
    this.report = null;
    this.progress = { done: 0, total: 0 };
    try {
      const response = await sessionFetch('/api/import', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      if (!response.ok || !response.body) {
        const err = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
        throw new Error(err.error?.message ?? `The server answered ${response.status}`);
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += value;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          if (!line.trim()) continue;
          const msg = JSON.parse(line) as {
            progress?: { done: number; total: number };
            report?: Report;
            error?: { message: string };
          };
          if (msg.progress) this.progress = msg.progress;
          if (msg.report) this.report = msg.report;
          if (msg.error) this.problem = msg.error.message;
        }
      }
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  private renderReport(r: Report) {
    return html`<div role="status">
      <p class=${r.ok ? 'ok' : 'error'}>
        ${r.ok ? '✔ Verified: every task arrived with every field intact.' : '✘ The copy does not match the source.'}
      </p>
      <p>
        ${r.source_count} tasks read · ${r.written} written · ${r.unchanged} already here ·
        ${r.target_count} now in MindFlow
      </p>
      ${
        r.fields.some((f) => !f.ok)
          ? html`<p class="error">
              Fields that differ:
              ${r.fields
                .filter((f) => !f.ok)
                .map((f) => f.field)
                .join(', ')}
            </p>`
          : nothing
      }
      ${
        r.invalid_in_source.length > 0
          ? html`<details>
              <summary>${r.invalid_in_source.length} rows skipped</summary>
              <ul>
                ${r.invalid_in_source.map((p) => html`<li>${p}</li>`)}
              </ul>
            </details>`
          : nothing
      }
    </div>`;
  }

  override render() {
    const p = this.progress;
    return html`<h1>Import / export</h1>
      <section class="card" aria-labelledby="import-h">
        <h2 id="import-h">Import tasks</h2>
        <p class="muted">
          Tasks are matched by id, so importing the same file or Sheet again changes nothing. After
          the copy, every field is checked against the source.
        </p>
        <form @submit=${(e: SubmitEvent) => void this.run(e)}>
          <fieldset>
            <legend>From</legend>
            <label
              ><input
                type="radio"
                name="source"
                value="csv"
                ?checked=${this.source === 'csv'}
                @change=${this.pickSource}
              />A CSV file</label
            >
            <label
              ><input
                type="radio"
                name="source"
                value="sheet"
                ?checked=${this.source === 'sheet'}
                @change=${this.pickSource}
              />A Google Sheet</label
            >
          </fieldset>
          ${
            this.source === 'csv'
              ? html`<label for="file"
                    >CSV file (the Tasks sheet's columns; a title column is enough)</label
                  >
                  <input id="file" name="file" type="file" accept=".csv,text/csv" />`
              : html`<p class="muted">
                    Share the Sheet with this server's service account (Viewer is enough) first.
                  </p>
                  <label for="sheet">Sheet address or id</label>
                  <input
                    id="sheet"
                    name="sheet"
                    required
                    placeholder="https://docs.google.com/spreadsheets/d/…"
                  />
                  <label for="tab">Tab</label>
                  <input id="tab" name="tab" value="Tasks" />`
          }
          <p>
            <button class="primary" type="submit" ?disabled=${this.busy}>
              ${this.busy ? 'Importing…' : 'Import'}
            </button>
          </p>
        </form>
        ${
          p
            ? html`<label for="progress">Progress</label>
                <progress id="progress" max=${p.total || 1} .value=${p.done}></progress>
                <p class="muted">${p.done} of ${p.total} tasks</p>`
            : nothing
        }
        <p class="error" role="alert">${this.problem}</p>
        ${this.report ? this.renderReport(this.report) : nothing}
      </section>
      <section class="card" aria-labelledby="export-h">
        <h2 id="export-h">Export</h2>
        <p>Every task as CSV, in the Tasks sheet's layout.</p>
        <a class="button" href="/api/export.csv" download="mindflow-tasks.csv">Download CSV</a>
      </section>`;
  }
}

customElements.define('mf-view-import', MfViewImport);

declare global {
  interface HTMLElementTagNameMap {
    'mf-view-import': MfViewImport;
  }
}
