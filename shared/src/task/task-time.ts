import { daysFromCivil, digits, isCivilDate, parseCivilDate } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';

// A due is either a civil date (due by the end of that day in the user's zone) or an
// instant written as an ISO 8601 date-time with an explicit offset:
// YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM). Parsed by hand: ranking reads one for every
// task on every request.

/** Milliseconds since the epoch for an ISO date-time with offset, or null if it is not one. */
export function parseInstant(text: string): number | null {
  if (text.length < 17 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58) return null;
  const date = parseCivilDate(text.slice(0, 10));
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  if (!date || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (text.charCodeAt(i) === 58) {
    second = digits(text, i + 1, i + 3);
    if (second < 0 || second > 59) return null;
    i += 3;
    if (text.charCodeAt(i) === 46) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j++;
      if (j === i + 1 || j - i - 1 > 9) return null;
      millis = digits((text.slice(i + 1, Math.min(j, i + 4)) + '00').slice(0, 3), 0, 3);
      i = j;
    }
  }
  let offsetMinutes = 0;
  const rest = text.length - i;
  if (rest === 1 && text.charCodeAt(i) === 90) {
    // Z: UTC, offset stays 0
  } else if (rest === 6 && text.charCodeAt(i + 3) === 58) {
    const sign = text.charCodeAt(i);
    const oh = digits(text, i + 1, i + 3);
    const om = digits(text, i + 4, i + 6);
    if ((sign !== 43 && sign !== 45) || oh < 0 || oh > 18 || om < 0 || om > 59) return null;
    offsetMinutes = (sign === 45 ? -1 : 1) * (oh * 60 + om);
  } else {
    return null;
  }
  const days = daysFromCivil(date.year, date.month, date.day);
  return days * 86_400_000 + ((hour * 60 + minute - offsetMinutes) * 60 + second) * 1000 + millis;
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
