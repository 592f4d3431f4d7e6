import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '../task/task.schema.ts';
import type { Awaitable, TaskListQuery, TaskStore } from '../service/task-store.ts';
import { encodeCursor, decodeCursor } from '../service/task-query.ts';
import { AWKWARD_TITLES, makeTask, testId } from './task-factory.ts';

export interface StoreFixture {
  store: TaskStore;
  cleanup?: () => Awaitable<void>;
}

const ALL: TaskListQuery = {
  statuses: null,
  tag: null,
  text: null,
  due_before: null,
  due_after: null,
  after: null,
  limit: 1000,
};

/**
 * The behaviour every TaskStore adapter must have. Call it from the adapter's test file with
 * a factory that returns a fresh, empty store (one user's tasks).
 */
export function describeTaskStoreContract(
  name: string,
  makeStore: () => Awaitable<StoreFixture>,
): void {
  describe(`TaskStore contract: ${name}`, () => {
    let fixture: StoreFixture;
    let store: TaskStore;
    beforeEach(async () => {
      fixture = await makeStore();
      store = fixture.store;
    });
    afterEach(async () => {
      await fixture.cleanup?.();
    });

    describe('insert and get', () => {
      it('returns exactly what was stored, every field', async () => {
        const task = makeTask({
          title: 'Ünïcödé 🎉 title',
          description: 'line one\nline two\n\ttabbed, "quoted", =SUM(A1)',
          status: 'in_progress',
          priority: 5,
          due: '2026-11-27T15:00:00-05:00',
          effort_minutes: 45,
          preferred_time: 'morning',
          tags: ['work', 'Q3-review'],
          snoozed_until: '2026-11-20T08:00:00+05:30',
          repeat: 'FREQ=WEEKLY;BYDAY=MO',
          completed_at: '2026-11-01T10:00:00.000Z',
        });
        expect(await store.insert(task)).toBe('ok');
        expect(await store.get(task.id)).toEqual(task);
      });
      it('keeps formula-like and number-like titles as text', async () => {
        for (const title of AWKWARD_TITLES) {
          const task = makeTask({ title, due: '2026-12-01' });
          expect(await store.insert(task)).toBe('ok');
          expect((await store.get(task.id))?.title).toBe(title);
          expect((await store.get(task.id))?.due).toBe('2026-12-01');
        }
      });
      it('answers null for an unknown id', async () => {
        expect(await store.get(testId(999_999))).toBeNull();
      });
      it('refuses a second task with the same id and keeps the first', async () => {
        const task = makeTask({ title: 'first' });
        await store.insert(task);
        expect(await store.insert({ ...task, title: 'second' })).toBe('conflict');
        expect((await store.get(task.id))?.title).toBe('first');
      });
    });

    describe('update', () => {
      it('replaces the task when updated_at still matches', async () => {
        const task = makeTask();
        await store.insert(task);
        const next = {
          ...task,
          title: 'renamed',
          tags: ['x'],
          updated_at: '2026-06-01T00:00:00.000Z',
        };
        expect(await store.update(next, task.updated_at)).toBe('ok');
        expect(await store.get(task.id)).toEqual(next);
      });
      it('reports a conflict and writes nothing when updated_at moved on', async () => {
        const task = makeTask();
        await store.insert(task);
        const stale = { ...task, title: 'stale write', updated_at: '2026-06-02T00:00:00.000Z' };
        expect(await store.update(stale, '2000-01-01T00:00:00.000Z')).toBe('conflict');
        expect((await store.get(task.id))?.title).toBe(task.title);
      });
      it('reports not_found for an unknown id', async () => {
        const ghost = makeTask();
        expect(await store.update(ghost, ghost.updated_at)).toBe('not_found');
      });
      it('lets exactly one of two writers holding the same version win', async () => {
        const task = makeTask();
        await store.insert(task);
        const a = { ...task, title: 'A', updated_at: '2026-06-03T00:00:00.000Z' };
        const b = { ...task, title: 'B', updated_at: '2026-06-03T00:00:00.001Z' };
        const outcomes = await Promise.all([
          store.update(a, task.updated_at),
          store.update(b, task.updated_at),
        ]);
        expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
        expect(outcomes.filter((o) => o === 'conflict')).toHaveLength(1);
      });
    });

    describe('delete', () => {
      it('removes the task once', async () => {
        const task = makeTask();
        await store.insert(task);
        expect(await store.delete(task.id)).toBe(true);
        expect(await store.get(task.id)).toBeNull();
        expect(await store.delete(task.id)).toBe(false);
      });
    });

    describe('listActive', () => {
      it('returns every task that is not completed', async () => {
        const tasks = [
          makeTask({ status: 'pending' }),
          makeTask({ status: 'in_progress' }),
          makeTask({ status: 'snoozed', snoozed_until: '2030-01-01T00:00:00Z' }),
          makeTask({ status: 'completed', completed_at: '2026-01-02T00:00:00.000Z' }),
        ];
        for (const t of tasks) await store.insert(t);
        const active = await store.listActive();
        expect(active.map((t) => t.id).sort()).toEqual(
          tasks
            .slice(0, 3)
            .map((t) => t.id)
            .sort(),
        );
      });
    });

    describe('list', () => {
      it('orders by created_at then id and honours the limit', async () => {
        const same = '2026-03-01T00:00:00.000Z';
        const tasks = [
          makeTask({ created_at: '2026-03-02T00:00:00.000Z' }),
          makeTask({ id: testId(900_002), created_at: same }),
          makeTask({ id: testId(900_001), created_at: same }),
        ];
        for (const t of tasks) await store.insert(t);
        const all = await store.list(ALL);
        expect(all.map((t) => t.id)).toEqual([testId(900_001), testId(900_002), tasks[0]!.id]);
        expect(await store.list({ ...ALL, limit: 2 })).toHaveLength(2);
      });
      it('filters by status, tag, text and written due date', async () => {
        const a = makeTask({ title: 'Write REPORT', tags: ['Work'], due: '2026-05-10' });
        const b = makeTask({
          title: 'gym',
          description: 'leg day report',
          tags: ['health'],
          due: '2026-05-20T08:00:00+02:00',
        });
        const c = makeTask({
          title: 'done thing',
          status: 'completed',
          completed_at: '2026-01-01T00:00:00.000Z',
        });
        for (const t of [a, b, c]) await store.insert(t);
        const ids = async (q: Partial<TaskListQuery>) =>
          (await store.list({ ...ALL, ...q })).map((t) => t.id);
        expect(await ids({ statuses: ['completed'] })).toEqual([c.id]);
        expect(await ids({ statuses: ['pending', 'in_progress'] })).toEqual([a.id, b.id]);
        expect(await ids({ tag: 'work' })).toEqual([a.id]);
        expect(await ids({ text: 'report' })).toEqual([a.id, b.id]);
        expect(await ids({ due_before: '2026-05-20' })).toEqual([a.id]);
        expect(await ids({ due_after: '2026-05-10' })).toEqual([b.id]);
        expect(await ids({ due_after: '2026-05-01', due_before: '2026-05-31' })).toEqual([
          a.id,
          b.id,
        ]);
      });
      it('pages through everything exactly once with an after-cursor', async () => {
        const tasks: Task[] = [];
        for (let i = 0; i < 25; i++)
          tasks.push(
            makeTask({ created_at: `2026-04-01T00:00:${String(i % 7).padStart(2, '0')}.000Z` }),
          );
        for (const t of tasks) await store.insert(t);
        const seen: string[] = [];
        let after: TaskListQuery['after'] = null;
        for (let page = 0; page < 10; page++) {
          const batch = await store.list({ ...ALL, after, limit: 4 });
          if (batch.length === 0) break;
          seen.push(...batch.map((t) => t.id));
          after = decodeCursor(encodeCursor(batch[batch.length - 1]!));
        }
        expect(seen.sort()).toEqual(tasks.map((t) => t.id).sort());
      });
    });

    describe('upsertMany', () => {
      it('inserts new tasks and replaces existing ones by id, as given', async () => {
        const existing = makeTask({ title: 'old' });
        await store.insert(existing);
        const replaced = { ...existing, title: 'new', updated_at: '2026-07-01T00:00:00.000Z' };
        const fresh = makeTask({ title: 'fresh', tags: ['a', 'b'] });
        await store.upsertMany([replaced, fresh]);
        expect(await store.get(existing.id)).toEqual(replaced);
        expect(await store.get(fresh.id)).toEqual(fresh);
        await store.upsertMany([replaced, fresh]);
        expect(await store.list(ALL)).toHaveLength(2);
      });
    });
  });
}
