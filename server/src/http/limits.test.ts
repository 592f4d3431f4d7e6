import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../test-support/databases.ts';
import { api } from '../../test-support/http-client.ts';
import {
  serverWithUser,
  startTestServer,
  type TestServer,
} from '../../test-support/test-server.ts';
import { sqlTaskStores } from '../stores/task-store-factory.ts';

// The limits that keep one user from taking the server down for everyone (issue 10).

describe('the open-task limit', () => {
  let s: TestServer;
  beforeAll(async () => {
    const db = await openSqlite();
    s = await startTestServer({ db, stores: sqlTaskStores(db, { maxOpenTasks: 3 }) });
  });
  afterAll(() => s.close());

  it('answers 409 naming the limit once a user has that many open tasks', async () => {
    const { token } = await s.register();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await api(`${s.url}/api/tasks`, { token, body: { title: `task ${i}` } });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const over = await api(`${s.url}/api/tasks`, { token, body: { title: 'one too many' } });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/3 open tasks, the most one account may have/),
      details: { limit: 3, setting: 'MAX_OPEN_TASKS_PER_USER' },
    });
    // Nothing was stored, and another user is not affected.
    expect((await api(`${s.url}/api/tasks`, { token })).body.tasks).toHaveLength(3);
    const other = await s.register();
    expect(
      (await api(`${s.url}/api/tasks`, { token: other.token, body: { title: 'x' } })).status,
    ).toBe(201);
    // Completing one makes room again.
    expect((await api(`${s.url}/api/tasks/${ids[0]}/complete`, { token, body: {} })).status).toBe(
      200,
    );
    expect(
      (await api(`${s.url}/api/tasks`, { token, body: { title: 'now it fits' } })).status,
    ).toBe(201);
  });
});

describe('failed authentication', () => {
  it('30 bad tokens from an IP are refused, and a valid token from that IP still works', async () => {
    const s = await startTestServer({ settings: { authRateLimitPer15Min: 30 } });
    try {
      const { token } = await s.register();
      const codes: number[] = [];
      for (let i = 0; i < 31; i++)
        codes.push((await api(`${s.url}/api/tasks`, { token: `mf_guess${i}` })).status);
      expect(codes).toEqual([...Array<number>(30).fill(401), 429]);
      const blocked = await api(`${s.url}/api/tasks`, { token: 'mf_guess-again' });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      expect(blocked.body.error.message).toMatch(/Too many requests with a bad token/);
      // The same IP, a real token: served every time, before and after more guesses.
      for (let i = 0; i < 5; i++) {
        expect((await api(`${s.url}/api/tasks`, { token })).status).toBe(200);
        expect((await api(`${s.url}/api/tasks`, { token: `mf_more${i}` })).status).toBe(429);
      }
      // No token at all is a refusal too.
      expect((await api(`${s.url}/api/tasks`)).status).toBe(429);
    } finally {
      await s.close();
    }
  });
});

