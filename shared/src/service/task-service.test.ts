import { describe, expect, it, vi } from 'vitest';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { testId } from '../testing/task-factory.ts';
import { MemoryTaskStore } from './memory-task-store.ts';
import { StoreUnavailableError, type Result } from './result.ts';
import type { TaskStore } from './task-store.ts';
import { TaskService, type TaskServiceDeps } from './task-service.ts';

function setup(overrides: Partial<TaskServiceDeps> = {}) {
  let n = 0;
  let now = Date.parse('2026-11-25T09:00:00-05:00');
  const store = new MemoryTaskStore();
  const service = new TaskService({
    store,
    clock: () => now,
    newId: () => testId(++n),
    timeZone: intlTimeZone,
    zone: 'America/New_York',
    ...overrides,
  });
  return { service, store, setNow: (iso: string) => (now = Date.parse(iso)) };
}

/** An asynchronous store that yields between every call, so concurrent flows interleave. */
function interleaving(inner: MemoryTaskStore): TaskStore {
  const pause = () => new Promise((r) => setTimeout(r, Math.random() * 3));
  const wrap =
    <A extends unknown[], R>(f: (...a: A) => R) =>
    async (...a: A) => {
      await pause();
      return f(...a);
    };
  return {
    get: wrap((id) => inner.get(id)),
    list: wrap((q) => inner.list(q)),
    listActive: wrap(() => inner.listActive()),
    insert: wrap((t) => inner.insert(t)),
    update: wrap((t, e) => inner.update(t, e)),
    delete: wrap((id) => inner.delete(id)),
    upsertMany: wrap((ts) => inner.upsertMany(ts)),
  };
}

// Tests read results loosely; the scenarios and schemas pin the exact shapes.
const ok = (r: Result<unknown>): any => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};

describe('task-service', () => {
  describe('TaskService.execute', () => {
    it('loses no change when writers interleave on the same task', async () => {
      const memory = new MemoryTaskStore();
      const { service } = setup({ store: interleaving(memory) });
      const task = ok(await service.execute('createTask', { title: 'Shared' }));
      const results = await Promise.all([
        service.execute('updateTask', { id: task.id, priority: 5 }),
        service.execute('updateTask', { id: task.id, description: 'from B' }),
        service.execute('updateTask', { id: task.id, tags: ['c'] }),
        service.execute('updateTask', { id: task.id, effort_minutes: 25 }),
      ]);
      expect(results.every((r) => r.ok)).toBe(true);
      expect(memory.get(task.id)).toMatchObject({
        priority: 5,
        description: 'from B',
        tags: ['c'],
        effort_minutes: 25,
      });
    });

    it('answers unknown operations with not_found', async () => {
      const { service } = setup();
      expect(await service.execute('launchRocket', {})).toMatchObject({
        ok: false,
        error: { code: 'not_found' },
      });
    });

    it('turns an unreachable store into unavailable and a bug into internal', async () => {
      const broken = new MemoryTaskStore();
      broken.listActive = () => {
        throw new StoreUnavailableError('connection refused');
      };
      expect(await setup({ store: broken }).service.execute('getBestTask', {})).toMatchObject({
        ok: false,
        error: { code: 'unavailable' },
      });
      const buggy = new MemoryTaskStore();
      buggy.get = () => {
        throw new TypeError('oops');
      };
      const onError = vi.fn();
      const r = await setup({ store: buggy, onError }).service.execute('getTask', {
        id: testId(1),
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(JSON.stringify(r)).not.toContain('oops');
      expect(onError).toHaveBeenCalledOnce();
    });
  });

  describe('TaskService.executeSync', () => {
    it('refuses an asynchronous store instead of returning a promise', () => {
      const onError = vi.fn();
      const { service } = setup({ store: interleaving(new MemoryTaskStore()), onError });
      expect(service.executeSync('listTasks', {})).toMatchObject({
        ok: false,
        error: { code: 'internal' },
      });
      expect(onError).toHaveBeenCalledOnce();
    });
  });

  describe('updateTask', () => {
    it('moves updated_at forward even when the clock stands still', () => {
      const { service } = setup();
      const a = ok(service.executeSync('createTask', { title: 'x' }));
      const b = ok(service.executeSync('updateTask', { id: a.id, priority: 1 }));
      const c = ok(service.executeSync('updateTask', { id: a.id, priority: 2 }));
      expect(a.updated_at < b.updated_at && b.updated_at < c.updated_at).toBe(true);
    });
    it('keeps status, completed_at and snoozed_until consistent', () => {
      const { service } = setup();
      const a = ok(service.executeSync('createTask', { title: 'x' }));
      const done = ok(service.executeSync('updateTask', { id: a.id, status: 'completed' }));
      expect(done.completed_at).toBe('2026-11-25T14:00:00.000Z');
      const reopened = ok(service.executeSync('updateTask', { id: a.id, status: 'pending' }));
      expect(reopened.completed_at).toBeNull();
      const snoozed = ok(
        service.executeSync('updateTask', { id: a.id, snoozed_until: '2026-11-26T09:00:00-05:00' }),
      );
      expect(snoozed.status).toBe('snoozed');
      const back = ok(service.executeSync('updateTask', { id: a.id, snoozed_until: null }));
      expect(back).toMatchObject({ status: 'pending', snoozed_until: null });
    });
  });

  describe('snoozeTask', () => {
    it('snoozes until the start of a date in the user zone, or for a duration', () => {
      const { service } = setup();
      const a = ok(service.executeSync('createTask', { title: 'x' }));
      expect(
        ok(service.executeSync('snoozeTask', { id: a.id, until: '2026-11-27' })).snoozed_until,
      ).toBe('2026-11-27T00:00:00-05:00');
      expect(
        ok(service.executeSync('snoozeTask', { id: a.id, duration: '90m' })).snoozed_until,
      ).toBe('2026-11-25T10:30:00-05:00');
    });
    it('wakes the task when the snooze ends', () => {
      const { service, setNow } = setup();
      const a = ok(service.executeSync('createTask', { title: 'x' }));
      service.executeSync('snoozeTask', { id: a.id, duration: '1h' });
      expect(ok(service.executeSync('getBestTask', {}))).toEqual({
        task: null,
        reason: 'Nothing to do right now: every open task is snoozed',
      });
      setNow('2026-11-25T10:00:00-05:00');
      expect(ok(service.executeSync('getBestTask', {})).task?.id).toBe(a.id);
    });
  });

  describe('listTasks', () => {
    it('cuts pages to the response budget and still reaches every task', () => {
      const { service } = setup({ maxResponseChars: 10_000 });
      for (let i = 0; i < 20; i++)
        service.executeSync('createTask', { title: `t${i}`, description: 'x'.repeat(1900) });
      const seen = new Set<string>();
      let cursor: string | null = null;
      for (let page = 0; page < 30; page++) {
        const r = ok(
          service.executeSync('listTasks', cursor ? { cursor, limit: 100 } : { limit: 100 }),
        );
        expect(JSON.stringify(r).length).toBeLessThan(10_000 + 2_500);
        r.tasks.forEach((t: { id: string }) => seen.add(t.id));
        cursor = r.next_cursor;
        if (!cursor) break;
      }
      expect(seen.size).toBe(20);
    });
    it('rejects a cursor it did not issue', () => {
      const { service } = setup();
      expect(service.executeSync('listTasks', { cursor: 'garbage' })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', details: [{ field: 'cursor' }] },
      });
    });
  });
});
