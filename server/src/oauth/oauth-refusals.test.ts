import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INITIALIZE,
  pkcePair,
  postForm,
  rawRequest,
  registerClient,
} from '../../test-support/oauth-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// What the authorization server and /mcp refuse: expired, revoked and foreign tokens, a
// replayed code, a PKCE mismatch, plain PKCE, a redirect_uri that is not exactly the one
// registered, an unknown client, a redirect_uri that is neither https nor loopback, and a
// request naming another host (DNS rebinding). The consent form is posted directly here;
// oauth-flow.browser.test.ts drives the real page.

const PASSWORD = 'correct horse battery';
const REDIRECT = 'http://127.0.0.1:9/callback';

interface Tokens {
  access_token: string;
  refresh_token: string;
  expires_in: number;
}

describe('OAuth refusals', () => {
  let s: TestServer;
  let other: TestServer;
  let now = Date.now();
  let email: string;
  let session: string;

  beforeAll(async () => {
    s = await startTestServer({ clock: () => now });
    other = await startTestServer();
    email = `refusals-${Date.now()}@example.com`;
    session = (await s.register({ email })).token;
  });
  afterAll(async () => {
    await s.close();
    await other.close();
  });

  async function newClient(name = 'Refusal Tester', redirect = REDIRECT): Promise<string> {
    const reg = await registerClient(s.url, { client_name: name, redirect_uris: [redirect] });
    expect(reg.status).toBe(201);
    return String(reg.body.client_id);
  }

  /** Posts the consent form as a signed-in person who allows; answers the code. */
  async function approve(
    clientId: string,
    challenge: string,
    extra: Record<string, string> = {},
  ): Promise<string> {
    const res = await postForm(`${s.url}/oauth/consent`, {
      client_id: clientId,
      redirect_uri: REDIRECT,
      code_challenge: challenge,
      code_challenge_method: 'S256',
      state: 'st',
      email,
      password: PASSWORD,
      decision: 'allow',
      ...extra,
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('state')).toBe('st');
    return location.searchParams.get('code')!;
  }

  async function token(form: Record<string, string>) {
    const res = await postForm(`${s.url}/token`, form);
    return { status: res.status, body: (await res.json()) as Record<string, string> & Tokens };
  }

  async function connect(
    scope?: string,
    name?: string,
  ): Promise<{ clientId: string; tokens: Tokens }> {
    const clientId = await newClient(name);
    const { verifier, challenge } = pkcePair();
    const code = await approve(clientId, challenge, scope ? { scope } : {});
    const answer = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    expect(answer.status).toBe(200);
    return { clientId, tokens: answer.body };
  }

  async function mcp(base: string, bearer: string, headers: Record<string, string> = {}) {
    const url = new URL('/mcp', base);
    return rawRequest(url.href, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${bearer}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...headers,
      },
      body: INITIALIZE,
    });
  }

  it('stores codes and tokens only as hashes', async () => {
    const { tokens } = await connect();
    const rows = await s.db.all<{ token_hash: string }>('SELECT token_hash FROM oauth_tokens');
    const stored = JSON.stringify(rows);
    expect(stored).not.toContain(tokens.access_token);
    expect(stored).not.toContain(tokens.refresh_token);
    expect(tokens.expires_in).toBe(3600);
  });

  it('refuses an access token after its hour, and a code after its ten minutes', async () => {
    const { tokens } = await connect();
    expect((await mcp(s.url, tokens.access_token)).status).toBe(200);
    const clientId = await newClient();
    const { verifier, challenge } = pkcePair();
    const code = await approve(clientId, challenge);
    now += 61 * 60_000;
    try {
      const expired = await mcp(s.url, tokens.access_token);
      expect(expired.status).toBe(401);
      expect(expired.headers['www-authenticate']).toContain('invalid_token');
      const late = await token({
        grant_type: 'authorization_code',
        client_id: clientId,
        code,
        code_verifier: verifier,
        redirect_uri: REDIRECT,
      });
      expect(late.status).toBe(400);
      expect(late.body).toMatchObject({ error: 'invalid_grant' });
      expect(late.body.error_description).toContain('expired');
    } finally {
      now -= 61 * 60_000;
    }
  });

  it('refuses a revoked token, a disconnected app and a token of another server', async () => {
    const revoked = await connect();
    await postForm(`${s.url}/revoke`, {
      token: revoked.tokens.access_token,
      client_id: revoked.clientId,
    });
    expect((await mcp(s.url, revoked.tokens.access_token)).status).toBe(401);

    const disconnected = await connect(undefined, 'To Disconnect');
    const apps = (await (
      await fetch(`${s.url}/api/connected-apps`, {
        headers: { authorization: `Bearer ${session}` },
      })
    ).json()) as { apps: { id: string; name: string }[] };
    const app = apps.apps.find((a) => a.name === 'To Disconnect')!;
    const del = await fetch(`${s.url}/api/connected-apps/${app.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(del.status).toBe(204);
    expect((await mcp(s.url, disconnected.tokens.access_token)).status).toBe(401);
    const again = await fetch(`${s.url}/api/connected-apps/${app.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${session}` },
    });
    expect(again.status).toBe(404);

    // Valid here, unknown to another MindFlow server; a made-up token is unknown everywhere.
    const mine = await connect();
    expect((await mcp(other.url, mine.tokens.access_token)).status).toBe(401);
    expect((await mcp(s.url, 'mfa_madeup')).status).toBe(401);
    expect((await mcp(s.url, 'eyJhbGciOiJub25lIn0.e30.')).status).toBe(401);
  });

  it('refuses a replayed code and revokes what the first exchange issued', async () => {
    const clientId = await newClient();
    const { verifier, challenge } = pkcePair();
    const code = await approve(clientId, challenge);
    const form = {
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    };
    const first = await token(form);
    expect(first.status).toBe(200);
    const replay = await token(form);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: 'invalid_grant' });
    expect((await mcp(s.url, first.body.access_token)).status).toBe(401);
  });

  it('refuses a PKCE mismatch, plain PKCE and a missing challenge', async () => {
    const clientId = await newClient();
    const { challenge } = pkcePair();
    const code = await approve(clientId, challenge);
    const wrong = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      code_verifier: pkcePair().verifier,
      redirect_uri: REDIRECT,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: 'invalid_grant' });

    const plainOrNone: Record<string, string>[] = [
      { code_challenge: 'a'.repeat(43), code_challenge_method: 'plain' },
      {},
    ];
    for (const pkce of plainOrNone) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: clientId,
        redirect_uri: REDIRECT,
        ...pkce,
      });
      const res = await fetch(`${s.url}/authorize?${query}`, { redirect: 'manual' });
      expect(res.status).toBe(302);
      expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe(
        'invalid_request',
      );
    }
  });

  it('shows an error page, never a redirect, for an unknown app or a redirect_uri not registered exactly', async () => {
    const clientId = await newClient();
    const { challenge } = pkcePair();
    const cases = [
      { client_id: 'no-such-client', redirect_uri: REDIRECT, words: 'not registered' },
      // Another port on the same loopback host is another redirect_uri.
      { client_id: clientId, redirect_uri: 'http://127.0.0.1:10/callback', words: 'exactly' },
      { client_id: clientId, redirect_uri: `${REDIRECT}/more`, words: 'exactly' },
      { client_id: clientId, redirect_uri: 'https://evil.example/callback', words: 'exactly' },
    ];
    for (const c of cases) {
      const query = new URLSearchParams({
        response_type: 'code',
        client_id: c.client_id,
        redirect_uri: c.redirect_uri,
        code_challenge: challenge,
        code_challenge_method: 'S256',
      });
      const res = await fetch(`${s.url}/authorize?${query}`, { redirect: 'manual' });
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain(c.words);
      // The consent form's own answer checks the same.
      const posted = await postForm(`${s.url}/oauth/consent`, {
        client_id: c.client_id,
        redirect_uri: c.redirect_uri,
        code_challenge: challenge,
        code_challenge_method: 'S256',
        email,
        password: PASSWORD,
        decision: 'allow',
      });
      expect(posted.status).toBe(400);
      expect(posted.headers.get('location')).toBeNull();
    }

    // The token endpoint wants exactly the redirect_uri the code was sent to.
    const { verifier, challenge: c2 } = pkcePair();
    const code = await approve(clientId, c2);
    const mismatched = await token({
      grant_type: 'authorization_code',
      client_id: clientId,
      code,
      code_verifier: verifier,
      redirect_uri: 'http://127.0.0.1:10/callback',
    });
    expect(mismatched.body).toMatchObject({ error: 'invalid_grant' });
    expect(mismatched.body.error_description).toContain('redirect_uri');
    const unknown = await token({
      grant_type: 'authorization_code',
      client_id: 'no-such-client',
      code,
      code_verifier: verifier,
      redirect_uri: REDIRECT,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'invalid_client' });
  });

  it('registers public clients only, with https or loopback redirect URIs', async () => {
    const bad = await registerClient(s.url, {
      client_name: 'Plain http',
      redirect_uris: ['http://evil.example/callback'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: 'invalid_client_metadata' });
    expect(String(bad.body.error_description)).toContain('redirect_uris');
    const good = await registerClient(s.url, {
      client_name: 'Claude',
      redirect_uris: ['https://claude.ai/api/mcp/auth_callback'],
      token_endpoint_auth_method: 'client_secret_post',
    });
    expect(good.status).toBe(201);
    expect(good.body.token_endpoint_auth_method).toBe('none');
    expect(good.body.client_secret).toBeUndefined();
  });

  it('answers only to its own Host and to browser Origins of its own (DNS rebinding)', async () => {
    const { tokens } = await connect();
    const evilHost = await mcp(s.url, tokens.access_token, { host: 'evil.example.com' });
    expect(evilHost.status).toBe(403);
    expect(evilHost.body).toContain('evil.example.com');
    const evilOrigin = await mcp(s.url, tokens.access_token, {
      origin: 'https://evil.example.com',
    });
    expect(evilOrigin.status).toBe(403);
    const metadata = await rawRequest(`${s.url}/.well-known/oauth-authorization-server`, {
      headers: { host: 'evil.example.com' },
    });
    expect(metadata.status).toBe(403);
    expect((await mcp(s.url, tokens.access_token, { origin: s.url })).status).toBe(200);
  });

  it('publishes RFC 9728 and RFC 8414 metadata naming this server, S256 only', async () => {
    const prm = (await (
      await fetch(`${s.url}/.well-known/oauth-protected-resource/mcp`)
    ).json()) as Record<string, unknown>;
    expect(prm).toMatchObject({
      resource: `${s.url}/mcp`,
      authorization_servers: [`${s.url}/`],
      scopes_supported: ['tasks:read', 'tasks:write'],
    });
    const as = (await (
      await fetch(`${s.url}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(as).toMatchObject({
      issuer: `${s.url}/`,
      code_challenge_methods_supported: ['S256'],
      registration_endpoint: `${s.url}/register`,
      revocation_endpoint: `${s.url}/revoke`,
    });
  });
});
