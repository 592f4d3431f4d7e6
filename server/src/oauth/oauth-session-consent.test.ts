import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pkcePair, registerClient } from '../../test-support/oauth-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// Someone signed in to the dashboard connects an assistant without typing the password
// again: the consent page says who is signed in and offers Allow/Deny only. Approving with
// the session cookie needs the page's CSRF token and this site's Origin, so another site
// cannot approve in the person's name.

const PASSWORD = 'correct horse battery';
const REDIRECT = 'http://127.0.0.1:9/callback';

describe('the consent page with a dashboard session', () => {
  let s: TestServer;
  let email: string;
  let cookie: string;
  let clientId: string;

  beforeAll(async () => {
    s = await startTestServer();
    email = `session-consent-${Date.now()}@example.com`;
    await s.register({ email });
    const signIn = await fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    expect(signIn.status).toBe(200);
    cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const reg = await registerClient(s.url, {
      client_name: 'Session Tester',
      redirect_uris: [REDIRECT],
    });
    clientId = String(reg.body.client_id);
  });
  afterAll(() => s.close());

  async function consentPage(challenge: string, withCookie = true): Promise<string> {
    const url = new URL('/authorize', s.url);
    for (const [k, v] of Object.entries({
      response_type: 'code',
      client_id: clientId,
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      scope: 'tasks:read tasks:write',
      state: 'st',
    }))
      url.searchParams.set(k, v);
    const res = await fetch(url, { headers: withCookie ? { cookie } : {} });
    expect(res.status).toBe(200);
    return res.text();
  }

  const consent = (
    challenge: string,
    extra: Record<string, string>,
    headers: Record<string, string> = {},
  ) =>
    fetch(`${s.url}/oauth/consent`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams({
        client_id: clientId,
        redirect_uri: REDIRECT,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        scope: 'tasks:read tasks:write',
        state: 'st',
        decision: 'allow',
        ...extra,
      }),
    });

  it('shows who is signed in, with Allow and Deny and no password form', async () => {
    const html = await consentPage(pkcePair().challenge);
    expect(html).toContain(`Signed in as <strong>${email}</strong>`);
    expect(html).not.toContain('type="password"');
    expect(html).toMatch(/<button[^>]*value="allow">Allow<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny">Deny<\/button>/);
    // Without the cookie it is the password form, as before.
    const anonymous = await consentPage(pkcePair().challenge, false);
    expect(anonymous).toContain('type="password"');
    expect(anonymous).not.toContain('Signed in as');
  });

  it('approves with the session, and the code becomes a token that works at /mcp', async () => {
    const { verifier, challenge } = pkcePair();
    const csrf = /name="csrf" value="([^"]+)"/.exec(await consentPage(challenge))![1]!;
    const res = await consent(challenge, { csrf }, { cookie, origin: s.url });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('st');
    const code = location.searchParams.get('code')!;
    const token = await fetch(`${s.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        code_verifier: verifier,
        client_id: clientId,
        redirect_uri: REDIRECT,
      }),
    });
    expect(token.status).toBe(200);
    const { access_token } = (await token.json()) as { access_token: string };
    const me = await fetch(`${s.url}/mcp`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${access_token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2025-11-25',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    });
    expect(me.status).toBe(200);
  });

  it('refuses a forged approval: no token, a wrong token, or another Origin', async () => {
    const { challenge } = pkcePair();
    const csrf = /name="csrf" value="([^"]+)"/.exec(await consentPage(challenge))![1]!;
    const noCode = (res: Response) =>
      expect(res.headers.get('location') ?? '').not.toMatch(/[?&]code=/);

    // Without the token the cookie counts for nothing: it is a sign-in without a password.
    const forged = await consent(challenge, {}, { cookie, origin: 'https://evil.example' });
    expect([401, 403]).toContain(forged.status);
    noCode(forged);
    const sameSiteNoToken = await consent(challenge, {}, { cookie, origin: s.url });
    expect(sameSiteNoToken.status).toBe(401);
    noCode(sameSiteNoToken);

    const wrong = await consent(challenge, { csrf: `${csrf}x` }, { cookie, origin: s.url });
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toMatch(/Approval refused/);
    noCode(wrong);

    // The right token without the cookie, or without this site's Origin, is refused too.
    const noCookie = await consent(challenge, { csrf }, { origin: s.url });
    expect(noCookie.status).toBe(403);
    const noOrigin = await consent(challenge, { csrf }, { cookie });
    expect(noOrigin.status).toBe(403);
    noCode(noOrigin);
  });
});
