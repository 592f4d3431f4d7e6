import type { Task } from '../../task/task.schema.ts';
import { isoUtc, parseInstant } from '../../task/task-time.ts';
import { isCivilDate } from '../../time/civil-date.ts';
import { nextOccurrence } from '../../recurrence/next-occurrence.ts';
import { parseDuration } from '../../catalogue/operation-schemas.ts';
import type { OperationInput, OperationOutput } from '../../catalogue/operations.ts';
import { fail, ok, validationFailed, type Result } from '../result.ts';
import { use, type Flow } from '../task-flow.ts';
import type { OperationContext } from '../operation-context.ts';
import { modifyTask, notFound } from './task-writes.ts';

export function* updateTask(
  input: OperationInput<'updateTask'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'updateTask'>>> {
  const { id, expected_updated_at: expected, ...patch } = input;
  if (Object.keys(patch).length === 0) {
    return validationFailed([
      { field: '', rule: 'min_fields', message: 'give at least one field to change besides id' },
    ]);
  }
  return yield* modifyTask(id, ctx, (current) => {
    if (expected !== undefined && parseInstant(expected) !== parseInstant(current.updated_at)) {
      return fail(
        'conflict',
        `Task ${id} changed since ${expected}; it was updated at ${current.updated_at}`,
        // reason 'stale': a failed precondition, which HTTP answers 412 when it came as If-Match.
        { id, updated_at: current.updated_at, reason: 'stale' },
      );
    }
    return { write: applyPatch(current, patch, ctx), answer: (t) => t };
  });
}

/** Applies a patch and keeps status, completed_at and snoozed_until consistent. */
export function applyPatch(
  current: Task,
  patch: Omit<OperationInput<'updateTask'>, 'id' | 'expected_updated_at'>,
  ctx: OperationContext,
): Task {
  const next: Task = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  if (patch.status === undefined && patch.snoozed_until !== undefined) {
    const until = patch.snoozed_until === null ? null : parseInstant(patch.snoozed_until);
    if (until !== null && until > ctx.now && next.status !== 'completed') next.status = 'snoozed';
    if (until === null && next.status === 'snoozed') next.status = 'pending';
  }
  if (next.status === 'completed' && current.status !== 'completed')
    next.completed_at = isoUtc(ctx.now);
  if (next.status !== 'completed' && current.status === 'completed' && patch.status !== undefined) {
    next.completed_at = null;
  }
  if (
    next.status !== 'snoozed' &&
    patch.status !== undefined &&
    patch.snoozed_until === undefined
  ) {
    next.snoozed_until = null;
  }
  return next;
}

/** Whether due `a` comes before due `b` (same kind, as a recurring task keeps). */
function dueBefore(a: string, b: string): boolean {
  const da = a.slice(0, 10);
  const db = b.slice(0, 10);
  return da !== db ? da < db : (parseInstant(a) ?? 0) < (parseInstant(b) ?? 0);
}

/**
 * Completes the occurrence the caller was shown: `expected_due` when given, else the due
 * this request first read. A complete that finds the task already moved past that
 * occurrence (a double tap, 20 parallel requests, a retry) writes nothing and answers what
 * the first one did; a task that moved elsewhere is a stale request (409, 412 by If-Match).
 */
export function* completeTask(
  input: OperationInput<'completeTask'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'completeTask'>>> {
  const at = isoUtc(ctx.now);
  let shown = input.expected_due;
  const expected = input.expected_updated_at;
  return yield* modifyTask(input.id, ctx, (current) => {
    if (expected !== undefined && parseInstant(expected) !== parseInstant(current.updated_at)) {
      return fail(
        'conflict',
        `Task ${input.id} changed since ${expected}; it was updated at ${current.updated_at}`,
        { id: input.id, updated_at: current.updated_at, reason: 'stale' },
      );
    }
    if (shown === undefined) shown = current.due;
    const recurring = current.repeat !== null;
    if (current.status === 'completed') {
      return ok({ task: current, recurring, previous_due: current.due, next_due: null });
    }
    if (recurring && current.due !== shown) {
      if (shown !== null && current.due !== null && dueBefore(shown, current.due)) {
        return ok({ task: current, recurring, previous_due: shown, next_due: current.due });
      }
      return fail(
        'conflict',
        `Task ${input.id} is due ${current.due ?? 'never'} now, not ${shown ?? 'never'} as you were shown; look at it again before completing`,
        { id: input.id, due: current.due, updated_at: current.updated_at, reason: 'stale' },
      );
    }
    const base = { recurring, previous_due: current.due };
    const next =
      current.repeat === null
        ? null
        : nextOccurrence({
            due: current.due,
            repeat: current.repeat,
            now: ctx.now,
            calendar: ctx.calendar,
          });
    const write: Task =
      next === null
        ? { ...current, status: 'completed', completed_at: at, snoozed_until: null }
        : {
            ...current,
            status: 'pending',
            due: next.due,
            repeat: next.repeat,
            completed_at: at,
            snoozed_until: null,
          };
    return { write, answer: (task) => ({ task, ...base, next_due: next?.due ?? null }) };
  });
}

export function* snoozeTask(
  input: OperationInput<'snoozeTask'>,
  ctx: OperationContext,
): Flow<Result<OperationOutput<'snoozeTask'>>> {
  const until =
    input.duration !== undefined
      ? ctx.now + (parseDuration(input.duration) ?? 0)
      : input.until !== undefined && isCivilDate(input.until)
        ? ctx.calendar.startOfDay(input.until)
        : (parseInstant(input.until ?? '') ?? 0);
  if (until <= ctx.now) {
    return validationFailed([
      {
        field: 'until',
        rule: 'future',
        message: `until must be in the future (now is ${ctx.calendar.formatInstant(ctx.now)})`,
      },
    ]);
  }
  return yield* modifyTask(input.id, ctx, (current) => {
    if (current.status === 'completed') {
      return fail('conflict', `Task ${input.id} is completed; reopen it before snoozing`, {
        id: input.id,
      });
    }
    const write: Task = {
      ...current,
      status: 'snoozed',
      snoozed_until: ctx.calendar.formatInstant(until),
    };
    return { write, answer: (t) => t };
  });
}

export function* deleteTask(
  input: OperationInput<'deleteTask'>,
): Flow<Result<OperationOutput<'deleteTask'>>> {
  const deleted = yield* use((s) => s.delete(input.id));
  return deleted ? ok({ id: input.id, deleted: true as const }) : notFound(input.id);
}
