import type { Task } from '../../task/task.schema.ts';
import { isoUtc, parseInstant } from '../../task/task-time.ts';
import { fail, ok, type Result } from '../result.ts';
import { use, type Flow } from '../task-flow.ts';
import type { OperationContext } from '../operation-context.ts';

const MAX_ATTEMPTS = 5;

/** A strictly later updated_at, even when the clock has not moved (two writes in one ms). */
export function nextUpdatedAt(previous: string, now: number): string {
  const prev = parseInstant(previous) ?? 0;
  return isoUtc(Math.max(now, prev + 1));
}

export function notFound<T>(id: string): Result<T> {
  return fail('not_found', `No task with id ${id}`, { id });
}

/**
 * Read–change–compare-and-swap, retried when another writer got there first, so concurrent
 * completes and snoozes of one task both land instead of one silently overwriting the other.
 * `change` returns the new task, or a result to answer without writing.
 */
export function* modifyTask<T>(
  id: string,
  ctx: OperationContext,
  change: (current: Task) => Result<T> | { write: Task; answer: (saved: Task) => T },
): Flow<Result<T>> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const current = yield* use((s) => s.get(id));
    if (current === null) return notFound(id);
    const decision = change(current);
    if ('ok' in decision) return decision;
    const next: Task = {
      ...decision.write,
      id,
      updated_at: nextUpdatedAt(current.updated_at, ctx.now),
    };
    const outcome = yield* use((s) => s.update(next, current.updated_at));
    if (outcome === 'ok') return ok(decision.answer(next));
    if (outcome === 'not_found') return notFound(id);
  }
  return fail('conflict', `Task ${id} kept changing under concurrent writes; try again`, { id });
}
