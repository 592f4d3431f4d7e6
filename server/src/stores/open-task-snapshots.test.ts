import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Task, TaskListQuery } from '@mindflow/shared';
import { makeTask } from '@mindflow/shared/testing';
import type { SqlClient } from '../db/sql-client.ts';
import { insertUser, openSqlite, SHARED_DATABASES } from '../../test-support/databases.ts';
import { byListOrder, OpenTaskSnapshots } from './open-task-snapshots.ts';
import { SqlTaskStore } from './task-store.sql.ts';

// Open tasks held in memory must answer exactly what SQL answers, whichever instance wrote
// and however writes interleave. Two clients on one database stand for two server
// instances, each with its own snapshots; a store without snapshots is the truth.

const OPEN: Task['status'][] = ['pending', 'in_progress', 'snoozed'];

function openPage(limit: number, after: Task | null): TaskListQuery {
  return {
    statuses: OPEN,
    tag: null,
    text: null,
    due_before: null,
    due_after: null,
    after: after && { created_at: after.created_at, id: after.id },
    limit,
  };
}

/** Everything a reader can see of the open tasks: paged lists, a scan, listActive. */
async function reads(store: SqlTaskStore) {
  const pages: string[] = [];
  let after: Task | null = null;
  for (;;) {
    const page = await store.list(openPage(3, after));
    if (page.length === 0) break;
    pages.push(JSON.stringify(page));
    after = page[page.length - 1]!;
  }
  const scanned: Task[] = [];
  await store.scanActive((page) => scanned.push(...page));
  const byId = (a: Task, b: Task) => (a.id < b.id ? -1 : 1);
  return {
    pages,
    scanned: JSON.stringify(scanned.sort(byId)),
    active: JSON.stringify((await store.listActive()).sort(byId)),
  };
}

type Op =
  | { kind: 'create'; status: 'pending' | 'in_progress' | 'completed'; at: number }
  | { kind: 'complete' | 'reopen' | 'retitle' | 'delete'; pick: number }
  | { kind: 'import'; count: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('create' as const),
    status: fc.constantFrom('pending' as const, 'in_progress' as const, 'completed' as const),
    // Equal creation times happen (a CSV import): ids break the tie.
    at: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    kind: fc.constantFrom(
      'complete' as const,
      'reopen' as const,
      'retitle' as const,
      'delete' as const,
    ),
    pick: fc.nat(),
  }),
  fc.record({ kind: fc.constant('import' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

let stamp = 0;
const later = () => new Date(Date.UTC(2026, 0, 1) + ++stamp * 1000).toISOString();

async function apply(o: Op, store: SqlTaskStore, truth: SqlTaskStore): Promise<void> {
  if (o.kind === 'create') {
    const created_at = new Date(Date.UTC(2026, 0, 1, 0, o.at)).toISOString();
    const completed = o.status === 'completed';
    await store.insert(
      makeTask({
        title: `t${++stamp}`,
        status: o.status,
        created_at,
        updated_at: created_at,
        completed_at: completed ? created_at : null,
      }),
    );
    return;
  }
  if (o.kind === 'import') {
    const at = later();
    await store.upsertMany(
      Array.from({ length: o.count }, () =>
        makeTask({ title: `imported ${++stamp}`, created_at: at, updated_at: at }),
      ),
    );
    return;
  }
  const all: Task[] = [];
  await truth.scanActive((page) => all.push(...page));
  const done = (await truth.list({ ...openPage(1000, null), statuses: ['completed'] })) ?? [];
  const pool = o.kind === 'reopen' ? done : all;
  const t = pool.sort(byListOrder)[o.pick % Math.max(1, pool.length)];
  if (!t) return;
  const updated_at = later();
  if (o.kind === 'delete') await store.delete(t.id);
  else if (o.kind === 'complete') {
    await store.update(
      { ...t, status: 'completed', completed_at: updated_at, updated_at },
      t.updated_at,
    );
  } else if (o.kind === 'reopen') {
    await store.update({ ...t, status: 'pending', completed_at: null, updated_at }, t.updated_at);
  } else await store.update({ ...t, title: `${t.title}'`, updated_at }, t.updated_at);
}

for (const engine of SHARED_DATABASES) {
  describe.skipIf(engine.skip !== undefined)(`open tasks in memory, ${engine.name}`, () => {
    let db: Awaited<ReturnType<SharedDatabase['open']>>;
    beforeAll(async () => {
      db = await engine.open();
    });
    afterAll(async () => {
      await db?.close();
    });

    it('answer as SQL does, whichever instance writes, one write at a time or several at once', async () => {
      const [a, b] = db.handles;
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            // `look`: compare after this step. Skipping some lets a write find the snapshot
            // it steps from already behind another instance's write.
            fc.record({
              op,
              via: fc.constantFrom('a', 'b'),
              together: fc.boolean(),
              look: fc.boolean(),
            }),
            { minLength: 1, maxLength: 20 },
          ),
          async (steps) => {
            const user = await insertUser(a);
            const here = new SqlTaskStore(a, user);
            const there = new SqlTaskStore(b, user);
            const truth = new SqlTaskStore(a, user, { snapshots: null });
            for (let i = 0; i < steps.length; i++) {
              const { op: o, via, together, look } = steps[i]!;
              const store = via === 'a' ? here : there;
              const next = steps[i + 1];
              if (together && next) {
                // Two writes in flight at once on one instance.
                await Promise.all([apply(o, store, truth), apply(next.op, store, truth)]);
                i++;
              } else await apply(o, store, truth);
              if (!look && i < steps.length - 1) continue;
              const expected = await reads(truth);
              expect(await reads(here)).toEqual(expected);
              expect(await reads(there)).toEqual(expected);
            }
          },
        ),
        { numRuns: 12 },
      );
    });
  });
}

