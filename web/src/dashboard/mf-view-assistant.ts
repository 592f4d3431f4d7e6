import { LitElement, html } from 'lit';
import type { MindFlowClient } from '../client/index.ts';
import { palette, viewStyles } from './dashboard-styles.ts';

// Assistant: the assistant engineer's <mf-chat-panel> when it is defined (its module
// registers it), else a friendly placeholder. The panel gets the same client as the views.

export class MfViewAssistant extends LitElement {
  static override properties = { client: { attribute: false } };
  declare client: MindFlowClient | undefined;

  constructor() {
    super();
    this.client = undefined;
  }

  static override styles = [palette, viewStyles];

  override render() {
    const Panel = customElements.get('mf-chat-panel');
    if (Panel) {
      const panel = new Panel() as HTMLElement & { client?: MindFlowClient };
      panel.client = this.client;
      return html`<h1>Assistant</h1>
        ${panel}`;
    }
    return html`<h1>Assistant</h1>
      <section class="card">
        <h2>Coming soon</h2>
        <p>
          The chat assistant is not on this server yet. Meanwhile, connect Claude or ChatGPT to your
          tasks from <a href="#/connections">Connections</a>.
        </p>
      </section>`;
  }
}

customElements.define('mf-view-assistant', MfViewAssistant);

declare global {
  interface HTMLElementTagNameMap {
    'mf-view-assistant': MfViewAssistant;
  }
}
