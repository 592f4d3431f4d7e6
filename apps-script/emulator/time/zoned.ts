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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function isKnownZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

export function wallClock(instantMs: number, zone: string): WallClock {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(zone).formatToParts(whole)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const weekday = ((new Date(asUtc).getUTCDay() + 6) % 7) + 1;
  return {
    year: parts.year ?? 1970,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
    millisecond: instantMs - whole,
    weekday,
    offsetMinutes: Math.round((asUtc - whole) / 60_000),
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
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  const before = wallClock(wall - 86_400_000, zone).offsetMinutes;
  const after = wallClock(wall + 86_400_000, zone).offsetMinutes;
  const candidates = [wall - before * 60_000, wall - after * 60_000].filter(
    (t) => t + wallClock(t, zone).offsetMinutes * 60_000 === wall,
  );
  return candidates.length > 0 ? Math.min(...candidates) : wall - before * 60_000;
}
