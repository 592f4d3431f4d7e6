import { dayNumber, formatCivilDate, pad } from './civil-date.ts';

/**
 * The one place a host answers time-zone questions. Intl in Node, Utilities.formatDate in
 * Apps Script. Everything else (local dates, hours, DST gaps and overlaps) is derived here
 * from the UTC offset, so both hosts make identical calendar decisions.
 */
export interface TimeZonePort {
  /** Offset of `zone` from UTC at the instant, in minutes (New York in winter: −300). */
  offsetMinutes(instantMs: number, zone: string): number;
  /** Whether `zone` is an IANA name this host knows. */
  isValidZone(zone: string): boolean;
}

export interface LocalDateTime {
  date: string; // YYYY-MM-DD
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes since local midnight (wall clock). */
  minuteOfDay: number;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Modern zone transitions happen on quarter-hour boundaries, so the offset is constant
// within a quarter-hour bucket and can be cached per bucket.
const BUCKET_MS = 15 * MINUTE_MS;
const CACHE_LIMIT = 50_000;

/** Calendar questions for one user's zone, answered through the port with a small cache. */
export class ZonedCalendar {
  readonly zone: string;
  private readonly port: TimeZonePort;
  private readonly offsets = new Map<number, number>();

  constructor(port: TimeZonePort, zone: string) {
    this.port = port;
    this.zone = zone;
  }

  offsetMinutes(instantMs: number): number {
    const bucket = Math.floor(instantMs / BUCKET_MS);
    let offset = this.offsets.get(bucket);
    if (offset === undefined) {
      offset = this.port.offsetMinutes(bucket * BUCKET_MS, this.zone);
      if (this.offsets.size >= CACHE_LIMIT) this.offsets.clear();
      this.offsets.set(bucket, offset);
    }
    return offset;
  }

  local(instantMs: number): LocalDateTime {
    const wall = new Date(instantMs + this.offsetMinutes(instantMs) * MINUTE_MS);
    const year = wall.getUTCFullYear();
    const month = wall.getUTCMonth() + 1;
    const day = wall.getUTCDate();
    const hour = wall.getUTCHours();
    const minute = wall.getUTCMinutes();
    const weekday = ((wall.getUTCDay() + 6) % 7) + 1;
    return {
      date: formatCivilDate({ year, month, day }),
      year,
      month,
      day,
      hour,
      minute,
      second: wall.getUTCSeconds(),
      minuteOfDay: hour * 60 + minute,
      weekday,
    };
  }

  localDate(instantMs: number): string {
    return this.local(instantMs).date;
  }

  /**
   * The instant the wall clock reads `minuteOfDay` on `date`. In a DST gap (02:30 on a
   * spring-forward night) the time moves forward by the gap, as Temporal's 'compatible'
   * does; in an overlap (01:30 twice on a fall-back night) the earlier instant wins.
   */
  instantAt(date: string, minuteOfDay = 0): number {
    return this.instantOnDay(dayNumber(date), minuteOfDay);
  }

  /**
   * instantAt for a day given as days since 1970-01-01: no date text in between, so the
   * day after 9999-12-31 is as good as any other (Date.UTC would also read years 0–99 as
   * 1900–1999).
   */
  private instantOnDay(day: number, minuteOfDay: number): number {
    const wall = day * DAY_MS + minuteOfDay * MINUTE_MS;
    const before = this.offsetMinutes(wall - DAY_MS);
    const after = this.offsetMinutes(wall + DAY_MS);
    const candidates = [wall - before * MINUTE_MS, wall - after * MINUTE_MS].filter(
      (t) => t + this.offsetMinutes(t) * MINUTE_MS === wall,
    );
    if (candidates.length > 0) return Math.min(...candidates);
    return wall - before * MINUTE_MS;
  }

  startOfDay(date: string): number {
    return this.instantAt(date, 0);
  }

  /** The first instant of the local day after `date`: when a date-only due becomes overdue. */
  endOfDay(date: string): number {
    return this.instantOnDay(dayNumber(date) + 1, 0);
  }

  /** Length of a local day in minutes: 1380 or 1500 on DST days. */
  dayLengthMinutes(date: string): number {
    return (this.endOfDay(date) - this.startOfDay(date)) / MINUTE_MS;
  }

  /** ISO 8601 with this zone's offset at that instant: 2026-11-27T15:00:00-05:00. */
  formatInstant(instantMs: number): string {
    const l = this.local(instantMs);
    return `${l.date}T${pad(l.hour, 2)}:${pad(l.minute, 2)}:${pad(l.second, 2)}${formatOffset(
      this.offsetMinutes(instantMs),
    )}`;
  }
}

export function formatOffset(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'Z';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`;
}
