import { DEFAULT_SCORING, type ScoringConfig } from '../scoring/scoring-config.ts';
import { parseInstant } from '../task/task-time.ts';
import type { Task } from '../task/task.schema.ts';
import { isoWeekday } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import type { CalendarEvent } from './calendar-source.ts';
import { layoutDay, type DayLayout } from './day-layout.ts';
import type { DayPlan, PlanSummary, UnscheduledTask } from './day-plan.schema.ts';
import { totalLength } from './intervals.ts';
import { capacity, findPlacement, reserve, usableSlots, type Candidate } from './place-tasks.ts';
import { planBlocks, type PlacedTask } from './plan-blocks.ts';
import { candidatesFor, memoDueInstant } from './plan-candidates.ts';
import { noRoomReason, snoozeReason, type ReasonContext } from './plan-reasons.ts';
import { atRiskTasks } from './plan-risk.ts';
import { DEFAULT_PLAN_SETTINGS, type PlanSettings } from './plan-settings.ts';
import { clockLabel, dayLabel, relativeDay, weekdayName, weekdaysLabel } from './plan-text.ts';

const MINUTE_MS = 60_000;

export interface PlanDayInput {
  /** The local date to plan, YYYY-MM-DD in the calendar's zone. */
  date: string;
  now: number;
  calendar: ZonedCalendar;
  /** The user's tasks; completed ones are ignored, every other one is placed or explained. */
  tasks: readonly Task[];
  events?: readonly CalendarEvent[];
  settings?: PlanSettings;
  scoring?: ScoringConfig;
}

/** Why no task can be planned at all on this day, if so. */
function closedDay(layout: DayLayout, ctx: ReasonContext) {
  if (!layout.window) {
    return {
      cause: 'not_working_day' as const,
      reason: `${dayLabel(ctx.date)} is not a working day`,
    };
  }
  if (layout.planStart >= layout.window.end) {
    return { cause: 'day_over' as const, reason: `your working hours ${ctx.dayWord} are over` };
  }
  return null;
}

function dayNotes(layout: DayLayout, settings: PlanSettings, ctx: ReasonContext): string[] {
  const notes: string[] = [];
  const { calendar, date } = ctx;
  if (!layout.working) {
    const days = weekdaysLabel(settings.working_days);
    notes.push(`${weekdayName(isoWeekday(date))} is not one of your working days (${days}).`);
  } else if (!layout.window) {
    notes.push('Your working hours do not exist on this day (the clocks change during them).');
  } else if (layout.planStart >= layout.window.end) {
    notes.push(`Your working hours ${ctx.dayWord} are over, so no tasks are planned.`);
  } else if (layout.planStart > layout.window.start) {
    notes.push(`Planned from ${clockLabel(calendar, layout.planStart)}, the time of this plan.`);
  }
  if (layout.unreadableEvents > 0) {
    const n = layout.unreadableEvents;
    notes.push(
      `${n} calendar event${n === 1 ? '' : 's'} had unreadable times and ${n === 1 ? 'was' : 'were'} left out.`,
    );
  }
  return notes;
}