describe('the request budget', () => {
  it('is per user: minting more tokens buys no more requests', async () => {
    const s = await startTestServer({ settings: { rateLimitPerMinute: 6 } });
    try {
      const { token } = await s.register();
      const minted: string[] = [];
      for (let i = 0; i < 2; i++) {
        const r = await api(`${s.url}/api/tokens`, { token, body: { name: `t${i}` } });
        expect(r.status).toBe(201);
        minted.push(r.body.token);
      }
      // 2 requests spent minting; 4 left, whichever token asks.
      const codes: number[] = [];
      for (let i = 0; i < 5; i++)
        codes.push((await api(`${s.url}/api/tasks`, { token: minted[i % 2] })).status);
      expect(codes).toEqual([200, 200, 200, 200, 429]);
      expect((await api(`${s.url}/api/tasks`, { token })).status).toBe(429);
      // Another user has a budget of their own.
      const other = await s.register();
      expect((await api(`${s.url}/api/tasks`, { token: other.token })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('live tokens per user', () => {
  it('refuses a personal token past the cap with 409 naming it; sign-ins end the oldest session', async () => {
    const s = await startTestServer({ maxTokensPerUser: 3 });
    try {
      const email = 'cap@example.com';
      const { token } = await s.register({ email });
      const made: number[] = [];
      for (let i = 0; i < 4; i++)
        made.push((await api(`${s.url}/api/tokens`, { token, body: { name: `t${i}` } })).status);
      expect(made).toEqual([201, 201, 201, 409]);
      const over = await api(`${s.url}/api/tokens`, { token, body: { name: 'again' } });
      expect(over.body.error).toMatchObject({
        code: 'conflict',
        message: expect.stringMatching(/3 API tokens, the most one account may have: revoke/),
        details: { limit: 3, setting: 'MAX_TOKENS_PER_USER' },
      });
      expect((await api(`${s.url}/api/tokens`, { token })).body.tokens).toHaveLength(3);
      // Revoking one makes room.
      const first = (await api(`${s.url}/api/tokens`, { token })).body.tokens[0];
      await api(`${s.url}/api/tokens/${first.id}`, { token, method: 'DELETE' });
      expect((await api(`${s.url}/api/tokens`, { token, body: { name: 'room' } })).status).toBe(
        201,
      );
      // Signing in always works; the fourth session ends the first (the registration's).
      const sessions: string[] = [];
      for (let i = 0; i < 3; i++) {
        const r = await api(`${s.url}/api/auth/login`, {
          body: { email, password: 'correct horse battery' },
        });
        expect(r.status).toBe(200);
        sessions.push(r.body.token);
      }
      const live = await s.db.all<{ n: number }>(
        `SELECT CAST(COUNT(*) AS INTEGER) AS n FROM api_tokens WHERE kind = 'session'`,
      );
      expect(Number(live[0]!.n)).toBe(3);
      for (const t of sessions)
        expect((await api(`${s.url}/api/me`, { token: t })).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('mangled paths', () => {
  const ctx = serverWithUser();

  it('answers 400 with the error envelope for a path that does not decode, never 500', async () => {
    for (const path of [
      '/api/tasks/%',
      '/api/tasks/%ZZ',
      '/api/tasks/%E0%A4%A',
      '/api/tasks/%C0%AF/complete',
    ]) {
      for (const method of ['GET', 'POST', 'PATCH', 'DELETE']) {
        const r = await api(`${ctx.server.url}${path}`, {
          token: ctx.token,
          method,
          ...(method === 'GET' || method === 'DELETE' ? {} : { body: {} }),
        });
        expect(r.status, `${method} ${path}`).toBe(400);
        expect(r.body.error).toMatchObject({
          code: 'validation_failed',
          message: expect.stringMatching(/percent-encoding/),
        });
      }
    }
    // Unauthenticated, it is still a 400 rather than a crash (or a 401 for a path that cannot exist).
    expect((await api(`${ctx.server.url}/api/tasks/%ZZ`)).status).toBe(400);
  });
});

describe('the token cache', () => {
  it('a token revoked on another instance stops working within 1 s; on this one at once', async () => {
    const db = await openSqlite();
    const a = await startTestServer({ db, keepDb: true });
    const b = await startTestServer({ db });
    try {
      const { token } = await a.register();
      const mint = async () =>
        (await api(`${a.url}/api/tokens`, { token, body: { name: 'gpt' } })).body as {
          id: string;
          token: string;
        };
      const remote = await mint();
      expect((await api(`${a.url}/api/tasks`, { token: remote.token })).status).toBe(200);
      const revoked = await api(`${b.url}/api/tokens/${remote.id}`, { token, method: 'DELETE' });
      expect(revoked.status).toBe(204);
      const at = performance.now();
      let status = 200;
      while (status === 200 && performance.now() - at < 3_000) {
        status = (await api(`${a.url}/api/tasks`, { token: remote.token })).status;
        if (status === 200) await new Promise((r) => setTimeout(r, 50));
      }
      expect(status).toBe(401);
      expect(performance.now() - at).toBeLessThanOrEqual(1_100);
      // Revoked through the instance that cached it: refused on the very next request.
      const local = await mint();
      expect((await api(`${a.url}/api/tasks`, { token: local.token })).status).toBe(200);
      await api(`${a.url}/api/tokens/${local.id}`, { token, method: 'DELETE' });
      expect((await api(`${a.url}/api/tasks`, { token: local.token })).status).toBe(401);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('a zone changed on another instance applies within 1 s; on this one at once', async () => {
    const db = await openSqlite();
    const a = await startTestServer({ db, keepDb: true });
    const b = await startTestServer({ db });
    try {
      const { token } = await a.register({ time_zone: 'America/New_York' });
      const zoneOn = async (server: TestServer) =>
        (await api(`${server.url}/api/plan`, { token })).body.time_zone as string;
      expect(await zoneOn(a)).toBe('America/New_York');
      const changed = await api(`${b.url}/api/me`, {
        method: 'PATCH',
        token,
        body: { time_zone: 'Asia/Tokyo' },
      });
      expect(changed.status).toBe(200);
      expect(await zoneOn(b)).toBe('Asia/Tokyo');
      const at = performance.now();
      let zone = await zoneOn(a);
      while (zone !== 'Asia/Tokyo' && performance.now() - at < 3_000) {
        await new Promise((r) => setTimeout(r, 50));
        zone = await zoneOn(a);
      }
      expect(zone).toBe('Asia/Tokyo');
      expect(performance.now() - at).toBeLessThanOrEqual(1_100);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('never answers from before the caller’s own write, even on another instance', async () => {
    const db = await openSqlite();
    const a = await startTestServer({ db, keepDb: true });
    const b = await startTestServer({ db });
    try {
      const { token } = await a.register();
      for (let i = 0; i < 5; i++) {
        expect((await api(`${a.url}/api/tasks/best`, { token })).status).toBe(200);
        const server = i % 2 ? b : a;
        const made = await api(`${server.url}/api/tasks`, {
          token,
          // Each one due earlier than the last: it ranks first among equals.
          body: { title: `urgent ${i}`, priority: 5, due: `2020-01-0${9 - i}` },
        });
        expect(made.status).toBe(201);
        const best = await api(`${a.url}/api/tasks/best`, { token });
        expect(best.body.task.id).toBe(made.body.id);
        const list = await api(`${a.url}/api/tasks?limit=100`, { token });
        expect(list.body.tasks).toHaveLength(i + 1);
      }
    } finally {
      await a.close();
      await b.close();
    }
  });
});
