import type { z } from 'zod';
import { Task } from '../task/task.schema.ts';
import {
  CompleteTaskInput,
  CompleteTaskOutput,
  CreateTaskInput,
  DeleteTaskOutput,
  EmptyInput,
  IdInput,
  ListTasksInput,
  QuickAddInput,
  QuickAddOutput,
  RankTasksInput,
  RankTasksOutput,
  BestTaskOutput,
  SnoozeTaskInput,
  TaskListOutput,
  UpdateTaskInput,
} from './operation-schemas.ts';
import { GetDailyPlanInput, GetDailyPlanOutput } from './plan-schemas.ts';
import { fillPath, type HttpBinding } from './http-binding.ts';

export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string;
  /** A few words: the OpenAPI summary. */
  summary: string;
  /** What it does and when to use it, ≤ 300 characters (GPT Actions' limit). */
  description: string;
  input: I;
  output: O;
  /** Changes data: hosts take the write lock, honour idempotency keys, log an audit row. */
  mutates: boolean;
  /** Calling it again with the same input changes nothing more (MCP's idempotentHint). */
  idempotent: boolean;
  /** Removes data that cannot be recovered (MCP's destructiveHint; assistants confirm first). */
  destructive: boolean;
  /** The REST route: method, path, where the fields travel, the success status and headers. */
  http: HttpBinding<I, O>;
}

/** An entry, checked: If-Match must fill a field the input has. */
function op<I extends z.ZodType, O extends z.ZodType>(
  def: OperationDef<I, O> & { http: { ifMatch?: Extract<keyof z.input<I>, string> } },
): OperationDef<I, O> {
  return def;
}

const TASK_PATH = '/api/tasks/:id';
const taskLocation = (task: { id: string }) => fillPath(TASK_PATH, task);
const taskVersion = (task: { updated_at: string }) => task.updated_at;

/**
 * THE operation catalogue. The Apps Script router, the Express routes, the OpenAPI document
 * for the Custom GPT and any tool surface are generated from this one table.
 */
