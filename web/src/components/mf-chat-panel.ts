import { LitElement, css, html, nothing } from 'lit';
import type { ChatAction, ChatAnswer, ChatClient } from '../client/chat-client.ts';
import { baseStyles } from './base-styles.ts';

/**
 * <mf-chat-panel>: talk to the MindFlow assistant. Self-contained; a host only sets `client`.
 *
 *   const panel = document.createElement('mf-chat-panel');
 *   panel.client = httpChatClient(origin, token);      // the hosted web app (SSE, streamed)
 *   panel.client = appsScriptChatClient();             // the Sheets sidebar (google.script.run)
 *   panel.addEventListener('mf-open-task', (e) => show(e.detail.task_id));
 *
 * Properties: `client` (ChatClient). Events (bubbling, composed):
 *   - `mf-open-task` {task_id}: a chip of an action was chosen; the host opens that task;
 *   - `mf-chat-changed` {actions}: the assistant changed tasks; the host refreshes its lists.
 * Keyboard: Enter sends (Shift+Enter: a new line); when a change awaits consent, focus moves
 * to Confirm, and Escape cancels it. The conversation is a log live region.
 */

interface Line {
  role: 'user' | 'assistant';
  text: string;
  actions: ChatAction[];
  pending?: { id: string; description: string } | undefined;
  failed?: boolean;
}

export interface OpenTaskDetail {
  task_id: string;
}
export interface ChatChangedDetail {
  actions: ChatAction[];
}

export class MfChatPanel extends LitElement {
  static override properties = {
    client: { attribute: false },
    lines: { state: true },
    busy: { state: true },
  };

  declare client: ChatClient | undefined;
  declare private lines: Line[];
  declare private busy: boolean;
  private conversationId: string | undefined;

