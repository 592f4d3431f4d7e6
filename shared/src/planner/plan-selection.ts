import { DEFAULT_SCORING } from '../scoring/scoring-config.ts';
import type { Task } from '../task/task.schema.ts';
import { layoutDay } from './day-layout.ts';
import { candidatesFor, memoDueInstant } from './plan-candidates.ts';
import { compareAsleep, type PlanDayInput } from './plan-day.ts';
import { DEFAULT_PLAN_SETTINGS } from './plan-settings.ts';

/**
 * A plan considers at most this many awake open tasks (and as many asleep), the most
 * pressing in the plan's own order. A day holds a few dozen tasks and an answer lists under
 * a thousand, so for any real list this is every task; past it, memory stays bounded
 * however many tasks are open.
 */
export const PLAN_MAX_TASKS = 2_000;

export interface PlanSelection {
  /** Takes one page of open tasks; keeps only what may still be among the most pressing. */
  add(page: readonly Task[]): void;
  /** The tasks to plan, and how many open tasks were left out of the plan. */
  result(): { tasks: Task[]; open: number; leftOut: number };
}

/**
 * Chooses the tasks planDay places, as pages of open tasks stream by. The placing order
 * (due by the end of the day first, then by rank; asleep ones after) is a total order that
 * depends on each task alone, so keeping the first `max` of every merge keeps exactly the
 * first `max` of all: with up to 3 × max open tasks, every task is planned.
 */
export function planSelection(
  input: Omit<PlanDayInput, 'tasks'>,
  max = PLAN_MAX_TASKS,
): PlanSelection {
  const { date, now, calendar } = input;
  const settings = input.settings ?? DEFAULT_PLAN_SETTINGS;
  const scoring = input.scoring ?? DEFAULT_SCORING;
  const layout = layoutDay({ date, now, calendar, settings, events: input.events ?? [] });
  const dueAt = memoDueInstant(calendar);
  let kept: Task[] = [];
  let open = 0;
  let cut = false;
  const reduce = () => {
    cut = true;
    const c = candidatesFor({ date, calendar, tasks: kept, layout, settings, scoring, dueAt });
    const awake = c.ordered.slice(0, max).map((candidate) => candidate.task);
    kept = [...awake, ...c.asleep.sort(compareAsleep).slice(0, max)];
  };
  return {
    add(page) {
      for (const task of page) {
        if (task.status === 'completed') continue;
        kept.push(task);
        open++;
      }
      if (kept.length > 3 * max) reduce();
    },
    result() {
      if (cut) reduce();
      return { tasks: kept, open, leftOut: open - kept.length };
    },
  };
}
