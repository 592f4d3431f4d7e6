import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { addDays, type ScoredTask, type Task, type ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/index.ts';
import { emit, type EditCloseDetail, type TaskDetail } from '../components/events.ts';
import '../components/mf-quick-add.ts';
import '../components/mf-task-editor.ts';
import '../components/mf-task-row.ts';
import { palette, viewStyles } from './dashboard-styles.ts';
import type { ShortcutTarget } from './shortcut-target.ts';

// Tasks: every task with filters (status incl. completed, due window, tag, text), open
// ones sorted by score; quick add with its live preview (mf-quick-add); an edit drawer
// (mf-task-editor: every field, field errors, If-Match conflicts) with Delete; the keyboard
// shortcuts q, j/k, x and /. Done, Snooze, Delete and Reopen bubble to mf-dashboard, which
// carries them out and offers Undo for 10 s.

type StatusFilter = 'open' | 'completed' | 'snoozed' | 'all';
type DueFilter = 'any' | 'overdue' | 'today' | 'week' | 'none';

const RANK_LIMIT = 100;

export class MfViewTasks extends LitElement implements ShortcutTarget {
  static override properties = {
    client: { attribute: false },
    calendar: { attribute: false },
    clock: { attribute: false },
    revision: { type: Number },
    status: { state: true },
    due: { state: true },
    tag: { state: true },
    text: { state: true },
    rows: { state: true },
    total: { state: true },
    loaded: { state: true },
    problem: { state: true },
    selected: { state: true },
    editing: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare calendar: ZonedCalendar | undefined;
  declare clock: () => number;
  declare revision: number;
  declare private status: StatusFilter;
  declare private due: DueFilter;
  declare private tag: string;
  declare private text: string;
  declare private rows: ScoredTask[] | Task[];
  declare private total: number;
  declare private loaded: boolean;
  declare private problem: string;
  declare private selected: number;
  declare private editing: Task | null;
  private loads = 0;

  constructor() {
    super();
    this.client = undefined;
    this.calendar = undefined;
    this.clock = () => Date.now();
    this.revision = 0;
    this.status = 'open';
    this.due = 'any';
    this.tag = '';
    this.text = '';
    this.rows = [];
    this.total = 0;
    this.loaded = false;
    this.problem = '';
    this.selected = -1;
    this.editing = null;
    this.addEventListener('mf-edit-request', (e: CustomEvent<TaskDetail>) => {
      e.stopPropagation();
      this.editing = e.detail.task;
    });
    // Deleting the task being edited closes the drawer; the shell deletes it.
    this.addEventListener('mf-delete-request', (e: CustomEvent<TaskDetail>) => {
      if (this.editing?.id === e.detail.task.id) this.editing = null;
    });
    this.addEventListener('mf-edit-close', (e: CustomEvent<EditCloseDetail>) => {
      e.stopPropagation();
      this.editing = null;
      void this.focusRow(e.detail.task.id);
    });
  }

  static override styles = [
    palette,
    viewStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 10rem), 1fr));
        gap: 0.5rem;
        align-items: end;
      }
      .filters label {
        margin-top: 0;
      }
      .filters input,
      .filters select {
        width: 100%;
      }
      ol {
        list-style: none;
        margin: 0.9rem 0 0;
        padding: 0;
      }
      li {
        border-top: 1px solid var(--mf-border);
        padding: 0.1rem 0.25rem;
        border-left: 3px solid transparent;
      }
      li.selected {
        border-left-color: var(--mf-accent);
        background: var(--mf-surface-2);
      }
      .plain-row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.8rem;
        align-items: center;
        padding: 0.4rem 0;
      }
      .plain-row .title {
        flex: 1 1 12rem;
        overflow-wrap: anywhere;
      }
      .drawer {
        position: fixed;
        inset: 0 0 0 auto;
        width: min(30rem, 100vw);
        box-sizing: border-box;
        overflow-y: auto;
        background: var(--mf-surface);
        border-left: 1px solid var(--mf-border);
        box-shadow: -4px 0 16px rgb(0 0 0 / 25%);
        padding: 1rem;
        z-index: 5;
      }
    `,
  ];

  /** q, j/k, x and /: see SHORTCUTS in mf-dashboard.ts. */
  shortcut(key: string): boolean {
    if (key === 'Escape' && this.editing) {
      this.editing = null;
      return true;
    }
    if (this.editing) return false;
    if (key === 'q') {
      this.renderRoot
        .querySelector('mf-quick-add')
        ?.shadowRoot?.querySelector<HTMLElement>('input, textarea')
        ?.focus();
      return true;
    }
    if (key === '/') {
      this.renderRoot.querySelector<HTMLInputElement>('#search')?.focus();
      return true;
    }
    if (key === 'j' || key === 'k') {
      if (this.rows.length === 0) return true;
      const next = this.selected + (key === 'j' ? 1 : -1);
      this.selected = Math.max(0, Math.min(this.rows.length - 1, next));
      void this.updateComplete.then(() => {
        const li = this.renderRoot.querySelectorAll<HTMLElement>('ol > li')[this.selected];
        li?.scrollIntoView({ block: 'nearest' });
        li?.focus();
      });
      return true;
    }
    if (key === 'x') {
      const task = this.taskAt(this.selected);
      if (task && task.status !== 'completed') emit(this, 'mf-complete-request', { task });
      return true;
    }
    return false;
  }

  private taskAt(i: number): Task | undefined {
    const row = this.rows[i];
    return row === undefined ? undefined : 'task' in row ? row.task : row;
  }

  protected override willUpdate(changed: PropertyValues): void {
    const filters = ['status', 'due', 'tag', 'text'].some((k) => changed.has(k));
    if ((changed.has('client') || changed.has('revision') || filters) && this.client) {
      void this.load();
    }
  }

  private readonly onFilter = (e: Event): void => {
    const el = e.target as HTMLInputElement | HTMLSelectElement;
    if (el.id === 'status') this.status = el.value as StatusFilter;
    else if (el.id === 'due') this.due = el.value as DueFilter;
    else if (el.id === 'tag') this.tag = el.value;
    else if (el.id === 'search') this.text = el.value;
  };

  private dueWindow(): { before?: string; after?: string; none?: boolean } {
    if (!this.calendar || this.due === 'any') return {};
    const today = this.calendar.localDate(this.clock());
    switch (this.due) {
      case 'overdue':
        return { before: today };
      case 'today':
        return { after: addDays(today, -1), before: addDays(today, 1) };
      case 'week':
        return { before: addDays(today, 8) };
      case 'none':
        return { none: true };
    }
  }

  private passesFilters(t: Task): boolean {
    const text = this.text.trim().toLowerCase();
    if (text && !`${t.title} ${t.description ?? ''}`.toLowerCase().includes(text)) return false;
    const tag = this.tag.trim().toLowerCase();
    if (tag && !t.tags.some((x) => x.toLowerCase() === tag)) return false;
    const w = this.dueWindow();
    if (w.none) return t.due === null;
    const day = t.due?.slice(0, 10) ?? null;
    if ((w.before || w.after) && day === null) return false;
    if (w.before && day! >= w.before) return false;
    if (w.after && day! <= w.after) return false;
    return true;
  }

  private async load(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const load = ++this.loads;
    if (this.status === 'open') {
      const answer = await client.call('rankTasks', { limit: RANK_LIMIT });
      if (load !== this.loads) return;
      this.loaded = true;
      if (!answer.ok) return void (this.problem = answer.error.message);
      this.problem = '';
      this.rows = answer.data.ranked.filter((s) => this.passesFilters(s.task));
      this.total = answer.data.total;
    } else {
      const answer = await client.call('listTasks', {
        status: this.status,
        limit: 100,
        ...(this.tag.trim() ? { tag: this.tag.trim() } : {}),
        ...(this.text.trim() ? { q: this.text.trim() } : {}),
      });
      if (load !== this.loads) return;
      this.loaded = true;
      if (!answer.ok) return void (this.problem = answer.error.message);
      this.problem = '';
      this.rows = answer.data.tasks.filter((t) => this.passesFilters(t));
      this.total = this.rows.length;
    }
    if (this.selected >= this.rows.length) this.selected = this.rows.length - 1;
  }

  private async focusRow(id: string): Promise<void> {
    await this.updateComplete;
    const row = this.renderRoot.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`);
    const target =
      (row as HTMLElementTagNameMap['mf-task-row'] | null)?.focusAction !== undefined
        ? row
        : row?.querySelector<HTMLElement>('button');
    if (target && 'focusAction' in target)
      (target as HTMLElementTagNameMap['mf-task-row']).focusAction('edit');
    else target?.focus();
  }

  private renderRow(row: ScoredTask | Task, i: number) {
    const selected = i === this.selected;
    if ('task' in row) {
      return html`<li
        class=${selected ? 'selected' : ''}
        tabindex="-1"
        @focusin=${() => (this.selected = i)}
      >
        <mf-task-row
          data-id=${row.task.id}
          .scored=${row}
          .calendar=${this.calendar}
          .clock=${this.clock}
        ></mf-task-row>
      </li>`;
    }
    const t = row;
    return html`<li
      class=${selected ? 'selected' : ''}
      tabindex="-1"
      @focusin=${() => (this.selected = i)}
    >
      <div class="plain-row" data-id=${t.id}>
        <span class="title">${t.title}</span>
        <span class="muted"
          >${t.status === 'completed' ? `completed ${t.completed_at?.slice(0, 10) ?? ''}` : t.status === 'snoozed' ? `snoozed until ${t.snoozed_until?.slice(0, 16).replace('T', ' ') ?? ''}` : t.status.replace('_', ' ')}</span
        >
        ${
          t.status === 'completed' || t.status === 'snoozed'
            ? html`<button
                type="button"
                aria-label=${`Reopen “${t.title}”`}
                @click=${() => emit(this, 'mf-reopen-request', { task: t })}
              >
                Reopen
              </button>`
            : nothing
        }
        <button type="button" aria-label=${`Edit “${t.title}”`} @click=${() => (this.editing = t)}>
          Edit
        </button>
        <button
          type="button"
          aria-label=${`Delete “${t.title}”`}
          @click=${() => emit(this, 'mf-delete-request', { task: t })}
        >
          Delete
        </button>
      </div>
    </li>`;
  }

  private renderList() {
    if (!this.loaded) return html`<p class="muted" aria-busy="true">Loading your tasks…</p>`;
    if (this.problem) {
      return html`<p class="error" role="alert">Could not load your tasks: ${this.problem}</p>
        <button type="button" @click=${() => void this.load()}>Try again</button>`;
    }
    if (this.rows.length === 0) {
      const filtered = this.status !== 'open' || this.due !== 'any' || this.tag || this.text;
      return html`<p class="muted">
        ${filtered ? 'No task matches these filters.' : 'No open tasks. Add one above (press q).'}
      </p>`;
    }
    return html`<ol aria-label="Tasks">
        ${repeat(
          this.rows as (ScoredTask | Task)[],
          (r) => ('task' in r ? r.task.id : r.id),
          (r, i) => this.renderRow(r, i),
        )}
      </ol>
      ${
        this.status === 'open' && this.total > RANK_LIMIT
          ? html`<p class="muted">Showing the best ${RANK_LIMIT} of ${this.total} open tasks.</p>`
          : nothing
      }`;
  }

  override render() {
    return html`<h1>Tasks</h1>
      <section class="card" aria-label="Quick add">
        <mf-quick-add
          .client=${this.client}
          .calendar=${this.calendar}
          .clock=${this.clock}
        ></mf-quick-add>
      </section>
      <section class="card" aria-labelledby="list-heading">
        <h2 id="list-heading">${this.status === 'open' ? 'Open tasks, best first' : 'Tasks'}</h2>
        <div class="filters" role="search">
          <div>
            <label for="status">Status</label>
            <select id="status" .value=${this.status} @change=${this.onFilter}>
              <option value="open">Open</option>
              <option value="completed">Completed</option>
              <option value="snoozed">Snoozed</option>
              <option value="all">All</option>
            </select>
          </div>
          <div>
            <label for="due">Due</label>
            <select id="due" .value=${this.due} @change=${this.onFilter}>
              <option value="any">Any time</option>
              <option value="overdue">Overdue</option>
              <option value="today">Today</option>
              <option value="week">Within 7 days</option>
              <option value="none">No due date</option>
            </select>
          </div>
          <div>
            <label for="tag">Tag</label>
            <input id="tag" .value=${this.tag} @change=${this.onFilter} placeholder="e.g. work" />
          </div>
          <div>
            <label for="search">Search</label>
            <input
              id="search"
              type="search"
              .value=${this.text}
              @input=${this.onFilter}
              placeholder="Title or notes (/)"
            />
          </div>
        </div>
        ${this.renderList()}
      </section>
      ${
        this.editing
          ? html`<aside
              class="drawer"
              role="dialog"
              aria-modal="false"
              aria-label=${`Edit “${this.editing.title}”`}
            >
              <mf-task-editor
                .client=${this.client}
                .calendar=${this.calendar}
                .task=${this.editing}
              ></mf-task-editor>
              <p>
                <button
                  type="button"
                  @click=${() => emit(this, 'mf-delete-request', { task: this.editing! })}
                >
                  Delete this task
                </button>
              </p>
            </aside>`
          : nothing
      }`;
  }
}

customElements.define('mf-view-tasks', MfViewTasks);

declare global {
  interface HTMLElementTagNameMap {
    'mf-view-tasks': MfViewTasks;
  }
}
