import {
  CalendarUnavailableError,
  ZonedCalendar,
  type CalendarEvent,
  type CalendarSource,
  type TimeZonePort,
} from '@mindflow/shared';

type Calendar = GoogleAppsScript.Calendar.Calendar;
type Event = GoogleAppsScript.Calendar.CalendarEvent;

export interface CalendarAppSourceOptions {
  /** Read besides the default calendar (which is always read), by id. */
  calendarIds: readonly string[];
  timeZone: TimeZonePort;
}

const messageOf = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

/**
 * The CalendarSource port over CalendarApp: the default calendar plus the chosen ones, every
 * event as it is (declined, free and all-day ones included; the planner decides what blocks
 * time). The default calendar failing fails the plan; a chosen calendar that is gone or
 * failing is left out with a warning, so one stale id never costs the whole email.
 */
export class CalendarAppSource implements CalendarSource {
  /** Calendars left out of the last listEvents, in words for the plan's notes. */
  readonly warnings: string[] = [];
  /** Why the default calendar could not be read, when it could not. */
  failure: string | null = null;
  private readonly calendarIds: readonly string[];
  private readonly timeZone: TimeZonePort;

  constructor(options: CalendarAppSourceOptions) {
    this.calendarIds = options.calendarIds;
    this.timeZone = options.timeZone;
  }

  listEvents(startMs: number, endMs: number, zone: string): CalendarEvent[] {
    const read = new EventReader(new ZonedCalendar(this.timeZone, zone), startMs, endMs);
    let primaryId: string;
    try {
      const primary = CalendarApp.getDefaultCalendar();
      primaryId = primary.getId();
      read.calendar(primary);
    } catch (error) {
      this.failure = messageOf(error);
      throw new CalendarUnavailableError(
        `Your default calendar could not be read: ${messageOf(error)}`,
        { cause: error },
      );
    }
    for (const id of this.calendarIds) {
      if (id === primaryId) continue;
      this.readChosen(id, read);
    }
    return read.events;
  }

  private readChosen(id: string, read: EventReader): void {
    let calendar: Calendar | null = null;
    try {
      calendar = CalendarApp.getCalendarById(id);
      if (calendar) read.calendar(calendar);
    } catch (error) {
      const name = calendar ? `"${calendar.getName()}"` : id;
      this.warnings.push(
        `The calendar ${name} could not be read (${messageOf(error)}); its events are not in this plan.`,
      );
      return;
    }
    if (!calendar) {
      this.warnings.push(
        `The calendar ${id} is no longer available to you, so its events are not in this plan; choose your calendars again in MindFlow › Daily plan settings.`,
      );
    }
  }
}

/** Collects one day's events across calendars, each once (an invitation shows in several). */
class EventReader {
  readonly events: CalendarEvent[] = [];
  private readonly seen = new Set<string>();
  private readonly zoned: ZonedCalendar;
  private readonly from: Date;
  private readonly to: Date;

  constructor(zoned: ZonedCalendar, startMs: number, endMs: number) {
    this.zoned = zoned;
    this.from = new Date(startMs);
    this.to = new Date(endMs);
  }

  calendar(calendar: Calendar): void {
    const zone = calendar.getTimeZone();
    // Read every event before keeping any, so a calendar failing halfway adds nothing.
    const found = calendar
      .getEvents(this.from, this.to)
      .map((e) => toCalendarEvent(e, zone, this.zoned));
    for (const event of found) {
      // Instances of a recurring event share their iCalUID: the start tells them apart.
      const key = `${event.id ?? ''}|${event.start}`;
      if (event.id !== undefined && this.seen.has(key)) continue;
      this.seen.add(key);
      this.events.push(event);
    }
  }
}

function toCalendarEvent(event: Event, calendarZone: string, zoned: ZonedCalendar): CalendarEvent {
  const allDay = event.isAllDayEvent();
  const title = event.getTitle();
  const transparency = transparencyOf(event);
  const response = responseOf(event.getMyStatus());
  return {
    id: event.getId(),
    ...(title ? { title } : {}),
    // An all-day event's start and end times are midnights in its calendar's zone (the end
    // exclusive), so that zone names its dates; a timed one is an instant, shown in the
    // plan's zone.
    start: allDay
      ? Utilities.formatDate(event.getStartTime(), calendarZone, 'yyyy-MM-dd')
      : zoned.formatInstant(event.getStartTime().getTime()),
    end: allDay
      ? Utilities.formatDate(event.getEndTime(), calendarZone, 'yyyy-MM-dd')
      : zoned.formatInstant(event.getEndTime().getTime()),
    all_day: allDay,
    ...(transparency ? { transparency } : {}),
    response,
  };
}

function transparencyOf(event: Event): CalendarEvent['transparency'] {
  // getTransparency arrived in CalendarApp later than the rest; without it the planner
  // applies Google's defaults (timed events busy, all-day ones free).
  if (typeof event.getTransparency !== 'function') return undefined;
  const value = event.getTransparency();
  if (value === CalendarApp.EventTransparency.TRANSPARENT) return 'transparent';
  if (value === CalendarApp.EventTransparency.OPAQUE) return 'opaque';
  return undefined;
}

function responseOf(
  status: GoogleAppsScript.Calendar.GuestStatus | null,
): CalendarEvent['response'] {
  const Status = CalendarApp.GuestStatus;
  switch (status) {
    case Status.YES:
      return 'accepted';
    case Status.MAYBE:
      return 'tentative';
    case Status.NO:
      return 'declined';
    case Status.INVITED:
      return 'needs_action';
    case Status.OWNER:
      return 'organizer';
    default:
      return null;
  }
}
