import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SqlClient } from '../db/sql-client.ts';
import { insertUser, SHARED_DATABASES } from '../../test-support/databases.ts';
import { backoffMs, DEFAULT_LEDGER_POLICY, PlanEmailLedger } from './plan-email-ledger.ts';

const T0 = Date.parse('2026-11-25T12:30:00Z');
const MIN = 60_000;
const DAY = '2026-11-25';

for (const engine of SHARED_DATABASES) {
  describe.skipIf(engine.skip !== undefined)(`plan-email-ledger on ${engine.name}`, () => {
    let a: SqlClient;
    let b: SqlClient;
    let one: PlanEmailLedger;
    let two: PlanEmailLedger;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({
        handles: [a, b],
        close,
      } = await engine.open());
      one = new PlanEmailLedger(a);
      two = new PlanEmailLedger(b);
    });
    afterAll(() => close?.());

    describe('PlanEmailLedger.claim', () => {
      it('lets exactly one of many simultaneous claims through, for each user', async () => {
        const users = await Promise.all(Array.from({ length: 10 }, () => insertUser(a)));
        const claims = await Promise.all(
          users.flatMap((u) =>
            [one, two, one, two].map((ledger, i) => ledger.claim(u, DAY, `instance-${i}`, T0)),
          ),
        );
        for (const [i, u] of users.entries()) {
          const won = claims.slice(i * 4, i * 4 + 4).filter((c) => c !== null);
          expect(won, u).toHaveLength(1);
          expect(won[0]).toMatchObject({ userId: u, localDate: DAY, attempt: 1 });
        }
      });

      it('never claims a sent day again, and keys the claim by user and local date', async () => {
        const u = await insertUser(a);
        const claim = (await one.claim(u, DAY, 'a', T0))!;
        expect(await one.markSent(claim, '<id@x>', T0 + 1000)).toBe(true);
        expect(await two.claim(u, DAY, 'b', T0 + 24 * 60 * MIN)).toBeNull();
        expect(await two.claim(u, '2026-11-26', 'b', T0 + 24 * 60 * MIN)).not.toBeNull();
        expect(await one.row(u, DAY)).toMatchObject({
          status: 'sent',
          attempts: 1,
          message_id: '<id@x>',
          sent_at: new Date(T0 + 1000).toISOString(),
        });
      });

      it('retries a failed day only after its backoff, doubling, then gives it up', async () => {
        const u = await insertUser(a);
        let at = T0;
        for (let attempt = 1; attempt <= DEFAULT_LEDGER_POLICY.maxAttempts; attempt++) {
          const claim = await one.claim(u, DAY, 'a', at);
          expect(claim?.attempt).toBe(attempt);
          const retryAt = await one.markFailed(claim!, '451 try later', false, at);
          if (attempt === DEFAULT_LEDGER_POLICY.maxAttempts) {
            expect(retryAt).toBeNull();
            break;
          }
          expect(retryAt).toBe(at + backoffMs(DEFAULT_LEDGER_POLICY, attempt));
          expect(await two.claim(u, DAY, 'b', retryAt! - 1)).toBeNull();
          at = retryAt!;
        }
        expect(await two.claim(u, DAY, 'b', at + 24 * 60 * MIN)).toBeNull();
        expect(await one.row(u, DAY)).toMatchObject({
          status: 'failed',
          attempts: 6,
          next_attempt_at: null,
          last_error: '451 try later',
        });
      });

      it('never retries a permanent failure', async () => {
        const u = await insertUser(a);
        const claim = (await one.claim(u, DAY, 'a', T0))!;
        expect(await one.markFailed(claim, '550 no such user', true, T0)).toBeNull();
        expect(await two.claim(u, DAY, 'b', T0 + 120 * MIN)).toBeNull();
      });

      it('takes over a claim whose instance died, after the lease, and fences the old one out', async () => {
        const u = await insertUser(a);
        const dead = (await one.claim(u, DAY, 'dead', T0))!;
        expect(await two.claim(u, DAY, 'b', T0 + 9 * MIN)).toBeNull();
        const taken = await two.claim(u, DAY, 'b', T0 + 10 * MIN);
        expect(taken).toMatchObject({ attempt: 2, claimedBy: 'b' });
        // The old holder waking up can no longer mark anything.
        expect(await one.markSent(dead, '<late@x>', T0 + 11 * MIN)).toBe(false);
        await one.markFailed(dead, 'late failure', false, T0 + 11 * MIN);
        expect(await one.row(u, DAY)).toMatchObject({ status: 'claimed', claimed_by: 'b' });
        expect(await two.markSent(taken!, '<ok@x>', T0 + 11 * MIN)).toBe(true);
      });
    });

    describe('PlanEmailLedger.purgeBefore', () => {
      it('drops the rows of earlier days only', async () => {
        const u = await insertUser(a);
        await one.claim(u, '2020-01-01', 'a', T0);
        await one.claim(u, '2020-01-02', 'a', T0);
        expect(await one.purgeBefore('2020-01-02')).toBeGreaterThanOrEqual(1);
        expect(await one.row(u, '2020-01-01')).toBeUndefined();
        expect(await one.row(u, '2020-01-02')).toBeDefined();
      });
    });
  });
}