  constructor() {
    super();
    this.client = undefined;
    this.lines = [];
    this.busy = false;
  }

  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: 0.5rem;
      }
      .log {
        display: grid;
        gap: 0.5rem;
        max-height: var(--mf-chat-height, 60vh);
        overflow-y: auto;
        padding: 0.25rem 0;
      }
      .msg {
        border-radius: 8px;
        padding: 0.45rem 0.6rem;
        overflow-wrap: anywhere;
        max-width: 100%;
      }
      .text {
        white-space: pre-wrap;
      }
      .user {
        background: var(--mf-chat-user-bg, #e8f0fe);
        justify-self: end;
      }
      .assistant {
        background: var(--mf-chat-bg, #f1f3f4);
        justify-self: start;
      }
      .failed {
        border: 1px solid var(--mf-error, #c5221f);
      }
      .chips {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin-top: 0.35rem;
      }
      .chip {
        border-radius: 999px;
        font-size: 0.8rem;
        padding: 0.1rem 0.55rem;
        white-space: normal;
        text-align: start;
      }
      .chip[data-ok='false'] {
        color: var(--mf-error, #c5221f);
      }
      .pending {
        margin-top: 0.4rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        align-items: center;
      }
      .pending strong {
        flex-basis: 100%;
        font-weight: 600;
      }
      .confirm {
        background: var(--mf-primary, #1a73e8);
        color: #fff;
        border-color: transparent;
      }
      form {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.4rem;
        align-items: end;
      }
      textarea {
        width: 100%;
        resize: vertical;
        min-height: 2.4rem;
        padding: 0.35rem 0.45rem;
        border: 1px solid var(--mf-border, #dadce0);
        border-radius: 4px;
      }
      button:focus-visible,
      textarea:focus-visible {
        outline: 2px solid var(--mf-focus, #1a73e8);
        outline-offset: 2px;
      }
      .hint {
        color: var(--mf-muted, #5f6368);
        font-size: 0.8rem;
        margin: 0;
      }
      form .hint {
        grid-column: 1 / -1;
      }
    `,
  ];

  /** Puts the cursor in the message box. */
  override focus(): void {
    this.renderRoot.querySelector('textarea')?.focus();
  }

  private get input(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  private update_(index: number, change: Partial<Line>): void {
    this.lines = this.lines.map((l, i) => (i === index ? { ...l, ...change } : l));
  }

  private async afterAnswer(index: number, answer: ChatAnswer): Promise<void> {
    // Not busy any more before focusing: a disabled Confirm cannot take the focus.
    this.busy = false;
    this.conversationId = answer.conversation_id;
    this.update_(index, {
      text: answer.reply,
      actions: answer.actions,
      pending: answer.pending_action,
    });
    const changed = answer.actions.filter((a) => a.ok);
    if (changed.length > 0) {
      this.dispatchEvent(
        new CustomEvent<ChatChangedDetail>('mf-chat-changed', {
          detail: { actions: changed },
          bubbles: true,
          composed: true,
        }),
      );
    }
    await this.updateComplete;
    this.scrollLog();
    const confirm = this.renderRoot.querySelector<HTMLButtonElement>(
      `[data-confirm="${answer.pending_action?.id ?? ''}"]`,
    );
    if (answer.pending_action && confirm) confirm.focus();
    else this.input?.focus();
  }

  private scrollLog(): void {
    const log = this.renderRoot.querySelector('.log');
    if (log) log.scrollTop = log.scrollHeight;
  }

  private async send(): Promise<void> {
    const input = this.input;
    const message = input?.value.trim() ?? '';
    if (!this.client || message === '' || this.busy) return;
    if (input) input.value = '';
    this.busy = true;
    // An earlier proposal is set aside by a new message, as the assistant does.
    this.lines = [
      ...this.lines.map((l) => ({ ...l, pending: undefined })),
      { role: 'user', text: message, actions: [] },
      { role: 'assistant', text: '', actions: [] },
    ];
    const index = this.lines.length - 1;
    let streamed = '';
    try {
      const answer = await this.client.send(message, this.conversationId, {
        onText: (delta) => {
          streamed += delta;
          this.update_(index, { text: streamed });
          this.scrollLog();
        },
      });
      await this.afterAnswer(index, answer);
    } catch (error) {
      this.update_(index, {
        text: `Sorry, that did not work: ${error instanceof Error ? error.message : String(error)}`,
        failed: true,
      });
      await this.updateComplete;
      this.input?.focus();
    } finally {
      this.busy = false;
    }
  }

  private async decide(pending: { id: string }, confirm: boolean): Promise<void> {
    const client = this.client;
    const id = this.conversationId;
    if (!client || !id || this.busy) return;
    this.busy = true;
    this.lines = [
      ...this.lines.map((l) => (l.pending?.id === pending.id ? { ...l, pending: undefined } : l)),
      { role: 'assistant', text: confirm ? 'Working…' : 'Cancelling…', actions: [] },
    ];
    const index = this.lines.length - 1;
    try {
      const answer = confirm
        ? await client.confirm(id, pending.id)
        : await client.cancel(id, pending.id);
      await this.afterAnswer(index, answer);
    } catch (error) {
      this.update_(index, {
        text: `Sorry, that did not work: ${error instanceof Error ? error.message : String(error)}`,
        failed: true,
      });
    } finally {
      this.busy = false;
    }
  }

  private onKeydown(e: KeyboardEvent): void {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      void this.send();
    }
  }

  private onPanelKeydown(e: KeyboardEvent): void {
    if (e.key !== 'Escape') return;
    const open = [...this.lines].reverse().find((l) => l.pending)?.pending;
    if (open) {
      e.preventDefault();
      void this.decide(open, false);
    }
  }

  private openTask(taskId: string): void {
    this.dispatchEvent(
      new CustomEvent<OpenTaskDetail>('mf-open-task', {
        detail: { task_id: taskId },
        bubbles: true,
        composed: true,
      }),
    );
  }

  private renderChips(actions: ChatAction[]) {
    if (actions.length === 0) return nothing;
    return html`<div class="chips" role="group" aria-label="Actions taken">
      ${actions.map((a) =>
        a.task_ids.length === 0
          ? html`<span class="chip" data-ok=${String(a.ok)}>${a.summary}</span>`
          : html`<button
              type="button"
              class="chip"
              data-ok=${String(a.ok)}
              title="Open the task"
              @click=${() => this.openTask(a.task_ids[0]!)}
            >
              ${a.summary}
            </button>`,
      )}
    </div>`;
  }

  private renderPending(p: NonNullable<Line['pending']>) {
    return html`<div class="pending" role="group" aria-label="Waiting for your consent">
      <strong>${p.description}</strong>
      <button
        type="button"
        class="confirm"
        data-confirm=${p.id}
        ?disabled=${this.busy}
        @click=${() => this.decide(p, true)}
      >
        Confirm
      </button>
      <button type="button" ?disabled=${this.busy} @click=${() => this.decide(p, false)}>
        Cancel
      </button>
    </div>`;
  }

  override render() {
    return html`
      <div
        class="log"
        role="log"
        aria-live="polite"
        aria-label="Conversation with the assistant"
        @keydown=${this.onPanelKeydown}
      >
        ${
          this.lines.length === 0
            ? html`<p class="hint">
                Ask “what should I do next?”, “add pay rent friday p1”, “snooze the report until
                Monday”, or “help”.
              </p>`
            : nothing
        }
        ${this.lines.map(
          (l) =>
            html`<div class="msg ${l.role} ${l.failed ? 'failed' : ''}">
              <span class="visually-hidden">${l.role === 'user' ? 'You:' : 'Assistant:'}</span>
              <span class="text"
                >${
                  l.text === '' && l.role === 'assistant'
                    ? html`<span aria-busy="true">…</span>`
                    : l.text
                }</span
              >
              ${this.renderChips(l.actions)} ${l.pending ? this.renderPending(l.pending) : nothing}
            </div>`,
        )}
      </div>
      <form
        @submit=${(e: Event) => {
          e.preventDefault();
          void this.send();
        }}
        @keydown=${this.onPanelKeydown}
      >
        <label class="visually-hidden" for="chat-input">Message to the assistant</label>
        <textarea
          id="chat-input"
          rows="2"
          placeholder="Ask MindFlow…"
          aria-describedby="chat-hint"
          @keydown=${this.onKeydown}
        ></textarea>
        <button type="submit" ?disabled=${this.busy} aria-busy=${String(this.busy)}>Send</button>
        <p id="chat-hint" class="hint">
          Enter sends · Shift+Enter new line · Esc cancels a pending change
        </p>
      </form>
    `;
  }
}

customElements.define('mf-chat-panel', MfChatPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mf-chat-panel': MfChatPanel;
  }
  interface HTMLElementEventMap {
    'mf-open-task': CustomEvent<OpenTaskDetail>;
    'mf-chat-changed': CustomEvent<ChatChangedDetail>;
  }
}
