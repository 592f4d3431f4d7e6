import { parseDue } from '../task/task-time.ts';
import { isCivilDate } from '../time/civil-date.ts';
import type { Task } from '../task/task.schema.ts';
import type { AtRiskTask, UnscheduledTask } from './day-plan.schema.ts';
import type { Interval } from './intervals.ts';
import type { ReasonContext } from './plan-reasons.ts';
import { clockLabel, dayLabel, momentLabel } from './plan-text.ts';

// Rule 6: overdue tasks, and tasks due by the end of the planned day that are not fully
// placed before their due time — the warning a person most needs at 8 am, as taskcheck
// warns when a deadline cannot be met. An overdue task stays here even when it is planned:
// it is already late, and the plan says when it will finally get done.

export interface RiskInput {
  tasks: readonly Task[];
  /** The planned pieces of each placed task, in time order. */
  placed: ReadonlyMap<Task, readonly Interval[]>;
  unscheduled: ReadonlyMap<Task, UnscheduledTask>;
  rankAt: number;
  endOfDay: number;
  dueAt: (due: string) => number | null;
}

function dueText(task: Task, overdue: boolean, ctx: ReasonContext): string {
  const due = parseDue(task.due ?? '');
  if (due === null) return '';
  if (overdue) {
    const when =
      due.kind === 'date' ? dayLabel(due.date) : momentLabel(ctx.calendar, due.ms, ctx.date);
    return `overdue since ${when}`;
  }
  return due.kind === 'date'
    ? `due ${ctx.dayWord}`
    : `due ${clockLabel(ctx.calendar, due.ms)} ${ctx.dayWord}`;
}

export function atRiskTasks(input: RiskInput, ctx: ReasonContext): AtRiskTask[] {
  const risky: { task: Task; due: number; reason: string }[] = [];
  for (const task of input.tasks) {
    if (task.status === 'completed' || task.due === null) continue;
    const due = input.dueAt(task.due);
    if (due === null || due > input.endOfDay) continue;
    // As deadlineCase has it: a timed due is overdue after its moment, a date from its end.
    const overdue = isCivilDate(task.due) ? input.rankAt >= due : input.rankAt > due;
    const first = input.placed.get(task)?.[0];
    const last = input.placed.get(task)?.slice(-1)[0];
    if (!overdue && last && last.end <= due) continue;
    const when = dueText(task, overdue, ctx);
    const left = input.unscheduled.get(task);
    let reason: string;
    if (left) reason = left.cause === 'due_too_soon' ? left.reason : `${when}; ${left.reason}`;
    else if (first && last && overdue) {
      const span = `${clockLabel(ctx.calendar, first.start)}–${clockLabel(ctx.calendar, last.end)}`;
      reason = `${when}; planned ${span}`;
    } else if (last) {
      reason = `${when}; planned to finish at ${clockLabel(ctx.calendar, last.end)}, after it is due`;
    } else continue; // unreachable: every open task is either placed or left out
    risky.push({ task, due, reason });
  }
  risky.sort(
    (a, b) => a.due - b.due || (a.task.id < b.task.id ? -1 : a.task.id > b.task.id ? 1 : 0),
  );
  return risky.map((r) => ({ task_id: r.task.id, title: r.task.title, reason: r.reason }));
}