type SharedDatabase = (typeof SHARED_DATABASES)[number];

describe('what open tasks are held', () => {
  let db: SqlClient;
  beforeAll(async () => {
    db = await openSqlite();
  });
  afterAll(async () => {
    await db?.close();
  });

  async function userWith(open: number, snapshots: OpenTaskSnapshots) {
    const store = new SqlTaskStore(db, await insertUser(db), { snapshots });
    for (let i = 0; i < open; i++) await store.insert(makeTask({ title: `t${i}` }));
    return store;
  }

  const userOf = (store: SqlTaskStore) => (store as unknown as { userId: string }).userId;

  const scan = async (store: SqlTaskStore) => {
    const seen: Task[] = [];
    await store.scanActive((page) => seen.push(...page));
    return seen.length;
  };

  it('never a user with more open tasks than one may hold, whose reads still see them all', async () => {
    const snapshots = new OpenTaskSnapshots({ perUser: 3, total: 100 });
    const big = await userWith(4, snapshots);
    expect(await scan(big)).toBe(4);
    expect(snapshots.heldTasks).toBe(0);
    const small = await userWith(3, snapshots);
    expect(await scan(small)).toBe(3);
    expect(snapshots.heldTasks).toBe(3);
    // Growing past the bound through a write drops it.
    await small.insert(makeTask({ title: 'one more' }));
    expect(snapshots.heldTasks).toBe(0);
    expect(await scan(small)).toBe(4);
  });

  it('at most the total, the user read longest ago going first', async () => {
    const snapshots = new OpenTaskSnapshots({ perUser: 10, total: 5 });
    const first = await userWith(3, snapshots);
    const second = await userWith(3, snapshots);
    await scan(first);
    await scan(second);
    expect(snapshots.heldTasks).toBe(3);
    expect(await scan(first)).toBe(3);
    expect(await scan(second)).toBe(3);
  });

  it('steps through two writes at once where each write reads the revision it made (SQLite)', async () => {
    const snapshots = new OpenTaskSnapshots({ perUser: 10, total: 100 });
    const store = await userWith(3, snapshots);
    await scan(store);
    await Promise.all([
      store.insert(makeTask({ title: 'a' })),
      store.insert(makeTask({ title: 'b' })),
    ]);
    // Held still, with both: no scan needed for what comes next.
    expect(snapshots.heldTasks).toBe(5);
    const truth = new SqlTaskStore(db, userOf(store), { snapshots: null });
    expect(await store.list(openPage(50, null))).toEqual(await truth.list(openPage(50, null)));
  });

  it('holds a user again at the next list after two writes at once dropped them, where a write cannot read its own revision', async () => {
    // The client as PostgreSQL's is: no read inside a write's transaction.
    const plain = new Proxy(db, {
      get: (target, key) => {
        if (key === 'runReading') return undefined;
        const value = Reflect.get(target, key) as unknown;
        return typeof value === 'function' ? (value as () => unknown).bind(target) : value;
      },
    });
    const snapshots = new OpenTaskSnapshots({ perUser: 10, total: 100 });
    const user = await insertUser(db);
    const store = new SqlTaskStore(plain, user, { snapshots });
    for (let i = 0; i < 3; i++) await store.insert(makeTask({ title: `t${i}` }));
    await scan(store);
    expect(snapshots.heldTasks).toBe(3);
    // Two writes of one user in flight at once: neither can tell it was the only step.
    await Promise.all([
      store.insert(makeTask({ title: 'a' })),
      store.insert(makeTask({ title: 'b' })),
    ]);
    expect(snapshots.heldTasks).toBe(0);
    const listed = await store.list(openPage(50, null));
    expect(snapshots.heldTasks).toBe(5);
    const truth = new SqlTaskStore(db, user, { snapshots: null });
    expect(listed).toEqual(await truth.list(openPage(50, null)));
  });

  it('leaves a user the total pushed out to SQL pages until a ranking holds them again', async () => {
    const snapshots = new OpenTaskSnapshots({ perUser: 10, total: 5 });
    const first = await userWith(3, snapshots);
    const second = await userWith(3, snapshots);
    await scan(first);
    await scan(second);
    expect(await first.list(openPage(50, null))).toHaveLength(3);
    // Still the second user's three: the first one's list was a page, not a scan.
    expect(snapshots.heldTasks).toBe(3);
    expect(snapshots.worthRebuilding('anyone')).toBe(false);
  });

  it('hands out tasks no reader can change under another', async () => {
    const store = await userWith(2, new OpenTaskSnapshots());
    await scan(store);
    const [task] = await store.listActive();
    expect(() => {
      (task as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect((await store.listActive()).map((t) => t.title).sort()).toEqual(['t0', 't1']);
  });
});
