import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserCalendars } from '../calendar/user-calendars.ts';
import { SqlTaskStore } from '../stores/task-store.sql.ts';
import { benchTasks } from '../../bench/bench-seed.ts';
import { FeedServer } from '../../test-support/feed-server.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// Issue 10: no single user or calendar slows the server for everyone. Ten noisy clients run
// in parallel — a user with 50,000 open tasks asking for best, ranked and plan after every
// write, token guessers, and plans over a big recurring calendar feed from a local ICS
// server — while /health and another user's GET /api/tasks/best keep p99 ≤ 200 ms.

const NOISE_MS = 5_000;
const P99_MS = 200;

/** A feed that made expansion from DTSTART block the loop: daily events since 2000. */
function bigFeed(events: number): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//noisy//EN'];
  for (let i = 0; i < events; i++) {
    const hour = String(8 + (i % 10)).padStart(2, '0');
    lines.push(
      'BEGIN:VEVENT',
      `UID:noisy-${i}@example.com`,
      'DTSTAMP:20000101T000000Z',
      `DTSTART:20000103T${hour}0000Z`,
      `DTEND:20000103T${hour}3000Z`,
      `RRULE:FREQ=DAILY;INTERVAL=${1 + (i % 3)}`,
      `SUMMARY:Recurring meeting ${i}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
}

async function call(url: string, token?: string, init: RequestInit = {}): Promise<number> {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(url, { ...init, headers });
  await res.arrayBuffer();
  return res.status;
}

// The p99s are measured while the rest of the suite runs beside this file on the same cores; a
// second try absorbs one unlucky window of that (a GC pause, a browser test starting), while a
// server that lets one user hold the event loop fails both.

describe('noisy neighbours', () => {
  const feeds = new FeedServer();
  let s: TestServer;
  let bigToken: string;
  let bigIds: string[];
  let feedToken: string;
  let victim: string;

  beforeAll(async () => {
    await feeds.start();
    const feedUrl = feeds.serve('/big.ics', bigFeed(20));
    s = await startTestServer({
      calendars: new UserCalendars({ google: null, ics: { allowPrivateHosts: true } }),
      settings: { rateLimitPerMinute: 1_000_000, authRateLimitPer15Min: 30 },
    });
    const big = await s.register({ time_zone: 'America/New_York' });
    bigToken = big.token;
    const tasks = benchTasks(50_000, Date.now());
    const store = new SqlTaskStore(s.db, String(big.user.id));
    for (let i = 0; i < tasks.length; i += 1000) await store.upsertMany(tasks.slice(i, i + 1000));
    bigIds = tasks.map((t) => t.id);
    feedToken = (await s.register({ time_zone: 'Europe/Berlin' })).token;
    const linked = await call(`${s.url}/api/me`, feedToken, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ calendar_sources: [{ kind: 'ics', url: feedUrl }] }),
    });
    expect(linked).toBe(200);
    victim = (await s.register()).token;
    for (const title of ['water the plants', 'call the bank', 'book the dentist'])
      await call(`${s.url}/api/tasks`, victim, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ title }),
      });
  }, 120_000);

  afterAll(async () => {
    await s?.close();
    await feeds.stop();
  });

  /** Runs `noisy` clients until the window ends while timing /health and the victim's best. */
  async function measure(noisy: (() => Promise<unknown>)[]) {
    const until = Date.now() + NOISE_MS;
    const statuses = new Map<number, number>();
    const loop = async (step: () => Promise<unknown>) => {
      while (Date.now() < until) {
        const status = await step();
        if (typeof status === 'number') statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    };
    const health: number[] = [];
    const best: number[] = [];
    const probe = async () => {
      while (Date.now() < until) {
        let at = performance.now();
        expect(await call(`${s.url}/health`)).toBe(200);
        health.push(performance.now() - at);
        at = performance.now();
        expect(await call(`${s.url}/api/tasks/best`, victim)).toBe(200);
        best.push(performance.now() - at);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    await Promise.all([probe(), ...noisy.map(loop)]);
    return { health: p99(health), best: p99(best), samples: health.length, statuses };
  }

  let n = 0;
  const manyTasks = [
    // A write moves the revision, so every read after it ranks all 50,000 afresh.
    () =>
      call(`${s.url}/api/tasks/${bigIds[n++ % bigIds.length]}/complete`, bigToken, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      }),
    () => call(`${s.url}/api/tasks/best`, bigToken),
    () => call(`${s.url}/api/tasks/ranked?limit=100`, bigToken),
    () => call(`${s.url}/api/plan`, bigToken),
  ];
  let g = 0;
  const guesser = () => call(`${s.url}/api/tasks`, `mf_guess${g++}`);

  it(
    '50,000 tasks and token guessing: /health and another user’s best keep p99 ≤ 200 ms',
    { timeout: 60_000, retry: 1 },
    async () => {
      // The same probes with no noise: what this machine gives right now, for the record.
      console.info('quiet baseline', await measure([]));
      const r = await measure([
        ...manyTasks,
        () => call(`${s.url}/api/plan`, bigToken),
        () => call(`${s.url}/api/tasks/best`, bigToken),
        guesser,
        guesser,
        guesser,
        guesser,
      ]);
      console.info('noisy neighbours without the feed', r);
      expect(r.samples).toBeGreaterThan(5);
      expect(r.health).toBeLessThanOrEqual(P99_MS);
      expect(r.best).toBeLessThanOrEqual(P99_MS);
      // The guessers were refused (401, then 429), never served or crashed.
      expect([...r.statuses.keys()].filter((c) => c >= 500)).toEqual([]);
    },
  );

  it(
    'plus a big recurring calendar feed: the same p99 ≤ 200 ms',
    { timeout: 120_000, retry: 1 },
    async () => {
      const r = await measure([
        ...manyTasks,
        () => call(`${s.url}/api/plan`, feedToken),
        () => call(`${s.url}/api/plan?date=2026-12-24`, feedToken),
        guesser,
        guesser,
        guesser,
        guesser,
      ]);
      console.info('noisy neighbours with the feed', r);
      expect(r.samples).toBeGreaterThan(5);
      expect(r.health).toBeLessThanOrEqual(P99_MS);
      expect(r.best).toBeLessThanOrEqual(P99_MS);
      expect([...r.statuses.keys()].filter((c) => c >= 500)).toEqual([]);
    },
  );
});
