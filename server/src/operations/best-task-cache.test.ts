import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import {
  bestTask,
  intlTimeZone,
  rankingValidUntil,
  TaskService,
  ZonedCalendar,
} from '@mindflow/shared';
import { BestTaskCache } from './best-task-cache.ts';
import { ListCache } from './list-cache.ts';
import { SqliteClient } from '../db/sql-client.sqlite.ts';
import { SqlTaskStore } from '../stores/task-store.sql.ts';
import type { SqlClient } from '../db/sql-client.ts';
import {
  openRealPg,
  openSqlite,
  REAL_PG_SKIP_REASON,
  REAL_PG_URL,
  tempDir,
} from '../../test-support/databases.ts';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// The fast path of GET /api/tasks/best must equal a fresh full ranking at every instant:
// across the moments a ranking expires (midnight, window edges, snooze ends, timed dues)
// and across writes made by another server instance on the same database.

const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];

type Step =
  | { kind: 'advance'; minutes: number }
  | { kind: 'to-expiry'; offsetMs: -1 | 0 | 1 }
  | {
      kind: 'create';
      on: 'a' | 'b';
      priority: number;
      dueDays: number | null;
      dueMinutes: number | null;
      preferred: string | null;
      effort: number | null;
    }
  | { kind: 'snooze'; minutes: number; pick: number }
  | { kind: 'complete'; pick: number }
  | { kind: 'zone'; zone: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('advance' as const),
    minutes: fc.integer({ min: 1, max: 60 * 30 }),
  }),
  fc.record({
    kind: fc.constant('to-expiry' as const),
    offsetMs: fc.constantFrom(-1 as const, 0 as const, 1 as const),
  }),
  fc.record({
    kind: fc.constant('create' as const),
    on: fc.constantFrom('a' as const, 'b' as const),
    priority: fc.integer({ min: 1, max: 5 }),
    dueDays: fc.option(fc.integer({ min: -2, max: 9 }), { nil: null }),
    dueMinutes: fc.option(fc.integer({ min: -30, max: 600 }), { nil: null }),
    preferred: fc.constantFrom(null, 'morning', 'afternoon', 'evening'),
    effort: fc.option(fc.integer({ min: 5, max: 120 }), { nil: null }),
  }),
  fc.record({
    kind: fc.constant('snooze' as const),
    minutes: fc.integer({ min: 1, max: 600 }),
    pick: fc.nat(),
  }),
  fc.record({ kind: fc.constant('complete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('zone' as const), zone: fc.constantFrom(...ZONES) }),
);

/** Three connections to one database: server A (cached), server B (writes), a reader. */
interface Engine {
  name: string;
  skip?: string;
  open: () => Promise<[SqlClient, SqlClient, SqlClient]>;
}

const ENGINES: Engine[] = [
  {
    name: 'SQLite (separate connections to one file)',
    open: async () => {
      const file = join(tempDir(), 'shared.db');
      return [
        await openSqlite(file),
        new SqliteClient({ path: file }),
        new SqliteClient({ path: file }),
      ];
    },
  },
  {
    name: 'PostgreSQL (two connection pools)',
    ...(REAL_PG_URL ? {} : { skip: REAL_PG_SKIP_REASON }),
    open: async () => [await openRealPg(), await openRealPg(), await openRealPg()],
  },
];

for (const engine of ENGINES)
  describe.skipIf(engine.skip !== undefined)(
    `BestTaskCache through GET /api/tasks/best on ${engine.name}`,
    () => {
      let now = Date.UTC(2026, 2, 7, 22, 0); // the weekend US clocks spring forward
      const clock = () => now;
      let a: TestServer;
      let b: TestServer;
      let reader: SqlClient;
      const cache = new BestTaskCache();
      const lists = new ListCache();
      beforeAll(async () => {
        const [dbA, dbB, dbReader] = await engine.open();
        a = await startTestServer({ db: dbA, clock, bestCache: cache, listCache: lists });
        b = await startTestServer({ db: dbB, clock });
        reader = dbReader;
      });
      afterAll(async () => {
        await a.close();
        await b.close();
        await reader.close();
      });

      it('always equals a fresh ranking at that instant', async () => {
        await fc.assert(
          fc.asyncProperty(
            fc.constantFrom(...ZONES),
            fc.array(step, { minLength: 5, maxLength: 25 }),
            async (zone, steps) => {
              const { token, user } = await a.register({ time_zone: zone });
              let currentZone = zone;
              const store = new SqlTaskStore(reader, String(user.id));
              const ids: string[] = [];
              for (const s of steps) {
                const calendar = new ZonedCalendar(intlTimeZone, currentZone);
                if (s.kind === 'advance') now += s.minutes * 60_000;
                if (s.kind === 'to-expiry')
                  now = rankingValidUntil(await store.listActive(), now, calendar) + s.offsetMs;
                if (s.kind === 'create') {
                  const today = calendar.localDate(now);
                  const due =
                    s.dueMinutes !== null
                      ? calendar.formatInstant(now + s.dueMinutes * 60_000)
                      : s.dueDays !== null
                        ? calendar.localDate(
                            calendar.startOfDay(today) + s.dueDays * 86_400_000 + 3_600_000 * 12,
                          )
                        : null;
                  const server = s.on === 'a' ? a : b;
                  const r = await api(`${server.url}/api/tasks`, {
                    token,
                    body: {
                      title: 't',
                      priority: s.priority,
                      due,
                      preferred_time: s.preferred,
                      effort_minutes: s.effort,
                    },
                  });
                  expect(r.status).toBe(201);
                  ids.push(r.body.id);
                }
                if ((s.kind === 'snooze' || s.kind === 'complete') && ids.length > 0) {
                  const id = ids[s.pick % ids.length]!;
                  const path = s.kind === 'snooze' ? 'snooze' : 'complete';
                  await api(`${b.url}/api/tasks/${id}/${path}`, {
                    token,
                    body: s.kind === 'snooze' ? { duration: `${s.minutes}m` } : {},
                  });
                }
                // On the caching instance: a zone changed elsewhere applies there within a
                // second, like a revoked token (limits.test.ts), and then keys the cache.
                if (s.kind === 'zone') {
                  await api(`${a.url}/api/me`, {
                    method: 'PATCH',
                    token,
                    body: { time_zone: s.zone },
                  });
                  currentZone = s.zone;
                }
                const fresh = bestTask(await store.listActive(), {
                  now,
                  calendar: new ZonedCalendar(intlTimeZone, currentZone),
                });
                const got = await api(`${a.url}/api/tasks/best`, { token });
                expect(got.status).toBe(200);
                if (fresh === null) expect(got.body.task).toBeNull();
                else expect(got.body).toEqual(JSON.parse(JSON.stringify(fresh)));
                // Lists are replayed by revision alone: they must follow writes from B too.
                const reference = new TaskService({
                  store,
                  clock: () => now,
                  newId: () => 'unused',
                  timeZone: intlTimeZone,
                  zone: currentZone,
                });
                // The first task's page outlives most writes (a task created is listed
                // after it), so its bytes are kept from revision to revision.
                const queries: Record<string, string>[] = [
                  { limit: '1' },
                  { limit: '3' },
                  { status: 'all', limit: '100' },
                ];
                for (const query of queries) {
                  const want = await reference.execute('listTasks', query);
                  const list = await api(`${a.url}/api/tasks?${new URLSearchParams(query)}`, {
                    token,
                  });
                  expect(list.body).toEqual(JSON.parse(JSON.stringify(want.ok ? want.data : null)));
                }
              }
            },
          ),
          { numRuns: 40 },
        );
        // Both paths were exercised: replayed answers and recomputed ones.
        expect(cache.hits).toBeGreaterThan(20);
        expect(cache.misses).toBeGreaterThan(20);
        expect(lists.hits).toBeGreaterThan(20);
      }, 180_000);
    },
  );
