import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UserCalendars } from '../calendar/user-calendars.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { SHARED_DATABASES } from '../../test-support/databases.ts';
import { FeedServer } from '../../test-support/feed-server.ts';
import { LocalSmtpServer } from '../../test-support/local-smtp-server.ts';
import { addPlanUser, planEmailInstance } from '../../test-support/plan-email-instances.ts';
import { PlanEmailLedger } from './plan-email-ledger.ts';
import { runPlanEmailTick, type PlanEmailTickDeps } from './plan-email-tick.ts';

const MIN = 60_000;
// Wednesday 25 Nov 2026, 12:00 UTC: 07:00 in New York, 21:00 in Tokyo.
const T = Date.parse('2026-11-25T12:00:00Z');
const always = { enabled: true, hour: 0, minute: 0 };

for (const engine of SHARED_DATABASES) {
  describe.skipIf(engine.skip !== undefined)(`the plan email schedule on ${engine.name}`, () => {
    const smtp = new LocalSmtpServer();
    const feeds = new FeedServer();
    let smtpUrl: string;
    let a: SqlClient;
    let close: () => Promise<void>;
    let now = T;
    let one: PlanEmailTickDeps;
    let two: PlanEmailTickDeps;
    const instance = (db: SqlClient, name: string, maxPerTick?: number) =>
      planEmailInstance(db, {
        name,
        smtpUrl,
        clock: () => now,
        calendars: new UserCalendars({ google: null, ics: { allowPrivateHosts: true } }),
        ...(maxPerTick ? { maxPerTick } : {}),
      });
    /** Both instances tick at once, at `at`; answers every outcome. */
    const tickBoth = async (at: number) => {
      now = at;
      const reports = await Promise.all([runPlanEmailTick(one), runPlanEmailTick(two)]);
      return reports.flatMap((r) => r.outcomes);
    };
    const received = (email: string) => smtp.countsByRecipient().get(email) ?? 0;

    beforeAll(async () => {
      smtpUrl = await smtp.start();
      await feeds.start();
    });
    afterAll(async () => {
      await smtp.stop();
      await feeds.stop();
    });
    beforeEach(async () => {
      const opened = await engine.open();
      [a] = opened.handles;
      close = opened.close;
      one = instance(opened.handles[0], 'instance-one');
      two = instance(opened.handles[1], 'instance-two');
    });
    afterEach(async () => {
      one.mailer.close();
      two.mailer.close();
      await close();
    });

    describe('runPlanEmailTick', () => {
      it('sends one email per user and day from two instances ticking together, none when off', async () => {
        const zones = [
          'America/New_York',
          'Asia/Tokyo',
          'Europe/Berlin',
          'UTC',
          'Pacific/Auckland',
        ];
        const users = await Promise.all(
          zones.map((time_zone) => addPlanUser(a, { settings: { time_zone, daily_plan: always } })),
        );
        const off = await addPlanUser(a, {
          settings: { daily_plan: { enabled: false, hour: 0, minute: 0 } },
        });
        const outcomes = [
          ...(await tickBoth(T)),
          ...(await tickBoth(T + 5 * MIN)),
          ...(await tickBoth(T + 10 * MIN)),
        ];
        for (const u of users) expect(received(u.email), u.email).toBe(1);
        expect(received(off.email)).toBe(0);
        expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(users.length);
        // Auckland is already on Thursday: each user's own local date keys the ledger.
        const ledger = new PlanEmailLedger(a);
        expect(await ledger.row(users[4]!.id, '2026-11-26')).toMatchObject({ status: 'sent' });
        expect(await ledger.row(users[0]!.id, '2026-11-25')).toMatchObject({
          status: 'sent',
          attempts: 1,
          claimed_by: expect.stringMatching(/^instance-(one|two)$/),
        });
      });

      it('retries a refused first attempt after the backoff, and sends it exactly once', async () => {
        const u = await addPlanUser(a, { settings: { daily_plan: always } });
        smtp.refuseNext(451);
        const first = await tickBoth(T);
        expect(first.filter((o) => o.outcome === 'retry')).toHaveLength(1);
        expect(received(u.email)).toBe(0);
        expect(await tickBoth(T + 30_000)).toEqual([]);
        const again = await tickBoth(T + MIN);
        expect(again.filter((o) => o.outcome === 'sent')).toHaveLength(1);
        await tickBoth(T + 6 * MIN);
        await tickBoth(T + 60 * MIN);
        expect(received(u.email)).toBe(1);
        expect(await new PlanEmailLedger(a).row(u.id, '2026-11-25')).toMatchObject({
          status: 'sent',
          attempts: 2,
        });
      });

      it('never retries a message the server refused for good', async () => {
        const u = await addPlanUser(a, { settings: { daily_plan: always } });
        smtp.refuseNext(550);
        const refusedBefore = smtp.refused.length;
        expect((await tickBoth(T)).map((o) => o.outcome)).toContain('gave_up');
        await tickBoth(T + 5 * MIN);
        await tickBoth(T + 120 * MIN);
        expect(received(u.email)).toBe(0);
        expect(smtp.refused.length - refusedBefore).toBe(1);
        expect(await new PlanEmailLedger(a).row(u.id, '2026-11-25')).toMatchObject({
          status: 'failed',
          next_attempt_at: null,
          last_error: expect.stringContaining('550'),
        });
      });

      it('sends at the user’s local time on both sides of a DST change', async () => {
        const u = await addPlanUser(a, {
          settings: {
            time_zone: 'America/New_York',
            daily_plan: { enabled: true, hour: 7, minute: 30 },
          },
        });
        const sentAt = async (iso: string) =>
          (await tickBoth(Date.parse(iso))).filter((o) => o.outcome === 'sent').map((o) => o.date);
        expect(await sentAt('2026-10-31T11:25:00Z')).toEqual([]); // 07:25 EDT
        expect(await sentAt('2026-10-31T11:30:00Z')).toEqual(['2026-10-31']); // 07:30 EDT
        // Clocks went back at 06:00Z: 11:35Z is 06:35 EST, not yet time.
        expect(await sentAt('2026-11-01T11:35:00Z')).toEqual([]);
        expect(await sentAt('2026-11-01T12:25:00Z')).toEqual([]);
        expect(await sentAt('2026-11-01T12:30:00Z')).toEqual(['2026-11-01']); // 07:30 EST
        expect(received(u.email)).toBe(2);
      });

      it('takes over the claim of an instance that died, once its lease is over', async () => {
        const u = await addPlanUser(a, { settings: { daily_plan: always } });
        expect(await new PlanEmailLedger(a).claim(u.id, '2026-11-25', 'crashed', T)).not.toBeNull();
        await tickBoth(T + 5 * MIN);
        expect(received(u.email)).toBe(0);
        const outcomes = await tickBoth(T + 10 * MIN);
        expect(outcomes.filter((o) => o.outcome === 'sent')).toHaveLength(1);
        expect(received(u.email)).toBe(1);
        expect(await new PlanEmailLedger(a).row(u.id, '2026-11-25')).toMatchObject({
          status: 'sent',
          attempts: 2,
        });
      });

      it('keeps going past a user whose calendar fails, and retries that one later', async () => {
        const broken = await addPlanUser(a, {
          settings: {
            daily_plan: always,
            calendar_sources: [{ kind: 'ics', url: `${feeds.url}/gone.ics` }],
          },
        });
        const fine = await addPlanUser(a, { settings: { daily_plan: always } });
        const outcomes = await tickBoth(T);
        expect(outcomes).toEqual(
          expect.arrayContaining([
            { userId: broken.id, date: '2026-11-25', outcome: 'retry' },
            { userId: fine.id, date: '2026-11-25', outcome: 'sent' },
          ]),
        );
        expect(received(fine.email)).toBe(1);
        expect(received(broken.email)).toBe(0);
        expect(await new PlanEmailLedger(a).row(broken.id, '2026-11-25')).toMatchObject({
          status: 'failed',
          last_error: expect.stringContaining('HTTP 404'),
          next_attempt_at: new Date(T + MIN).toISOString(),
        });
        feeds.serve('/gone.ics', 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR');
        await tickBoth(T + MIN);
        expect(received(broken.email)).toBe(1);
      });

      it('sends at most maxPerTick emails a tick and the rest on the next', async () => {
        const bounded = instance(a, 'bounded', 2);
        const users = await Promise.all(
          [1, 2, 3].map(() => addPlanUser(a, { settings: { daily_plan: always } })),
        );
        now = T;
        const first = await runPlanEmailTick(bounded);
        expect(first).toMatchObject({ due: 3, deferred: 1 });
        expect(first.outcomes).toHaveLength(2);
        now = T + 5 * MIN;
        const second = await runPlanEmailTick(bounded);
        expect(second).toMatchObject({ due: 1, deferred: 0 });
        for (const u of users) expect(received(u.email)).toBe(1);
        bounded.mailer.close();
      });
    });
  });
}
