import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARED_DATABASES } from '../../test-support/databases.ts';
import { api } from '../../test-support/http-client.ts';
import { startTestServer, type TestServer } from '../../test-support/test-server.ts';

// Issue 10 item 6: parallel completes of a recurring task used to move it once each
// (20 at once: 20 days). Two server instances on one database, real HTTP, real races.

for (const engine of SHARED_DATABASES) {
  describe.skipIf(engine.skip !== undefined)(`completing an occurrence on ${engine.name}`, () => {
    let one: TestServer;
    let two: TestServer;
    let token: string;
    let close: () => Promise<void>;
    beforeAll(async () => {
      const opened = await engine.open();
      close = opened.close;
      one = await startTestServer({ db: opened.handles[0], keepDb: true });
      two = await startTestServer({ db: opened.handles[1], keepDb: true });
      token = (await one.register()).token;
    });
    afterAll(async () => {
      await one?.close();
      await two?.close();
      await close?.();
    });

    const daily = async (title: string) =>
      (
        await api(`${one.url}/api/tasks`, {
          token,
          body: { title, due: '2026-01-05', repeat: 'FREQ=DAILY' },
        })
      ).body as { id: string; due: string; updated_at: string };

    const complete = (id: string, i: number, body: object = {}, headers = {}) =>
      api(`${(i % 2 === 0 ? one : two).url}/api/tasks/${id}/complete`, {
        token,
        body,
        headers,
      });

    it('moves a daily task one occurrence for 20 parallel completes of the occurrence shown', async () => {
      const task = await daily('Shown');
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) => complete(task.id, i, { expected_due: task.due })),
      );
      expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
      const dues = new Set(answers.map((a) => a.body.next_due));
      expect(dues.size).toBe(1);
      const now = (await api(`${one.url}/api/tasks/${task.id}`, { token })).body;
      expect(now.due).toBe([...dues][0]);
      // The same answer again, later: a no-op.
      const again = await complete(task.id, 1, { expected_due: task.due });
      expect(again.body).toEqual(answers[0]!.body);
    });

    it('answers a stale If-Match 412 and moves nothing', async () => {
      const task = await daily('Versioned');
      const etag = `"${task.updated_at}"`;
      const first = await complete(task.id, 0, {}, { 'if-match': etag });
      expect(first.status).toBe(200);
      const stale = await complete(task.id, 1, {}, { 'if-match': etag });
      expect(stale.status).toBe(412);
      expect(stale.body.error).toMatchObject({ code: 'conflict', details: { reason: 'stale' } });
      const now = (await api(`${one.url}/api/tasks/${task.id}`, { token })).body;
      expect(now.due).toBe(first.body.next_due);
    });
  });
}
