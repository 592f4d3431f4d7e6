import { OPERATIONS, type OperationName } from '../catalogue/operations.ts';
import { priorityCode } from '../labels/priority-label.ts';
import type { Result } from '../service/result.ts';
import type { Task } from '../task/task.schema.ts';
import { runOp, type Steps } from './turn-steps.ts';
import type { ActionRecord, PlannedCall, UndoRecord } from './conversation-state.ts';
import { TASK_FIELDS } from '../task/task-fields.ts';

// Running one change with its inverse, so "undo" and a failed turn can put things back, and
// reading any operation's result as a one-line summary with the tasks it touched.

interface TaskLike {
  id: string;
  title: string;
}

function isTask(v: unknown): v is Task {
  return typeof v === 'object' && v !== null && 'id' in v && 'title' in v && 'status' in v;
}

/** The task ids an operation's answer names, in order, once each. */
export function taskIdsOf(data: unknown): string[] {
  const ids: string[] = [];
  const add = (v: unknown) => {
    if (isTask(v) && !ids.includes(v.id)) ids.push(v.id);
  };
  if (typeof data !== 'object' || data === null) return ids;
  const d = data as Record<string, unknown>;
  add(d);
  add(d.task);
  if (Array.isArray(d.tasks)) d.tasks.forEach(add);
  if (Array.isArray(d.ranked)) d.ranked.forEach((r) => add((r as { task?: unknown }).task));
  if (Array.isArray(d.blocks)) {
    for (const b of d.blocks as { task_id?: string }[]) {
      if (b.task_id && !ids.includes(b.task_id)) ids.push(b.task_id);
    }
  }
  if (typeof d.id === 'string' && d.deleted === true) ids.push(d.id);
  return ids;
}

const quote = (t: TaskLike | undefined) => (t ? `“${t.title}”` : 'the task');

/** One line a person reads on the action's chip. */
export function summarize(operation: OperationName, result: Result<unknown>): string {
  if (!result.ok) return `${OPERATIONS[operation].summary} failed: ${result.error.message}`;
  const d = result.data as Record<string, unknown>;
  const task = (isTask(d) ? d : isTask(d.task) ? d.task : undefined) as Task | undefined;
  switch (operation) {
    case 'createTask':
    case 'quickAddTask':
      return d.saved === false ? `Would add ${quote(task)}` : `Added ${quote(task)}`;
    case 'updateTask':
      return `Changed ${quote(task)} (${task ? priorityCode(task.priority) : ''}${task?.due ? `, due ${task.due}` : ''})`;
    case 'completeTask':
      return d.recurring
        ? `Done ${quote(task)}; next on ${String(d.next_due)}`
        : `Done ${quote(task)}`;
    case 'snoozeTask':
      return `Snoozed ${quote(task)} until ${task?.snoozed_until ?? '?'}`;
    case 'deleteTask':
      return 'Deleted the task';
    case 'getTask':
      return `Read ${quote(task)}`;
    case 'listTasks':
      return `Found ${(d.tasks as unknown[]).length} task${(d.tasks as unknown[]).length === 1 ? '' : 's'}`;
    case 'getBestTask':
      return task ? `Next: ${quote(task)}` : String(d.reason);
    case 'rankTasks':
      return `Ranked ${(d.ranked as unknown[]).length} tasks`;
    case 'getDailyPlan':
      return 'Planned the day';
  }
}

export function actionOf(operation: OperationName, result: Result<unknown>): ActionRecord {
  return {
    operation,
    ok: result.ok,
    summary: summarize(operation, result),
    task_ids: result.ok ? taskIdsOf(result.data) : [],
  };
}

/** What updateTask can put back: every field but the id and the times the store keeps. */
const KEPT_BY_STORE: ReadonlySet<string> = new Set([
  'id',
  'created_at',
  'updated_at',
  'completed_at',
]);
const RESTORED_FIELDS = TASK_FIELDS.filter((f) => !KEPT_BY_STORE.has(f));

function restoreCall(before: Task): PlannedCall {
  const input: Record<string, unknown> = { id: before.id };
  for (const f of RESTORED_FIELDS) input[f] = before[f];
  return { operation: 'updateTask', input };
}

function recreateCall(before: Task): PlannedCall {
  const { title, description, priority, due, effort_minutes, preferred_time, tags, repeat } =
    before;
  return {
    operation: 'createTask',
    input: { title, description, priority, due, effort_minutes, preferred_time, tags, repeat },
  };
}

export interface AppliedChange {
  action: ActionRecord;
  result: Result<unknown>;
  /** What puts things back; null for reads and failures. */
  inverse: PlannedCall | null;
}

/** Runs one call; for a change, reads the task first so the inverse can restore it. */
export function* applyCall(call: PlannedCall): Steps<AppliedChange> {
  const def = OPERATIONS[call.operation];
  const id = typeof call.input.id === 'string' ? call.input.id : null;
  let before: Task | null = null;
  if (def.mutates && id !== null) {
    const read = yield* runOp('getTask', { id });
    if (read.ok) before = read.data as Task;
  }
  const result = yield* runOp(call.operation, call.input);
  const action = actionOf(call.operation, result);
  if (!result.ok || !def.mutates) return { action, result, inverse: null };
  const created = action.task_ids[0];
  let inverse: PlannedCall | null = null;
  if (call.operation === 'createTask' || call.operation === 'quickAddTask') {
    inverse =
      created && (result.data as { saved?: boolean }).saved !== false
        ? { operation: 'deleteTask', input: { id: created } }
        : null;
  } else if (call.operation === 'deleteTask') {
    inverse = before ? recreateCall(before) : null;
  } else if (before) {
    inverse = restoreCall(before);
  }
  return { action, result, inverse };
}

/** Applies inverses, last first; answers what was undone. */
export function* undoChanges(record: UndoRecord): Steps<ActionRecord[]> {
  const actions: ActionRecord[] = [];
  for (const call of [...record.calls].reverse()) {
    actions.push((yield* applyCall(call)).action);
  }
  return actions;
}
