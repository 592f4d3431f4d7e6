import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

describe('accounts over HTTP', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(() => s.close());

  describe('POST /api/auth/register and /api/auth/login', () => {
    it('registers with a time zone, then logs in with the same credentials', async () => {
      const reg = await api(`${s.url}/api/auth/register`, {
        body: {
          email: 'Ada@Example.com',
          password: 'correct horse battery',
          time_zone: 'America/New_York',
        },
      });
      expect(reg.status).toBe(201);
      expect(reg.body.user).toMatchObject({
        email: 'ada@example.com',
        time_zone: 'America/New_York',
        daily_plan: { enabled: false, hour: 7, minute: 30 },
        calendar_sources: [],
      });
      expect(reg.body.token).toMatch(/^mf_/);
      expect(reg.body.user.password_hash).toBeUndefined();
      const login = await api(`${s.url}/api/auth/login`, {
        body: { email: 'ada@example.com', password: 'correct horse battery' },
      });
      expect(login.status).toBe(200);
      expect(login.body.user.id).toBe(reg.body.user.id);
      const me = await api(`${s.url}/api/me`, { token: login.body.token });
      expect(me.body).toMatchObject({ email: 'ada@example.com', time_zone: 'America/New_York' });
    });

    it('answers a wrong password and an unknown email with the same words', async () => {
      await s.register({ email: 'known@example.com' });
      const wrong = await api(`${s.url}/api/auth/login`, {
        body: { email: 'known@example.com', password: 'not the password' },
      });
      const unknown = await api(`${s.url}/api/auth/login`, {
        body: { email: 'nobody@example.com', password: 'not the password' },
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual(unknown.body);
      const taken = await api(`${s.url}/api/auth/register`, {
        body: { email: 'known@example.com', password: 'another password' },
      });
      expect(taken.status).toBe(409);
      expect(taken.body.error.message).not.toMatch(/exists|taken|registered/i);
    });

    it('validates email, password and zone, naming each field', async () => {
      const r = await api(`${s.url}/api/auth/register`, {
        body: { email: 'nope', password: 'short', time_zone: 'Mars/Base' },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.details.map((d: any) => d.field).sort()).toEqual([
        'email',
        'password',
        'time_zone',
      ]);
    });
  });

  describe('PATCH /api/me', () => {
    it('changes zone, working hours and the daily plan email, and refuses bad values', async () => {
      const { token } = await s.register();
      const ok = await api(`${s.url}/api/me`, {
        method: 'PATCH',
        token,
        body: {
          time_zone: 'Asia/Tokyo',
          working_hours: { start: '08:30', end: '16:00' },
          daily_plan: { hour: 6, minute: 45 },
        },
      });
      expect(ok.status).toBe(200);
      expect((await api(`${s.url}/api/me`, { token })).body).toMatchObject({
        time_zone: 'Asia/Tokyo',
        working_hours: { start: '08:30', end: '16:00' },
        daily_plan: { enabled: false, hour: 6, minute: 45 },
      });
      // daily_plan is merged: turning the email on keeps the chosen time.
      const on = await api(`${s.url}/api/me`, {
        method: 'PATCH',
        token,
        body: { daily_plan: { enabled: true } },
      });
      expect(on.body.daily_plan).toEqual({ enabled: true, hour: 6, minute: 45 });
      const bad = await api(`${s.url}/api/me`, {
        method: 'PATCH',
        token,
        body: { time_zone: 'Nowhere/City', colour: 'red' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual([
        'colour',
        'time_zone',
      ]);
    });

    it('keeps calendar sources and names the field of each bad one', async () => {
      const { token } = await s.register();
      const feed = 'https://calendar.example.com/private-abc/basic.ics';
      const ok = await api(`${s.url}/api/me`, {
        method: 'PATCH',
        token,
        body: { calendar_sources: [{ kind: 'ics', url: feed }] },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.calendar_sources).toEqual([{ kind: 'ics', url: feed }]);
      const bad = await api(`${s.url}/api/me`, {
        method: 'PATCH',
        token,
        body: {
          daily_plan: { hour: 24, minute: 5, when: 'soon' },
          calendar_sources: [
            { kind: 'ics', url: 'http://calendar.example.com/feed.ics' },
            { kind: 'outlook', url: feed },
            { kind: 'google', calendar_id: '' },
          ],
        },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details.map((d: any) => d.field).sort()).toEqual([
        'calendar_sources.0.url',
        'calendar_sources.1.kind',
        'calendar_sources.2.calendar_id',
        'daily_plan.hour',
        'daily_plan.when',
      ]);
    });

    it('refuses a Google calendar on a server without Google credentials', async () => {
      const { token } = await s.register();
      const r = await api(`${s.url}/api/me`, {
        method: 'PATCH',
        token,
        body: { calendar_sources: [{ kind: 'google', calendar_id: 'me@example.com' }] },
      });
      expect(r.status).toBe(400);
      expect(r.body.error.details).toEqual([
        expect.objectContaining({ field: 'calendar_sources.0.kind', rule: 'unsupported' }),
      ]);
    });
  });

  describe('GET /api/plan', () => {
    it("is served from the catalogue and plans in the user's zone and working hours", async () => {
      const { token } = await s.register({ time_zone: 'Asia/Tokyo' });
      await api(`${s.url}/api/me`, {
        method: 'PATCH',
        token,
        body: {
          working_hours: { start: '07:00', end: '15:00' },
          working_days: [1, 2, 3, 4, 5, 6, 7],
        },
      });
      await api(`${s.url}/api/tasks`, { token, body: { title: 'Plan me', effort_minutes: 30 } });
      const plan = await api(`${s.url}/api/plan`, { token });
      expect(plan.status).toBe(200);
      expect(plan.body).toMatchObject({
        time_zone: 'Asia/Tokyo',
        working_hours: { start: '07:00', end: '15:00' },
      });
      expect((await api(`${s.url}/api/plan?date=someday`, { token })).status).toBe(400);
    });
  });

  describe('/api/tokens', () => {
    it('issues an mf_ token once, lists it without the secret, and revokes it', async () => {
      const { token } = await s.register();
      const made = await api(`${s.url}/api/tokens`, { token, body: { name: 'Custom GPT' } });
      expect(made.status).toBe(201);
      expect(made.body.token).toMatch(/^mf_[\w-]{43}$/);
      const gpt = made.body.token as string;
      expect((await api(`${s.url}/api/tasks`, { token: gpt })).status).toBe(200);
      const list = await api(`${s.url}/api/tokens`, { token });
      expect(list.body.tokens).toHaveLength(1);
      expect(JSON.stringify(list.body)).not.toContain(gpt);
      expect(list.body.tokens[0]).toMatchObject({
        name: 'Custom GPT',
        hint: `mf_…${gpt.slice(-4)}`,
      });
      const stored = await s.db.all<{ token_hash: string }>('SELECT token_hash FROM api_tokens');
      expect(stored.some((r) => r.token_hash.includes(gpt))).toBe(false);
      expect(made.headers.get('location')).toBe(`/api/tokens/${made.body.id}`);
      expect(
        (await api(`${s.url}/api/tokens/${made.body.id}`, { method: 'DELETE', token })).status,
      ).toBe(204);
      expect((await api(`${s.url}/api/tasks`, { token: gpt })).status).toBe(401);
      expect(
        (await api(`${s.url}/api/tokens/${made.body.id}`, { method: 'DELETE', token })).status,
      ).toBe(404);
    });

    it('refuses requests without a valid Bearer token', async () => {
      const none = await api(`${s.url}/api/tasks`);
      expect(none.status).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect(none.body.error.code).toBe('unauthorized');
      expect((await api(`${s.url}/api/tasks`, { token: 'mf_forged' })).status).toBe(401);
    });
  });
});
