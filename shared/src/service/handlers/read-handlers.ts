import type { Task } from '../../task/task.schema.ts';
import { topTasks } from '../../ranking/top-tasks.ts';
import type { ScoredTask, ScoreOptions } from '../../scoring/score-task.ts';
import type { OperationInput, OperationOutput } from '../../catalogue/operations.ts';
import { ok, validationFailed, type Result } from '../result.ts';
import { jsonOf } from '../frozen-json.ts';
import { scanActive } from '../scan-active.ts';
import { use, type Flow } from '../task-flow.ts';
import type { OperationContext } from '../operation-context.ts';
import { decodeCursor, encodeCursor } from '../task-query.ts';
import type { TaskListQuery } from '../task-store.ts';
import { notFound } from './task-writes.ts';

const OPEN: Task['status'][] = ['pending', 'in_progress', 'snoozed'];
const LIST_DEFAULT = 50;
const RANK_DEFAULT = 20;
export const NOTHING_OPEN = 'Nothing open — add a task';

/** Keeps items while their JSON fits the budget (at least one), so answers stay under GPT limits. */
export function fitToBudget<T>(items: readonly T[], budget: number): T[] {
  const out: T[] = [];
  let used = 0;
  for (const item of items) {
    used += jsonOf(item).length + 1;
    if (out.length > 0 && used > budget) break;
    out.push(item);
  }
  return out;
}

export function* listTasks(
  input: OperationInput<'listTasks'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'listTasks'>>> {
  const after = input.cursor === undefined ? null : decodeCursor(input.cursor);
  if (input.cursor !== undefined && after === null) {
    return validationFailed([
      { field: 'cursor', rule: 'format', message: 'cursor is not a next_cursor this API returned' },
    ]);
  }
  const limit = input.limit ?? LIST_DEFAULT;
  const status = input.status ?? 'open';
  const query: TaskListQuery = {
    statuses:
      status === 'all' ? null : status === 'open' ? OPEN : (status.split(',') as Task['status'][]),
    tag: input.tag ?? null,
    text: input.q ?? null,
    due_before: input.due_before ?? null,
    due_after: input.due_after ?? null,
    after,
    limit: limit + 1,
  };
  const found = yield* use((s) => s.list(query));
  const page = fitToBudget(found.slice(0, limit), ctx.maxResponseChars);
  const more = found.length > page.length;
  const last = page[page.length - 1];
  return ok({ tasks: page, next_cursor: more && last ? encodeCursor(last) : null });
}

export function* getTask(
  input: OperationInput<'getTask'>,
): Flow<Result<OperationOutput<'getTask'>>> {
  const task = yield* use((s) => s.get(input.id));
  return task === null ? notFound(input.id) : ok(task);
}

function scoreOptions(ctx: OperationContext): ScoreOptions {
  return {
    now: ctx.now,
    calendar: ctx.calendar,
    config: ctx.scoring,
    ...(ctx.scoringContext ? { context: ctx.scoringContext } : {}),
  };
}

/**
 * The best `limit` open tasks and how many are open and eligible, ranked as the pages of
 * open tasks stream by: memory holds one page and the best `limit`, however many are open.
 * The same answer as rankTasks(all).slice(0, limit).
 */
function* rankOpen(
  ctx: OperationContext,
  limit: number,
): Flow<{ ranked: ScoredTask[]; eligible: number; open: number }> {
  const picker = topTasks(scoreOptions(ctx), limit);
  let open = 0;
  yield* scanActive((page) => {
    open += page.length;
    for (const task of page) picker.add(task);
  });
  return { ...picker.result(), open };
}

export function* getBestTask(
  _input: OperationInput<'getBestTask'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'getBestTask'>>> {
  const { ranked, open } = yield* rankOpen(ctx, 1);
  const best = ranked[0];
  if (best === undefined) {
    // Not an error: an empty list is a state, and the answer says what to do about it.
    const reason =
      open === 0 ? NOTHING_OPEN : 'Nothing to do right now: every open task is snoozed';
    return ok({ task: null, reason });
  }
  return ok(best);
}

export function* rankTasks(
  input: OperationInput<'rankTasks'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'rankTasks'>>> {
  const { ranked, eligible } = yield* rankOpen(ctx, input.limit ?? RANK_DEFAULT);
  return ok({
    ranked: fitToBudget(ranked, ctx.maxResponseChars),
    total: eligible,
    evaluated_at: ctx.calendar.formatInstant(ctx.now),
    time_zone: ctx.calendar.zone,
  });
}
