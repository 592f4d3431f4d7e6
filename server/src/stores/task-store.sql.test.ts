import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeTaskStoreContract, makeTask } from '@mindflow/shared/testing';
import type { SqlClient } from '../db/sql-client.ts';
import {
  insertUser,
  openPglite,
  openRealPg,
  openSqlite,
  REAL_PG_SKIP_REASON,
  REAL_PG_URL,
} from '../../test-support/databases.ts';
import { StoreLimitError, type Task } from '@mindflow/shared';
import { SCAN_PAGE, SqlTaskStore } from './task-store.sql.ts';

const engines: { name: string; open: () => Promise<SqlClient>; skip?: string }[] = [
  { name: 'SQLite file', open: () => openSqlite() },
  { name: 'PGlite', open: openPglite },
  {
    name: 'PostgreSQL server',
    open: openRealPg,
    ...(REAL_PG_URL ? {} : { skip: REAL_PG_SKIP_REASON }),
  },
];

// Say it where the default reporter shows it, not only in the skipped suite's name.
if (!REAL_PG_URL)
  console.info(`SqlTaskStore on a PostgreSQL server: skipped — ${REAL_PG_SKIP_REASON}`);

describe('open tasks of a long-lived account, on SQLite', () => {
  it('are found through their own index, never by reading every completed task', async () => {
    const db = await openSqlite();
    try {
      const statements: string[] = [];
      const recording: SqlClient = {
        dialect: db.dialect,
        all: (sql, params) => (statements.push(sql), db.all(sql, params)),
        run: (sql, params) => (statements.push(sql), db.run(sql, params)),
        batch: (list) => db.batch(list),
        exec: (script) => db.exec(script),
        ping: () => db.ping(),
        close: () => db.close(),
      };
      const store = new SqlTaskStore(recording, await insertUser(db), { snapshots: null });
      const task = makeTask();
      await store.insert(task);
      await store.update({ ...task, title: 'renamed', updated_at: later(task) }, task.updated_at);
      await store.list({ ...OPEN_FIRST_PAGE });
      await store.list({ ...OPEN_FIRST_PAGE, statuses: ['pending'] });
      await store.scanActive(() => undefined);
      await store.listActive();
      // Reads of open tasks; a write checks the limit by the count in the user's row
      // (migration 50), reading no task at all.
      const open = statements.filter(
        (sql) => sql.trimStart().startsWith('SELECT') && sql.includes("status <> 'completed'"),
      );
      expect(open.length).toBeGreaterThanOrEqual(4);
      const writes = statements.filter((sql) => /^\s*(INSERT|UPDATE)/.test(sql));
      expect(writes).toHaveLength(2);
      for (const sql of writes) expect(sql).not.toMatch(/FROM tasks/);
      for (const sql of open) {
        const plan = await db.all<{ detail: string }>(`EXPLAIN QUERY PLAN ${sql}`);
        expect(plan.map((r) => r.detail).join(' | ')).toMatch(/INDEX tasks_user_open_order/);
      }
    } finally {
      await db.close();
    }
  });
});

const OPEN_FIRST_PAGE = {
  statuses: ['pending', 'in_progress', 'snoozed'] as Task['status'][],
  tag: null,
  text: null,
  due_before: null,
  due_after: null,
  after: null,
  limit: 51,
};

const later = (t: Task) => new Date(Date.parse(t.updated_at) + 1000).toISOString();