export function compareAsleep(a: Task, b: Task): number {
  const ua = a.snoozed_until === null ? null : parseInstant(a.snoozed_until);
  const ub = b.snoozed_until === null ? null : parseInstant(b.snoozed_until);
  const ka = ua ?? Number.POSITIVE_INFINITY;
  const kb = ub ?? Number.POSITIVE_INFINITY;
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

interface Placing {
  placed: Map<Task, PlacedTask>;
  left: Map<Task, UnscheduledTask>;
}

/** Rules 2–5: every awake task, in order, is placed or gets its reason. */
function placeAll(
  ordered: readonly Candidate[],
  layout: DayLayout,
  settings: PlanSettings,
  ctx: ReasonContext,
): Placing {
  const minBlock = settings.min_block_minutes * MINUTE_MS;
  const chunk = Math.max(settings.min_chunk_minutes, settings.min_block_minutes) * MINUTE_MS;
  const emptyDay = usableSlots(layout.free, minBlock);
  const slots = usableSlots(layout.free, minBlock);
  const closed = closedDay(layout, ctx);
  const placed = new Map<Task, PlacedTask>();
  const left = new Map<Task, UnscheduledTask>();
  for (const c of ordered) {
    const entry = { task_id: c.task.id, title: c.task.title };
    if (closed) {
      left.set(c.task, { ...entry, ...closed });
      continue;
    }
    const placement = findPlacement(slots, c, chunk);
    if (placement) {
      reserve(slots, placement.pieces, minBlock);
      placed.set(c.task, { candidate: c, placement });
      continue;
    }
    const hi = c.deadline ?? Number.POSITIVE_INFINITY;
    const fitsEmptyDay = findPlacement(emptyDay, c, chunk) !== null;
    const room = capacity(slots, c.notBefore, hi);
    const reason = noRoomReason(c, room, capacity(emptyDay, c.notBefore, hi), fitsEmptyDay, ctx);
    left.set(c.task, { ...entry, reason, cause: c.deadline === null ? 'no_room' : 'due_too_soon' });
  }
  return { placed, left };
}

function summarize(layout: DayLayout, placed: Map<Task, PlacedTask>): PlanSummary {
  let focus = 0;
  for (const p of placed.values()) focus += totalLength(p.placement.pieces) / MINUTE_MS;
  const free = totalLength(layout.free) / MINUTE_MS - focus;
  const w = layout.window;
  const available = w ? Math.max(0, w.end - Math.max(layout.planStart, w.start)) / MINUTE_MS : 0;
  return {
    meeting_minutes: Math.round(totalLength(layout.busy) / MINUTE_MS),
    focus_minutes: Math.round(focus),
    free_minutes: Math.round(free),
    load_percent: available > 0 ? Math.round((100 * (available - free)) / available) : 0,
  };
}

/**
 * The plan of one local day (docs/planning.md): meetings, the free time around them, the best
 * tasks placed into it with a reason each, what did not fit and what is at risk. Pure and
 * deterministic: the same input gives the same plan, to the minute.
 */
export function planDay(input: PlanDayInput): DayPlan {
  const { date, now, calendar, tasks } = input;
  const settings = input.settings ?? DEFAULT_PLAN_SETTINGS;
  const scoring = input.scoring ?? DEFAULT_SCORING;
  const layout = layoutDay({ date, now, calendar, settings, events: input.events ?? [] });
  const dayWord = relativeDay(date, calendar.localDate(now));
  const ctx: ReasonContext = { calendar, date, dayWord, workingHours: layout.window };
  const dueAt = memoDueInstant(calendar);
  const { ordered, asleep } = candidatesFor({
    date,
    calendar,
    tasks,
    layout,
    settings,
    scoring,
    dueAt,
  });
  const { placed, left } = placeAll(ordered, layout, settings, ctx);
  for (const task of [...asleep].sort(compareAsleep)) {
    const reason = snoozeReason(task, ctx);
    left.set(task, { task_id: task.id, title: task.title, reason, cause: 'snoozed' });
  }
  const pieces = new Map([...placed].map(([task, p]) => [task, p.placement.pieces]));
  const rankAt = layout.rankAt;
  return {
    date,
    time_zone: calendar.zone,
    working_day: layout.working,
    working_hours: { start: settings.working_hours.start, end: settings.working_hours.end },
    generated_at: calendar.formatInstant(now),
    notes: dayNotes(layout, settings, ctx),
    all_day: layout.allDay.map((e) => ({
      title: e.title || 'Busy',
      ...(e.id === undefined ? {} : { event_id: e.id }),
    })),
    blocks: planBlocks(layout, [...placed.values()], ctx),
    unscheduled: [...left.values()],
    at_risk: atRiskTasks(
      {
        tasks,
        placed: pieces,
        unscheduled: left,
        rankAt,
        endOfDay: calendar.endOfDay(date),
        dueAt,
      },
      ctx,
    ),
    top_tasks: ordered.slice(0, 3).map((c) => {
      const first = pieces.get(c.task)?.[0];
      return {
        task_id: c.task.id,
        title: c.task.title,
        priority: c.task.priority,
        score: c.scored.score,
        recommendation: c.scored.reasoning.recommendation,
        start: first ? calendar.formatInstant(first.start) : null,
      };
    }),
    summary: summarize(layout, placed),
  };
}
