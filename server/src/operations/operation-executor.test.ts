import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { intlTimeZone } from '@mindflow/shared';
import { AccountRepository, type Caller } from '../accounts/account-repository.ts';
import { DailyPlans } from '../daily-plan/daily-plans.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { sqlTaskStores } from '../stores/task-store-factory.ts';
import { openSqlite } from '../../test-support/databases.ts';
import { composeExecutor } from './compose-executor.ts';
import { IdempotencyStore } from './idempotency-store.ts';
import type { OperationExecutor } from './operation-executor.ts';

// The executor is what every transport runs operations through (REST today; MCP and the
// assistant next): here it is called directly, with no HTTP at all.

describe('OperationExecutor', () => {
  let db: SqlClient;
  let accounts: AccountRepository;
  let executor: OperationExecutor;
  let ada: Caller;
  let bob: Caller;

  async function caller(email: string): Promise<Caller> {
    const user = await accounts.createUser(email, 'not-a-real-hash', { time_zone: 'Asia/Tokyo' });
    const { token } = await accounts.issueToken(user!.id, 'personal', 'test');
    return (await accounts.findCaller(token))!;
  }

  beforeAll(async () => {
    db = await openSqlite();
    accounts = new AccountRepository(db);
    executor = composeExecutor({
      stores: sqlTaskStores(db),
      idempotency: new IdempotencyStore(db),
      plans: new DailyPlans({ calendars: null, newId: randomUUID, timeZone: intlTimeZone }),
      clock: Date.now,
      newId: randomUUID,
      timeZone: intlTimeZone,
    });
    ada = await caller('ada@example.com');
    bob = await caller('bob@example.com');
  });
  afterAll(() => db.close());

  describe('run', () => {
    it('runs an operation as the caller, validated by the catalogue', async () => {
      const made = await executor.run(ada, 'createTask', { title: 'Ship it', priority: 5 });
      expect(made).toMatchObject({
        replayed: false,
        result: { ok: true, data: { title: 'Ship it' } },
      });
      const bad = await executor.run(ada, 'createTask', { title: '', colour: 'red' });
      expect(bad.result).toMatchObject({
        ok: false,
        error: {
          code: 'validation_failed',
          details: [
            { field: 'title', rule: 'min' },
            { field: 'colour', rule: 'unknown_field' },
          ],
        },
      });
      const unknown = await executor.run(ada, 'dropTables', {});
      expect(unknown.result).toMatchObject({ ok: false, error: { code: 'not_found' } });
    });

    it('keeps each caller to their own tasks', async () => {
      const mine = await executor.run(ada, 'createTask', { title: 'Ada only' });
      if (!mine.result.ok) throw new Error('create failed');
      const id = mine.result.data.id;
      expect((await executor.run(bob, 'getTask', { id })).result).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
      expect((await executor.run(bob, 'getBestTask', {})).result).toEqual({
        ok: true,
        data: { task: null, reason: 'Nothing open — add a task' },
      });
    });

    it('replays a write retried with its key, and refuses the key for another request', async () => {
      const options = { idempotencyKey: 'mcp-call-1' };
      const first = await executor.run(ada, 'createTask', { title: 'Once' }, options);
      const again = await executor.run(ada, 'createTask', { title: 'Once' }, options);
      expect(again.replayed).toBe(true);
      expect(again.result).toEqual(first.result);
      const other = await executor.run(ada, 'createTask', { title: 'Twice' }, options);
      expect(other.result).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'mismatch' } },
      });
      const listed = await executor.run(ada, 'listTasks', { q: 'Once' });
      expect(listed.result.ok && listed.result.data.tasks).toHaveLength(1);
      const badKey = await executor.run(
        ada,
        'createTask',
        { title: 'x' },
        { idempotencyKey: 'a b' },
      );
      expect(badKey.result).toMatchObject({
        ok: false,
        error: { details: [{ field: 'idempotency_key', rule: 'format' }] },
      });
    });

    it('answers a cached list with the value as well as its JSON', async () => {
      const first = await executor.run(ada, 'listTasks', { q: 'Ship' });
      const cached = await executor.run(ada, 'listTasks', { q: 'Ship' });
      expect(cached.json).toBeDefined();
      expect(cached.result).toEqual(first.result);
    });
  });
});
