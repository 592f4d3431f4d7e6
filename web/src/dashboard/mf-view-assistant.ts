import { LitElement, css, html } from 'lit';
import { httpChatClient, type ChatClient } from '../client/index.ts';
import '../components/mf-chat-panel.ts';
import { palette, viewStyles } from './dashboard-styles.ts';
import { sessionFetch } from './session-api.ts';

// Assistant: the sidebar's chat panel (mf-chat-panel, from the assistant issue) on the
// server's chat routes, signed in with the session cookie like every other view. What it
// changes reaches the other views through the live updates.

export class MfViewAssistant extends LitElement {
  private readonly chat: ChatClient = httpChatClient(location.origin, '', { fetch: sessionFetch });

  static override styles = [
    palette,
    viewStyles,
    css`
      mf-chat-panel {
        display: block;
        min-height: 24rem;
      }
    `,
  ];

  override render() {
    return html`<h1>Assistant</h1>
      <section class="card" aria-label="Chat with MindFlow">
        <mf-chat-panel .client=${this.chat}></mf-chat-panel>
      </section>`;
  }
}

customElements.define('mf-view-assistant', MfViewAssistant);

declare global {
  interface HTMLElementTagNameMap {
    'mf-view-assistant': MfViewAssistant;
  }
}
