import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// 2026-11-25T20:00Z is already the 26th at 05:00 in Tokyo and still the 25th at noon in
// Los Angeles: "tomorrow" and "today" must be read in each user's own zone.
const NOW = Date.parse('2026-11-25T20:00:00Z');

describe("answers in the user's time zone", () => {
  let s: TestServer;
  let tokyo: string;
  let la: string;
  beforeAll(async () => {
    s = await startTestServer({ clock: () => NOW });
    tokyo = (await s.register({ time_zone: 'Asia/Tokyo' })).token;
    la = (await s.register({ time_zone: 'America/Los_Angeles' })).token;
  });
  afterAll(() => s.close());

  it('reads "tomorrow" in quick add in the caller’s zone', async () => {
    const t = await api(`${s.url}/api/tasks/quick`, {
      token: tokyo,
      body: { text: 'Pay rent tomorrow' },
    });
    const l = await api(`${s.url}/api/tasks/quick`, {
      token: la,
      body: { text: 'Pay rent tomorrow' },
    });
    expect(t.body.task.due).toBe('2026-11-27');
    expect(l.body.task.due).toBe('2026-11-26');
  });

  it('scores the same due date as today for one user and tomorrow for the other', async () => {
    for (const token of [tokyo, la]) {
      await api(`${s.url}/api/tasks`, {
        token,
        body: { title: 'File report', due: '2026-11-26', priority: 5 },
      });
    }
    const t = await api(`${s.url}/api/tasks/best`, { token: tokyo });
    const l = await api(`${s.url}/api/tasks/best`, { token: la });
    expect(t.body.reasoning.deadline).toBe('today');
    expect(l.body.reasoning.deadline).toBe('tomorrow');
    const ranked = await api(`${s.url}/api/tasks/ranked`, { token: tokyo });
    expect(ranked.body.time_zone).toBe('Asia/Tokyo');
    expect(ranked.body.evaluated_at).toBe('2026-11-26T05:00:00+09:00');
  });
});