for (const engine of engines) {
  describe.skipIf(engine.skip !== undefined)(
    `SqlTaskStore on ${engine.name}${engine.skip ? ` (${engine.skip})` : ''}`,
    () => {
      let db: SqlClient;
      beforeAll(async () => {
        db = await engine.open();
      });
      afterAll(async () => {
        await db?.close();
      });

      describeTaskStoreContract(`SqlTaskStore on ${engine.name}`, async () => ({
        store: new SqlTaskStore(db, await insertUser(db)),
      }));

      describe('scoping', () => {
        it("never shows or changes another user's tasks, even with the same id", async () => {
          const a = new SqlTaskStore(db, await insertUser(db));
          const b = new SqlTaskStore(db, await insertUser(db));
          const task = makeTask({ title: 'private' });
          expect(await a.insert(task)).toBe('ok');
          expect(await b.get(task.id)).toBeNull();
          expect(await b.listActive()).toEqual([]);
          expect(await b.update({ ...task, title: 'x' }, task.updated_at)).toBe('not_found');
          expect(await b.delete(task.id)).toBe(false);
          expect(await b.insert({ ...task, title: 'mine' })).toBe('ok');
          expect((await a.get(task.id))?.title).toBe('private');
        });
      });

      describe('reads made in one turn', () => {
        it('are read together, and each user still sees only their own task', async () => {
          const a = new SqlTaskStore(db, await insertUser(db));
          const b = new SqlTaskStore(db, await insertUser(db));
          const mine = makeTask({ title: 'mine' });
          const theirs = makeTask({ title: 'theirs' });
          await a.insert(mine);
          await b.insert(theirs);
          // Started together: one statement answers them all (turn-batch.ts).
          const [aMine, aTheirs, bTheirs, bMine, again] = await Promise.all([
            a.get(mine.id),
            a.get(theirs.id),
            b.get(theirs.id),
            b.get(mine.id),
            a.get(mine.id),
          ]);
          expect(aMine?.title).toBe('mine');
          expect(aTheirs).toBeNull();
          expect(bTheirs?.title).toBe('theirs');
          expect(bMine).toBeNull();
          // The same row read for two callers: each gets a task of its own to change.
          expect(again).toEqual(aMine);
          expect(again).not.toBe(aMine);
        });

        it('see a write that finished before they were asked for', async () => {
          const store = new SqlTaskStore(db, await insertUser(db));
          const task = makeTask({ title: 'before' });
          await store.insert(task);
          const changed = { ...task, title: 'after', updated_at: new Date().toISOString() };
          await store.update(changed, task.updated_at);
          const [read, again] = await Promise.all([store.get(task.id), store.get(task.id)]);
          expect(read?.title).toBe('after');
          expect(again?.title).toBe('after');
        });
      });

      describe('open tasks in bounded memory', () => {
        it('scanActive hands over exactly the open tasks, a page at a time', async () => {
          const store = new SqlTaskStore(db, await insertUser(db));
          const tasks = Array.from({ length: SCAN_PAGE * 2 + 7 }, (_, i) =>
            makeTask({ title: `t${i}`, status: i % 10 === 0 ? 'completed' : 'pending' }),
          );
          await store.upsertMany(tasks);
          const pages: number[] = [];
          const seen: Task[] = [];
          await store.scanActive((page) => {
            pages.push(page.length);
            seen.push(...page);
          });
          expect(Math.max(...pages)).toBeLessThanOrEqual(SCAN_PAGE);
          expect(pages.length).toBeGreaterThan(1);
          const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : 1);
          expect(seen.sort(byId)).toEqual((await store.listActive()).sort(byId));
          expect(seen).toHaveLength(tasks.filter((t) => t.status !== 'completed').length);
        });

        it('refuses a new or reopened open task past the limit; completed ones do not count', async () => {
          const store = new SqlTaskStore(db, await insertUser(db), { maxOpenTasks: 2 });
          const done = makeTask({ status: 'completed', completed_at: '2026-11-01T00:00:00.000Z' });
          expect(await store.insert(makeTask())).toBe('ok');
          expect(await store.insert(done)).toBe('ok');
          const second = makeTask();
          expect(await store.insert(second)).toBe('ok');
          await expect(store.insert(makeTask())).rejects.toThrow(StoreLimitError);
          await expect(store.insert(makeTask())).rejects.toThrow(/2 open tasks/);
          // A completed task may still be stored, and an id taken is still a conflict.
          expect(await store.insert({ ...done, id: 'another-done' })).toBe('ok');
          expect(await store.insert(second)).toBe('conflict');
          // Reopening counts as adding; editing an open one does not.
          const reopened = { ...done, status: 'pending' as const, completed_at: null };
          await expect(store.update(reopened, done.updated_at)).rejects.toThrow(StoreLimitError);
          const edited = { ...second, title: 'edited', updated_at: '2026-12-01T00:00:00.000Z' };
          expect(await store.update(edited, second.updated_at)).toBe('ok');
          expect(await store.update(edited, 'stale')).toBe('conflict');
          expect(await store.delete(second.id)).toBe(true);
          expect(await store.update(reopened, done.updated_at)).toBe('ok');
        });
      });

      describe('the open-task count in the user row', () => {
        it('equals the user’s open tasks after every kind of write, and only theirs', async () => {
          const user = await insertUser(db);
          const other = await insertUser(db);
          const store = new SqlTaskStore(db, user, { snapshots: null });
          const counted = async (id: string) => {
            const [row] = await db.all<{ kept: number; open: number }>(
              `SELECT open_tasks AS kept, (SELECT COUNT(*) FROM tasks
                 WHERE user_id = $1 AND status <> 'completed') AS open
               FROM users WHERE id = $1`,
              [id],
            );
            return { kept: Number(row!.kept), open: Number(row!.open) };
          };
          const check = async (open: number) => {
            expect(await counted(user)).toEqual({ kept: open, open });
            expect(await counted(other)).toEqual({ kept: 0, open: 0 });
          };
          const done = (t: Task): Task => ({
            ...t,
            status: 'completed',
            completed_at: '2026-11-02T00:00:00.000Z',
            updated_at: '2026-11-02T00:00:00.000Z',
          });
          const a = makeTask();
          const b = makeTask({ status: 'in_progress' });
          await store.insert(a);
          await store.insert(b);
          await store.insert(done(makeTask()));
          await check(2);
          await store.update(done(a), a.updated_at); // open → completed
          await check(1);
          const reopened = { ...a, updated_at: '2026-11-03T00:00:00.000Z' };
          await store.update(reopened, done(a).updated_at); // completed → open
          await check(2);
          await store.update({ ...b, title: 'renamed', status: 'snoozed' }, b.updated_at);
          await check(2); // open → open
          // An import overwrites by id, in both directions, and adds.
          await store.upsertMany([done(reopened), makeTask(), done(makeTask())]);
          await check(2);
          await store.delete(b.id);
          await check(1);
          await store.delete(a.id); // a completed one
          await check(1);
        });
      });

      describe('task_revision', () => {
        it('moves with every write to the user’s tasks and only theirs', async () => {
          const user = await insertUser(db);
          const other = await insertUser(db);
          const revision = async (id: string) =>
            Number(
              (
                await db.all<{ r: number }>('SELECT task_revision AS r FROM users WHERE id = $1', [
                  id,
                ])
              )[0]?.r,
            );
          const store = new SqlTaskStore(db, user);
          const task = makeTask();
          await store.insert(task);
          await store.update(
            { ...task, title: 'y', updated_at: '2027-01-01T00:00:00.000Z' },
            task.updated_at,
          );
          await store.delete(task.id);
          expect(await revision(user)).toBe(3);
          expect(await revision(other)).toBe(0);
        });
      });
    },
  );
}
