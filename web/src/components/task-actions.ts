import type { AppError, Task, ZonedCalendar } from '@mindflow/shared';
import type { MindFlowClient } from '../client/mindflow-client.ts';
import { dueLabel } from '../format/due-label.ts';
import { snoozeInput, snoozeWords, type SnoozePick } from '../format/snooze-choices.ts';
import type { TaskChangedDetail } from './events.ts';

// What Done, Snooze, Start, Reopen and Delete do, written once for every host (the sidebar's
// list and card, the day plan, the dashboard). Each answers the change to announce with,
// where it can be put back, an `undo` that restores the task as it was.

export interface ActionContext {
  client: MindFlowClient;
  calendar: ZonedCalendar;
  now: number;
}

export type ActionOutcome =
  { ok: true; change: TaskChangedDetail } | { ok: false; error: AppError };
type Restored = { ok: true; task: Task } | { ok: false; error: AppError };

/** Puts back the fields a change moved; `latest` is the task as the change left it. */
function restoreFields(
  client: MindFlowClient,
  before: Task,
  latest: Task,
  fields: Partial<Task>,
): () => Promise<Restored> {
  return async () => {
    const answer = await client.call('updateTask', {
      id: before.id,
      expected_updated_at: latest.updated_at,
      ...fields,
    });
    return answer.ok ? { ok: true, task: answer.data } : { ok: false, error: answer.error };
  };
}

function statusBack(before: Task): Partial<Task> {
  return before.status === 'snoozed'
    ? { status: 'snoozed', snoozed_until: before.snoozed_until }
    : { status: before.status };
}

export async function completeTask(ctx: ActionContext, task: Task): Promise<ActionOutcome> {
  // The occurrence shown: a second tap (or another tab) completing it again changes nothing.
  const answer = await ctx.client.call('completeTask', { id: task.id, expected_due: task.due });
  if (!answer.ok) return answer;
  const { next_due, task: saved } = answer.data;
  const message =
    next_due !== null
      ? `Completed “${task.title}”; next due ${dueLabel(next_due, ctx.calendar, ctx.now)}`
      : `Completed “${task.title}”`;
  // A recurring task stayed open with its due moved on: undo moves it back.
  const back: Partial<Task> =
    next_due !== null ? { due: task.due, repeat: task.repeat } : statusBack(task);
  return {
    ok: true,
    change: {
      action: 'completed',
      task: saved,
      message,
      undo: restoreFields(ctx.client, task, saved, back),
    },
  };
}

export async function snoozeTask(
  ctx: ActionContext,
  task: Task,
  pick: SnoozePick,
): Promise<ActionOutcome> {
  const input = { id: task.id, ...snoozeInput(pick, ctx.calendar, ctx.now) };
  const answer = await ctx.client.call('snoozeTask', input);
  if (!answer.ok) return answer;
  return {
    ok: true,
    change: {
      action: 'snoozed',
      task: answer.data,
      message: `Snoozed “${task.title}” ${snoozeWords(pick, ctx.calendar, ctx.now)}`,
      undo: restoreFields(ctx.client, task, answer.data, statusBack(task)),
    },
  };
}

export async function startTask(ctx: ActionContext, task: Task): Promise<ActionOutcome> {
  const answer = await ctx.client.call('updateTask', {
    id: task.id,
    expected_updated_at: task.updated_at,
    status: 'in_progress',
  });
  if (!answer.ok) return answer;
  return {
    ok: true,
    change: {
      action: 'started',
      task: answer.data,
      message: `Started “${task.title}”`,
      undo: restoreFields(ctx.client, task, answer.data, statusBack(task)),
    },
  };
}

export async function reopenTask(ctx: ActionContext, task: Task): Promise<ActionOutcome> {
  const answer = await ctx.client.call('updateTask', {
    id: task.id,
    expected_updated_at: task.updated_at,
    status: 'pending',
  });
  if (!answer.ok) return answer;
  return {
    ok: true,
    change: {
      action: 'reopened',
      task: answer.data,
      message: `Reopened “${task.title}”`,
      undo: restoreFields(ctx.client, task, answer.data, { status: 'completed' }),
    },
  };
}

/**
 * Deletes for good; undo creates the task again from every field it had (under a new id,
 * which nothing in the UI keeps), then puts back a completed or snoozed status.
 */
export async function deleteTask(ctx: ActionContext, task: Task): Promise<ActionOutcome> {
  const answer = await ctx.client.call('deleteTask', { id: task.id });
  if (!answer.ok) return answer;
  const undo = async (): Promise<Restored> => {
    const created = await ctx.client.call('createTask', {
      title: task.title,
      description: task.description,
      status: task.status === 'in_progress' ? 'in_progress' : 'pending',
      priority: task.priority,
      due: task.due,
      effort_minutes: task.effort_minutes,
      preferred_time: task.preferred_time,
      tags: task.tags,
      repeat: task.repeat,
    });
    if (!created.ok) return { ok: false, error: created.error };
    if (task.status !== 'completed' && task.status !== 'snoozed') {
      return { ok: true, task: created.data };
    }
    return restoreFields(ctx.client, task, created.data, statusBack(task))();
  };
  return {
    ok: true,
    change: { action: 'deleted', task, message: `Deleted “${task.title}”`, undo },
  };
}

/** A block of the day plan names its task by id: the actions need the task itself. */
export async function taskById(
  client: MindFlowClient,
  id: string,
): Promise<{ ok: true; data: Task } | { ok: false; error: AppError }> {
  return client.call('getTask', { id });
}
