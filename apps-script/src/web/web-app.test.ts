import { describe, expect, it } from 'vitest';
import { loadBundle } from '@mindflow/apps-script-emulator';
import { callWeb, logRows, setUpAddOn, sheetRows } from '../../test-support/add-on.ts';
import { DIST_CODE_JS } from '../../test-support/dist-path.ts';

describe('web-app', () => {
  describe('doGet', () => {
    it('answers a health check naming the service when asked nothing', () => {
      const res = loadBundle(DIST_CODE_JS).doGet({});
      expect(res.mimeType).toBe('application/json');
      expect(res.json()).toMatchObject({ ok: true, data: { service: 'mindflow' } });
    });

    it('routes ?action= with query parameters as the input', () => {
      const { app, key } = setUpAddOn();
      callWeb(app, key, 'createTask', { title: 'Read', tags: ['books'] });
      const res = app.doGet({ query: { action: 'listTasks', key, tag: 'books', limit: '5' } });
      expect(res.json()).toMatchObject({ ok: true, data: { tasks: [{ title: 'Read' }] } });
    });

    it("plans the day through getDailyPlan around the deployer's calendar", () => {
      const { app, key } = setUpAddOn({ now: '2026-11-27T14:00:00Z' });
      app.emulator.seedEvent({
        title: 'Standup',
        start: '2026-11-27T15:00:00Z',
        end: '2026-11-27T15:15:00Z',
      });
      callWeb(app, key, 'createTask', { title: 'Draft report', effort_minutes: 60, priority: 5 });
      const res = callWeb(app, key, 'getDailyPlan', { date: '2026-11-27' });
      expect(res.ok).toBe(true);
      expect(JSON.stringify(res.data)).toContain('Draft report');
      expect(res.data.blocks).toContainEqual(
        expect.objectContaining({ kind: 'event', title: 'Standup' }),
      );
    });

    it("answers unavailable, with CalendarApp's reason, when the calendar cannot be read", () => {
      const { app, key } = setUpAddOn({ now: '2026-11-27T14:00:00Z' });
      app.emulator.calendars.fail(app.emulator.ownerEmail, 'Calendar usage limit exceeded.');
      expect(callWeb(app, key, 'getDailyPlan')).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message: 'Your calendar could not be read right now; try again shortly',
          details: { reason: 'calendar', calendar_error: 'Calendar usage limit exceeded.' },
        },
      });
    });

    it('routes an action a client glued more query text onto (createTask?key=…)', () => {
      const { app, key } = setUpAddOn();
      const res = app.doPost({
        query: `action=createTask%3Fkey%3D${key}`,
        body: { title: 'Glued' },
      });
      expect(res.json()).toMatchObject({ ok: true, data: { title: 'Glued' } });
      const raw = app.doGet({ query: { action: `listTasks?key=${key}&limit=1` } });
      expect(raw.json()).toMatchObject({ ok: true, data: { tasks: [{ title: 'Glued' }] } });
    });

    it('refuses a write sent as GET, so a prefetched link changes nothing', () => {
      const { app, key } = setUpAddOn();
      const res = app.doGet({ query: { action: 'createTask', key, title: 'x' } });
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(sheetRows(app)).toHaveLength(0);
    });

    it('answers not_found for an unknown action', () => {
      const { app, key } = setUpAddOn();
      expect(app.doGet({ query: { action: 'dropTables', key } }).json()).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });
  });

  describe('authorization', () => {
    it('answers unauthorized for a missing or wrong key, reading and writing nothing', () => {
      const { app, key } = setUpAddOn();
      const before = JSON.stringify(app.emulator.spreadsheet().values('Tasks'));
      const attempts = [
        app.doPost({ query: { action: 'createTask' }, body: { title: 'no key' } }),
        app.doPost({ query: { action: 'createTask', key: `${key}x` }, body: { title: 'long' } }),
        app.doPost({
          query: { action: 'createTask', key: key.slice(0, -1) },
          body: { title: 's' },
        }),
        app.doPost({ query: { action: 'deleteTask', key: 'guess' }, body: { id: 'x' } }),
      ];
      app.emulator.calls.reset();
      const reads = [
        app.doGet({ query: { action: 'listTasks' } }),
        app.doGet({ query: { action: 'getBestTask', key: '' } }),
      ];
      for (const res of [...attempts, ...reads]) {
        expect(res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
      }
      expect(app.emulator.calls.SpreadsheetApp).toBe(0);
      expect(JSON.stringify(app.emulator.spreadsheet().values('Tasks'))).toBe(before);
      expect(logRows(app)).toHaveLength(0);
    });

    it('accepts the key as api_key in the JSON body', () => {
      const { app, key } = setUpAddOn();
      const res = app.doPost({
        query: { action: 'createTask' },
        body: { api_key: key, title: 'Body key' },
      });
      expect(res.json()).toMatchObject({ ok: true, data: { title: 'Body key' } });
    });

    it('is unauthorized for everyone until Set up created a key', () => {
      const app = loadBundle(DIST_CODE_JS);
      const res = app.doGet({ query: { action: 'listTasks', key: '' } });
      expect(res.json()).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    });
  });

  describe('doPost', () => {
    it('writes once: following Apps Script’s redirect serves the answer without running again', () => {
      const { app, key } = setUpAddOn();
      const res = app.doPost({ query: { action: 'createTask', key }, body: { title: 'Once' } });
      const followed = app.followRedirect(res.redirect!);
      expect(followed.json()).toEqual(res.json());
      expect(sheetRows(app)).toHaveLength(1);
      expect(logRows(app)).toHaveLength(1);
    });
  });

  describe('idempotent retries', () => {
    it('returns the first result and writes nothing when a write is retried with its key', () => {
      const { app, key } = setUpAddOn();
      const send = (body: object) =>
        app.doPost({ query: { action: 'createTask', key }, body }).json<any>();
      const first = send({ title: 'Once', idempotency_key: 'k-1' });
      const retry = send({ title: 'Once', idempotency_key: 'k-1' });
      expect(retry).toEqual(first);
      expect(sheetRows(app)).toHaveLength(1);
      expect(logRows(app)).toHaveLength(1);
      const other = send({ title: 'Twice', idempotency_key: 'k-1' });
      expect(other).toMatchObject({ ok: false, error: { code: 'conflict' } });
      expect(sheetRows(app)).toHaveLength(1);
      send({ title: 'Once', idempotency_key: 'k-2' });
      expect(sheetRows(app)).toHaveLength(2);
    });

    it('keeps the key per operation: the same key on another operation is a new request', () => {
      const { app, key } = setUpAddOn();
      const made = callWeb(app, key, 'createTask', { title: 'A', idempotency_key: 'same' });
      const done = callWeb(app, key, 'completeTask', { id: made.data.id, idempotency_key: 'same' });
      expect(done).toMatchObject({ ok: true, data: { task: { status: 'completed' } } });
    });

    it('rejects an unusable idempotency_key', () => {
      const { app, key } = setUpAddOn();
      // One rule with the server's: 1–255 visible ASCII characters.
      for (const bad of ['x'.repeat(256), 'with space', '']) {
        const res = callWeb(app, key, 'createTask', { title: 'A', idempotency_key: bad });
        expect(res).toMatchObject({
          ok: false,
          error: { code: 'validation_failed', details: [{ field: 'idempotency_key' }] },
        });
      }
      const longest = callWeb(app, key, 'createTask', {
        title: 'A',
        idempotency_key: 'x'.repeat(255),
      });
      expect(longest).toMatchObject({ ok: true });
      expect(sheetRows(app)).toHaveLength(1);
    });

    it('a retry that waited for the lock behind the first request finds its result', () => {
      const { app, key } = setUpAddOn();
      const body = { title: 'Slow', idempotency_key: 'r' };
      const first = app.doPost({ query: { action: 'createTask', key }, body }).json();
      // The first execution is still finishing (holding the lock) when the retry arrives.
      app.emulator.locks.holdBy('first request', { releaseAfterMs: 2_000 });
      const retry = app.doPost({ query: { action: 'createTask', key }, body }).json();
      expect(retry).toEqual(first);
      expect(sheetRows(app)).toHaveLength(1);
    });
  });

  describe('the script lock', () => {
    it('answers conflict (busy) after a bounded wait instead of hanging, writing nothing', () => {
      const { app, key } = setUpAddOn();
      app.emulator.locks.holdBy('another execution');
      const started = app.emulator.clock.now();
      const res = callWeb(app, key, 'createTask', { title: 'Blocked' });
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'busy' } },
      });
      expect(app.emulator.clock.now() - started).toBeLessThanOrEqual(10_000);
      expect(sheetRows(app)).toHaveLength(0);
      expect(logRows(app)).toHaveLength(0);
    });

    it('waits for a lock released within the bound, then writes', () => {
      const { app, key } = setUpAddOn();
      app.emulator.locks.holdBy('another execution', { releaseAfterMs: 3_000 });
      expect(callWeb(app, key, 'createTask', { title: 'Waited' })).toMatchObject({ ok: true });
      expect(sheetRows(app)).toHaveLength(1);
    });

    it('lets reads through while a writer holds the lock', () => {
      const { app, key } = setUpAddOn();
      app.emulator.locks.holdBy('another execution');
      expect(callWeb(app, key, 'listTasks')).toMatchObject({ ok: true });
    });
  });

  describe('audit log', () => {
    it('appends one row per change to the hidden _log: time, operation, task id, source', () => {
      const { app, key } = setUpAddOn();
      const made = callWeb(app, key, 'createTask', { title: 'Audited' });
      callWeb(app, key, 'completeTask', { id: made.data.id });
      app.run('runOperation', 'deleteTask', { id: made.data.id });
      const rows = logRows(app);
      expect(rows.map((r) => [r[1], r[2], r[3]])).toEqual([
        ['createTask', made.data.id, 'gpt'],
        ['completeTask', made.data.id, 'gpt'],
        ['deleteTask', made.data.id, 'sidebar'],
      ]);
      expect(rows[0]?.[0]).toBeInstanceOf(Date);
      expect(app.emulator.spreadsheet().requireSheet('_log').hidden).toBe(true);
    });

    it('logs nothing for reads or for writes that changed nothing', () => {
      const { app, key } = setUpAddOn();
      callWeb(app, key, 'listTasks');
      callWeb(app, key, 'quickAddTask', { text: 'Preview only p1', dry_run: true });
      callWeb(app, key, 'deleteTask', { id: '00000000-0000-4000-8000-000000000001' });
      expect(logRows(app)).toHaveLength(0);
    });
  });

  describe('setup errors', () => {
    it('names the missing headers instead of failing obscurely', () => {
      const { app, key } = setUpAddOn();
      const sheet = app.emulator.spreadsheet().requireSheet('Tasks');
      sheet.write({ row: 1, column: 6, numRows: 1, numColumns: 1 }, [['deadline']]);
      const res = callWeb(app, key, 'listTasks');
      expect(res).toMatchObject({
        ok: false,
        error: { code: 'unavailable', details: { reason: 'setup', missing_headers: ['due'] } },
      });
      expect(res.error.message).toContain('Set up / repair sheet');
    });

    it('says when there is no Tasks sheet at all', () => {
      const { app, key } = setUpAddOn();
      app.emulator.spreadsheet().requireSheet('Tasks').name = 'Old tasks';
      expect(callWeb(app, key, 'createTask', { title: 'x' })).toMatchObject({
        ok: false,
        error: { code: 'unavailable', details: { missing_sheet: true } },
      });
    });
  });

  describe('response size', () => {
    it('keeps every answer under GPT Actions’ 100,000 characters by paginating', () => {
      const { app, key } = setUpAddOn();
      for (let i = 0; i < 60; i++) {
        callWeb(app, key, 'createTask', { title: `Long ${i}`, description: 'x'.repeat(2000) });
      }
      const page = app.doGet({ query: { action: 'listTasks', key, limit: '100' } });
      expect(page.content.length).toBeLessThan(100_000);
      const body = page.json<any>();
      expect(body.data.tasks.length).toBeLessThan(60);
      expect(typeof body.data.next_cursor).toBe('string');
      const ranked = app.doGet({ query: { action: 'rankTasks', key, limit: '100' } });
      expect(ranked.content.length).toBeLessThan(100_000);
    });
  });
});
