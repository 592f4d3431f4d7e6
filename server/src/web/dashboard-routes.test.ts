import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../accounts/account-repository.ts';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// The dashboard's server side as a browser uses it: a session cookie, the CSRF rules on
// writes, passwords, import/export, and the page itself under the CSP.

const PASSWORD = 'correct horse battery';

interface Browser {
  cookie: string;
  csrf: string;
  origin: string;
}

async function signUp(s: TestServer, email: string): Promise<Browser> {
  const res = await fetch(`${s.url}/api/session/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: s.url },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  expect(res.status).toBe(201);
  const setCookie = res.headers.get('set-cookie') ?? '';
  expect(setCookie).toMatch(/^mf_session=mf_/);
  expect(setCookie).toMatch(/HttpOnly/i);
  expect(setCookie).toMatch(/SameSite=Lax/i);
  const body = (await res.json()) as { csrf_token: string };
  return { cookie: setCookie.split(';')[0]!, csrf: body.csrf_token, origin: s.url };
}

function asBrowser(b: Browser, extra: Record<string, string> = {}) {
  return { cookie: b.cookie, origin: b.origin, 'x-csrf-token': b.csrf, ...extra };
}

describe('the dashboard’s routes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  it('serves the dashboard at / with no inline script, under script-src self', async () => {
    const res = await fetch(`${s.url}/`);
    const page = await res.text();
    expect(res.status).toBe(200);
    expect(page).toContain('<script type="module" src="app/dashboard.js"></script>');
    expect(page).not.toMatch(/<script>|<script type="module">/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const js = await fetch(`${s.url}/app/dashboard.js`);
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${s.url}/app/nope.js`)).status).toBe(404);
  });

  it('signs up with a cookie; reads work with it; writes need this Origin and the CSRF token', async () => {
    const b = await signUp(s, 'cookie@example.com');
    const session = await api(`${s.url}/api/session`, { headers: { cookie: b.cookie } });
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      user: { email: 'cookie@example.com' },
      csrf_token: b.csrf,
      has_password: true,
    });

    const task = { title: 'Water the plants' };
    const ok = await api(`${s.url}/api/tasks`, { body: task, headers: asBrowser(b) });
    expect(ok.status).toBe(201);

    const noToken = await api(`${s.url}/api/tasks`, {
      body: task,
      headers: { cookie: b.cookie, origin: b.origin },
    });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.message).toContain('X-CSRF-Token');

    const elsewhere = await api(`${s.url}/api/tasks`, {
      body: task,
      headers: asBrowser(b, { origin: 'https://evil.example' }),
    });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toContain('from this site');

    const wrongToken = await api(`${s.url}/api/tasks`, {
      body: task,
      headers: asBrowser(b, { 'x-csrf-token': 'x'.repeat(b.csrf.length) }),
    });
    expect(wrongToken.status).toBe(403);

    const list = await api(`${s.url}/api/tasks`, { headers: { cookie: b.cookie } });
    expect(list.body.tasks.map((t: { title: string }) => t.title)).toEqual(['Water the plants']);
  });

  it('keeps Bearer tokens working, ignoring a cookie beside them', async () => {
    const { token } = await s.register({ email: 'bearer@example.com' });
    const res = await api(`${s.url}/api/tasks`, {
      token,
      body: { title: 'From a script' },
      headers: { cookie: 'mf_session=garbage' },
    });
    expect(res.status).toBe(201);
    const session = await api(`${s.url}/api/session`, { token });
    expect(session.body.csrf_token).toBeNull();
  });

  it('signs in and out: the session token stops working after sign out', async () => {
    await signUp(s, 'inout@example.com');
    const res = await fetch(`${s.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: s.url },
      body: JSON.stringify({ email: 'inout@example.com', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    const b: Browser = {
      cookie: res.headers.get('set-cookie')!.split(';')[0]!,
      csrf: ((await res.json()) as { csrf_token: string }).csrf_token,
      origin: s.url,
    };
    const bad = await api(`${s.url}/api/session`, {
      body: { email: 'inout@example.com', password: 'wrong password!!' },
    });
    expect(bad.status).toBe(401);
    const out = await fetch(`${s.url}/api/session`, { method: 'DELETE', headers: asBrowser(b) });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/mf_session=;/);
    expect((await api(`${s.url}/api/session`, { headers: { cookie: b.cookie } })).status).toBe(401);
  });

  it('changes a password only with the current one, and ends the other sessions', async () => {
    const b = await signUp(s, 'change@example.com');
    const other = await signUp(s, 'change@example.com');
    const wrong = await api(`${s.url}/api/me/password`, {
      body: { current_password: 'not the password', new_password: 'a brand new secret' },
      headers: asBrowser(b),
    });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toBe('current_password is wrong');
    const short = await api(`${s.url}/api/me/password`, {
      body: { current_password: PASSWORD, new_password: 'short' },
      headers: asBrowser(b),
    });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0]).toMatchObject({ field: 'new_password', rule: 'min' });
    const ok = await api(`${s.url}/api/me/password`, {
      body: { current_password: PASSWORD, new_password: 'a brand new secret' },
      headers: asBrowser(b),
    });
    expect(ok.status).toBe(204);
    expect((await api(`${s.url}/api/session`, { headers: { cookie: b.cookie } })).status).toBe(200);
    expect((await api(`${s.url}/api/session`, { headers: { cookie: other.cookie } })).status).toBe(
      401,
    );
    const again = await api(`${s.url}/api/session`, {
      body: { email: 'change@example.com', password: 'a brand new secret' },
    });
    expect(again.status).toBe(200);
  });

  it('lets an account migrate created set a password with the API token migrate printed', async () => {
    const accounts = new AccountRepository(s.db);
    const user = await accounts.createUser('migrated@example.com', '');
    const { token } = await accounts.issueToken(user!.id, 'personal', 'migration');
    const cannot = await api(`${s.url}/api/session`, {
      body: { email: 'migrated@example.com', password: '' },
    });
    expect(cannot.status).toBe(401);
    const before = await api(`${s.url}/api/session`, { token });
    expect(before.body.has_password).toBe(false);
    const set = await api(`${s.url}/api/me/password`, {
      token,
      body: { new_password: 'finally a password' },
    });
    expect(set.status).toBe(204);
    const signIn = await api(`${s.url}/api/session`, {
      body: { email: 'migrated@example.com', password: 'finally a password' },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.body.has_password).toBe(true);
    // Now that it has one, the token alone cannot replace it.
    const takeover = await api(`${s.url}/api/me/password`, {
      token,
      body: { new_password: 'an attacker’s password' },
    });
    expect(takeover.status).toBe(403);
  });

  it('imports a CSV with progress and a verified report, idempotently, and exports it back', async () => {
    const b = await signUp(s, 'import@example.com');
    const csv = 'title,priority,tags\nPay rent,5,home\nCall Ada,3,"work,calls"\n';
    const run = async () => {
      const res = await fetch(`${s.url}/api/import`, {
        method: 'POST',
        headers: asBrowser(b, { 'content-type': 'application/json' }),
        body: JSON.stringify({ source: 'csv', csv }),
      });
      expect(res.headers.get('content-type')).toContain('application/x-ndjson');
      return (await res.text())
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Record<string, any>);
    };
    const first = await run();
    expect(first.at(-1)!.report).toMatchObject({ ok: true, source_count: 2, written: 2 });
    expect(first.some((l) => l.progress?.done === 2 && l.progress.total === 2)).toBe(true);
    const second = await run();
    expect(second.at(-1)!.report).toMatchObject({ ok: true, written: 0, unchanged: 2 });

    const exported = await fetch(`${s.url}/api/export.csv`, { headers: { cookie: b.cookie } });
    expect(exported.headers.get('content-type')).toContain('text/csv');
    const text = await exported.text();
    expect(text.split('\n')[0]).toContain('title');
    expect(text).toContain('Pay rent');
    expect(text).toContain('Call Ada');

    const bad = await api(`${s.url}/api/import`, {
      body: { source: 'sheet', spreadsheet_id: 'x' },
      headers: asBrowser(b),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('spreadsheet_id');
    const noSheets = await api(`${s.url}/api/import`, {
      body: { source: 'sheet', spreadsheet_id: '1AbCdEfGhIjKlMnOp' },
      headers: asBrowser(b),
    });
    expect(noSheets.status).toBe(503);
    expect(noSheets.body.error.message).toContain('upload a CSV');
  });

  it('tests a calendar and says why it could not read one; a test email needs a mailer', async () => {
    const b = await signUp(s, 'checks@example.com');
    const unreadable = await api(`${s.url}/api/calendars/test`, {
      body: { kind: 'ics', url: 'http://127.0.0.1:9/nothing.ics' },
      headers: asBrowser(b),
    });
    expect(unreadable.status).toBe(503);
    expect(unreadable.body.error.message).toMatch(/^Could not read the calendar/);
    const google = await api(`${s.url}/api/calendars/test`, {
      body: { kind: 'google', calendar_id: 'me@example.com' },
      headers: asBrowser(b),
    });
    expect(google.status).toBe(503);
    expect(google.body.error.message).toContain('no Google credentials');
    const email = await api(`${s.url}/api/plan/email/test`, {
      method: 'POST',
      headers: asBrowser(b),
    });
    expect(email.status).toBe(503);
    expect(email.body.error.message).toContain('MAILER');
  });
});
