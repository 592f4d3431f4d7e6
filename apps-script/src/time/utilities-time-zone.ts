import type { TimeZonePort } from '@mindflow/shared';

/** Utilities.formatDate's signature, so tests can count or replace it. */
export type FormatDate = (date: Date, timeZone: string, pattern: string) => string;

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
// Samples two weeks apart find every transition of modern tz data: no zone changes its
// offset twice within 14 days (Morocco's Ramadan break, the shortest, lasts about a month).
const SAMPLE_MS = 14 * DAY_MS;

interface YearTable {
  /** Offset in force before the first transition. */
  initial: number;
  /** Instants (whole minutes) from which `offset` applies, ascending. */
  transitions: { at: number; offset: number }[];
}

/** "+0530" / "-0500" (SimpleDateFormat's Z) → minutes east of UTC. */
export function parseOffset(text: string): number {
  const m = /^([+-])(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) throw new Error(`Utilities.formatDate gave an unexpected offset: ${text}`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/**
 * The TimeZonePort over Utilities.formatDate. Each call crosses into Apps Script's Java
 * runtime, so instead of one call per question it learns a year at a time: ~28 samples and a
 * binary search per transition (~60 calls for a zone with DST), then answers from the table.
 */
export function utilitiesTimeZone(formatDate: FormatDate): TimeZonePort {
  const tables = new Map<string, YearTable>();
  const offsetAt = (ms: number, zone: string): number =>
    parseOffset(formatDate(new Date(ms), zone, 'Z'));

  function firstMinuteWith(zone: string, low: number, high: number, target: number): number {
    // Invariant: offset(low) !== target, offset(high) === target; both whole minutes.
    let lo = low;
    let hi = high;
    while (hi - lo > MINUTE_MS) {
      const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
      if (offsetAt(mid, zone) === target) hi = mid;
      else lo = mid;
    }
    return hi;
  }

  function learnYear(zone: string, year: number): YearTable {
    const start = Date.UTC(year, 0, 1) - DAY_MS;
    const end = Date.UTC(year + 1, 0, 1) + DAY_MS;
    const initial = offsetAt(start, zone);
    const transitions: YearTable['transitions'] = [];
    let previousAt = start;
    let previous = initial;
    for (let at = start + SAMPLE_MS; previousAt < end; at = Math.min(at + SAMPLE_MS, end)) {
      const offset = offsetAt(at, zone);
      if (offset !== previous) {
        transitions.push({ at: firstMinuteWith(zone, previousAt, at, offset), offset });
      }
      previousAt = at;
      previous = offset;
      if (at === end) break;
    }
    return { initial, transitions };
  }

  return {
    offsetMinutes(instantMs, zone) {
      const year = new Date(instantMs).getUTCFullYear();
      const key = `${zone}|${year}`;
      let table = tables.get(key);
      if (!table) {
        table = learnYear(zone, year);
        tables.set(key, table);
      }
      const minute = Math.floor(instantMs / MINUTE_MS) * MINUTE_MS;
      let offset = table.initial;
      for (const t of table.transitions) {
        if (t.at > minute) break;
        offset = t.offset;
      }
      return offset;
    },
    isValidZone(zone) {
      // Utilities.formatDate quietly falls back to GMT for a zone it does not know, so it
      // cannot tell; Apps Script's V8 has Intl, which can.
      if (!zone || zone.length > 64) return false;
      try {
        new Intl.DateTimeFormat('en-US', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** The port as the add-on uses it: through Apps Script's Utilities service. */
export function appsScriptTimeZone(): TimeZonePort {
  return utilitiesTimeZone((date, zone, pattern) => Utilities.formatDate(date, zone, pattern));
}
