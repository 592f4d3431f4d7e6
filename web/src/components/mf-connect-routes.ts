import { html, nothing } from 'lit';
import { ContextConsumer } from '@lit/context';
import { LightElement } from './light-element.ts';
import { connectContext, type ConnectContext } from './mf-connect-context.ts';
import './mf-copy-field.ts';

// The Connect dialog's two routes to this Sheet. Each reads the add-on's ConnectInfo and its
// actions from the context mf-connect-dialog provides.

/** The README section the "mcp" engineer writes: the consent screen, stdio, public https. */
export const README_SECTION = 'Use MindFlow from ChatGPT, Claude, Cursor';

abstract class RoutePart extends LightElement {
  protected readonly connect = new ContextConsumer(this, {
    context: connectContext,
    subscribe: true,
  });

  protected get ctx(): ConnectContext | undefined {
    return this.connect.value;
  }
}

/** Route 1: the Custom GPT, through the add-on's own web app and an API key in the schema. */
export class MfConnectGpt extends RoutePart {
  private onUseUrl(): void {
    const input = this.querySelector<HTMLInputElement>('#url');
    if (input) void this.ctx?.setWebAppUrl(input.value);
  }

  private onRotate(): void {
    if (confirm('Replace the API key? The GPT stops working until you paste the new schema.')) {
      void this.ctx?.rotateKey();
    }
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const { info, busy } = ctx;
    return html`<p class="lead">
        For ChatGPT accounts that can still create a GPT: a Custom GPT whose action calls this
        add-on's web app. Nothing else to run.
      </p>
      <p class="warn" role="note">
        <strong>Anyone the GPT is shared with can read and change this Sheet</strong>, because the
        API key travels inside the schema. Keep the GPT private (“Only me”), or share it only with
        people who may edit this Sheet.
      </p>
      <ol>
        <li>In ChatGPT: Explore GPTs › Create › Configure. Paste the <b>instructions</b> below.</li>
        <li>
          Actions › Create new action: paste the <b>schema</b>. Authentication: None (the key is in
          the schema).
        </li>
        <li>
          Privacy policy: your own page, if you publish the GPT. Save, then ask it “what should I do
          next?”
        </li>
      </ol>

      <h3>Web app URL</h3>
      <div class="row">
        <input type="text" id="url" aria-label="Web app URL" .value=${info.url ?? ''} />
        <button type="button" id="save-url" ?disabled=${busy} @click=${this.onUseUrl}>
          Use this URL
        </button>
      </div>
      <p id="url-hint" class="warn" ?hidden=${info.deployed}>
        No deployed web app found. Run <code>npm run deploy</code>, then paste the /exec URL from
        Deploy › Manage deployments here.
      </p>

      <h3>API key</h3>
      <div class="row">
        <input type="text" id="key" readonly aria-label="API key" .value=${info.key} />
        <button type="button" id="rotate" ?disabled=${busy} @click=${this.onRotate}>
          Rotate key
        </button>
      </div>
      <p class="hint">
        Rotating makes the old key stop working at once: paste the new schema into the GPT.
      </p>

      <h3>OpenAPI schema (Custom GPT action)</h3>
      <mf-copy-field
        field-id="schema"
        label="OpenAPI schema"
        multiline
        .value=${info.schema ?? '(appears once the web app URL is known)'}
      ></mf-copy-field>

      <h3>GPT instructions <span id="version">(version ${info.instructions_version})</span></h3>
      <mf-copy-field
        field-id="instructions"
        label="GPT instructions"
        multiline
        .value=${info.instructions}
      ></mf-copy-field>`;
  }
}

/** Route 2: the MCP app, through the hosted MindFlow server that runs on this same Sheet. */
export class MfConnectMcp extends RoutePart {
  private onUseServer(): void {
    const input = this.querySelector<HTMLInputElement>('#server-url');
    if (input) void this.ctx?.setServerUrl(input.value);
  }

  override render() {
    const ctx = this.ctx;
    if (!ctx) return nothing;
    const { info, busy } = ctx;
    const sheet = info.spreadsheet_id ?? '<this Sheet’s id>';
    return html`<p class="lead">
        For ChatGPT, Claude, Cursor and any MCP client: MindFlow as an app, through your MindFlow
        server working on this same Sheet. Each person signs in and approves, and can be
        disconnected on their own.
      </p>
      <ol>
        <li>
          Run the MindFlow server on this Sheet (share the Sheet with its service account), at a
          public https address:
          <code class="block">STORE=sheets SPREADSHEET_ID=${sheet} npm start</code>
        </li>
        <li>
          Its address:
          <div class="row">
            <input
              type="text"
              id="server-url"
              aria-label="Your MindFlow server’s address"
              placeholder="https://tasks.example.com"
              .value=${info.server_url ?? ''}
            />
            <button type="button" id="save-server" ?disabled=${busy} @click=${this.onUseServer}>
              Use this address
            </button>
          </div>
        </li>
        <li>
          In ChatGPT (Settings › Apps &amp; Connectors › Create) or Claude (Settings › Connectors ›
          Add custom connector), paste this URL:
          ${
            info.mcp_url
              ? html`<mf-copy-field
                  field-id="mcp-url"
                  label="MCP URL"
                  .value=${info.mcp_url}
                ></mf-copy-field>`
              : html`<p class="hint" id="mcp-url-hint">
                  <code>https://&lt;your server&gt;/mcp</code> — give the address above to see
                  yours.
                </p>`
          }
        </li>
        <li>Sign in to your MindFlow server when it asks, and approve what MindFlow may do.</li>
        <li>Ask “what should I do next?” or “add call mom tomorrow 5pm”.</li>
      </ol>
      <p class="hint">
        More — what the consent screen asks, the config for stdio clients like Cursor, and how to
        give the server a public https URL — in the README section “${README_SECTION}”.
      </p>`;
  }
}

customElements.define('mf-connect-gpt', MfConnectGpt);
customElements.define('mf-connect-mcp', MfConnectMcp);

declare global {
  interface HTMLElementTagNameMap {
    'mf-connect-gpt': MfConnectGpt;
    'mf-connect-mcp': MfConnectMcp;
  }
}
