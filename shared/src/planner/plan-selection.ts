import { isEligible } from '../ranking/rank-tasks.ts';
import { topTasks } from '../ranking/top-tasks.ts';
import { DEFAULT_SCORING } from '../scoring/scoring-config.ts';
import { parseInstant } from '../task/task-time.ts';
import type { Task } from '../task/task.schema.ts';
import { layoutDay } from './day-layout.ts';
import { memoDueInstant } from './plan-candidates.ts';
import { compareAsleep, type PlanDayInput } from './plan-day.ts';
import { DEFAULT_PLAN_SETTINGS } from './plan-settings.ts';

/**
 * A plan considers at most this many of the tasks due by the end of the day, as many of
 * the others, and as many asleep: the most pressing, in the plan's own order. A day holds a
 * few dozen tasks and an answer lists under a thousand, so for any real list this is every
 * task; past it, memory and the time between two yields stay bounded however many are open.
 */
export const PLAN_MAX_TASKS = 500;

export interface PlanSelection {
  /** Takes one page of open tasks; keeps only what may still be among the most pressing. */
  add(page: readonly Task[]): void;
  /** The tasks to plan, how many were open, and how many of those were left out. */
  result(): { tasks: Task[]; open: number; leftOut: number };
}

/**
 * Chooses the tasks planDay places, as pages of open tasks stream by. planDay places tasks
 * due by the end of the day first, then the others, each group in rank order at the plan's
 * ranking instant (a snooze ending during working hours counts as awake); asleep tasks come
 * last. So the best `max` of each group, ranked as candidatesFor ranks them (a running top
 * list: scores only, no reasons), hold the first `max` of the plan's order exactly, and
 * with at most `max` in each group, every task is planned.
 */
export function planSelection(
  input: Omit<PlanDayInput, 'tasks'>,
  max = PLAN_MAX_TASKS,
): PlanSelection {
  const { date, now, calendar } = input;
  const settings = input.settings ?? DEFAULT_PLAN_SETTINGS;
  const scoring = input.scoring ?? DEFAULT_SCORING;
  const layout = layoutDay({ date, now, calendar, settings, events: input.events ?? [] });
  const windowEnd = layout.window?.end ?? Number.NEGATIVE_INFINITY;
  const endOfDay = calendar.endOfDay(date);
  const dueAt = memoDueInstant(calendar);
  const options = { now: layout.rankAt, calendar, config: scoring };
  const urgent = topTasks(options, max);
  const rest = topTasks(options, max);
  // A woken task is ranked as an awake copy; the plan gets the task itself.
  const originals = new WeakMap<Task, Task>();
  let asleep: Task[] = [];
  let open = 0;
  const place = (ranked: Task, task: Task) => {
    const due = task.due === null ? null : dueAt(task.due);
    (due !== null && due <= endOfDay ? urgent : rest).add(ranked);
  };
  return {
    add(page) {
      for (const task of page) {
        if (task.status === 'completed') continue;
        open++;
        if (isEligible(task, layout.rankAt)) {
          place(task, task);
          continue;
        }
        const until = task.snoozed_until === null ? null : parseInstant(task.snoozed_until);
        if (until !== null && until < windowEnd) {
          const awake: Task = { ...task, status: 'pending', snoozed_until: null };
          originals.set(awake, task);
          place(awake, task);
        } else {
          asleep.push(task);
          if (asleep.length > 2 * max) asleep = asleep.sort(compareAsleep).slice(0, max);
        }
      }
    },
    result() {
      if (asleep.length > max) asleep = asleep.sort(compareAsleep).slice(0, max);
      const awake = [...urgent.result().ranked, ...rest.result().ranked].map(
        (scored) => originals.get(scored.task) ?? scored.task,
      );
      const tasks = [...awake, ...asleep];
      return { tasks, open, leftOut: open - tasks.length };
    },
  };
}
