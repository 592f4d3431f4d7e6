import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

describe('isolation between users', () => {
  let s: TestServer;
  let a: string;
  let b: string;
  let taskId: string;
  beforeAll(async () => {
    s = await startTestServer();
    a = (await s.register()).token;
    b = (await s.register()).token;
    taskId = (
      await api(`${s.url}/api/tasks`, { token: a, body: { title: 'A’s secret', priority: 5 } })
    ).body.id;
  });
  afterAll(() => s.close());

  it("gives user B a 404 for every operation on user A's task, and changes nothing", async () => {
    const attempts = [
      api(`${s.url}/api/tasks/${taskId}`, { token: b }),
      api(`${s.url}/api/tasks/${taskId}`, {
        token: b,
        method: 'PATCH',
        body: { title: 'mine now' },
      }),
      api(`${s.url}/api/tasks/${taskId}/complete`, { token: b, method: 'POST' }),
      api(`${s.url}/api/tasks/${taskId}/snooze`, { token: b, body: { duration: '2h' } }),
      api(`${s.url}/api/tasks/${taskId}`, { token: b, method: 'DELETE' }),
    ];
    for (const r of await Promise.all(attempts)) {
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
    const mine = await api(`${s.url}/api/tasks/${taskId}`, { token: a });
    expect(mine.body).toMatchObject({ title: 'A’s secret', status: 'pending' });
  });

  it('never lists, ranks or finds A’s task for B', async () => {
    expect((await api(`${s.url}/api/tasks?status=all`, { token: b })).body.tasks).toEqual([]);
    expect((await api(`${s.url}/api/tasks?q=secret`, { token: b })).body.tasks).toEqual([]);
    expect((await api(`${s.url}/api/tasks/ranked`, { token: b })).body).toMatchObject({
      ranked: [],
      total: 0,
    });
    expect((await api(`${s.url}/api/tasks/best`, { token: b })).body).toEqual({
      task: null,
      reason: 'Nothing open — add a task',
    });
    expect((await api(`${s.url}/api/tasks/best`, { token: a })).body.task.id).toBe(taskId);
  });

  it('keeps idempotency keys per user', async () => {
    const key = { 'idempotency-key': 'same-key-for-both' };
    const ra = await api(`${s.url}/api/tasks`, {
      token: a,
      body: { title: 'from A' },
      headers: key,
    });
    const rb = await api(`${s.url}/api/tasks`, {
      token: b,
      body: { title: 'from B' },
      headers: key,
    });
    expect(rb.status).toBe(201);
    expect(rb.body.title).toBe('from B');
    expect(rb.body.id).not.toBe(ra.body.id);
  });
});
