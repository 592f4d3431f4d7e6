import { z } from 'zod';
import { isCivilDate } from '../time/civil-date.ts';
import { isInstant } from '../task/task-time.ts';
import type { Awaitable } from '../service/task-store.ts';

// The calendar as the planner sees it. Hosts map their source (CalendarApp, the Calendar API,
// an ICS feed) onto this shape and leave the busy-or-not decision to the planner, so every
// host blocks the same time for the same calendar.

const EventTime = z
  .string()
  .refine(
    (s) => isInstant(s) || isCivilDate(s),
    'must be a date-time with offset, or a date YYYY-MM-DD for an all-day event',
  );

export const CalendarEventSchema = z.object({
  id: z.string().optional(),
  /** Private or untitled events may come without one; they show as "Busy". */
  title: z.string().optional(),
  start: EventTime,
  /** Exclusive. For an all-day event, the day after its last day (as iCalendar and Google do). */
  end: EventTime,
  all_day: z.boolean().optional(),
  /**
   * Google Calendar's "show as": opaque = busy, transparent = free. When absent, timed events
   * are busy and all-day events are free, the defaults Google Calendar gives new events.
   */
  transparency: z.enum(['opaque', 'transparent']).optional(),
  /** The user's own answer; null or absent when the source does not say. */
  response: z
    .enum(['accepted', 'tentative', 'declined', 'needs_action', 'organizer'])
    .nullable()
    .optional(),
});
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;

/**
 * The port a host implements to show the planner a user's calendar. It returns every event
 * that overlaps [startMs, endMs) — free, declined and all-day ones included — in any order
 * (extra events outside the range are harmless: the planner clips to the day); the planner
 * decides what blocks time. A source that cannot be reached throws
 * CalendarUnavailableError, so the plan fails as `unavailable` instead of silently ignoring
 * meetings.
 */
export interface CalendarSource {
  listEvents(startMs: number, endMs: number, zone: string): Awaitable<CalendarEvent[]>;
}

export class CalendarUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CalendarUnavailableError';
  }
}

/** A calendar that always answers with the same events: tests, ICS files, previews. */
export function fixedCalendar(events: readonly CalendarEvent[]): CalendarSource {
  return { listEvents: () => [...events] };
}
