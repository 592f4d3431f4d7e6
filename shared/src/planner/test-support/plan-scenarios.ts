import fc from 'fast-check';
import type { Task } from '../../task/task.schema.ts';
import { arbitraryTask } from '../../testing/task-arbitrary.ts';
import { addDays, dateFromDayNumber, dayNumber } from '../../time/civil-date.ts';
import { intlTimeZone } from '../../time/time-zone.intl.ts';
import { ZonedCalendar } from '../../time/time-zone.ts';
import type { CalendarEvent } from '../calendar-source.ts';
import type { PlanDayInput } from '../plan-day.ts';
import { resolvePlanSettings } from '../plan-settings.ts';

// Random planning days for property tests and the benchmark: zones with and without DST,
// DST days over-represented, calendars with every kind of event, tasks due around the day.

const MIN = 60_000;
export const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Australia/Lord_Howe',
  'UTC',
];
// Spring-forward and fall-back days of New York, Berlin and Lord Howe (a 30-minute shift).
export const DST_DAYS = [
  '2026-03-08',
  '2026-11-01',
  '2026-03-29',
  '2026-10-25',
  '2026-04-05',
  '2026-10-04',
];
const calendars = new Map(ZONES.map((z) => [z, new ZonedCalendar(intlTimeZone, z)]));

const clock = (quarter: number) =>
  `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15).padStart(2, '0')}`;
const range = fc
  .tuple(fc.integer({ min: 0, max: 96 }), fc.integer({ min: 0, max: 96 }))
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => ({ start: clock(Math.min(a, b)), end: clock(Math.max(a, b)) }));

const settings = fc.record({
  working_hours: fc.oneof(
    range,
    fc.constant({ start: '09:00', end: '17:30' }),
    fc.constant({ start: '00:00', end: '24:00' }),
  ),
  working_days: fc.oneof(
    fc.constant<number[]>([1, 2, 3, 4, 5, 6, 7]),
    fc.subarray([1, 2, 3, 4, 5, 6, 7]),
  ),
  lunch: fc.option(range, { nil: null }),
  buffer_minutes: fc.integer({ min: 0, max: 30 }),
  default_effort_minutes: fc.integer({ min: 1, max: 240 }),
  min_block_minutes: fc.integer({ min: 1, max: 60 }),
  min_chunk_minutes: fc.integer({ min: 5, max: 90 }),
});

const day = fc.oneof(
  fc.constantFrom(...DST_DAYS),
  fc.integer({ min: dayNumber('2026-01-01'), max: dayNumber('2026-12-31') }).map(dateFromDayNumber),
);

/** Raw times relative to the day; made into ISO strings once the zone is known. */
const rawEvent = fc.record({
  startMinute: fc.integer({ min: -600, max: 1800 }),
  minutes: fc.integer({ min: -10, max: 400 }),
  allDay: fc.boolean(),
  title: fc.constantFrom('Standup', '<b>1:1</b>', 'Focus & lunch', ''),
  id: fc.option(fc.string({ maxLength: 4 }), { nil: undefined }),
  transparency: fc.constantFrom(undefined, 'opaque', 'transparent'),
  response: fc.constantFrom(undefined, null, 'accepted', 'tentative', 'declined', 'needs_action'),
});

const rawTask = fc.record({
  task: arbitraryTask(),
  dueMinute: fc.option(fc.integer({ min: -3000, max: 4000 }), { nil: null }),
  dueIsDate: fc.boolean(),
  status: fc.constantFrom('pending', 'pending', 'in_progress', 'snoozed', 'completed'),
  snoozeMinute: fc.option(fc.integer({ min: -600, max: 3000 }), { nil: null, freq: 3 }),
  effort: fc.option(fc.oneof(fc.integer({ min: 1, max: 90 }), fc.integer({ min: 1, max: 600 })), {
    nil: null,
  }),
});

/** A day to plan, as plain data (a failing case prints readably); see inputOf. */
export const planScenario = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    date: day,
    settings,
    nowMinute: fc.oneof(fc.integer({ min: -2000, max: 0 }), fc.integer({ min: 0, max: 2500 })),
    events: fc.array(rawEvent, { maxLength: 12 }),
    tasks: fc.uniqueArray(rawTask, { maxLength: 25, selector: (t) => t.task.id }),
  })
  .map((s) => {
    const calendar = calendars.get(s.zone)!;
    const start = calendar.startOfDay(s.date);
    const iso = (minute: number) => calendar.formatInstant(start + minute * MIN);
    const events: CalendarEvent[] = s.events.map((e) => ({
      title: e.title,
      start: e.allDay ? addDays(s.date, Math.floor(e.startMinute / 1440)) : iso(e.startMinute),
      end: e.allDay
        ? addDays(s.date, Math.floor(e.startMinute / 1440) + 1 + (e.minutes % 2))
        : iso(e.startMinute + e.minutes),
      ...(e.allDay ? { all_day: true } : {}),
      ...(e.id === undefined ? {} : { id: e.id }),
      ...(e.transparency === undefined ? {} : { transparency: e.transparency }),
      ...(e.response === undefined ? {} : { response: e.response }),
    }));
    const tasks: Task[] = s.tasks.map((t) => ({
      ...t.task,
      status: t.status as Task['status'],
      effort_minutes: t.effort,
      due:
        t.dueMinute === null
          ? null
          : t.dueIsDate
            ? addDays(s.date, Math.floor(t.dueMinute / 1440))
            : iso(t.dueMinute),
      snoozed_until: t.snoozeMinute === null ? null : iso(t.snoozeMinute),
    }));
    // Plain data, so a failing case prints readably; the calendar is added by inputOf.
    return {
      zone: s.zone,
      date: s.date,
      now: start + s.nowMinute * MIN + 17_000,
      tasks,
      events,
      settings: resolvePlanSettings(s.settings),
    };
  });

export function inputOf({
  zone,
  ...rest
}: { zone: string } & Omit<PlanDayInput, 'calendar'>): PlanDayInput {
  return { ...rest, calendar: calendars.get(zone)! };
}
