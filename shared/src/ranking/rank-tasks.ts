import type { Task } from '../task/task.schema.ts';
import { parseInstant } from '../task/task-time.ts';
import { addDays } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import { DEFAULT_SCORING, type ScoringConfig } from '../scoring/scoring-config.ts';
import { scoreTask, type ScoredTask, type ScoreOptions } from '../scoring/score-task.ts';
import { compareKeyed, keyed, type Keyed } from './rank-order.ts';

/**
 * Eligible for best / ranked / plan: not completed, and not snoozed into the future.
 * A snooze that has passed makes the task active again; a `snoozed` task without a
 * `snoozed_until` stays out until someone changes it.
 */
export function isEligible(task: Task, now: number): boolean {
  if (task.status === 'completed') return false;
  if (task.snoozed_until !== null) {
    const until = parseInstant(task.snoozed_until);
    if (until === null || until > now) return false;
  } else if (task.status === 'snoozed') {
    return false;
  }
  return true;
}

function scoreEligible(tasks: readonly Task[], options: ScoreOptions): Keyed[] {
  const local = options.calendar.local(options.now);
  const out: Keyed[] = [];
  for (const task of tasks) {
    if (!isEligible(task, options.now)) continue;
    const scored = scoreTask(task, options, local.date, local.hour);
    out.push(keyed(scored.task, scored.score, options.calendar, scored));
  }
  return out;
}

/** Eligible tasks, best first, each with its score and reasoning. */
export function rankTasks(tasks: readonly Task[], options: ScoreOptions): ScoredTask[] {
  return scoreEligible(tasks, options)
    .sort(compareKeyed)
    .map((k) => k.scored!);
}

/** The single best task (same answer as rankTasks(...)[0]) in one pass, without sorting. */
export function bestTask(tasks: readonly Task[], options: ScoreOptions): ScoredTask | null {
  let best: Keyed | null = null;
  for (const k of scoreEligible(tasks, options)) {
    if (best === null || compareKeyed(k, best) < 0) best = k;
  }
  return best?.scored ?? null;
}

/**
 * The first instant after `now` at which some task's score or eligibility may differ from
 * its value at `now` (without calendar context): the next local midnight, the next edge of
 * a time-of-day window, the end of a snooze, or the moment a timed due turns overdue.
 * A ranking computed at `now` stays exact for every instant before this one, as long as
 * the tasks themselves do not change.
 */
export function rankingValidUntil(
  tasks: readonly Task[],
  now: number,
  calendar: ZonedCalendar,
  config: ScoringConfig = DEFAULT_SCORING,
): number {
  const today = calendar.localDate(now);
  let until = calendar.startOfDay(addDays(today, 1));
  let needsWindows = false;
  for (const task of tasks) {
    if (task.status === 'completed') continue;
    if (task.snoozed_until !== null) {
      const end = parseInstant(task.snoozed_until);
      if (end !== null && end > now && end < until) until = end;
    }
    if (task.preferred_time !== null) needsWindows = true;
    if (task.due !== null) {
      const due = parseInstant(task.due);
      if (due !== null && due >= now && due + 1 < until) until = due + 1;
    }
  }
  if (needsWindows) {
    const edges = new Set<number>();
    for (const [start, end] of Object.values(config.time_of_day.windows)) {
      edges.add(start);
      edges.add(end);
    }
    for (const hour of edges) {
      const at = calendar.instantAt(today, hour * 60);
      if (at > now && at < until) until = at;
    }
  }
  return until;
}
