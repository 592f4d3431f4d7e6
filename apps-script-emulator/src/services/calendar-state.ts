import { gasEnum, type EnumValue } from '../runtime/api-object.ts';
import { instantFromWall } from '../time/zoned.ts';

export const GuestStatus = gasEnum(['INVITED', 'MAYBE', 'NO', 'OWNER', 'YES'] as const);
export const EventTransparency = gasEnum(['OPAQUE', 'TRANSPARENT'] as const);
export const EventType = gasEnum([
  'DEFAULT',
  'BIRTHDAY',
  'FOCUS_TIME',
  'FROM_GMAIL',
  'OUT_OF_OFFICE',
  'WORKING_LOCATION',
] as const);

export interface CalendarEventModel {
  id: string;
  calendarId: string;
  title: string;
  description: string;
  location: string;
  start: number;
  end: number;
  allDay: boolean;
  myStatus: EnumValue;
  transparency: EnumValue;
  eventType: EnumValue;
}

export interface CalendarModel {
  id: string;
  name: string;
  timeZone: string;
  ownedByMe: boolean;
  events: CalendarEventModel[];
  /** Set by fail(): what reading its events throws, as when Calendar has an outage. */
  failure: string | null;
}

/** What a test seeds: timed events take instants, all-day events take "YYYY-MM-DD" dates. */
export interface EventSeed {
  title: string;
  start: Date | string | number;
  end?: Date | string | number;
  allDay?: boolean;
  calendarId?: string;
  description?: string;
  location?: string;
  myStatus?: keyof typeof GuestStatus;
  transparency?: keyof typeof EventTransparency;
  eventType?: keyof typeof EventType;
  id?: string;
}

// What Apps Script says when a Google service has a transient failure.
export const SERVER_ERROR =
  "We're sorry, a server error occurred. Please wait a bit and try again.";

function dateOnly(value: Date | string | number): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (!m) throw new Error(`all-day events take YYYY-MM-DD dates, got ${String(value)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const instant = (value: Date | string | number): number =>
  value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);

/** The user's calendars and their events. */
export class CalendarState {
  readonly calendars = new Map<string, CalendarModel>();
  private readonly ownerEmail: () => string;
  private readonly defaultZone: () => string;
  private counter = 0;

  constructor(ownerEmail: () => string, defaultZone: () => string) {
    this.ownerEmail = ownerEmail;
    this.defaultZone = defaultZone;
  }

  defaultCalendar(): CalendarModel {
    return this.addCalendar({ id: this.ownerEmail(), name: this.ownerEmail() });
  }

  addCalendar(options: {
    id: string;
    name?: string;
    timeZone?: string;
    ownedByMe?: boolean;
  }): CalendarModel {
    const existing = this.calendars.get(options.id);
    if (existing) return existing;
    const calendar: CalendarModel = {
      id: options.id,
      name: options.name ?? options.id,
      timeZone: options.timeZone ?? this.defaultZone(),
      ownedByMe: options.ownedByMe ?? true,
      events: [],
      failure: null,
    };
    this.calendars.set(calendar.id, calendar);
    return calendar;
  }

  /** The user unsubscribed from it (or it was deleted): getCalendarById answers null. */
  removeCalendar(id: string): void {
    this.calendars.delete(id);
  }

  /**
   * Reading the calendar's events throws `message` (Apps Script's "Exception: …") until
   * fail(id, null) heals it.
   */
  fail(id: string, message: string | null = SERVER_ERROR): void {
    const calendar = id === this.ownerEmail() ? this.defaultCalendar() : this.calendars.get(id);
    if (!calendar) throw new Error(`no calendar ${id} to fail`);
    calendar.failure = message;
  }

  addEvent(seed: EventSeed): CalendarEventModel {
    const calendar = seed.calendarId
      ? this.addCalendar({ id: seed.calendarId })
      : this.defaultCalendar();
    let start: number;
    let end: number;
    if (seed.allDay) {
      const [y, m, d] = dateOnly(seed.start);
      start = instantFromWall(calendar.timeZone, y, m, d);
      const [ey, em, ed] = seed.end === undefined ? [y, m, d + 1] : dateOnly(seed.end);
      end = instantFromWall(calendar.timeZone, ey, em, ed);
    } else {
      start = instant(seed.start);
      end = seed.end === undefined ? start + 3_600_000 : instant(seed.end);
    }
    if (!Number.isFinite(start) || !Number.isFinite(end) || end < start) {
      throw new Error(`event "${seed.title}" needs a start before its end`);
    }
    this.counter += 1;
    const event: CalendarEventModel = {
      id: seed.id ?? `event-${this.counter}@google.com`,
      calendarId: calendar.id,
      title: seed.title,
      description: seed.description ?? '',
      location: seed.location ?? '',
      start,
      end,
      allDay: seed.allDay ?? false,
      myStatus: GuestStatus[seed.myStatus ?? 'OWNER'],
      // Google Calendar's defaults for a new event: timed ones busy, all-day ones free.
      transparency:
        EventTransparency[seed.transparency ?? (seed.allDay ? 'TRANSPARENT' : 'OPAQUE')],
      eventType: EventType[seed.eventType ?? 'DEFAULT'],
    };
    calendar.events.push(event);
    return event;
  }
}
