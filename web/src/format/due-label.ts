import { daysBetween, pad, parseCivilDate, parseDue, type ZonedCalendar } from '@mindflow/shared';

// English on purpose: the core's recommendations are English, so the sidebar reads as one
// voice. Dates are formatted from civil dates in UTC, so the browser's own zone never leaks.
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 15:05 → "3:05 PM". */
export function clockLabel(minuteOfDay: number): string {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `${h12}:${pad(minute, 2)} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** "Wed, Mar 11" (and the year when it is not this year's). */
export function dateLabel(date: string, today: string): string {
  const d = parseCivilDate(date);
  if (!d) return date;
  const weekday = WEEKDAYS[(new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7];
  const base = `${weekday?.slice(0, 3)}, ${MONTHS[d.month - 1]} ${d.day}`;
  return today.slice(0, 4) === date.slice(0, 4) ? base : `${base}, ${d.year}`;
}

/** "today", "tomorrow", "yesterday", "Friday" within the week, else "Wed, Mar 11". */
export function relativeDay(date: string, today: string): string {
  const days = daysBetween(today, date);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  const d = parseCivilDate(date);
  if (days > 1 && days < 7 && d) {
    return WEEKDAYS[(new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7] ?? date;
  }
  return dateLabel(date, today);
}

export interface DueParts {
  date: string;
  /** Minutes since local midnight, for a timed due. */
  minuteOfDay: number | null;
}

/** A due read in the Sheet's zone; null when it is not a due. */
export function dueParts(due: string, calendar: ZonedCalendar): DueParts | null {
  const p = parseDue(due);
  if (!p) return null;
  if (p.kind === 'date') return { date: p.date, minuteOfDay: null };
  const local = calendar.local(p.ms);
  return { date: local.date, minuteOfDay: local.minuteOfDay };
}

/** Short, for list rows: "tomorrow", "Friday 3:00 PM". */
export function dueLabel(due: string, calendar: ZonedCalendar, now: number): string {
  const parts = dueParts(due, calendar);
  if (!parts) return due;
  const day = relativeDay(parts.date, calendar.localDate(now));
  return parts.minuteOfDay === null ? day : `${day} ${clockLabel(parts.minuteOfDay)}`;
}

/** Long, for the quick-add preview: "tomorrow (Wed, Mar 11)", "Fri, Mar 13, 3:00 PM". */
export function dueLabelLong(due: string, calendar: ZonedCalendar, now: number): string {
  const parts = dueParts(due, calendar);
  if (!parts) return due;
  const today = calendar.localDate(now);
  const relative = relativeDay(parts.date, today);
  const absolute = dateLabel(parts.date, today);
  const day = relative === absolute ? absolute : `${relative} (${absolute})`;
  return parts.minuteOfDay === null ? day : `${day}, ${clockLabel(parts.minuteOfDay)}`;
}
