import { css, html, nothing, type PropertyValues } from 'lit';
import { ContextProvider } from '@lit/context';
import { CONNECT_FUNCTIONS, type ConnectFunctions, type ConnectInfo } from '@mindflow/shared';
import { scriptClient, type ScriptClient } from '../client/script-client.ts';
import { LightElement } from './light-element.ts';
import { connectContext } from './mf-connect-context.ts';
import './mf-connect-routes.ts';

const dialogStyles = css`
  html,
  body {
    margin: 0;
  }
  body {
    font:
      13px/1.4 system-ui,
      sans-serif;
    color: #202124;
  }
  mf-connect-dialog {
    display: block;
    margin: 0 8px 12px;
  }
  mf-connect-dialog *,
  mf-connect-dialog *::before,
  mf-connect-dialog *::after {
    box-sizing: border-box;
  }
  mf-connect-dialog h3 {
    font-size: 14px;
    margin: 14px 0 4px;
  }
  mf-connect-dialog code,
  mf-connect-dialog textarea,
  mf-connect-dialog input {
    font:
      12px ui-monospace,
      monospace;
  }
  mf-connect-dialog code.block {
    display: block;
    margin: 4px 0;
    padding: 4px 6px;
    background: #f1f3f4;
    border-radius: 4px;
    overflow-wrap: anywhere;
  }
  mf-connect-dialog textarea {
    width: 100%;
    height: 120px;
    resize: vertical;
  }
  mf-connect-dialog input[type='text'] {
    width: 100%;
    min-width: 0;
    padding: 4px 6px;
  }
  mf-connect-dialog .row,
  mf-connect-dialog .copy-row {
    display: flex;
    gap: 6px;
    align-items: flex-start;
    margin: 4px 0;
  }
  mf-connect-dialog .row > :first-child,
  mf-connect-dialog .copy-row > :first-child {
    flex: 1;
    min-width: 0;
  }
  mf-connect-dialog .warn {
    color: #b3261e;
  }
  mf-connect-dialog p.warn[role='note'] {
    border: 1px solid #f4c7c3;
    background: #fce8e6;
    border-radius: 6px;
    padding: 6px 8px;
  }
  mf-connect-dialog .hint {
    color: #5f6368;
  }
  mf-connect-dialog .lead {
    margin: 8px 0;
  }
  mf-connect-dialog ol {
    padding-left: 20px;
  }
  mf-connect-dialog li {
    margin: 4px 0;
  }
  mf-connect-dialog button {
    font: inherit;
    white-space: nowrap;
    padding: 4px 10px;
  }
  mf-connect-dialog [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0;
    border-bottom: 1px solid #dadce0;
    margin-top: 6px;
  }
  mf-connect-dialog [role='tab'] {
    border: 0;
    border-bottom: 3px solid transparent;
    background: none;
    padding: 6px 12px;
    color: #5f6368;
    cursor: pointer;
  }
  mf-connect-dialog [role='tab'][aria-selected='true'] {
    color: #1a73e8;
    border-bottom-color: #1a73e8;
    font-weight: 600;
  }
  mf-connect-dialog :focus-visible {
    outline: 2px solid #1a73e8;
    outline-offset: 1px;
  }
  mf-connect-dialog #status.bad {
    color: #b3261e;
  }
`;

export const CONNECT_ROUTES = ['gpt', 'mcp'] as const;
export type ConnectRoute = (typeof CONNECT_ROUTES)[number];
const ROUTE_LABELS: Record<ConnectRoute, string> = {
  gpt: 'Custom GPT',
  mcp: 'ChatGPT, Claude, Cursor app (MCP)',
};

/**
 * The add-on's Connect dialog (Connect.html): both routes from an assistant to this Sheet,
 * as tabs — the Custom GPT through the add-on's web app, and the MCP app through the hosted
 * server on the same Sheet. The routes read ConnectInfo and the actions from one
 * @lit/context provider.
 */
export class MfConnectDialog extends LightElement {
  static override pageStyles = [dialogStyles];
  static override properties = {
    client: { attribute: false },
    route: { type: String },
    info: { state: true },
    busy: { state: true },
    status: { state: true },
    bad: { state: true },
  };

