import { isoWeekday } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import { compareCalendarEvents, compareEvents, readEvent, type ReadEvent } from './busy-events.ts';
import type { CalendarEvent } from './calendar-source.ts';
import { clipInterval, mergeIntervals, subtractIntervals, type Interval } from './intervals.ts';
import { clockMinutes, type PlanSettings, type TimeRange } from './plan-settings.ts';

// Rule 1 of docs/planning.md: the working window of the local day, cut to start no earlier
// than now, minus busy time (each meeting followed by its buffer) and lunch. Every local
// time goes through ZonedCalendar, so a 23- or 25-hour day needs no special case.

const MINUTE_MS = 60_000;

export interface DayLayout {
  working: boolean;
  /** The working hours of the day; null on a day off (or a window a DST gap swallowed). */
  window: Interval | null;
  /** The instant tasks are ranked at: now, or the start of work if that is later. */
  rankAt: number;
  /** The first whole minute tasks may use. */
  planStart: number;
  /** Busy events overlapping the window, in time order, with their clipped spans. */
  events: { read: ReadEvent; span: Interval }[];
  /** All-day events that do not block: the day's context. */
  allDay: CalendarEvent[];
  busy: Interval[];
  lunch: Interval[];
  buffers: Interval[];
  /** Free time from planStart, every gap however short. */
  free: Interval[];
  unreadableEvents: number;
}

export interface LayoutInput {
  date: string;
  now: number;
  calendar: ZonedCalendar;
  settings: PlanSettings;
  events: readonly CalendarEvent[];
}

function rangeOn(date: string, range: TimeRange, calendar: ZonedCalendar): Interval {
  const at = (clock: string) => {
    const minutes = clockMinutes(clock) ?? 0;
    return minutes >= 1440 ? calendar.endOfDay(date) : calendar.instantAt(date, minutes);
  };
  return { start: at(range.start), end: at(range.end) };
}

export function layoutDay(input: LayoutInput): DayLayout {
  const { date, now, calendar, settings } = input;
  const hours = rangeOn(date, settings.working_hours, calendar);
  const rankAt = Math.max(now, hours.start);
  const planStart = Math.ceil(rankAt / MINUTE_MS) * MINUTE_MS;
  const working = settings.working_days.includes(isoWeekday(date));
  const window = working && hours.end > hours.start ? hours : null;
  const day = { start: calendar.startOfDay(date), end: calendar.endOfDay(date) };

  const busyReads: ReadEvent[] = [];
  const allDay: CalendarEvent[] = [];
  let unreadableEvents = 0;
  for (const event of input.events) {
    const read = readEvent(event, calendar);
    if (read === null) unreadableEvents++;
    else if (!clipInterval(read.span, day)) continue;
    else if (read.busy) busyReads.push(read);
    else if (read.allDay && event.response !== 'declined') allDay.push(event);
  }
  busyReads.sort(compareEvents);
  allDay.sort(compareCalendarEvents);
  const base = { working, rankAt, planStart, allDay, unreadableEvents };
  if (window === null) {
    return { ...base, window, events: [], busy: [], lunch: [], buffers: [], free: [] };
  }

  const events: DayLayout['events'] = [];
  for (const read of busyReads) {
    const span = clipInterval(read.span, window);
    if (span) events.push({ read, span });
  }
  const busy = mergeIntervals(events.map((e) => e.span));
  const lunchRange = settings.lunch
    ? clipInterval(rangeOn(date, settings.lunch, calendar), window)
    : null;
  const lunch = lunchRange ? subtractIntervals([lunchRange], busy) : [];
  const afterMeetings = mergeIntervals(
    busyReads.map((r) => ({
      start: r.span.end,
      end: r.span.end + settings.buffer_minutes * MINUTE_MS,
    })),
  ).flatMap((b) => clipInterval(b, window) ?? []);
  const buffers = subtractIntervals(subtractIntervals(afterMeetings, busy), lunch);
  const taken = mergeIntervals([...busy, ...lunch, ...buffers]);
  const open =
    planStart < window.end ? [{ start: Math.max(planStart, window.start), end: window.end }] : [];
  const free = subtractIntervals(open, taken);
  return { ...base, window, events, busy, lunch, buffers, free };
}
