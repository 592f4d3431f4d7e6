import { isCivilDate } from '../time/civil-date.ts';
import { parseInstant } from '../task/task-time.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import type { CalendarEvent } from './calendar-source.ts';
import type { Interval } from './intervals.ts';

// Which calendar events take time away from tasks. Declined and "free" events never do
// (Reclaim and Motion agree); tentative and unanswered invitations do, because the person
// may still go and a task planned over them would be a clash to undo. All-day events are
// "free" unless the calendar marks them busy — Google's default for a new all-day event —
// so a birthday is context while an out-of-office day blocks the day.

const MINUTE_MS = 60_000;

export interface ReadEvent {
  event: CalendarEvent;
  /** Minute-aligned: the start floored and the end rounded up, so a block never clips one. */
  span: Interval;
  allDay: boolean;
  busy: boolean;
}

function instantOf(text: string, calendar: ZonedCalendar): number | null {
  return isCivilDate(text) ? calendar.startOfDay(text) : parseInstant(text);
}

/** The event's span and whether it blocks time; null when its times cannot be read or end before they start. */
export function readEvent(event: CalendarEvent, calendar: ZonedCalendar): ReadEvent | null {
  const start = instantOf(event.start, calendar);
  const end = instantOf(event.end, calendar);
  if (start === null || end === null || end < start) return null;
  const span = {
    start: Math.floor(start / MINUTE_MS) * MINUTE_MS,
    end: Math.ceil(end / MINUTE_MS) * MINUTE_MS,
  };
  const allDay = event.all_day === true || isCivilDate(event.start);
  const transparency = event.transparency ?? (allDay ? 'transparent' : 'opaque');
  // A zero-length event (a reminder, a deadline marker) takes no time.
  const busy = event.response !== 'declined' && transparency === 'opaque' && span.end > span.start;
  return { event, span, allDay, busy };
}

/** One line on an event block: why the planner keeps this time free. */
export function eventWhy(read: ReadEvent): string {
  if (read.allDay) return 'busy all day in your calendar';
  switch (read.event.response) {
    case 'tentative':
      return 'tentative in your calendar; kept free in case you go';
    case 'needs_action':
      return 'invitation not answered yet; kept free in case you go';
    default:
      return 'busy in your calendar';
  }
}

/** Every field that shows in a plan, so events that tie on time still sort one way. */
function eventKey(e: CalendarEvent): string {
  const fields = [e.title, e.id, e.response, e.transparency, e.all_day, e.start, e.end];
  return JSON.stringify(fields.map((f) => (f === undefined ? null : f)));
}

export function compareEvents(a: ReadEvent, b: ReadEvent): number {
  return (
    a.span.start - b.span.start ||
    a.span.end - b.span.end ||
    compareCalendarEvents(a.event, b.event)
  );
}

/** A total order on events by content, so the plan never depends on the order they came in. */
export function compareCalendarEvents(a: CalendarEvent, b: CalendarEvent): number {
  return compareText(a.title ?? '', b.title ?? '') || compareText(eventKey(a), eventKey(b));
}

// Code-unit order, not localeCompare: hosts ship different ICU data, plans must not differ.
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
