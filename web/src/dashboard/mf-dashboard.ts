import { LitElement, css, html, nothing } from 'lit';
import { intlTimeZone, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/index.ts';
import {
  emit,
  type ErrorDetail,
  type PlanActionDetail,
  type SnoozeRequestDetail,
  type TaskChangedDetail,
  type TaskDetail,
} from '../components/events.ts';
import '../components/mf-undo-bar.ts';
import {
  completeTask,
  deleteTask,
  reopenTask,
  snoozeTask,
  startTask,
  taskById,
  type ActionContext,
  type ActionOutcome,
} from '../components/task-actions.ts';
import { palette, viewStyles } from './dashboard-styles.ts';
import { api, dashboardClient, setCsrfToken, type Session } from './session-api.ts';
import type { ShortcutTarget } from './shortcut-target.ts';

// The signed-in dashboard: a navigation bar, one view at a time (addressed by the URL's
// fragment, so `/` — the morning email's link — is Today), live updates from
// GET /api/events, the keyboard shortcuts, and the live regions that announce results.
// Each view is its own chunk, loaded the first time it opens.

export const VIEWS = [
  ['today', 'Today'],
  ['tasks', 'Tasks'],
  ['plan', 'Plan settings'],
  ['connections', 'Connections'],
  ['import', 'Import / export'],
  ['assistant', 'Assistant'],
] as const;
export type ViewName = (typeof VIEWS)[number][0];

const LOADERS: Record<ViewName, () => Promise<unknown>> = {
  today: () => import('./mf-view-today.ts'),
  tasks: () => import('./mf-view-tasks.ts'),
  plan: () => import('./mf-view-plan.ts'),
  connections: () => import('./mf-view-connections.ts'),
  import: () => import('./mf-view-import.ts'),
  assistant: () => import('./mf-view-assistant.ts'),
};

export const SHORTCUTS: readonly [string, string][] = [
  ['q', 'Quick add a task (Tasks)'],
  ['j / k', 'Move down / up the task list'],
  ['x', 'Mark the selected task done'],
  ['/', 'Search tasks'],
  ['?', 'Show these shortcuts'],
  ['Esc', 'Close a dialog or drawer'],
];

function viewOfHash(hash: string): ViewName {
  const name = hash.replace(/^#\/?/, '').split('?')[0];
  return VIEWS.some(([v]) => v === name) ? (name as ViewName) : 'today';
}

export class MfDashboard extends LitElement {
  static override properties = {
    session: { attribute: false },
    view: { state: true },
    loadedView: { state: true },
    revision: { state: true },
    status: { state: true },
    error: { state: true },
    live: { state: true },
    helpOpen: { state: true },
  };

  declare session: Session;
  declare private view: ViewName;
  declare private loadedView: ViewName | null;
  declare private revision: number;
  declare private status: string;
  declare private error: string;
  declare private live: boolean;
  declare private helpOpen: boolean;
  readonly client: MindFlowClient = dashboardClient();
  calendar: ZonedCalendar = new ZonedCalendar(intlTimeZone, 'UTC');
  clock: () => number = () => Date.now();
  private events: EventSource | null = null;
  private lastRevision: number | null = null;
  private readonly onHash = () => this.go(viewOfHash(location.hash));
  private readonly onKey = (e: KeyboardEvent) => this.key(e);

  constructor() {
    super();
    this.view = viewOfHash(location.hash);
    this.loadedView = null;
    this.revision = 0;
    this.status = '';
    this.error = '';
    this.live = false;
    this.helpOpen = false;
    // What a row, the best task or the day plan asks for is carried out here, once, with the
    // sidebar's own task-actions; every change is announced and offered for Undo (10 s).
    this.addEventListener('mf-task-changed', (e: CustomEvent<TaskChangedDetail>) => {
      this.error = '';
      this.status = e.detail.message;
      this.revision += 1;
      this.renderRoot.querySelector('mf-undo-bar')?.offer(e.detail);
    });
    this.addEventListener('mf-complete-request', (e: CustomEvent<TaskDetail>) => {
      e.stopPropagation();
      void this.act(`complete “${e.detail.task.title}”`, (c) => completeTask(c, e.detail.task));
    });
    this.addEventListener('mf-snooze-request', (e: CustomEvent<SnoozeRequestDetail>) => {
      e.stopPropagation();
      const { task, pick } = e.detail;
      void this.act(`snooze “${task.title}”`, (c) => snoozeTask(c, task, pick));
    });
    this.addEventListener('mf-delete-request', (e: CustomEvent<TaskDetail>) => {
      e.stopPropagation();
      void this.act(`delete “${e.detail.task.title}”`, (c) => deleteTask(c, e.detail.task));
    });
    this.addEventListener('mf-reopen-request', (e: CustomEvent<TaskDetail>) => {
      e.stopPropagation();
      void this.act(`reopen “${e.detail.task.title}”`, (c) => reopenTask(c, e.detail.task));
    });
    this.addEventListener('mf-plan-action', (e: CustomEvent<PlanActionDetail>) => {
      e.stopPropagation();
      const { action, task_id, title, pick } = e.detail;
      void this.act(`${action} “${title}”`, async (c) => {
        const found = await taskById(c.client, task_id);
        if (!found.ok) return found;
        if (action === 'start') return startTask(c, found.data);
        if (action === 'complete') return completeTask(c, found.data);
        return snoozeTask(c, found.data, pick ?? { choice: '1h' });
      });
    });
    this.addEventListener('mf-error', (e: CustomEvent<ErrorDetail>) => {
      this.error = `Could not ${e.detail.action}: ${e.detail.error.message}`;
    });
    this.addEventListener('mf-status', (e: Event) => {
      this.status = (e as CustomEvent<string>).detail;
    });
  }

  static override styles = [
    palette,
    viewStyles,
    css`
      :host {
        min-height: 100vh;
        font-size: 0.95rem;
        line-height: 1.4;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.6rem 1rem;
        border-bottom: 1px solid var(--mf-border);
        background: var(--mf-surface-2);
      }
      .brand {
        font-weight: 700;
        font-size: 1.1rem;
        margin: 0;
      }
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        list-style: none;
        margin: 0;
        padding: 0;
      }
      nav a {
        display: inline-block;
        padding: 0.3rem 0.55rem;
        border-radius: 4px;
        color: var(--mf-link);
        text-decoration: none;
      }
      nav a[aria-current='page'] {
        background: var(--mf-accent);
        color: #fff;
      }
      .account {
        margin-left: auto;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
        min-width: 0;
      }
      .account span {
        overflow-wrap: anywhere;
      }
      main {
        max-width: 64rem;
        margin: 0 auto;
        padding: 1rem;
        min-width: 0;
      }
      .alert {
        border: 1px solid var(--mf-error);
        border-radius: 4px;
        padding: 0.4rem 0.6rem;
        margin-bottom: 0.75rem;
      }
      .alert:empty {
        display: none;
      }
      .skip {
        position: absolute;
        left: -999px;
      }
      .skip:focus {
        left: 0.5rem;
        top: 0.5rem;
        z-index: 10;
        background: var(--mf-surface);
        padding: 0.3rem;
      }
      mf-undo-bar {
        position: fixed;
        left: 50%;
        bottom: 1rem;
        transform: translateX(-50%);
        width: max-content;
        max-width: calc(100vw - 2rem);
        z-index: 6;
      }
      dialog {
        color: var(--mf-text);
        background: var(--mf-surface);
        border: 1px solid var(--mf-border);
        border-radius: 8px;
        max-width: min(30rem, 92vw);
      }
      dl {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.3rem 1rem;
      }
      dt {
        font-family: monospace;
        font-weight: 700;
      }
      dd {
        margin: 0;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback?.();
    this.calendar = new ZonedCalendar(intlTimeZone, this.session.user.time_zone || 'UTC');
    window.addEventListener('hashchange', this.onHash);
    document.addEventListener('keydown', this.onKey);
    this.listen();
    this.go(this.view);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback?.();
    window.removeEventListener('hashchange', this.onHash);
    document.removeEventListener('keydown', this.onKey);
    this.events?.close();
  }

  /** Live updates: every change to the user's tasks, from anywhere, reloads what is shown. */
  private listen(): void {
    if (typeof EventSource === 'undefined') return;
    const events = new EventSource('/api/events');
    this.events = events;
    events.addEventListener('open', () => {
      this.live = true;
    });
    events.addEventListener('error', () => {
      this.live = false;
    });
    events.addEventListener('revision', (e) => {
      const { task_revision } = JSON.parse((e as MessageEvent<string>).data) as {
        task_revision: number;
      };
      if (this.lastRevision !== null && task_revision !== this.lastRevision) this.revision += 1;
      this.lastRevision = task_revision;
    });
  }

  private go(view: ViewName): void {
    this.view = view;
    this.error = '';
    void LOADERS[view]()
      .then(() => {
        this.loadedView = view;
        document.title = `${VIEWS.find(([v]) => v === view)?.[1]} · MindFlow`;
      })
      .catch((error: unknown) => {
        this.error = `Could not open this view: ${error instanceof Error ? error.message : String(error)}. Reload the page to try again.`;
      });
  }

  private key(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    const path = e.composedPath();
    const typing = path.some(
      (n) =>
        n instanceof HTMLElement &&
        (n.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(n.tagName)),
    );
    if (typing) return;
    if (e.key === '?') {
      e.preventDefault();
      this.helpOpen = true;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal(),
      );
      return;
    }
    const view = this.renderRoot.querySelector('main > [data-view]') as
      (HTMLElement & Partial<ShortcutTarget>) | null;
    if (view?.shortcut?.(e.key)) e.preventDefault();
  }

  private async act(
    action: string,
    run: (ctx: ActionContext) => Promise<ActionOutcome>,
  ): Promise<void> {
    const outcome = await run({ client: this.client, calendar: this.calendar, now: this.clock() });
    if (outcome.ok) emit(this, 'mf-task-changed', outcome.change);
    else emit(this, 'mf-error', { error: outcome.error, action });
  }

  private readonly closeHelp = (): void => {
    this.helpOpen = false;
  };

  private async signOut(): Promise<void> {
    try {
      await api('DELETE', '/api/session');
    } catch {
      // signed out or unreachable: either way, back to the sign-in page
    }
    setCsrfToken(null);
    this.events?.close();
    this.dispatchEvent(new CustomEvent('mf-signed-out', { bubbles: true, composed: true }));
  }

  private renderView() {
    if (this.loadedView !== this.view) {
      return html`<p class="muted" aria-busy="true">Loading…</p>`;
    }
    const { client, calendar, clock, revision, session } = this;
    switch (this.view) {
      case 'today':
        return html`<mf-view-today
          data-view
          .client=${client}
          .calendar=${calendar}
          .clock=${clock}
          .revision=${revision}
        ></mf-view-today>`;
      case 'tasks':
        return html`<mf-view-tasks
          data-view
          .client=${client}
          .calendar=${calendar}
          .clock=${clock}
          .revision=${revision}
        ></mf-view-tasks>`;
      case 'plan':
        return html`<mf-view-plan data-view .session=${session}></mf-view-plan>`;
      case 'connections':
        return html`<mf-view-connections data-view .session=${session}></mf-view-connections>`;
      case 'import':
        return html`<mf-view-import data-view></mf-view-import>`;
      case 'assistant':
        return html`<mf-view-assistant data-view></mf-view-assistant>`;
    }
  }

  override render() {
    return html`<a
        class="skip"
        href="#main"
        @click=${(e: Event) => {
          e.preventDefault();
          this.renderRoot.querySelector<HTMLElement>('main')?.focus();
        }}
        >Skip to content</a
      >
      <header>
        <p class="brand">MindFlow</p>
        <nav aria-label="Views">
          <ul>
            ${VIEWS.map(
              ([v, label]) =>
                html`<li>
                  <a href="#/${v}" aria-current=${v === this.view ? 'page' : nothing}>${label}</a>
                </li>`,
            )}
          </ul>
        </nav>
        <div class="account">
          <span
            class="muted"
            title=${this.live ? 'Live: changes appear by themselves' : 'Reconnecting…'}
            >${this.live ? '● Live' : '○ Offline'}</span
          >
          <span>${this.session.user.email}</span>
          <button type="button" @click=${() => void this.signOut()}>Sign out</button>
        </div>
      </header>
      <main id="main" tabindex="-1">
        <div class="alert error" role="alert">${this.error}</div>
        ${this.renderView()}
        <p class="visually-hidden" role="status">${this.status}</p>
        <p class="muted">Press <kbd>?</kbd> for keyboard shortcuts.</p>
      </main>
      <mf-undo-bar></mf-undo-bar>
      ${
        this.helpOpen
          ? html`<dialog aria-labelledby="shortcuts-title" @close=${this.closeHelp}>
              <h2 id="shortcuts-title">Keyboard shortcuts</h2>
              <dl>
                ${SHORTCUTS.map(
                  ([k, what]) =>
                    html`<dt>${k}</dt>
                      <dd>${what}</dd>`,
                )}
              </dl>
              <form method="dialog"><button class="primary" autofocus>Close</button></form>
            </dialog>`
          : nothing
      }`;
  }
}

customElements.define('mf-dashboard', MfDashboard);

declare global {
  interface HTMLElementTagNameMap {
    'mf-dashboard': MfDashboard;
  }
}
