// The sign-in and consent page of the authorization server, rendered on the server: plain
// HTML and one form, no script (the server's Content-Security-Policy forbids inline script).
// It names the app asking and what it may do, and offers Deny beside Allow (Allow comes
// first in the form, so Enter in the password field allows).

export interface ConsentRequest {
  clientId: string;
  clientName: string;
  redirectUri: string;
  codeChallenge: string;
  state: string | undefined;
  scopes: readonly string[];
  resource: string | undefined;
}

const SCOPE_WORDS: Record<string, string> = {
  'tasks:read': 'Read your tasks and your day plan',
  'tasks:write': 'Change your tasks: add, edit, complete, snooze and delete them',
};

export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

const STYLE = `
  :root { color-scheme: light; font-family: system-ui, -apple-system, "Segoe UI", sans-serif; }
  body { margin: 0; background: #f4f5f7; color: #1d2330; }
  main { max-width: 28rem; margin: 3rem auto; padding: 2rem; background: #fff;
         border-radius: 12px; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
  @media (max-width: 480px) { main { margin: 0; border-radius: 0; min-height: 100vh;
         box-sizing: border-box; padding: 1.25rem; } }
  h1 { font-size: 1.35rem; margin: 0 0 .75rem; line-height: 1.3; }
  .app { font-weight: 700; overflow-wrap: anywhere; }
  .redirect { color: #5b6272; font-size: .85rem; overflow-wrap: anywhere; }
  ul { padding-left: 1.25rem; } li { margin: .35rem 0; }
  label { display: block; font-weight: 600; margin: .85rem 0 .3rem; }
  input[type=email], input[type=password] { width: 100%; box-sizing: border-box;
         padding: .6rem; font-size: 1rem; border: 1px solid #b8bdc8; border-radius: 6px; }
  .buttons { display: flex; flex-direction: row-reverse; gap: .75rem; margin-top: 1.5rem; }
  button { flex: 1; padding: .7rem; font-size: 1rem; border-radius: 6px; cursor: pointer;
         border: 1px solid #1f5fd6; }
  button[value=allow] { background: #1f5fd6; color: #fff; }
  button[value=deny] { background: #fff; color: #1f5fd6; }
  .error { background: #fdecec; color: #8a1c1c; padding: .6rem .8rem; border-radius: 6px; }
  .signed-in { margin-top: 1rem; overflow-wrap: anywhere; }
  .note { color: #5b6272; font-size: .85rem; margin-top: 1.25rem; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>${body}</main></body></html>`;
}

function hidden(name: string, value: string | undefined): string {
  return value === undefined
    ? ''
    : `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
}

/** A person already signed in to the dashboard: approving needs no password, only the form's token. */
export interface SignedIn {
  email: string;
  /** The session's CSRF token, sent back in the form and checked on POST. */
  csrf: string;
}

export interface ConsentPageOptions {
  error?: string;
  email?: string;
  signedIn?: SignedIn | undefined;
}

function credentials(options: ConsentPageOptions): string {
  if (options.signedIn) {
    return `${hidden('csrf', options.signedIn.csrf)}
<p class="signed-in">Signed in as <strong>${escapeHtml(options.signedIn.email)}</strong></p>
<div class="buttons">
<button type="submit" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny">Deny</button>
</div>`;
  }
  return `<label for="email">Email</label>
<input id="email" name="email" type="email" autocomplete="username" value="${escapeHtml(options.email ?? '')}">
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<div class="buttons">
<button type="submit" name="decision" value="allow">Sign in and allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</div>`;
}

export function consentPage(request: ConsentRequest, options: ConsentPageOptions = {}): string {
  const scopes = request.scopes.map((s) => `<li>${escapeHtml(SCOPE_WORDS[s] ?? s)}</li>`).join('');
  return page(
    `Allow ${request.clientName} to use MindFlow?`,
    `<h1>Allow <span class="app">${escapeHtml(request.clientName)}</span> to use your MindFlow account?</h1>
<p>If you allow it, <span class="app">${escapeHtml(request.clientName)}</span> may:</p>
<ul>${scopes}</ul>
<p class="redirect">It will be sent back to ${escapeHtml(request.redirectUri)}</p>
${options.error ? `<p class="error" role="alert">${escapeHtml(options.error)}</p>` : ''}
<form method="post" action="/oauth/consent">
${hidden('client_id', request.clientId)}
${hidden('redirect_uri', request.redirectUri)}
${hidden('code_challenge', request.codeChallenge)}
${hidden('code_challenge_method', 'S256')}
${hidden('state', request.state)}
${hidden('scope', request.scopes.join(' '))}
${hidden('resource', request.resource)}
${credentials(options)}
</form>
<p class="note">You can disconnect it at any time under Connected apps.</p>`,
  );
}

export function errorPage(title: string, message: string): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><p class="error" role="alert">${escapeHtml(message)}</p>
<p class="note">Nothing was shared. Go back to the app you came from and connect again.</p>`,
  );
}
