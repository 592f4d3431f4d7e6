import type { Task } from '../task/task.schema.ts';
import { dueInstant, parseInstant } from '../task/task-time.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import type { ScoredTask } from '../scoring/score-task.ts';

// The ranking's order, shared by the full sort (rank-tasks.ts) and the running top few
// (top-tasks.ts), so both give the same answer.

/** A task with its score, its reasons once written, and tie-break keys worked out on need. */
export interface Keyed {
  task: Task;
  score: number;
  scored: ScoredTask | null;
  calendar: ZonedCalendar;
  due?: number;
  createdAt?: number;
}

export function keyed(
  task: Task,
  score: number,
  calendar: ZonedCalendar,
  scored: ScoredTask | null = null,
): Keyed {
  return { task, score, scored, calendar };
}

function dueKey(k: Keyed): number {
  if (k.due === undefined) {
    const due = k.task.due === null ? null : dueInstant(k.task.due, k.calendar);
    k.due = due ?? Number.POSITIVE_INFINITY;
  }
  return k.due;
}

function createdKey(k: Keyed): number {
  if (k.createdAt === undefined) k.createdAt = parseInstant(k.task.created_at) ?? 0;
  return k.createdAt;
}

/** Score desc, then sooner due (none last), then older created_at, then id: a total order. */
export function compareKeyed(a: Keyed, b: Keyed): number {
  const byScore = b.score - a.score;
  if (byScore !== 0) return byScore;
  const da = dueKey(a);
  const db = dueKey(b);
  if (da !== db) return da < db ? -1 : 1;
  const byCreated = createdKey(a) - createdKey(b);
  if (byCreated !== 0) return byCreated;
  const ia = a.task.id;
  const ib = b.task.id;
  return ia < ib ? -1 : ia > ib ? 1 : 0;
}
