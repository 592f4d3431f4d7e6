import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqlite } from '../../test-support/databases.ts';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';
import { sqlTaskStores } from '../stores/task-store-factory.ts';

// The limits that keep one user from taking the server down for everyone (issue 10).

describe('the open-task limit', () => {
  let s: TestServer;
  beforeAll(async () => {
    const db = await openSqlite();
    s = await startTestServer({ db, stores: sqlTaskStores(db, { maxOpenTasks: 3 }) });
  });
  afterAll(() => s.close());

  it('answers 409 naming the limit once a user has that many open tasks', async () => {
    const { token } = await s.register();
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = await api(`${s.url}/api/tasks`, { token, body: { title: `task ${i}` } });
      expect(r.status).toBe(201);
      ids.push(r.body.id);
    }
    const over = await api(`${s.url}/api/tasks`, { token, body: { title: 'one too many' } });
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/3 open tasks, the most one account may have/),
      details: { limit: 3, setting: 'MAX_OPEN_TASKS_PER_USER' },
    });
    // Nothing was stored, and another user is not affected.
    expect((await api(`${s.url}/api/tasks`, { token })).body.tasks).toHaveLength(3);
    const other = await s.register();
    expect(
      (await api(`${s.url}/api/tasks`, { token: other.token, body: { title: 'x' } })).status,
    ).toBe(201);
    // Completing one makes room again.
    expect((await api(`${s.url}/api/tasks/${ids[0]}/complete`, { token, body: {} })).status).toBe(
      200,
    );
    expect(
      (await api(`${s.url}/api/tasks`, { token, body: { title: 'now it fits' } })).status,
    ).toBe(201);
  });
});
