import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import type { OperationName } from '../catalogue/operations.ts';
import type { Result } from '../service/result.ts';
import type { ErrorCode } from '../wire/error-envelope.ts';
import type { Awaitable } from '../service/task-store.ts';

/** Runs one catalogue operation through a host's transport (HTTP, Apps Script web app …). */
export type Transport = (
  op: OperationName,
  input: Record<string, unknown>,
) => Promise<Result<unknown>>;

export interface TransportFixture {
  transport: Transport;
  cleanup?: () => Awaitable<void>;
}

// Results are checked loosely where the host decides (ids, timestamps, the user's zone)
// and exactly where the core decides (scores, order, codes, fields).
type Data = Record<string, any>;

async function call(
  t: Transport,
  op: OperationName,
  input: Record<string, unknown>,
): Promise<Data> {
  const r = await t(op, input);
  if (!r.ok) throw new Error(`${op} failed: ${JSON.stringify(r.error)}`);
  return r.data as Data;
}

async function failure(
  t: Transport,
  op: OperationName,
  input: Record<string, unknown>,
  code: ErrorCode,
) {
  const r = await t(op, input);
  expect(r.ok, `${op} should fail with ${code}`).toBe(false);
  if (r.ok) throw new Error('unreachable');
  expect(r.error.code).toBe(code);
  return r.error;
}

