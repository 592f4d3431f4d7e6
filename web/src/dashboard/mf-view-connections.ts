import { LitElement, css, html, nothing } from 'lit';
import { palette, viewStyles } from './dashboard-styles.ts';
import { api, ApiFailure, type Session } from './session-api.ts';

// Connections: personal API tokens (shown once, revocable), the apps connected through
// MCP/OAuth (GET /api/connected-apps, from the MCP issue: "not available" while a server
// lacks it), the MCP address and the Custom GPT schema with copy buttons, and the password.

interface TokenInfo {
  id: string;
  name: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
}
interface ConnectedApp {
  id: string;
  name: string;
  scopes: string[];
  last_used_at: string | null;
  created_at: string;
}

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'never');

export class MfViewConnections extends LitElement {
  static override properties = {
    session: { attribute: false },
    tokens: { state: true },
    apps: { state: true },
    fresh: { state: true },
    problem: { state: true },
    note: { state: true },
  };

  declare session: Session | undefined;
  declare private tokens: TokenInfo[] | null;
  declare private apps: ConnectedApp[] | null | 'unavailable';
  declare private fresh: { name: string; token: string } | null;
  declare private problem: string;
  declare private note: string;

  constructor() {
    super();
    this.session = undefined;
    this.tokens = null;
    this.apps = null;
    this.fresh = null;
    this.problem = '';
    this.note = '';
  }

