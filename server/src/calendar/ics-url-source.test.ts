import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { FeedServer } from '../../test-support/feed-server.ts';
import {
  clearIcsFeedCache,
  fetchIcs,
  icsUrlCalendarSource,
  isPrivateAddress,
} from './ics-url-source.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const day = (iso: string) =>
  [Date.parse(`${iso}T00:00:00-05:00`), Date.parse(`${iso}T24:00:00-05:00`)] as const;
const local = { allowPrivateHosts: true };

describe('ics-url-source', () => {
  const feeds = new FeedServer();
  const pending = new Set<() => void>();
  beforeAll(async () => {
    await feeds.start();
    feeds.routes.set('/silent.ics', (_req, res) => {
      // Headers and nothing else: the fetch must give up on its own deadline.
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n');
      pending.add(() => res.end());
    });
    feeds.routes.set('/huge.ics', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end('X'.repeat(4096));
    });
    feeds.routes.set('/moved.ics', (_req, res) => {
      res.writeHead(302, { location: '/google-work.ics' });
      res.end();
    });
    feeds.serve('/google-work.ics', fixture('google-work.ics'));
    feeds.serve('/login.html', '<html><body>Sign in</body></html>');
  });
  afterAll(async () => {
    for (const end of pending) end();
    await feeds.stop();
  });

  describe('icsUrlCalendarSource', () => {
    it('reads a feed with a recurring series, its EXDATEs and moved instances', async () => {
      const source = icsUrlCalendarSource(`${feeds.url}/google-work.ics?secret=s3cr3t`, {
        ...local,
        selfEmail: 'me@example.com',
      });
      const nov25 = await source.listEvents(...day('2026-11-25'), 'America/New_York');
      expect(nov25.find((e) => e.title?.startsWith('Standup'))).toMatchObject({
        title: 'Standup (moved)',
        start: '2026-11-25T19:00:00.000Z',
        response: 'accepted',
      });
      expect(await source.listEvents(...day('2026-11-24'), 'America/New_York')).toEqual([]);
    });

    it('follows a redirect', async () => {
      const source = icsUrlCalendarSource(`${feeds.url}/moved.ics`, local);
      expect(await source.listEvents(...day('2026-11-25'), 'America/New_York')).not.toEqual([]);
    });

    it('names the feed by its host only, never its secret path', async () => {
      const source = icsUrlCalendarSource(`${feeds.url}/private-abc123/basic.ics`, local);
      const failure = await Promise.resolve(source.listEvents(0, 1, 'UTC')).catch((e: Error) => e);
      expect(failure).toMatchObject({ name: 'CalendarUnavailableError' });
      expect((failure as Error).message).toContain('HTTP 404');
      expect((failure as Error).message).toContain(new URL(feeds.url).host);
      expect((failure as Error).message).not.toContain('abc123');
    });

    it('fetches and parses a feed once per TTL for every reader of the same URL', async () => {
      feeds.serve('/shared.ics', fixture('google-work.ics'));
      const url = `${feeds.url}/shared.ics`;
      const hits = () => feeds.hits.filter((h) => h.includes('/shared.ics')).length;
      const alice = icsUrlCalendarSource(url, { ...local, selfEmail: 'me@example.com' });
      const bob = icsUrlCalendarSource(url, local);
      const [a, b] = await Promise.all([
        alice.listEvents(...day('2026-11-25'), 'America/New_York'),
        bob.listEvents(...day('2026-11-25'), 'America/New_York'),
      ]);
      await alice.listEvents(...day('2026-11-26'), 'America/New_York');
      expect(hits()).toBe(1);
      // The cache holds the feed, not one reader's answer.
      expect(a.find((e) => e.title === 'Design review')?.response).toBe('organizer');
      expect(b.find((e) => e.title === 'Design review')?.response).toBeNull();
      clearIcsFeedCache();
      await icsUrlCalendarSource(url, { ...local, cacheTtlMs: 0 }).listEvents(0, 1, 'UTC');
      await icsUrlCalendarSource(url, { ...local, cacheTtlMs: 0 }).listEvents(0, 1, 'UTC');
      expect(hits()).toBe(3);
    });

    it('refuses a page that is not iCalendar', async () => {
      const source = icsUrlCalendarSource(`${feeds.url}/login.html`, local);
      await expect(source.listEvents(0, 1, 'UTC')).rejects.toMatchObject({
        name: 'CalendarUnavailableError',
        message: expect.stringContaining('not valid iCalendar'),
      });
    });
  });

  describe('fetchIcs', () => {
    it('gives up on a feed that stalls, within its deadline', async () => {
      const started = Date.now();
      await expect(
        fetchIcs(`${feeds.url}/silent.ics`, { ...local, timeoutMs: 200 }),
      ).rejects.toMatchObject({
        name: 'CalendarUnavailableError',
        message: expect.stringContaining('no complete answer in 200 ms'),
      });
      expect(Date.now() - started).toBeLessThan(2000);
    });

    it('stops reading a feed larger than the cap', async () => {
      await expect(
        fetchIcs(`${feeds.url}/huge.ics`, { ...local, maxBytes: 1024 }),
      ).rejects.toMatchObject({
        message: expect.stringContaining('larger than 1024 bytes'),
      });
    });

    it('never connects to a loopback or private address unless allowed', async () => {
      const before = feeds.hits.length;
      await expect(fetchIcs(`${feeds.url}/google-work.ics`)).rejects.toMatchObject({
        message: expect.stringContaining('private address'),
      });
      await expect(fetchIcs('http://localhost:9/feed.ics')).rejects.toMatchObject({
        message: expect.stringContaining('private address'),
      });
      expect(feeds.hits.length).toBe(before);
    });
  });

  describe('isPrivateAddress', () => {
    it('knows loopback, private, link-local and mapped addresses from public ones', () => {
      for (const a of [
        '127.0.0.1',
        '10.1.2.3',
        '172.20.0.1',
        '192.168.1.1',
        '169.254.169.254',
        '::1',
        'fd00::1',
        'fe80::1',
        '::ffff:127.0.0.1',
        '0.0.0.0',
      ]) {
        expect(isPrivateAddress(a), a).toBe(true);
      }
      for (const a of ['8.8.8.8', '142.250.74.46', '2001:4860:4860::8888', '::ffff:8.8.8.8']) {
        expect(isPrivateAddress(a), a).toBe(false);
      }
    });

    it('sees a private IPv4 address through every IPv6 form that embeds it', () => {
      const privateV4 = ['127.0.0.1', '10.0.0.5', '169.254.169.254', '192.168.1.1', '172.16.0.1'];
      const hex = (v4: string) => {
        const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
        return `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
      };
      const forms = (v4: string) => [
        `::ffff:${v4}`, // IPv4-mapped
        `::ffff:${hex(v4)}`,
        `0:0:0:0:0:ffff:${v4}`,
        `::${v4}`, // IPv4-compatible
        `::${hex(v4)}`,
        `0000:0000:0000:0000:0000:0000:${v4}`,
        `::ffff:0:${v4}`, // IPv4-translated (SIIT)
        `64:ff9b::${v4}`, // NAT64 well-known prefix
        `64:ff9b::${hex(v4)}`,
        `64:FF9B:0:0:0:0:${v4}`,
        `2002:${hex(v4)}::1`, // 6to4
        `64:ff9b:1::${v4}`, // local-use NAT64
      ];
      for (const v4 of privateV4) {
        for (const form of forms(v4)) expect(isPrivateAddress(form), form).toBe(true);
      }
      for (const form of forms('8.8.8.8').filter((f) => !f.startsWith('64:ff9b:1::'))) {
        expect(isPrivateAddress(form), form).toBe(false);
      }
      for (const odd of ['::', 'not-an-address', 'fec0::1', '100::1', '::1%lo']) {
        expect(isPrivateAddress(odd), odd).toBe(true);
      }
    });

    it('refuses a feed URL written as a NAT64 or IPv4-compatible private address', async () => {
      for (const host of ['[64:ff9b::7f00:1]', '[::127.0.0.1]', '[::ffff:0:a00:1]']) {
        await expect(fetchIcs(`https://${host}/feed.ics`)).rejects.toMatchObject({
          message: expect.stringContaining('private address'),
        });
      }
    });
  });
});
