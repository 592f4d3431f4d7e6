import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { UserCalendars } from '../calendar/user-calendars.ts';
import { FakeCalendarServer } from '../../test-support/fake-calendar-server.ts';
import { FeedServer } from '../../test-support/feed-server.ts';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../calendar/fixtures/${name}`, import.meta.url), 'utf8');
// Wednesday 25 Nov 2026, 07:00 in New York.
const NOW = Date.parse('2026-11-25T07:00:00-05:00');
const ZONE = 'America/New_York';

describe('plans with the user’s calendars over HTTP', () => {
  const feeds = new FeedServer();
  const google = new FakeCalendarServer();
  let s: TestServer;
  let feedUrl: string;
  beforeAll(async () => {
    await feeds.start();
    feedUrl = feeds.serve('/work.ics', fixture('google-work.ics'));
    const calendars = new UserCalendars({
      google: { credentialsFile: null, apiUrl: await google.start() },
      ics: { allowPrivateHosts: true },
    });
    google.addCalendar('team@group.calendar.google.com', [
      {
        id: 'retro',
        status: 'confirmed',
        summary: 'Sprint retro',
        start: { dateTime: '2026-11-25T15:00:00-05:00', timeZone: ZONE },
        end: { dateTime: '2026-11-25T15:45:00-05:00', timeZone: ZONE },
      },
    ]);
    s = await startTestServer({
      calendars,
      clock: () => NOW,
      settings: { publicUrl: 'https://mindflow.example.com' },
    });
  });
  afterAll(async () => {
    await s.close();
    await feeds.stop();
    await google.stop();
  });

  async function userWith(sources: unknown[], email?: string) {
    const { token } = await s.register({ time_zone: ZONE, ...(email ? { email } : {}) });
    const r = await api(`${s.url}/api/me`, {
      method: 'PATCH',
      token,
      body: { calendar_sources: sources },
    });
    expect(r.status).toBe(200);
    return token;
  }

  describe('GET /api/plan', () => {
    it('places tasks around the meetings of every connected calendar', async () => {
      const token = await userWith(
        [
          { kind: 'ics', url: feedUrl },
          { kind: 'google', calendar_id: 'team@group.calendar.google.com' },
        ],
        'me@example.com',
      );
      await api(`${s.url}/api/tasks`, {
        token,
        body: { title: 'Write report', effort_minutes: 90 },
      });
      const plan = await api(`${s.url}/api/plan?date=2026-11-25`, { token });
      expect(plan.status).toBe(200);
      const events = plan.body.blocks
        .filter((b: any) => b.kind === 'event')
        .map((b: any) => b.title);
      // The declined pitch and the "free" reminder do not block time.
      expect(events).toEqual(['Design review', 'Standup (moved)', 'Sprint retro']);
      expect(plan.body.all_day.map((e: any) => e.title)).toEqual(['Team offsite prep day']);
      const task = plan.body.blocks.find((b: any) => b.kind === 'task');
      expect(task).toMatchObject({ title: 'Write report', start: '2026-11-25T09:00:00-05:00' });
    });

    it('answers unavailable, naming the calendar, rather than a plan missing meetings', async () => {
      const token = await userWith([{ kind: 'google', calendar_id: 'not-shared@example.com' }]);
      const plan = await api(`${s.url}/api/plan`, { token });
      expect(plan.status).toBe(503);
      expect(plan.body.error).toMatchObject({
        code: 'unavailable',
        details: {
          reason: 'calendar',
          calendar_error: expect.stringContaining('not-shared@example.com'),
        },
      });
    });
  });

  describe('GET /api/plan/email', () => {
    it('shows the morning email as HTML, escaping task titles, with the dashboard link', async () => {
      const token = await userWith([{ kind: 'ics', url: feedUrl }], 'me+html@example.com');
      await api(`${s.url}/api/tasks`, {
        token,
        body: { title: '<script>alert(1)</script> tidy inbox', effort_minutes: 30, priority: 4 },
      });
      const r = await fetch(`${s.url}/api/plan/email?date=2026-11-25`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const html = await r.text();
      expect(html).toContain('<title>Wed 25 Nov — 3 meetings, 1 task planned (30m focus)</title>');
      expect(html).toContain('Design review');
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; tidy inbox');
      expect(html).not.toContain('<script>');
      expect(html).toContain('href="https://mindflow.example.com/"');
    });

    it('gives the plain-text part with ?format=text and refuses other formats', async () => {
      const token = await userWith([{ kind: 'ics', url: feedUrl }]);
      const r = await fetch(`${s.url}/api/plan/email?date=2026-11-25&format=text`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      const text = await r.text();
      expect(text).toContain('Design review');
      expect(text).toContain('https://mindflow.example.com/');
      const bad = await api(`${s.url}/api/plan/email?format=pdf`, { token });
      expect(bad.status).toBe(400);
      expect(bad.body.error.details[0].field).toBe('format');
      const badDate = await api(`${s.url}/api/plan/email?date=tomorrow`, { token });
      expect(badDate.body.error.details[0].field).toBe('date');
      expect((await api(`${s.url}/api/plan/email`)).status).toBe(401);
    });
  });
});
