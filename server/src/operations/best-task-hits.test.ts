import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { intlTimeZone, visitActive, type TaskStore } from '@mindflow/shared';
import { AccountRepository, type Caller } from '../accounts/account-repository.ts';
import { DailyPlans } from '../daily-plan/daily-plans.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { sqlTaskStores, type TaskStoreFactory } from '../stores/task-store-factory.ts';
import { openSqlite } from '../../test-support/databases.ts';
import { composeExecutor } from './compose-executor.ts';
import { IdempotencyStore } from './idempotency-store.ts';
import type { OperationExecutor } from './operation-executor.ts';

// A user's rankings run one at a time (one-ranking-per-user.ts), but a replayed best answer
// ranks nothing: it must not wait behind a ranking still reading the user's tasks.

describe('a cached best answer while a ranking runs', () => {
  let db: SqlClient;
  let executor: OperationExecutor;
  let ada: Caller;
  let gate: Promise<void> | null = null;
  let open: () => void = () => undefined;

  /** The SQL stores, with every scan of open tasks held while the gate is closed. */
  function gated(stores: TaskStoreFactory): TaskStoreFactory {
    return {
      ...stores,
      forUser(caller): TaskStore {
        const store = stores.forUser(caller);
        return {
          ...store,
          get: (id) => store.get(id),
          list: (q) => store.list(q),
          listActive: () => store.listActive(),
          insert: (t) => store.insert(t),
          update: (t, e) => store.update(t, e),
          delete: (id) => store.delete(id),
          upsertMany: (ts) => store.upsertMany(ts),
          scanActive: async (visit) => {
            if (gate) await gate;
            return visitActive(store, visit);
          },
        };
      },
    };
  }

  beforeAll(async () => {
    db = await openSqlite();
    const accounts = new AccountRepository(db);
    executor = composeExecutor({
      stores: gated(sqlTaskStores(db)),
      idempotency: new IdempotencyStore(db),
      plans: new DailyPlans({ calendars: null, newId: randomUUID, timeZone: intlTimeZone }),
      clock: Date.now,
      newId: randomUUID,
      timeZone: intlTimeZone,
    });
    const user = await accounts.createUser('ada@example.com', 'not-a-real-hash', {
      time_zone: 'Europe/Paris',
    });
    const { token } = await accounts.issueToken(user!.id, 'personal', 'test');
    ada = (await accounts.findCaller(token))!;
  });
  afterAll(() => db.close());

  it('is answered at once, and a best that must rank waits its turn', async () => {
    await executor.run(ada, 'createTask', { title: 'Write the report', priority: 5 });
    const first = await executor.run(ada, 'getBestTask', {});
    expect(first.result).toMatchObject({ ok: true, data: { task: { title: 'Write the report' } } });

    gate = new Promise((resolve) => (open = resolve));
    const ranking = executor.run(ada, 'rankTasks', {});
    let ranked = false;
    void ranking.then(() => (ranked = true));
    const replay = await Promise.race([
      executor.run(ada, 'getBestTask', {}),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('the cached answer waited behind the ranking')), 2000),
      ),
    ]);
    expect(ranked).toBe(false);
    expect(replay.result).toEqual(first.result);

    // After a write the answer must be ranked again: that one queues behind the ranking.
    await executor.run(ada, 'createTask', { title: 'Call the bank', priority: 1 });
    const fresh = executor.run(ada, 'getBestTask', {});
    let answered = false;
    void fresh.then(() => (answered = true));
    await new Promise((r) => setTimeout(r, 50));
    expect(answered).toBe(false);
    gate = null;
    open();
    expect((await ranking).result.ok).toBe(true);
    expect((await fresh).result).toMatchObject({
      ok: true,
      data: { task: { title: 'Write the report' } },
    });
  });
});