export const OPERATIONS = {
  createTask: op({
    name: 'createTask',
    summary: 'Create a task',
    description:
      'Create a task from structured fields. Only title is required; priority is 1–5 (5 = most important, which people read as P1; default 3), due is YYYY-MM-DD or a date-time with offset, repeat an RRULE or a phrase like "every monday".',
    input: CreateTaskInput,
    output: Task,
    mutates: true,
    idempotent: false,
    destructive: false,
    http: {
      method: 'POST',
      path: '/api/tasks',
      fields: 'body',
      status: 201,
      location: taskLocation,
      etag: taskVersion,
    },
  }),
  quickAddTask: op({
    name: 'quickAddTask',
    summary: 'Create a task from one line of text',
    description:
      'Create a task from natural language, e.g. "Review Q3 metrics by Friday 3pm p1 45m #work @morning every monday". Returns the task and what was understood. Use dry_run to preview without saving.',
    input: QuickAddInput,
    output: QuickAddOutput,
    mutates: true,
    idempotent: false,
    destructive: false,
    http: {
      method: 'POST',
      path: '/api/tasks/quick',
      fields: 'body',
      status: 201,
      location: (out) => (out.saved ? taskLocation(out.task) : null),
      notCreated: 'dry_run: what would be created; nothing was saved',
    },
  }),
  listTasks: op({
    name: 'listTasks',
    summary: 'List tasks',
    description:
      'List tasks, oldest first, filtered by status (default: not completed), tag, text, or due date range. Paginated: pass next_cursor back as cursor for the next page.',
    input: ListTasksInput,
    output: TaskListOutput,
    mutates: false,
    idempotent: true,
    destructive: false,
    http: { method: 'GET', path: '/api/tasks', fields: 'query', status: 200 },
  }),
  getTask: op({
    name: 'getTask',
    summary: 'Get one task',
    description: 'Get one task by its id.',
    input: IdInput,
    output: Task,
    mutates: false,
    idempotent: true,
    destructive: false,
    http: { method: 'GET', path: TASK_PATH, fields: 'query', status: 200, etag: taskVersion },
  }),
  updateTask: op({
    name: 'updateTask',
    summary: 'Change a task',
    description:
      'Change some fields of a task; fields not given stay as they are, null clears an optional field. Pass expected_updated_at to fail with conflict if someone changed the task meanwhile.',
    input: UpdateTaskInput,
    output: Task,
    mutates: true,
    idempotent: true,
    destructive: false,
    http: {
      method: 'PATCH',
      path: TASK_PATH,
      fields: 'body',
      status: 200,
      etag: taskVersion,
      ifMatch: 'expected_updated_at',
    },
  }),
  completeTask: op({
    name: 'completeTask',
    summary: 'Mark a task done',
    description:
      'Mark a task completed. A recurring task records the completion and moves its due to the next occurrence instead, staying open. Pass expected_due (the due you were shown) so a repeated or parallel complete moves it only once.',
    input: CompleteTaskInput,
    output: CompleteTaskOutput,
    mutates: true,
    idempotent: false,
    destructive: false,
    http: {
      method: 'POST',
      path: '/api/tasks/:id/complete',
      fields: 'body',
      status: 200,
      ifMatch: 'expected_updated_at',
    },
  }),
  snoozeTask: op({
    name: 'snoozeTask',
    summary: 'Snooze a task',
    description:
      'Hide a task from the ranking until a date or date-time (until) or for a while (duration: 30m, 2h, 3d, 1w). It comes back by itself when the snooze ends.',
    input: SnoozeTaskInput,
    output: Task,
    mutates: true,
    idempotent: false,
    destructive: false,
    http: {
      method: 'POST',
      path: '/api/tasks/:id/snooze',
      fields: 'body',
      status: 200,
      etag: taskVersion,
    },
  }),
  deleteTask: op({
    name: 'deleteTask',
    summary: 'Delete a task',
    description: 'Delete a task for good. Prefer completeTask for work that was done.',
    input: IdInput,
    output: DeleteTaskOutput,
    mutates: true,
    idempotent: true,
    destructive: true,
    http: {
      method: 'DELETE',
      path: TASK_PATH,
      fields: 'query',
      status: 204,
      noContent: (input) => ({ id: input.id, deleted: true as const }),
    },
  }),
  getBestTask: op({
    name: 'getBestTask',
    summary: 'What should I do next?',
    description:
      'The single best task to do now, with its score and the reasoning behind it (deadline, priority, effort, time of day). When nothing is open, task is null and reason says why.',
    input: EmptyInput,
    output: BestTaskOutput,
    mutates: false,
    idempotent: true,
    destructive: false,
    http: { method: 'GET', path: '/api/tasks/best', fields: 'query', status: 200 },
  }),
  rankTasks: op({
    name: 'rankTasks',
    summary: 'Rank active tasks',
    description:
      'Active tasks ordered best first, each with its score and reasoning. Completed and currently snoozed tasks are left out.',
    input: RankTasksInput,
    output: RankTasksOutput,
    mutates: false,
    idempotent: true,
    destructive: false,
    http: { method: 'GET', path: '/api/tasks/ranked', fields: 'query', status: 200 },
  }),
  getDailyPlan: op({
    name: 'getDailyPlan',
    summary: 'Plan my day',
    description:
      'A plan for today or a given date: your meetings, the best tasks placed into the free time in your working hours with why each goes where it does, what did not fit and why, and what is at risk of missing its due. Saves nothing.',
    input: GetDailyPlanInput,
    output: GetDailyPlanOutput,
    mutates: false,
    idempotent: true,
    destructive: false,
    http: { method: 'GET', path: '/api/plan', fields: 'query', status: 200, tag: 'Plan' },
  }),
} as const;

export type Operations = typeof OPERATIONS;
export type OperationName = keyof Operations;
export type OperationInput<K extends OperationName> = z.output<Operations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.input<Operations[K]['output']>;

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(OPERATIONS, name);
}
