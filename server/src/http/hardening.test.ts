import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryTaskStore } from '@mindflow/shared';
import { sqlTaskStores } from '../stores/task-store-factory.ts';
import { openSqlite } from '../../test-support/databases.ts';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

describe('hardening', () => {
  let s: TestServer;
  let token: string;
  beforeAll(async () => {
    s = await startTestServer({ settings: { bodyLimit: '2kb' } });
    token = (await s.register()).token;
  });
  afterAll(() => s.close());

  describe('errors', () => {
    it('answers 413 for a body over the limit and 400 for malformed JSON, as JSON errors', async () => {
      const big = await api(`${s.url}/api/tasks`, {
        token,
        body: { title: 'x', description: 'y'.repeat(5000) },
      });
      expect(big.status).toBe(413);
      expect(big.body.error.code).toBe('validation_failed');
      const bad = await api(`${s.url}/api/tasks`, { token, body: '{"title":' });
      expect(bad.status).toBe(400);
      expect(bad.body.error).toMatchObject({
        code: 'validation_failed',
        message: 'The body is not valid JSON',
      });
    });
    it('answers 404 JSON for unknown routes and a 400 listing each field and rule', async () => {
      expect((await api(`${s.url}/nope`)).body.error.code).toBe('not_found');
      const r = await api(`${s.url}/api/tasks`, { token, body: { title: '', priority: 9 } });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field: 'priority', rule: 'max' }),
          expect.objectContaining({ field: 'title', rule: 'min' }),
        ]),
      );
    });
    it('answers 500 without a stack trace when a store breaks', async () => {
      const db = await openSqlite();
      const broken = new MemoryTaskStore();
      broken.listActive = () => {
        throw new Error('disk on fire at /secret/path.ts:12');
      };
      const x = await startTestServer({
        db,
        stores: { ...sqlTaskStores(db), revisioned: false, forUser: () => broken },
      });
      const t = (await x.register()).token;
      const r = await api(`${x.url}/api/tasks/best`, { token: t });
      expect(r.status).toBe(500);
      expect(r.body.error.code).toBe('internal');
      expect(JSON.stringify(r.body)).not.toMatch(/secret|fire|\.ts/);
      await x.close();
    });
    it('answers 503 from /health and the API when the database is gone', async () => {
      const x = await startTestServer();
      const t = (await x.register()).token;
      expect((await api(`${x.url}/health`)).body).toMatchObject({
        status: 'ok',
        database: 'ok',
        version: '0.0.0-test',
      });
      await x.db.close();
      const health = await api(`${x.url}/health`);
      expect(health.status).toBe(503);
      expect(health.body.database).toBe('unreachable');
      const r = await api(`${x.url}/api/tasks`, { token: t });
      expect(r.status).toBe(503);
      expect(r.body.error.code).toBe('unavailable');
      await x.close();
    });
  });

  describe('headers', () => {
    it('sets helmet headers and an X-Request-ID, keeping a caller’s own id', async () => {
      const r = await api(`${s.url}/health`);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(
        (await api(`${s.url}/health`, { headers: { 'x-request-id': 'trace-42' } })).headers.get(
          'x-request-id',
        ),
      ).toBe('trace-42');
    });
    it('allows CORS only for configured origins', async () => {
      const allowed = await api(`${s.url}/health`, {
        headers: { origin: 'https://chat.openai.com' },
      });
      expect(allowed.headers.get('access-control-allow-origin')).toBe('https://chat.openai.com');
      const other = await api(`${s.url}/health`, { headers: { origin: 'https://evil.example' } });
      expect(other.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('rate limits', () => {
    it('answers 429 with Retry-After, stricter on auth routes', async () => {
      const x = await startTestServer({
        settings: { rateLimitPerMinute: 5, authRateLimitPer15Min: 3 },
      });
      const t = (await x.register()).token;
      const codes: number[] = [];
      for (let i = 0; i < 6; i++)
        codes.push((await api(`${x.url}/api/tasks`, { token: t })).status);
      expect(codes).toEqual([200, 200, 200, 200, 200, 429]);
      const limited = await api(`${x.url}/api/tasks`, { token: t });
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(limited.body.error.code).toBe('rate_limited');
      const logins: number[] = [];
      for (let i = 0; i < 3; i++)
        logins.push(
          (await api(`${x.url}/api/auth/login`, { body: { email: 'a@b.co', password: 'x' } }))
            .status,
        );
      expect(logins).toEqual([401, 401, 429]);
      // Made-up tokens do not buy fresh buckets: refusals count per IP.
      const guesses: number[] = [];
      for (let i = 0; i < 4; i++) {
        guesses.push((await api(`${x.url}/api/tasks`, { token: `mf_guess${i}` })).status);
      }
      expect(guesses).toEqual([401, 401, 401, 429]);
      await x.close();
    });
  });

  describe('Idempotency-Key', () => {
    it('replays the first response with no second write, and refuses the key for another body', async () => {
      const headers = { 'idempotency-key': 'create-1' };
      const first = await api(`${s.url}/api/tasks`, { token, body: { title: 'Once' }, headers });
      const again = await api(`${s.url}/api/tasks`, { token, body: { title: 'Once' }, headers });
      expect(again.status).toBe(201);
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      const list = await api(`${s.url}/api/tasks?q=Once`, { token });
      expect(list.body.tasks).toHaveLength(1);
      const other = await api(`${s.url}/api/tasks`, { token, body: { title: 'Twice' }, headers });
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('conflict');
    });
    it('takes the key from the body too, for GPT Actions that cannot send headers', async () => {
      const body = { title: 'From a GPT', idempotency_key: 'gpt-1' };
      const first = await api(`${s.url}/api/tasks`, { token, body });
      const again = await api(`${s.url}/api/tasks`, { token, body });
      expect(first.status).toBe(201);
      expect(first.body.idempotency_key).toBeUndefined();
      expect(again.body).toEqual(first.body);
      expect((await api(`${s.url}/api/tasks?q=From a GPT`, { token })).body.tasks).toHaveLength(1);
      const doc = await api(`${s.url}/openapi.json`);
      const create =
        doc.body.paths['/api/tasks'].post.requestBody.content['application/json'].schema;
      expect(create.properties.idempotency_key.type).toBe('string');
    });

    it('lets only one of two concurrent retries write', async () => {
      const headers = { 'idempotency-key': 'race-1' };
      const results = await Promise.all(
        Array.from({ length: 5 }, () =>
          api(`${s.url}/api/tasks`, { token, body: { title: 'Raced' }, headers }),
        ),
      );
      expect((await api(`${s.url}/api/tasks?q=Raced`, { token })).body.tasks).toHaveLength(1);
      for (const r of results) expect([201, 409]).toContain(r.status);
    });
  });
});
