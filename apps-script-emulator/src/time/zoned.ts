import { formatCivilDate, intlTimeZone, ZonedCalendar } from '@mindflow/shared';

/** Wall-clock fields of an instant in an IANA zone, read through Intl (real tz data, real DST). */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes east of UTC (New York in winter: -300). */
  offsetMinutes: number;
}

// The emulator reads real tz data through the core's Intl adapter; ZonedCalendar turns the
// offset into wall-clock fields and back, so DST rules live in one place.
const calendars = new Map<string, ZonedCalendar>();

function calendarFor(zone: string): ZonedCalendar {
  let c = calendars.get(zone);
  if (!c) {
    c = new ZonedCalendar(intlTimeZone, zone);
    calendars.set(zone, c);
  }
  return c;
}

export function isKnownZone(zone: string): boolean {
  return intlTimeZone.isValidZone(zone);
}

export function wallClock(instantMs: number, zone: string): WallClock {
  const calendar = calendarFor(zone);
  const local = calendar.local(instantMs);
  return {
    year: local.year,
    month: local.month,
    day: local.day,
    hour: local.hour,
    minute: local.minute,
    second: local.second,
    millisecond: ((instantMs % 1000) + 1000) % 1000,
    weekday: local.weekday,
    offsetMinutes: calendar.offsetMinutes(instantMs),
  };
}

/**
 * The instant a wall clock in `zone` shows the given fields. In a DST gap the time moves
 * forward by the gap; in an overlap the earlier instant wins (what Sheets and java.time do).
 */
export function instantFromWall(
  zone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const date = formatCivilDate({ year, month, day });
  return calendarFor(zone).instantAt(date, hour * 60 + minute) + second * 1000;
}