  declare client: ScriptClient<ConnectFunctions>;
  declare route: ConnectRoute;
  declare private info: ConnectInfo | undefined;
  declare private busy: boolean;
  declare private status: string;
  declare private bad: boolean;
  private readonly provider = new ContextProvider(this, { context: connectContext });
  private routeChosen = false;

  constructor() {
    super();
    this.client = scriptClient(CONNECT_FUNCTIONS);
    this.route = 'gpt';
    this.info = undefined;
    this.busy = true;
    this.status = 'Loading…';
    this.bad = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.run(() => this.client.getConnectInfo());
  }

  /** Runs one call that answers ConnectInfo, and shows it or the error. */
  private async run(call: () => Promise<ConnectInfo>, done?: string): Promise<void> {
    this.busy = true;
    try {
      const info = await call();
      this.info = info;
      // Someone who gave a server address came for the MCP route.
      if (!this.routeChosen && info.server_url !== null) this.route = 'mcp';
      this.status = done ?? this.summary(info);
      this.bad = false;
    } catch (error) {
      this.status = error instanceof Error ? error.message : String(error);
      this.bad = true;
    }
    this.busy = false;
  }

  private summary(info: ConnectInfo): string {
    return info.deployed
      ? 'Paste these into your Custom GPT, or connect the MindFlow app.'
      : 'Deploy the web app first for the Custom GPT (see below), or connect the MindFlow app.';
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.info && (changed.has('info') || changed.has('busy'))) {
      this.provider.setValue({
        info: this.info,
        busy: this.busy,
        rotateKey: () =>
          this.run(() => this.client.rotateApiKey(), 'New key: paste the new schema into the GPT.'),
        setWebAppUrl: (url) => this.run(() => this.client.setWebAppUrl(url)),
        setServerUrl: (url) =>
          this.run(
            () => this.client.setServerUrl(url),
            url.trim() ? 'Server address saved.' : 'Server address removed.',
          ),
      });
    }
  }

  private choose(route: ConnectRoute, focus = false): void {
    this.route = route;
    this.routeChosen = true;
    if (focus) {
      void this.updateComplete.then(() =>
        this.querySelector<HTMLElement>(`#tab-${route}`)?.focus(),
      );
    }
  }

  private onTabKeydown(e: KeyboardEvent): void {
    const at = CONNECT_ROUTES.indexOf(this.route);
    const to =
      e.key === 'ArrowRight'
        ? at + 1
        : e.key === 'ArrowLeft'
          ? at - 1
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? -1
              : null;
    if (to === null) return;
    e.preventDefault();
    this.choose(CONNECT_ROUTES.at(to % CONNECT_ROUTES.length) ?? 'gpt', true);
  }

  override render() {
    return html`<p
        id="status"
        role="status"
        class=${this.bad ? 'bad' : ''}
        .textContent=${this.status}
      ></p>
      ${
        this.info
          ? html`<div role="tablist" aria-label="How to connect" @keydown=${this.onTabKeydown}>
                ${CONNECT_ROUTES.map(
                  (route) =>
                    html`<button
                      type="button"
                      role="tab"
                      id=${`tab-${route}`}
                      aria-selected=${this.route === route ? 'true' : 'false'}
                      aria-controls=${`panel-${route}`}
                      tabindex=${this.route === route ? '0' : '-1'}
                      @click=${() => this.choose(route)}
                    >
                      ${ROUTE_LABELS[route]}
                    </button>`,
                )}
              </div>
              <section
                role="tabpanel"
                id="panel-gpt"
                aria-labelledby="tab-gpt"
                ?hidden=${this.route !== 'gpt'}
              >
                <mf-connect-gpt></mf-connect-gpt>
              </section>
              <section
                role="tabpanel"
                id="panel-mcp"
                aria-labelledby="tab-mcp"
                ?hidden=${this.route !== 'mcp'}
              >
                <mf-connect-mcp></mf-connect-mcp>
              </section>`
          : nothing
      }`;
  }
}

customElements.define('mf-connect-dialog', MfConnectDialog);

declare global {
  interface HTMLElementTagNameMap {
    'mf-connect-dialog': MfConnectDialog;
  }
}
