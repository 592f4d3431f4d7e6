import { LitElement, html } from 'lit';
import { api, ApiFailure, setCsrfToken, type Session } from './session-api.ts';
import { palette, viewStyles } from './dashboard-styles.ts';
import { css } from 'lit';

type Mode = 'sign-in' | 'sign-up' | 'set-password';

const MODES: readonly [Mode, string][] = [
  ['sign-in', 'Sign in'],
  ['sign-up', 'Create an account'],
  ['set-password', 'I have an API token'],
];

/**
 * Sign in, sign up, or — for an account `mindflow migrate` created, which has no password —
 * set a password by proving who you are with the API token migrate printed.
 */
export class MfSignIn extends LitElement {
  static override properties = {
    mode: { state: true },
    problem: { state: true },
    busy: { state: true },
  };

  declare private mode: Mode;
  declare private problem: string;
  declare private busy: boolean;

  constructor() {
    super();
    this.mode = 'sign-in';
    this.problem = '';
    this.busy = false;
  }

  static override styles = [
    palette,
    viewStyles,
    css`
      :host {
        min-height: 100vh;
        box-sizing: border-box;
        padding: 1rem;
      }
      main {
        max-width: 26rem;
        margin: 2rem auto;
      }
      input {
        width: 100%;
      }
      .tabs {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem;
        margin-bottom: 0.75rem;
      }
      .tabs button[aria-pressed='true'] {
        background: var(--mf-accent);
        color: #fff;
      }
      form button[type='submit'] {
        margin-top: 0.9rem;
      }
    `,
  ];

  private switchTo(mode: Mode): void {
    this.mode = mode;
    this.problem = '';
  }

  private async submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '');
    this.problem = '';
    this.busy = true;
    try {
      let session: Session;
      if (this.mode === 'sign-in') {
        session = await api<Session>('POST', '/api/session', {
          email: text('email'),
          password: text('password'),
        });
      } else if (this.mode === 'sign-up') {
        session = await api<Session>('POST', '/api/session/register', {
          email: text('email'),
          password: text('password'),
          time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        });
      } else {
        session = await this.setPassword(text('token').trim(), text('password'));
      }
      setCsrfToken(session.csrf_token);
      this.dispatchEvent(
        new CustomEvent<Session>('mf-signed-in', {
          detail: session,
          bubbles: true,
          composed: true,
        }),
      );
    } catch (error) {
      this.problem = error instanceof ApiFailure ? error.message : String(error);
    } finally {
      this.busy = false;
    }
  }

  /** The token proves the account; the password is set with it, then a session starts. */
  private async setPassword(token: string, password: string): Promise<Session> {
    const bearer = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const me = await fetch('/api/me', { headers: bearer });
    if (!me.ok)
      throw new ApiFailure(me.status, {
        code: 'unauthorized',
        message: 'That API token is unknown or revoked',
      });
    const { email } = (await me.json()) as { email: string };
    const set = await fetch('/api/me/password', {
      method: 'POST',
      headers: bearer,
      body: JSON.stringify({ new_password: password }),
    });
    if (!set.ok) {
      const body = (await set.json().catch(() => ({}))) as { error?: { message?: string } };
      throw new ApiFailure(set.status, {
        code: 'unauthorized',
        message:
          set.status === 403
            ? 'This account already has a password: sign in with it, or change it in Connections'
            : (body.error?.message ?? `The server answered ${set.status}`),
      });
    }
    return api<Session>('POST', '/api/session', { email, password });
  }

  override render() {
    const mode = this.mode;
    return html`<main>
      <h1>MindFlow</h1>
      <p class="muted">Your tasks, ranked by what to do next, with the reasons why.</p>
      <div class="tabs" role="group" aria-label="How to sign in">
        ${MODES.map(
          ([m, label]) =>
            html`<button
              type="button"
              aria-pressed=${m === mode ? 'true' : 'false'}
              @click=${() => this.switchTo(m)}
            >
              ${label}
            </button>`,
        )}
      </div>
      <section class="card">
        <h2>${MODES.find(([m]) => m === mode)?.[1]}</h2>
        ${
          mode === 'set-password'
            ? html`<p class="muted">
                An account that <code>mindflow migrate</code> created has no password yet. Paste the
                API token migrate printed and choose one.
              </p>`
            : ''
        }
        <form @submit=${(e: SubmitEvent) => void this.submit(e)}>
          ${
            mode === 'set-password'
              ? html`<label for="token">API token</label>
                  <input id="token" name="token" required autocomplete="off" spellcheck="false" />`
              : html`<label for="email">Email</label>
                  <input id="email" name="email" type="email" required autocomplete="email" />`
          }
          <label for="password"
            >${mode === 'sign-in' ? 'Password' : 'New password (10 characters or more)'}</label
          >
          <input
            id="password"
            name="password"
            type="password"
            required
            minlength=${mode === 'sign-in' ? 1 : 10}
            autocomplete=${mode === 'sign-in' ? 'current-password' : 'new-password'}
          />
          <p class="error" role="alert">${this.problem}</p>
          <button class="primary" type="submit" ?disabled=${this.busy}>
            ${mode === 'sign-in' ? 'Sign in' : mode === 'sign-up' ? 'Create account' : 'Set password and sign in'}
          </button>
        </form>
      </section>
      <p class="muted">API documentation: <a href="docs">/docs</a></p>
    </main>`;
  }
}

customElements.define('mf-sign-in', MfSignIn);

declare global {
  interface HTMLElementTagNameMap {
    'mf-sign-in': MfSignIn;
  }
}
