import type { TimeZonePort } from './time-zone.ts';

// Intl is part of ECMAScript, so this adapter stays inside the pure core; Apps Script uses
// its own adapter over Utilities.formatDate.
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

export const intlTimeZone: TimeZonePort = {
  offsetMinutes(instantMs, zone) {
    const whole = Math.floor(instantMs / 1000) * 1000;
    const parts: Record<string, number> = {};
    for (const p of formatterFor(zone).formatToParts(whole)) {
      if (p.type !== 'literal') parts[p.type] = Number(p.value);
    }
    const wall = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
      parts.second ?? 0,
    );
    return Math.round((wall - whole) / 60_000);
  },
  isValidZone(zone) {
    if (!zone || zone.length > 64) return false;
    try {
      formatterFor(zone);
      return true;
    } catch {
      return false;
    }
  },
};
