import { isEligible, rankTasks } from '../ranking/rank-tasks.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import { dueInstant, parseInstant } from '../task/task-time.ts';
import type { Task } from '../task/task.schema.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import type { DayLayout } from './day-layout.ts';
import type { Interval } from './intervals.ts';
import type { Candidate } from './place-tasks.ts';
import type { PlanSettings } from './plan-settings.ts';

const MINUTE_MS = 60_000;

export interface CandidateInput {
  date: string;
  calendar: ZonedCalendar;
  tasks: readonly Task[];
  layout: DayLayout;
  settings: PlanSettings;
  scoring: ScoringConfig;
  dueAt: (due: string) => number | null;
}

export interface Candidates {
  /** Awake tasks in placing order: due by the end of the day first, then by rank. */
  ordered: Candidate[];
  /** Tasks asleep for the whole working day, or snoozed with no end. */
  asleep: Task[];
}

/** The morning, afternoon and evening of the planned day, once per plan rather than per task. */
function preferredWindows(
  scoring: ScoringConfig,
  date: string,
  calendar: ZonedCalendar,
): Record<NonNullable<Task['preferred_time']>, Interval> {
  const at = (hour: number) =>
    hour >= 24 ? calendar.endOfDay(date) : calendar.instantAt(date, hour * 60);
  const w = scoring.time_of_day.windows;
  const window = ([from, to]: readonly [number, number]) => ({ start: at(from), end: at(to) });
  return { morning: window(w.morning), afternoon: window(w.afternoon), evening: window(w.evening) };
}

/**
 * `dueInstant` remembered per text: a thousand tasks share a handful of due dates, and each
 * date-only due costs a few civil-date parses.
 */
export function memoDueInstant(calendar: ZonedCalendar): (due: string) => number | null {
  const seen = new Map<string, number | null>();
  return (due) => {
    let at = seen.get(due);
    if (at === undefined) {
      at = dueInstant(due, calendar);
      seen.set(due, at);
    }
    return at;
  };
}

function ceilMinute(ms: number): number {
  return Math.ceil(ms / MINUTE_MS) * MINUTE_MS;
}

/**
 * Ranks the day's tasks at `layout.rankAt`: the email sent at 07:30 ranks as of 09:00 and a
 * preview of Thursday ranks as of Thursday morning, so "due today" and snoozes mean the
 * planned day. A snooze that ends during working hours wakes the task from that minute on.
 */
export function candidatesFor(input: CandidateInput): Candidates {
  const { calendar, layout, date, settings } = input;
  const windowEnd = layout.window?.end ?? Number.NEGATIVE_INFINITY;
  const woken = new Map<Task, { original: Task; at: number }>();
  const pool: Task[] = [];
  const asleep: Task[] = [];
  for (const task of input.tasks) {
    if (task.status === 'completed') continue;
    if (isEligible(task, layout.rankAt)) {
      pool.push(task);
      continue;
    }
    const until = task.snoozed_until === null ? null : parseInstant(task.snoozed_until);
    if (until !== null && until < windowEnd) {
      const awake: Task = { ...task, status: 'pending', snoozed_until: null };
      woken.set(awake, { original: task, at: until });
      pool.push(awake);
    } else {
      asleep.push(task);
    }
  }
  const ranked = rankTasks(pool, { now: layout.rankAt, calendar, config: input.scoring });
  const endOfDay = calendar.endOfDay(date);
  const windows = preferredWindows(input.scoring, date, calendar);
  const urgent: Candidate[] = [];
  const rest: Candidate[] = [];
  for (const scored of ranked) {
    const wake = woken.get(scored.task);
    const task = wake?.original ?? scored.task;
    const due = task.due === null ? null : input.dueAt(task.due);
    const wakesAt = wake ? ceilMinute(wake.at) : null;
    const candidate: Candidate = {
      scored,
      task,
      minutes: task.effort_minutes ?? settings.default_effort_minutes,
      estimated: task.effort_minutes !== null,
      notBefore: Math.max(layout.planStart, wakesAt ?? 0),
      wakesAt,
      // Only a due instant inside the remaining working hours constrains the day (rule 3).
      deadline: due !== null && due > layout.planStart && due < windowEnd ? due : null,
      preferred: task.preferred_time === null ? null : windows[task.preferred_time],
    };
    (due !== null && due <= endOfDay ? urgent : rest).push(candidate);
  }
  return { ordered: [...urgent, ...rest], asleep };
}
