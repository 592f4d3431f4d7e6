import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeGoogleScriptRun, type ServerFunctions } from '../../test/fake-google-script-run.ts';
import { startRestStandIn, type RestStandIn } from '../../test/rest-stand-in.ts';
import { testId, testService } from '../../test/service-fixture.ts';
import { appsScriptClient, httpClient, memoryClient } from './index.ts';

const TOKEN = 'test-token';

describe('mindflow-client', () => {
  describe('httpClient', () => {
    let api: RestStandIn;

    beforeAll(async () => {
      api = await startRestStandIn(testService(), TOKEN);
    });
    afterAll(async () => {
      await api.close();
    });

    const last = () => api.requests[api.requests.length - 1]!;

    it('creates with a JSON body and the Bearer token, and reads the output', async () => {
      const client = httpClient(`${api.url}/`, TOKEN);
      const created = await client.call('createTask', { title: 'Pay rent', priority: 5 });
      expect(created).toMatchObject({ ok: true, data: { title: 'Pay rent', priority: 5 } });
      expect(last()).toMatchObject({
        method: 'POST',
        url: '/api/tasks',
        authorization: `Bearer ${TOKEN}`,
        contentType: 'application/json',
        body: '{"title":"Pay rent","priority":5}',
      });
    });

    it('puts :id in the path and the rest of a GET in the query string', async () => {
      const client = httpClient(api.url, TOKEN);
      const got = await client.call('getTask', { id: testId(1) });
      expect(got).toMatchObject({ ok: true, data: { id: testId(1), title: 'Pay rent' } });
      expect(last()).toMatchObject({ method: 'GET', url: `/api/tasks/${testId(1)}`, body: '' });
      await client.call('listTasks', {
        status: 'all',
        q: 'rent & bills',
        limit: 5,
        tag: undefined,
      });
      expect(last().url).toBe('/api/tasks?status=all&q=rent+%26+bills&limit=5');
    });

    it('sends PATCH and POST-on-:id operations with the id only in the path', async () => {
      const client = httpClient(api.url, TOKEN);
      const got = await client.call('getTask', { id: testId(1) });
      if (!got.ok) throw new Error(got.error.message);
      const updated = await client.call('updateTask', {
        id: testId(1),
        expected_updated_at: got.data.updated_at,
        priority: 4,
      });
      expect(updated).toMatchObject({ ok: true, data: { priority: 4 } });
      expect(last()).toMatchObject({ method: 'PATCH', url: `/api/tasks/${testId(1)}` });
      expect(JSON.parse(last().body)).toEqual({
        expected_updated_at: got.data.updated_at,
        priority: 4,
      });
      const snoozed = await client.call('snoozeTask', { id: testId(1), duration: '1h' });
      expect(snoozed).toMatchObject({ ok: true, data: { status: 'snoozed' } });
      expect(last()).toMatchObject({
        url: `/api/tasks/${testId(1)}/snooze`,
        body: '{"duration":"1h"}',
      });
    });

    it('turns an error body into the same {ok:false, error} the core returns', async () => {
      const client = httpClient(api.url, TOKEN);
      const stale = await client.call('updateTask', {
        id: testId(1),
        expected_updated_at: '2020-01-01T00:00:00Z',
        title: 'Pay the rent',
      });
      expect(stale).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { id: testId(1) } },
      });
      const invalid = await client.call('createTask', { title: '', priority: 9 });
      expect(invalid).toMatchObject({
        ok: false,
        error: {
          code: 'validation_failed',
          details: [
            { field: 'title', message: 'title must not be empty' },
            { field: 'priority', message: 'priority must be at most 5' },
          ],
        },
      });
      const missing = await client.call('deleteTask', { id: testId(99) });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not_found' } });
      expect(last()).toMatchObject({ method: 'DELETE', url: `/api/tasks/${testId(99)}` });
    });

    it('reads a 204 delete back as the operation’s output', async () => {
      const client = httpClient(api.url, TOKEN);
      const made = await client.call('createTask', { title: 'Short-lived' });
      if (!made.ok) throw new Error(made.error.message);
      expect(await client.call('deleteTask', { id: made.data.id })).toEqual({
        ok: true,
        data: { id: made.data.id, deleted: true },
      });
    });

    it('reports a wrong token as unauthorized', async () => {
      const answer = await httpClient(api.url, 'wrong').call('rankTasks', {});
      expect(answer).toEqual({ ok: false, error: { code: 'unauthorized', message: 'Bad token' } });
    });

    it('maps a body without {error} by status, and a body of the wrong shape to internal', async () => {
      const client = httpClient(api.url, TOKEN);
      api.answerNextWith(503, '<html>Service Unavailable</html>');
      const down = await client.call('rankTasks', {});
      expect(down).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      api.answerNextWith(200, JSON.stringify({ ranked: 'nope' }));
      const odd = await client.call('rankTasks', {});
      expect(odd).toMatchObject({
        ok: false,
        error: { code: 'internal', message: 'MindFlow answered rankTasks in an unexpected shape' },
      });
    });

    it('reads the time zone for context() from the ranking', async () => {
      expect(await httpClient(api.url, TOKEN).context()).toEqual({ time_zone: 'America/New_York' });
    });

    it('answers unavailable when nothing listens', async () => {
      const closed = await startRestStandIn(testService(), TOKEN);
      await closed.close();
      const answer = await httpClient(closed.url, TOKEN).call('getBestTask', {});
      expect(answer).toMatchObject({ ok: false, error: { code: 'unavailable' } });
      expect(answer.ok || answer.error.message).toMatch(
        /^Could not reach MindFlow at http:\/\/127\.0\.0\.1:/,
      );
    });
  });

  describe('appsScriptClient', () => {
    function addOn(overrides: ServerFunctions = {}) {
      const service = testService();
      const server: ServerFunctions = {
        runOperation: (op: string, input: unknown) => service.executeSync(op, input),
        getSidebarContext: () => ({
          time_zone: 'Europe/Lisbon',
          user: '',
          sheet_url: 'https://sheet',
        }),
        ...overrides,
      };
      return fakeGoogleScriptRun(server);
    }

    it('calls runOperation through the handler chain and resolves after the callback', async () => {
      const client = appsScriptClient(addOn());
      let settled = false;
      const pending = client.call('createTask', { title: 'Renew passport' }).then((r) => {
        settled = true;
        return r;
      });
      await Promise.resolve();
      expect(settled).toBe(false); // google.script.run answers from a later task
      expect(await pending).toMatchObject({
        ok: true,
        data: { title: 'Renew passport', priority: 3 },
      });
      const ranked = await client.call('rankTasks', { limit: 5 });
      expect(ranked.ok && ranked.data.ranked.map((r) => r.task.title)).toEqual(['Renew passport']);
    });

    it('passes the core’s error envelope through', async () => {
      const answer = await appsScriptClient(addOn()).call('getTask', { id: 'nope' });
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'validation_failed',
          message: 'id: must be a UUID',
          details: [{ field: 'id', rule: 'format', message: 'id: must be a UUID' }],
        },
      });
    });

    it('turns a server function that throws into unavailable with its message', async () => {
      const run = addOn({
        runOperation: () => {
          throw new Error('Service Spreadsheets timed out while accessing document');
        },
      });
      expect(await appsScriptClient(run).call('rankTasks', {})).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message: 'Service Spreadsheets timed out while accessing document',
        },
      });
    });

    it('reports an answer that is not an envelope as internal', async () => {
      const run = addOn({ runOperation: () => ({ tasks: [] }) });
      expect(await appsScriptClient(run).call('listTasks', {})).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
    });

    it('reads the context, dropping an empty user', async () => {
      expect(await appsScriptClient(addOn()).context()).toEqual({
        time_zone: 'Europe/Lisbon',
        sheet_url: 'https://sheet',
      });
      const broken = addOn({ getSidebarContext: () => ({ zone: 'UTC' }) });
      await expect(appsScriptClient(broken).context()).rejects.toThrow('unexpected shape');
    });

    it('uses the page’s google.script.run, and says so when there is none', async () => {
      const g = globalThis as { google?: unknown };
      const client = appsScriptClient();
      expect(await client.call('rankTasks', {})).toMatchObject({
        ok: false,
        error: {
          code: 'unavailable',
          message: expect.stringContaining('not running in the Sheets sidebar'),
        },
      });
      g.google = { script: { run: addOn() } };
      try {
        expect(await client.context()).toMatchObject({ time_zone: 'Europe/Lisbon' });
      } finally {
        delete g.google;
      }
    });
  });

  describe('memoryClient', () => {
    it('runs operations on the real core and reports its zone', async () => {
      const client = memoryClient(testService(), { user: 'ada@example.com' });
      const added = await client.call('quickAddTask', { text: 'Water plants' });
      expect(added).toMatchObject({
        ok: true,
        data: { saved: true, task: { title: 'Water plants' } },
      });
      expect(await client.context()).toEqual({
        time_zone: 'America/New_York',
        user: 'ada@example.com',
      });
    });
  });
});
