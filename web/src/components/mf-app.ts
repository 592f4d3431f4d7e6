import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { intlTimeZone, ZonedCalendar, type Task } from '@mindflow/shared';
import type { ChatClient } from '../client/chat-client.ts';
import type { MindFlowClient, SidebarContext } from '../client/mindflow-client.ts';
import { baseStyles } from './base-styles.ts';
import type {
  BestChangedDetail,
  EditCloseDetail,
  ErrorDetail,
  PlanActionDetail,
  SnoozeRequestDetail,
  TaskChangedDetail,
  TaskDetail,
} from './events.ts';
import { emit } from './events.ts';
import {
  completeTask,
  snoozeTask,
  startTask,
  taskById,
  type ActionContext,
  type ActionOutcome,
} from './task-actions.ts';
import './mf-best-task.ts';
import './mf-chat-panel.ts';
import type { OpenTaskDetail } from './mf-chat-panel.ts';
import './mf-completed-list.ts';
import './mf-day-plan.ts';
import './mf-quick-add.ts';
import './mf-task-editor.ts';
import './mf-task-list.ts';
import './mf-undo-bar.ts';

export const SIDEBAR_VIEWS = ['tasks', 'plan', 'done'] as const;
export type SidebarView = (typeof SIDEBAR_VIEWS)[number];
const VIEW_LABELS: Record<SidebarView, string> = {
  tasks: 'Up next',
  plan: 'Day plan',
  done: 'Completed',
};

/**
 * The sidebar: loads the context (the Sheet's time zone) once, composes quick add, the best
 * task (shown once: the list below leaves it out) and one of three views — the ranked list,
 * the day plan, the completed tasks — or the editor. Changes that can be put back are
 * offered with Undo for 10 s, and everything that happened is announced in live regions.
 */
export class MfApp extends LitElement {
  // Static properties, not decorators: see mf-quick-add.ts.
  static override properties = {
    client: { attribute: false },
    /** Milliseconds since the epoch; tests and demos pin it, the sidebar uses Date.now. */
    clock: { attribute: false },
    context: { state: true },
    calendar: { state: true },
    revision: { state: true },
    editing: { state: true },
    view: { state: true },
    bestId: { state: true },
    status: { state: true },
    error: { state: true },
    chatClient: { attribute: false },
    tab: { state: true },
  };

  declare client: MindFlowClient | undefined;
  declare clock: () => number;
  declare private context: SidebarContext | undefined;
  declare private calendar: ZonedCalendar | undefined;
  declare private revision: number;
  declare private editing: Task | undefined;
  declare view: SidebarView;
  declare private bestId: string | null;
  declare private status: string;
  declare private error: string;
  /** The assistant's client; without one there is no "Ask" tab. */
  declare chatClient: ChatClient | undefined;
  declare private tab: 'tasks' | 'ask';

