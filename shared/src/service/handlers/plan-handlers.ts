import type { OperationInput, OperationOutput } from '../../catalogue/operations.ts';
import type { DayPlan } from '../../planner/day-plan.schema.ts';
import { planDay } from '../../planner/plan-day.ts';
import { daysBetween } from '../../time/civil-date.ts';
import { ok, validationFailed, type Result } from '../result.ts';
import { planSelection } from '../../planner/plan-selection.ts';
import { scanActive } from '../scan-active.ts';
import { usePorts, type Flow } from '../task-flow.ts';
import type { OperationContext } from '../operation-context.ts';
import { fitToBudget } from './read-handlers.ts';

// A plan further out than this says little (calendars and tasks change), and keeping dates
// near today keeps every date inside the range civil-date arithmetic is exact for.
const MAX_DAYS_AWAY = 366;

type PlanOutput = OperationOutput<'getDailyPlan'>;

/** Keeps the whole day and the warnings; cuts the list of what did not fit to the budget. */
export function fitPlanToBudget(plan: DayPlan, budget: number): PlanOutput {
  const size = JSON.stringify(plan).length;
  if (size <= budget) return plan;
  // What stays, plus the `"unscheduled_omitted":N,` the cut adds (N at most the whole list).
  const rest =
    size -
    JSON.stringify(plan.unscheduled).length +
    JSON.stringify({ unscheduled_omitted: plan.unscheduled.length }).length;
  const kept = fitToBudget(plan.unscheduled, Math.max(0, budget - rest));
  return { ...plan, unscheduled: kept, unscheduled_omitted: plan.unscheduled.length - kept.length };
}

export function* getDailyPlan(
  input: OperationInput<'getDailyPlan'>,
  ctx: OperationContext,
): Flow<Result<PlanOutput>> {
  const { calendar, now } = ctx;
  const today = calendar.localDate(now);
  const date = input.date ?? today;
  if (Math.abs(daysBetween(today, date)) > MAX_DAYS_AWAY) {
    return validationFailed([
      { field: 'date', rule: 'range', message: `date must be within a year of today (${today})` },
    ]);
  }
  const start = calendar.startOfDay(date);
  const end = calendar.endOfDay(date);
  const events = yield* usePorts((p) => p.calendar?.listEvents(start, end, calendar.zone) ?? []);
  const day = { date, now, calendar, events, settings: ctx.planSettings, scoring: ctx.scoring };
  const selection = planSelection(day);
  yield* scanActive((page) => selection.add(page));
  const { tasks, open, leftOut } = selection.result();
  const plan = planDay({ ...day, tasks });
  if (leftOut === 0) return ok(fitPlanToBudget(plan, ctx.maxResponseChars));
  plan.notes.push(
    `You have ${open} open tasks; this plan considers the ${tasks.length} most pressing.`,
  );
  const fitted = fitPlanToBudget(plan, ctx.maxResponseChars);
  return ok({ ...fitted, unscheduled_omitted: (fitted.unscheduled_omitted ?? 0) + leftOut });
}
