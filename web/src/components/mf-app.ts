import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { intlTimeZone, ZonedCalendar, type Task } from '@mindflow/shared';
import type { ChatClient } from '../client/chat-client.ts';
import type { MindFlowClient, SidebarContext } from '../client/mindflow-client.ts';
import { baseStyles } from './base-styles.ts';
import type { EditCloseDetail, ErrorDetail, TaskChangedDetail, TaskDetail } from './events.ts';
import './mf-best-task.ts';
import './mf-chat-panel.ts';
import type { OpenTaskDetail } from './mf-chat-panel.ts';
import './mf-quick-add.ts';
import './mf-task-editor.ts';
import './mf-task-list.ts';

/**
 * The sidebar: loads the context (the Sheet's time zone) once, composes quick add, the
 * best task and the ranked list or the editor, and announces what happened in live regions.
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
    this.status = '';
    this.error = '';
    this.chatClient = undefined;
    this.tab = 'tasks';
    this.addEventListener('mf-chat-changed', () => (this.revision += 1));
    this.addEventListener('mf-open-task', (e) => void this.openTask(e));
    this.addEventListener('mf-task-changed', (e) => this.onChanged(e));
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
      <mf-task-list
        ?hidden=${this.editing !== undefined}
        .client=${client}
        .calendar=${calendar}
        .clock=${clock}
        .revision=${revision}
      ></mf-task-list>
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