  constructor() {
    super();
    this.client = undefined;
    this.clock = () => Date.now();
    this.context = undefined;
    this.calendar = undefined;
    this.revision = 0;
    this.editing = undefined;
    this.view = 'tasks';
    this.bestId = null;
    this.status = '';
    this.error = '';
    this.chatClient = undefined;
    this.tab = 'tasks';
    this.addEventListener('mf-chat-changed', () => (this.revision += 1));
    this.addEventListener('mf-open-task', (e) => void this.openTask(e));
    this.addEventListener('mf-task-changed', (e) => this.onChanged(e));
    this.addEventListener('mf-best-changed', (e: CustomEvent<BestChangedDetail>) => {
      this.bestId = e.detail.task_id;
    });
    // Requests the lists do not carry out themselves: the best task's card, the day plan.
    this.addEventListener('mf-complete-request', (e) => void this.onComplete(e));
    this.addEventListener('mf-snooze-request', (e) => void this.onSnooze(e));
    this.addEventListener('mf-plan-action', (e) => void this.onPlanAction(e));
    this.addEventListener('mf-error', (e) => this.onError(e));
    this.addEventListener('mf-edit-request', (e) => this.onEditRequest(e));
    this.addEventListener('mf-edit-close', (e) => void this.onEditClose(e));
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        font-family: var(
          --mf-font,
          system-ui,
          -apple-system,
          'Segoe UI',
          Roboto,
          Arial,
          sans-serif
        );
        font-size: 0.9rem;
        line-height: 1.35;
      }
      main {
        display: grid;
        gap: 0.9rem;
        padding: 0.6rem;
      }
      h1 {
        font-size: 1rem;
        margin: 0;
      }
      .tabs {
        display: flex;
        gap: 0.3rem;
      }
      .tabs [aria-selected='true'] {
        font-weight: 600;
        border-color: var(--mf-link, #1a73e8);
      }
      nav[hidden] {
        display: none;
      }
      nav {
        display: flex;
        gap: 0;
        border-bottom: 1px solid var(--mf-border, #dadce0);
      }
      nav button {
        flex: 1 1 0;
        border: 0;
        border-bottom: 3px solid transparent;
        border-radius: 0;
        color: var(--mf-muted, #5f6368);
        padding: 0.3rem 0.2rem;
      }
      nav button[aria-pressed='true'] {
        color: var(--mf-accent, #1a73e8);
        border-bottom-color: var(--mf-accent, #1a73e8);
        font-weight: 600;
      }
      mf-undo-bar {
        position: sticky;
        bottom: 0.4rem;
        z-index: 3;
      }
      .alert {
        border: 1px solid var(--mf-error, #c5221f);
        border-radius: 4px;
        padding: 0.4rem 0.5rem;
      }
    `,
  ];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('client') && this.client) void this.loadContext();
  }

  private async loadContext(): Promise<void> {
    const client = this.client;
    if (!client) return;
    this.error = '';
    try {
      const context = await client.context();
      this.context = context;
      this.calendar = new ZonedCalendar(intlTimeZone, context.time_zone);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.error = `Could not start MindFlow: ${reason}`;
    }
  }

  private onChanged(e: CustomEvent<TaskChangedDetail>): void {
    this.error = '';
    this.status = e.detail.message;
    this.revision += 1;
    this.renderRoot.querySelector('mf-undo-bar')?.offer(e.detail);
  }

  private actionContext(): ActionContext | undefined {
    const { client, calendar } = this;
    return client && calendar ? { client, calendar, now: this.clock() } : undefined;
  }

  private settle(outcome: ActionOutcome, action: string): void {
    if (!outcome.ok) {
      emit(this, 'mf-error', { error: outcome.error, action });
      return;
    }
    emit(this, 'mf-task-changed', outcome.change);
  }

  private async onComplete(e: CustomEvent<TaskDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.actionContext();
    if (ctx)
      this.settle(await completeTask(ctx, e.detail.task), `complete “${e.detail.task.title}”`);
  }

  private async onSnooze(e: CustomEvent<SnoozeRequestDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.actionContext();
    const { task, pick } = e.detail;
    if (ctx) this.settle(await snoozeTask(ctx, task, pick), `snooze “${task.title}”`);
  }

  private async onPlanAction(e: CustomEvent<PlanActionDetail>): Promise<void> {
    e.stopPropagation();
    const ctx = this.actionContext();
    if (!ctx) return;
    const { action, task_id, title, pick } = e.detail;
    const verb = action === 'complete' ? 'complete' : action;
    const found = await taskById(ctx.client, task_id);
    if (!found.ok) return this.settle(found, `${verb} “${title}”`);
    const task = found.data;
    const outcome =
      action === 'start'
        ? await startTask(ctx, task)
        : action === 'complete'
          ? await completeTask(ctx, task)
          : await snoozeTask(ctx, task, pick ?? { choice: '1h' });
    this.settle(outcome, `${verb} “${title}”`);
  }

  private show(view: SidebarView): void {
    this.view = view;
  }

  private renderNav() {
    return html`<nav aria-label="Views" ?hidden=${this.editing !== undefined}>
      ${SIDEBAR_VIEWS.map(
        (view) =>
          html`<button
            type="button"
            aria-pressed=${this.view === view ? 'true' : 'false'}
            data-view=${view}
            @click=${() => this.show(view)}
          >
            ${VIEW_LABELS[view]}
          </button>`,
      )}
    </nav>`;
  }

  private renderView() {
    const { client, calendar, clock, revision } = this;
    const hidden = this.editing !== undefined;
    switch (this.view) {
      case 'plan':
        return html`<mf-day-plan
          ?hidden=${hidden}
          .client=${client}
          .calendar=${calendar}
          .clock=${clock}
          .revision=${revision}
        ></mf-day-plan>`;
      case 'done':
        return html`<mf-completed-list
          ?hidden=${hidden}
          .client=${client}
          .calendar=${calendar}
          .clock=${clock}
          .revision=${revision}
        ></mf-completed-list>`;
      default:
        return html`<mf-task-list
          ?hidden=${hidden}
          .client=${client}
          .calendar=${calendar}
          .clock=${clock}
          .revision=${revision}
          .hideId=${this.bestId}
        ></mf-task-list>`;
    }
  }

  private onError(e: CustomEvent<ErrorDetail>): void {
    const { error, action } = e.detail;
    this.error = `Could not ${action}: ${error.message}`;
  }

  private onEditRequest(e: CustomEvent<TaskDetail>): void {
    this.editing = e.detail.task;
    this.status = '';
  }

  private async onEditClose(e: CustomEvent<EditCloseDetail>): Promise<void> {
    this.editing = undefined;
    if (!e.detail.saved) this.status = 'Edit cancelled';
    await this.updateComplete;
    // Back to where the user was: the row's Edit button.
    await this.renderRoot.querySelector('mf-task-list')?.focusTask(e.detail.task.id, 'edit');
    if (e.detail.task.id === this.bestId) {
      const card = this.renderRoot.querySelector('mf-best-task');
      await card?.updateComplete;
      card?.focusAction('edit');
    }
  }

  /** A chip in the chat opens its task in the editor, on the Tasks tab. */
  private async openTask(e: CustomEvent<OpenTaskDetail>): Promise<void> {
    const found = await this.client?.call('getTask', { id: e.detail.task_id });
    if (!found?.ok) {
      this.error = 'Could not open the task: it is gone';
      return;
    }
    this.tab = 'tasks';
    this.editing = found.data as Task;
  }

  private renderTabs() {
    if (!this.chatClient || !this.calendar) return nothing;
    const tab = (name: 'tasks' | 'ask', label: string) =>
      html`<button
        type="button"
        role="tab"
        id="tab-${name}"
        aria-selected=${String(this.tab === name)}
        tabindex=${this.tab === name ? 0 : -1}
        @click=${() => (this.tab = name)}
      >
        ${label}
      </button>`;
    const arrows = (e: KeyboardEvent) => {
      if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
      this.tab = this.tab === 'tasks' ? 'ask' : 'tasks';
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLButtonElement>(`#tab-${this.tab}`)?.focus(),
      );
    };
    return html`<div class="tabs" role="tablist" aria-label="MindFlow" @keydown=${arrows}>
      ${tab('tasks', 'Tasks')} ${tab('ask', 'Ask')}
    </div>`;
  }

  private renderBody() {
    if (this.chatClient && this.calendar && this.tab === 'ask') {
      return html`<mf-chat-panel
        role="tabpanel"
        aria-labelledby="tab-ask"
        .client=${this.chatClient}
      ></mf-chat-panel>`;
    }
    if (!this.calendar) {
      return this.error
        ? html`<button type="button" @click=${() => this.loadContext()}>Try again</button>`
        : html`<p class="muted" aria-busy="true">Loading…</p>`;
    }
    const { client, calendar, clock, revision } = this;
    return html`
      <mf-quick-add .client=${client} .calendar=${calendar} .clock=${clock}></mf-quick-add>
      <mf-best-task
        .client=${client}
        .calendar=${calendar}
        .clock=${clock}
        .revision=${revision}
      ></mf-best-task>
      ${
        this.editing
          ? html`<mf-task-editor
              .client=${client}
              .calendar=${calendar}
              .task=${this.editing}
            ></mf-task-editor>`
          : nothing
      }
      ${this.renderNav()} ${this.renderView()}
      <mf-undo-bar></mf-undo-bar>
    `;
  }

  override render() {
    return html`<main>
      <h1>MindFlow</h1>
      ${this.renderTabs()}
      <div class=${this.error ? 'alert error' : ''} role="alert">${this.error}</div>
      ${this.renderBody()}
      <p class="visually-hidden" role="status">${this.status}</p>
    </main>`;
  }
}

customElements.define('mf-app', MfApp);

declare global {
  interface HTMLElementTagNameMap {
    'mf-app': MfApp;
  }
}
