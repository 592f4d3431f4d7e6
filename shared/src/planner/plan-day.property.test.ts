import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInstant } from '../task/task-time.ts';
import { isCivilDate, isoWeekday } from '../time/civil-date.ts';
import { DayPlanSchema, type DayPlan, type PlanBlock } from './day-plan.schema.ts';
import { planDay, type PlanDayInput } from './plan-day.ts';
import { clockMinutes } from './plan-settings.ts';
import { inputOf, planScenario as scenario } from './test-support/plan-scenarios.ts';

// Random days, zones, calendars and task lists, DST days over-represented: the rules of
// docs/planning.md checked on every plan, each by arithmetic independent of the planner's.

const MIN = 60_000;
const ms = (text: string) => parseInstant(text)!;
const overlap = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;
const span = (b: PlanBlock) => ({ start: ms(b.start), end: ms(b.end) });

/** What must block time, decided here from the rules as written, not by the planner's code. */
function busySpans(input: PlanDayInput): { start: number; end: number }[] {
  const out = [];
  for (const e of input.events ?? []) {
    const allDay = e.all_day === true || isCivilDate(e.start);
    if (e.response === 'declined') continue;
    if ((e.transparency ?? (allDay ? 'transparent' : 'opaque')) !== 'opaque') continue;
    const at = (t: string) => (isCivilDate(t) ? input.calendar.startOfDay(t) : ms(t));
    if (at(e.end) <= at(e.start)) continue;
    out.push({ start: Math.floor(at(e.start) / MIN) * MIN, end: Math.ceil(at(e.end) / MIN) * MIN });
  }
  return out;
}

function workingWindow(input: PlanDayInput) {
  const { calendar, date } = input;
  const s = input.settings!;
  const at = (c: string) =>
    clockMinutes(c) === 1440 ? calendar.endOfDay(date) : calendar.instantAt(date, clockMinutes(c)!);
  return { start: at(s.working_hours.start), end: at(s.working_hours.end) };
}

function checkPlan(input: PlanDayInput, plan: DayPlan): void {
  const s = input.settings!;
  DayPlanSchema.parse(plan);
  const window = workingWindow(input);
  const planStart = Math.ceil(Math.max(input.now, window.start) / MIN) * MIN;
  if (!s.working_days.includes(isoWeekday(input.date))) expect(plan.blocks).toEqual([]);
  const busy = busySpans(input);
  const blocks = plan.blocks.map((b) => ({ block: b, ...span(b) }));
  blocks.forEach((b, i) => {
    expect(b.end).toBeGreaterThan(b.start);
    expect(b.start).toBeGreaterThanOrEqual(window.start);
    expect(b.end).toBeLessThanOrEqual(window.end);
    expect(input.calendar.formatInstant(b.start)).toBe(b.block.start);
    if (i > 0) expect(b.start).toBeGreaterThanOrEqual(blocks[i - 1]!.start);
    if (b.block.kind === 'event') return;
    for (const e of busy) expect(overlap(b, e), 'overlaps a busy event').toBe(false);
    for (const o of blocks) {
      if (o === b || (o.block.kind !== 'task' && b.block.kind !== 'task')) continue;
      expect(overlap(b, o), 'overlaps another block').toBe(false);
    }
    if (b.block.kind === 'task') expect(b.start).toBeGreaterThanOrEqual(planStart);
  });

  let focus = 0;
  const unscheduled = new Map(plan.unscheduled.map((u) => [u.task_id, u]));
  expect(unscheduled.size).toBe(plan.unscheduled.length);
  for (const task of input.tasks) {
    const parts = blocks.filter((b) => b.block.kind === 'task' && b.block.task_id === task.id);
    if (task.status === 'completed') {
      expect(parts.length + (unscheduled.has(task.id) ? 1 : 0)).toBe(0);
      continue;
    }
    if (parts.length === 0) {
      expect(unscheduled.get(task.id)?.reason.length ?? 0).toBeGreaterThan(0);
      continue;
    }
    expect(unscheduled.has(task.id)).toBe(false);
    const minutes = parts.map((p) => (p.end - p.start) / MIN);
    expect(minutes.reduce((a, b) => a + b, 0)).toBe(
      task.effort_minutes ?? s.default_effort_minutes,
    );
    parts.forEach((p, i) => {
      expect(p.block.kind === 'task' && p.block.part).toBe(`${i + 1}/${parts.length}`);
      if (parts.length > 1) {
        expect(minutes[i]).toBeGreaterThanOrEqual(
          Math.max(s.min_chunk_minutes, s.min_block_minutes),
        );
      }
    });
    focus += minutes.reduce((a, b) => a + b, 0);
    const due = task.due !== null && !isCivilDate(task.due) ? ms(task.due) : null;
    if (due !== null && due > planStart && due < window.end) {
      expect(parts[parts.length - 1]!.end).toBeLessThanOrEqual(due);
    }
    const until = task.snoozed_until === null ? null : ms(task.snoozed_until);
    if (until !== null && until > Math.max(input.now, window.start)) {
      expect(parts[0]!.start).toBeGreaterThanOrEqual(until);
    }
  }
  expect(plan.summary.focus_minutes).toBe(focus);
  expect(plan.summary.free_minutes).toBeGreaterThanOrEqual(0);
  expect(plan.summary.load_percent).toBeGreaterThanOrEqual(0);
  expect(plan.summary.load_percent).toBeLessThanOrEqual(100);
  for (const r of plan.at_risk) expect(r.reason.length).toBeGreaterThan(0);
}

describe('plan-day', () => {
  describe('planDay (properties)', () => {
    it('keeps every rule of docs/planning.md on random days, zones and calendars', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const input = inputOf(s);
          checkPlan(input, planDay(input));
        }),
        { numRuns: 400 },
      );
    });

    it('gives the same plan for the same input, whatever order events and tasks come in', () => {
      fc.assert(
        fc.property(scenario, (s) => {
          const input = inputOf(s);
          const again = planDay({
            ...input,
            events: [...(input.events ?? [])].reverse(),
            tasks: [...input.tasks].reverse(),
          });
          const first = planDay(input);
          if (JSON.stringify(again) !== JSON.stringify(first)) {
            console.log(
              JSON.stringify({ ...input, calendar: input.calendar.zone, first, again }, null, 1),
            );
          }
          expect(again).toEqual(first);
        }),
        { numRuns: 200 },
      );
    });
  });
});
