import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test-support/http-client.ts';
import {
  openSqlite,
  REAL_PG_SKIP_REASON,
  REAL_PG_URL,
  tempDir,
} from '../../test-support/databases.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';
import { migrateSchema } from '../db/schema-migrations.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { SqliteClient } from '../db/sql-client.sqlite.ts';
import { PgPoolClient } from '../db/sql-client.postgres.ts';
import { pgNotifications, revisionEvents, type RevisionEvents } from './revision-events.ts';

// GET /api/events across two server instances on one database: a change made through one
// instance (or straight in the database, as the migrate CLI does) reaches a stream opened
// on the other within 2 s.

const LIVE_WITHIN_MS = 2000;

interface Stream {
  /** Resolves with the first revision event after now that satisfies `test`. */
  next(
    test: (revision: number) => boolean,
    timeoutMs?: number,
  ): Promise<{ revision: number; afterMs: number }>;
  close(): void;
}

async function openStream(url: string, token: string): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${url}/api/events`, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const revisions: number[] = [];
  const waiters: (() => void)[] = [];
  void (async () => {
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        const events = buffer.split('\n\n');
        buffer = events.pop() ?? '';
        for (const e of events) {
          const data = /^data: (.*)$/m.exec(e)?.[1];
          if (/^event: revision$/m.test(e) && data) {
            revisions.push((JSON.parse(data) as { task_revision: number }).task_revision);
            for (const w of waiters.splice(0)) w();
          }
        }
      }
    } catch {
      // aborted
    }
  })();
  // The first event is the current revision.
  await new Promise<void>((resolve) => (revisions.length > 0 ? resolve() : waiters.push(resolve)));
  return {
    next(test, timeoutMs = 5000) {
      const seen = revisions.length;
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(
              new Error(
                `no matching revision event within ${timeoutMs} ms (saw ${revisions.join(', ')})`,
              ),
            ),
          timeoutMs,
        );
        const check = () => {
          const hit = revisions.slice(seen).find(test);
          if (hit !== undefined) {
            clearTimeout(timer);
            resolve({ revision: hit, afterMs: performance.now() - started });
          } else waiters.push(check);
        };
        check();
      });
    },
    close: () => controller.abort(),
  };
}

async function revisionOf(db: SqlClient, userId: string): Promise<number> {
  const rows = await db.all<{ task_revision: number }>(
    'SELECT task_revision FROM users WHERE id = $1',
    [userId],
  );
  return Number(rows[0]!.task_revision);
}

function liveAcrossInstances(
  name: string,
  open: () => Promise<{
    a: SqlClient;
    b: SqlClient;
    events: (db: SqlClient) => RevisionEvents;
    close: () => Promise<void>;
  }>,
) {
  describe(name, () => {
    let one: TestServer;
    let two: TestServer;
    let a: SqlClient;
    let done: () => Promise<void>;
    const streams: RevisionEvents[] = [];
    beforeAll(async () => {
      const opened = await open();
      a = opened.a;
      done = opened.close;
      const eventsA = opened.events(opened.a);
      const eventsB = opened.events(opened.b);
      streams.push(eventsA, eventsB);
      one = await startTestServer({ db: opened.a, keepDb: true, web: { events: eventsA } });
      two = await startTestServer({ db: opened.b, keepDb: true, web: { events: eventsB } });
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      for (const e of streams) await e.close();
      await done?.();
    });

    it('a write through the other instance reaches the stream within 2 s', async () => {
      const { token, user } = await one.register();
      const stream = await openStream(one.url, token);
      try {
        const before = await revisionOf(a, String(user.id));
        const heard = stream.next((r) => r > before);
        const created = await api(`${two.url}/api/tasks`, {
          token,
          body: { title: 'Made elsewhere' },
        });
        expect(created.status).toBe(201);
        const { afterMs } = await heard;
        expect(afterMs).toBeLessThan(LIVE_WITHIN_MS);
      } finally {
        stream.close();
      }
    });

    it('a write straight to the database (migrate, the email tick) reaches it too', async () => {
      const { token, user } = await two.register();
      const stream = await openStream(one.url, token);
      try {
        const before = await revisionOf(a, String(user.id));
        const heard = stream.next((r) => r > before);
        await a.run('UPDATE users SET task_revision = task_revision + 1 WHERE id = $1', [
          String(user.id),
        ]);
        expect((await heard).afterMs).toBeLessThan(LIVE_WITHIN_MS);
      } finally {
        stream.close();
      }
    });

    it('another user’s change is not sent to this stream', async () => {
      const mine = await one.register();
      const theirs = await one.register();
      const stream = await openStream(one.url, mine.token);
      try {
        const quiet = stream
          .next(() => true, LIVE_WITHIN_MS + 500)
          .then(
            () => 'heard',
            () => 'quiet',
          );
        await api(`${two.url}/api/tasks`, { token: theirs.token, body: { title: 'Not yours' } });
        expect(await quiet).toBe('quiet');
      } finally {
        stream.close();
      }
    });
  });
}

liveAcrossInstances('live updates on SQLite (two connections to one file, polling)', async () => {
  const path = join(tempDir(), 'mindflow.db');
  const a = await openSqlite(path);
  const b = new SqliteClient({ path });
  return {
    a,
    b,
    events: (db) => revisionEvents({ db, pollMs: 250 }),
    close: async () => {
      await b.close();
      await a.close();
    },
  };
});

describe.skipIf(!REAL_PG_URL)(`(${REAL_PG_SKIP_REASON})`, () => {
  liveAcrossInstances(
    'live updates on PostgreSQL (two pools, LISTEN/NOTIFY only: polling is off)',
    async () => {
      const schema = `mindflow_live_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
      const admin = new PgPoolClient(REAL_PG_URL!, { max: 1 });
      await admin.exec(`CREATE SCHEMA ${schema}`);
      const url = new URL(REAL_PG_URL!);
      url.searchParams.set('options', `-c search_path=${schema}`);
      const a = new PgPoolClient(url.toString(), { max: 4 });
      await migrateSchema(a);
      const b = new PgPoolClient(url.toString(), { max: 4 });
      return {
        a,
        b,
        // An hour between polls: only a notification can arrive within 2 s.
        events: (db) =>
          revisionEvents({ db, pollMs: 3_600_000, notifications: pgNotifications(url.toString()) }),
        close: async () => {
          await b.close();
          await a.close();
          await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
          await admin.close();
        },
      };
    },
  );
});