export interface Scenario {
  name: string;
  run: (t: Transport) => Promise<void>;
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'createTask fills defaults and getTask returns the same task',
    run: async (t) => {
      const created = await call(t, 'createTask', {
        title: '  Write blog post  ',
        tags: ['#work', 'Work', 'writing'],
      });
      expect(created).toMatchObject({
        title: 'Write blog post',
        status: 'pending',
        priority: 3,
        tags: ['work', 'writing'],
        due: null,
        completed_at: null,
      });
      expect(await call(t, 'getTask', { id: created.id })).toEqual(created);
    },
  },
  {
    name: 'createTask rejects bad input naming each field and rule',
    run: async (t) => {
      const e = await failure(
        t,
        'createTask',
        { title: '', priority: 9, effort_minutes: 0, colour: 'red' },
        'validation_failed',
      );
      const rules = (e.details as { field: string; rule: string }[])
        .map((d) => `${d.field}:${d.rule}`)
        .sort();
      expect(rules).toEqual([
        'colour:unknown_field',
        'effort_minutes:min',
        'priority:max',
        'title:min',
      ]);
      await failure(t, 'createTask', { priority: 3 }, 'validation_failed');
      await failure(t, 'createTask', { title: 'x', due: 'next tuesday-ish' }, 'validation_failed');
    },
  },
  {
    name: 'dates outside 1970–2199 are refused naming the field; a task due 2199-12-31 plans',
    run: async (t) => {
      const e = await failure(
        t,
        'createTask',
        { title: 'x', due: '9999-12-31' },
        'validation_failed',
      );
      expect(e.details).toEqual([
        { field: 'due', rule: 'range', message: 'due must be between 1970-01-01 and 2199-12-31' },
      ]);
      await failure(
        t,
        'createTask',
        { title: 'x', due: '1969-12-31T23:00:00Z' },
        'validation_failed',
      );
      await failure(t, 'getDailyPlan', { date: '2200-01-01' }, 'validation_failed');
      const a = await call(t, 'createTask', {
        title: 'Edge',
        due: '2199-12-31',
        effort_minutes: 30,
      });
      await failure(t, 'snoozeTask', { id: a.id, until: '2200-01-01' }, 'validation_failed');
      const plan = await call(t, 'getDailyPlan', {});
      const listed =
        plan.blocks.some((x: Data) => x.task_id === a.id) ||
        plan.unscheduled.some((x: Data) => x.task_id === a.id);
      expect(listed).toBe(true);
      expect((await call(t, 'getBestTask', {})).task.id).toBe(a.id);
    },
  },
  {
    name: 'a lone UTF-16 surrogate in any text is refused naming the field; emoji are kept',
    run: async (t) => {
      const e = await failure(
        t,
        'createTask',
        { title: 'Broken \ud83d title', tags: ['ok', 'x\udc00'] },
        'validation_failed',
      );
      expect(
        (e.details as { field: string; rule: string }[]).map((d) => [d.field, d.rule]),
      ).toEqual([
        ['title', 'unicode'],
        ['tags.1', 'unicode'],
      ]);
      await failure(t, 'quickAddTask', { text: 'Call \udfff mum' }, 'validation_failed');
      const a = await call(t, 'createTask', { title: 'Water 🌱 plants', description: '日本語 ok' });
      await failure(t, 'updateTask', { id: a.id, description: '\ud800' }, 'validation_failed');
      expect(await call(t, 'getTask', { id: a.id })).toMatchObject({
        title: 'Water 🌱 plants',
        description: '日本語 ok',
      });
    },
  },
  {
    name: 'quickAddTask understands priority, tags and effort, and dry_run saves nothing',
    run: async (t) => {
      const preview = await call(t, 'quickAddTask', {
        text: 'Pay rent p1 #home 15m',
        dry_run: true,
      });
      expect(preview.saved).toBe(false);
      expect(preview.task).toMatchObject({
        title: 'Pay rent',
        priority: 5,
        tags: ['home'],
        effort_minutes: 15,
      });
      expect((await call(t, 'listTasks', {})).tasks).toHaveLength(0);
      const made = await call(t, 'quickAddTask', { text: 'Pay rent p1 #home 15m' });
      expect(made.saved).toBe(true);
      expect(await call(t, 'getTask', { id: made.task.id })).toEqual(made.task);
      await failure(t, 'quickAddTask', { text: '   ' }, 'validation_failed');
    },
  },
  {
    name: 'updateTask changes given fields, clears with null, and detects stale writes',
    run: async (t) => {
      const a = await call(t, 'createTask', { title: 'Draft', description: 'notes', priority: 2 });
      const b = await call(t, 'updateTask', { id: a.id, priority: 4, description: null });
      expect(b).toMatchObject({ id: a.id, title: 'Draft', priority: 4, description: null });
      expect(b.updated_at > a.updated_at).toBe(true);
      await failure(
        t,
        'updateTask',
        { id: a.id, title: 'Late', expected_updated_at: a.updated_at },
        'conflict',
      );
      const c = await call(t, 'updateTask', {
        id: a.id,
        title: 'On time',
        expected_updated_at: b.updated_at,
      });
      expect(c.title).toBe('On time');
      await failure(t, 'updateTask', { id: a.id }, 'validation_failed');
      await failure(
        t,
        'updateTask',
        { id: '00000000-0000-4000-8000-00000000dead', title: 'x' },
        'not_found',
      );
    },
  },
  {
    name: 'completeTask completes a one-off task and hides it from the default list',
    run: async (t) => {
      const a = await call(t, 'createTask', { title: 'One-off' });
      const done = await call(t, 'completeTask', { id: a.id });
      expect(done).toMatchObject({
        recurring: false,
        next_due: null,
        task: { status: 'completed' },
      });
      expect(typeof done.task.completed_at).toBe('string');
      expect((await call(t, 'listTasks', {})).tasks).toHaveLength(0);
      expect(
        (await call(t, 'listTasks', { status: 'completed' })).tasks.map((x: Data) => x.id),
      ).toEqual([a.id]);
    },
  },
  {
    name: 'completeTask moves a recurring task to its next occurrence after today',
    run: async (t) => {
      const a = await call(t, 'createTask', {
        title: 'Weekly review',
        due: '2020-01-06',
        repeat: 'every monday',
      });
      expect(a.repeat).toBe('FREQ=WEEKLY;BYDAY=MO');
      const done = await call(t, 'completeTask', { id: a.id });
      expect(done).toMatchObject({
        recurring: true,
        previous_due: '2020-01-06',
        task: { status: 'pending', id: a.id },
      });
      expect(done.next_due).toBe(done.task.due);
      expect(done.task.due > '2026-01-01').toBe(true);
      expect(new Date(`${done.task.due}T12:00:00Z`).getUTCDay()).toBe(1);
      expect(typeof done.task.completed_at).toBe('string');
    },
  },
  {
    name: 'completeTask takes the occurrence it was shown: a repeat or 20 at once move it once',
    run: async (t) => {
      const a = await call(t, 'createTask', {
        title: 'Water plants',
        due: '2026-01-05',
        repeat: 'FREQ=DAILY',
      });
      const first = await call(t, 'completeTask', { id: a.id, expected_due: '2026-01-05' });
      expect(first).toMatchObject({ recurring: true, previous_due: '2026-01-05' });
      const again = await call(t, 'completeTask', { id: a.id, expected_due: '2026-01-05' });
      expect(again).toEqual(first);
      const shown = first.task.due as string;
      const all = await Promise.all(
        Array.from({ length: 20 }, () => t('completeTask', { id: a.id, expected_due: shown })),
      );
      const answers = all.map((r) => (r.ok ? (r.data as Data) : r.error));
      const moved = answers.map((x) => (x as Data).next_due as string);
      expect(new Set(moved).size, JSON.stringify(answers[0])).toBe(1);
      const after = await call(t, 'getTask', { id: a.id });
      expect(after.due).toBe(moved[0]);
      expect(after.due > shown).toBe(true);
      for (const x of answers) expect(x).toMatchObject({ previous_due: shown, task: { id: a.id } });
      // A due the task never had: refused as stale, nothing moves.
      const e = await failure(
        t,
        'completeTask',
        { id: a.id, expected_due: '2199-01-01' },
        'conflict',
      );
      expect(e.details).toMatchObject({ reason: 'stale', due: after.due });
      await failure(t, 'completeTask', { id: a.id, expected_updated_at: a.updated_at }, 'conflict');
      expect((await call(t, 'getTask', { id: a.id })).due).toBe(after.due);
    },
  },
  {
    name: 'snoozeTask hides a task from best and ranked until the snooze ends',
    run: async (t) => {
      const a = await call(t, 'createTask', { title: 'Snooze me', due: '2020-01-01', priority: 5 });
      const b = await call(t, 'createTask', { title: 'Stay', priority: 1 });
      const s = await call(t, 'snoozeTask', { id: a.id, duration: '2h' });
      expect(s).toMatchObject({ status: 'snoozed' });
      expect((await call(t, 'getBestTask', {})).task.id).toBe(b.id);
      expect((await call(t, 'rankTasks', {})).ranked.map((r: Data) => r.task.id)).toEqual([b.id]);
      await failure(t, 'snoozeTask', { id: a.id, until: '2020-01-01' }, 'validation_failed');
      await failure(t, 'snoozeTask', { id: a.id }, 'validation_failed');
    },
  },
  {
    name: 'deleteTask removes a task once',
    run: async (t) => {
      const a = await call(t, 'createTask', { title: 'Delete me' });
      expect(await call(t, 'deleteTask', { id: a.id })).toEqual({ id: a.id, deleted: true });
      await failure(t, 'getTask', { id: a.id }, 'not_found');
      await failure(t, 'deleteTask', { id: a.id }, 'not_found');
      await failure(t, 'getTask', { id: 'not-a-uuid' }, 'validation_failed');
    },
  },
  {
    name: 'getBestTask and rankTasks score and explain, best first',
    run: async (t) => {
      const later = await call(t, 'createTask', {
        title: 'Someday',
        due: '2099-12-31',
        priority: 1,
      });
      const overdue = await call(t, 'createTask', {
        title: 'Tax return',
        due: '2020-01-01',
        priority: 5,
      });
      const none = await call(t, 'createTask', { title: 'No deadline', priority: 3 });
      const best = await call(t, 'getBestTask', {});
      expect(best.task.id).toBe(overdue.id);
      expect(best.score).toBe(100);
      expect(best.reasoning).toMatchObject({
        deadline: 'overdue',
        deadline_urgency: 1.25,
        deadline_urgency_score: 50,
        priority_score: 50,
        total_score: 100,
      });
      expect(best.reasoning.recommendation).toMatch(/^Overdue and top priority/);
      const ranked = await call(t, 'rankTasks', {});
      expect(ranked.ranked.map((r: Data) => [r.task.id, r.score])).toEqual([
        [overdue.id, 100],
        [none.id, 30],
        [later.id, 20],
      ]);
      expect(ranked.total).toBe(3);
    },
  },
  {
    name: 'getBestTask answers task null and why when nothing is open',
    run: async (t) => {
      const nothing = { task: null, reason: 'Nothing open — add a task' };
      expect(await call(t, 'getBestTask', {})).toEqual(nothing);
      const a = await call(t, 'createTask', { title: 'Only one' });
      await call(t, 'completeTask', { id: a.id });
      expect(await call(t, 'getBestTask', {})).toEqual(nothing);
    },
  },
  {
    name: 'listTasks pages with a cursor and filters by tag and text',
    run: async (t) => {
      const ids: string[] = [];
      for (let i = 0; i < 5; i++)
        ids.push(
          (await call(t, 'createTask', { title: `Item ${i}`, tags: i % 2 ? ['odd'] : ['even'] }))
            .id,
        );
      const first = await call(t, 'listTasks', { limit: 2 });
      expect(first.tasks).toHaveLength(2);
      expect(typeof first.next_cursor).toBe('string');
      const seen = [...first.tasks.map((x: Data) => x.id)];
      let cursor = first.next_cursor;
      for (let i = 0; i < 5 && cursor; i++) {
        const page = await call(t, 'listTasks', { limit: 2, cursor });
        seen.push(...page.tasks.map((x: Data) => x.id));
        cursor = page.next_cursor;
      }
      expect(seen.sort()).toEqual([...ids].sort());
      expect((await call(t, 'listTasks', { tag: 'odd' })).tasks).toHaveLength(2);
      expect((await call(t, 'listTasks', { q: 'item 3' })).tasks.map((x: Data) => x.id)).toEqual([
        ids[3],
      ]);
      await failure(t, 'listTasks', { limit: 500 }, 'validation_failed');
    },
  },
  {
    name: 'getDailyPlan places every open task or says why not',
    run: async (t) => {
      const a = await call(t, 'createTask', { title: 'Plan me', priority: 5, effort_minutes: 30 });
      const b = await call(t, 'createTask', { title: 'Too big', effort_minutes: 1440 });
      const plan = await call(t, 'getDailyPlan', {});
      expect(plan.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(plan.summary).toEqual(
        expect.objectContaining({
          focus_minutes: expect.any(Number),
          load_percent: expect.any(Number),
        }),
      );
      for (const id of [a.id, b.id]) {
        const placed = plan.blocks.some((x: Data) => x.task_id === id);
        const left = plan.unscheduled.filter((x: Data) => x.task_id === id);
        expect(placed !== (left.length === 1), `task ${id} placed xor listed`).toBe(true);
        for (const l of left) expect(l.reason.length).toBeGreaterThan(0);
      }
      expect(plan.blocks.some((x: Data) => x.task_id === b.id)).toBe(false);
      await failure(t, 'getDailyPlan', { date: 'tomorrow' }, 'validation_failed');
    },
  },
];

/** Runs every scenario on a fresh transport (a new user, a new Sheet). */
export function describeOperationScenarios(
  name: string,
  makeTransport: () => Awaitable<TransportFixture>,
): void {
  describe(`operation scenarios: ${name}`, () => {
    let fixture: TransportFixture | undefined;
    beforeEach(async () => {
      fixture = undefined;
      fixture = await makeTransport();
    });
    afterEach(async () => {
      // A transport that failed to start has nothing to clean up; its own error is reported.
      await fixture?.cleanup?.();
    });
    for (const scenario of SCENARIOS) {
      it(scenario.name, () => scenario.run(fixture!.transport));
    }
  });
}
