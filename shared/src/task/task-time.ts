import { isCivilDate, parseCivilDate } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';

// A due is either a civil date (due by the end of that day in the user's zone) or an
// instant written as an ISO 8601 date-time with an explicit offset.
const DATE_TIME_RE =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch for an ISO date-time with offset, or null if it is not one. */
export function parseInstant(text: string): number | null {
  const m = DATE_TIME_RE.exec(text);
  if (!m) return null;
  const date = parseCivilDate(m[1] ?? '');
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? 0);
  if (!date || hour > 23 || minute > 59 || second > 59) return null;
  const offset = m[6] ?? 'Z';
  let offsetMinutes = 0;
  if (offset !== 'Z') {
    const oh = Number(offset.slice(1, 3));
    const om = Number(offset.slice(4, 6));
    if (oh > 18 || om > 59) return null;
    offsetMinutes = (offset.startsWith('-') ? -1 : 1) * (oh * 60 + om);
  }
  const millis = Math.floor(Number(`0.${m[5] ?? '0'}`) * 1000);
  return (
    Date.UTC(date.year, date.month - 1, date.day, hour, minute, second, millis) -
    offsetMinutes * 60_000
  );
}

export function isInstant(text: string): boolean {
  return parseInstant(text) !== null;
}

export function isDue(text: string): boolean {
  return isCivilDate(text) || isInstant(text);
}

export type ParsedDue = { kind: 'date'; date: string } | { kind: 'instant'; ms: number };

export function parseDue(due: string): ParsedDue | null {
  if (isCivilDate(due)) return { kind: 'date', date: due };
  const ms = parseInstant(due);
  return ms === null ? null : { kind: 'instant', ms };
}

/**
 * The instant a due is reached: a timed due at its moment, a date-only due at the first
 * instant of the next local day (it is overdue from then on).
 */
export function dueInstant(due: string, calendar: ZonedCalendar): number | null {
  const p = parseDue(due);
  if (!p) return null;
  return p.kind === 'instant' ? p.ms : calendar.endOfDay(p.date);
}

/** The local calendar date a due falls on. */
export function dueLocalDate(due: string, calendar: ZonedCalendar): string | null {
  const p = parseDue(due);
  if (!p) return null;
  return p.kind === 'date' ? p.date : calendar.localDate(p.ms);
}

/** The calendar date written in a due, as text: what list filters compare. */
export function dueWrittenDate(due: string): string {
  return due.slice(0, 10);
}

/** UTC ISO timestamp with milliseconds, the form every *_at field uses. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString();
}