  static override styles = [
    palette,
    viewStyles,
    css`
      ul.items {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      ul.items li {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem 0.8rem;
        align-items: center;
        padding: 0.4rem 0;
        border-top: 1px solid var(--mf-border);
      }
      ul.items li > strong {
        flex: 1 1 10rem;
        overflow-wrap: anywhere;
      }
      .secret {
        display: block;
        padding: 0.5rem;
        border: 1px dashed var(--mf-accent);
        border-radius: 4px;
        margin: 0.4rem 0;
      }
      input {
        width: 100%;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback?.();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      this.tokens = (await api<{ tokens: TokenInfo[] }>('GET', '/api/tokens')).tokens;
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
    try {
      this.apps = (await api<{ apps: ConnectedApp[] }>('GET', '/api/connected-apps')).apps;
    } catch (error) {
      this.apps = error instanceof ApiFailure && error.status === 404 ? 'unavailable' : [];
      if (this.apps !== 'unavailable') this.problem = (error as Error).message;
    }
  }

  private readonly dismissToken = (): void => {
    this.fresh = null;
  };

  private async createToken(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const name = String(new FormData(form).get('name') ?? '').trim() || 'API token';
    try {
      const made = await api<TokenInfo & { token: string }>('POST', '/api/tokens', { name });
      this.fresh = { name: made.name, token: made.token };
      form.reset();
      await this.load();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async revoke(path: string, what: string): Promise<void> {
    try {
      await api('DELETE', path);
      this.note = `Revoked ${what}.`;
      await this.load();
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async copy(text: string, what: string): Promise<void> {
    try {
      await navigator.clipboard.writeText(text);
      this.note = `Copied ${what}.`;
    } catch {
      this.note = `Could not copy: select the ${what} and copy it by hand.`;
    }
  }

  private async changePassword(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const f = new FormData(form);
    const current = String(f.get('current') ?? '');
    try {
      await api('POST', '/api/me/password', {
        ...(current ? { current_password: current } : {}),
        new_password: String(f.get('new') ?? ''),
      });
      form.reset();
      this.note = 'Password changed. Other sessions were signed out.';
      this.problem = '';
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private renderApps() {
    const apps = this.apps;
    if (apps === null) return html`<p class="muted" aria-busy="true">Loading…</p>`;
    if (apps === 'unavailable')
      return html`<p class="muted">Connected apps are not available on this server.</p>`;
    if (apps.length === 0) return html`<p class="muted">No app is connected.</p>`;
    return html`<ul class="items">
      ${apps.map(
        (a) =>
          html`<li>
            <strong>${a.name}</strong>
            <span class="muted"
              >${a.scopes.join(', ')} · connected ${day(a.created_at)} · last used
              ${day(a.last_used_at)}</span
            >
            <button
              type="button"
              aria-label=${`Revoke ${a.name}`}
              @click=${() => void this.revoke(`/api/connected-apps/${encodeURIComponent(a.id)}`, a.name)}
            >
              Revoke
            </button>
          </li>`,
      )}
    </ul>`;
  }

  override render() {
    const origin = location.origin;
    const mcp = `${origin}/mcp`;
    const schema = `${origin}/openapi.json`;
    return html`<h1>Connections</h1>
      <p class="error" role="alert">${this.problem}</p>
      <p class="ok" role="status">${this.note}</p>
      <section class="card" aria-labelledby="tokens-h">
        <h2 id="tokens-h">API tokens</h2>
        ${
          this.fresh
            ? html`<div role="status">
                <p>Your new token “${this.fresh.name}”. Copy it now: it is shown only this once.</p>
                <code class="secret">${this.fresh.token}</code>
                <button type="button" @click=${() => void this.copy(this.fresh!.token, 'token')}>
                  Copy token
                </button>
                <button type="button" @click=${this.dismissToken}>Done</button>
              </div>`
            : nothing
        }
        ${
          this.tokens === null
            ? html`<p class="muted" aria-busy="true">Loading…</p>`
            : this.tokens.length === 0
              ? html`<p class="muted">No API token yet.</p>`
              : html`<ul class="items">
                  ${this.tokens.map(
                    (t) =>
                      html`<li>
                        <strong>${t.name}</strong>
                        <code>${t.hint}</code>
                        <span class="muted"
                          >made ${day(t.created_at)} · last used ${day(t.last_used_at)}</span
                        >
                        <button
                          type="button"
                          aria-label=${`Revoke token ${t.name}`}
                          @click=${() => void this.revoke(`/api/tokens/${encodeURIComponent(t.id)}`, t.name)}
                        >
                          Revoke
                        </button>
                      </li>`,
                  )}
                </ul>`
        }
        <form class="row" @submit=${(e: SubmitEvent) => void this.createToken(e)}>
          <label for="token-name" class="visually-hidden">Token name</label>
          <input id="token-name" name="name" placeholder="Name, e.g. My script" maxlength="100" />
          <button class="primary" type="submit">Make a token</button>
        </form>
      </section>
      <section class="card" aria-labelledby="apps-h">
        <h2 id="apps-h">Connected apps</h2>
        ${this.renderApps()}
      </section>
      <section class="card" aria-labelledby="ai-h">
        <h2 id="ai-h">Connect an assistant</h2>
        <p>MCP server address (Claude, ChatGPT connectors, other MCP clients):</p>
        <div class="row">
          <code>${mcp}</code
          ><button type="button" @click=${() => void this.copy(mcp, 'MCP address')}>
            Copy MCP address
          </button>
        </div>
        <p>Custom GPT action schema (import from URL, then authenticate with an API token):</p>
        <div class="row">
          <code>${schema}</code
          ><button type="button" @click=${() => void this.copy(schema, 'schema address')}>
            Copy schema address
          </button>
        </div>
      </section>
      <section class="card" aria-labelledby="pw-h">
        <h2 id="pw-h">
          ${this.session?.has_password === false ? 'Set a password' : 'Change password'}
        </h2>
        <form @submit=${(e: SubmitEvent) => void this.changePassword(e)}>
          ${
            this.session?.has_password === false
              ? nothing
              : html`<label for="current">Current password</label>
                  <input
                    id="current"
                    name="current"
                    type="password"
                    autocomplete="current-password"
                    required
                  />`
          }
          <label for="new">New password (10 characters or more)</label>
          <input
            id="new"
            name="new"
            type="password"
            minlength="10"
            autocomplete="new-password"
            required
          />
          <p><button type="submit">Save password</button></p>
        </form>
      </section>`;
  }
}

customElements.define('mf-view-connections', MfViewConnections);

declare global {
  interface HTMLElementTagNameMap {
    'mf-view-connections': MfViewConnections;
  }
}
