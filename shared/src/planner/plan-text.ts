import { daysBetween, isoWeekday, pad, parseCivilDate } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';

// The few ways a plan writes times and durations, shared by the plan's reasons and the email
// so both read the same. English only for now.

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const WEEKDAY_NAMES = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
];

const weekdayAbbr = (isoDay: number): string => WEEKDAYS[isoDay - 1] ?? '';
const monthAbbr = (month: number): string => MONTHS[month - 1] ?? '';

/** "Tue 24 Nov" for 2026-11-24. */
export function dayLabel(date: string): string {
  const d = parseCivilDate(date);
  if (!d) return date;
  return `${weekdayAbbr(isoWeekday(date))} ${d.day} ${monthAbbr(d.month)}`;
}

/** "Monday" for ISO weekday 1. */
export function weekdayName(isoDay: number): string {
  return WEEKDAY_NAMES[isoDay - 1] ?? String(isoDay);
}

/** "Mon–Fri" for [1,2,3,4,5]; "Mon, Wed, Fri" otherwise. */
export function weekdaysLabel(days: readonly number[]): string {
  if (days.length === 0) return 'none';
  const first = days[0] as number;
  const last = days[days.length - 1] as number;
  const contiguous = days.length > 2 && last - first === days.length - 1;
  if (contiguous) return `${weekdayAbbr(first)}–${weekdayAbbr(last)}`;
  return days.map(weekdayAbbr).join(', ');
}

/** Wall-clock "09:05" of an instant in the user's zone. */
export function clockLabel(calendar: ZonedCalendar, ms: number): string {
  const l = calendar.local(ms);
  return `${pad(l.hour, 2)}:${pad(l.minute, 2)}`;
}

/** "2h 15m", "45m", "2h", "0m". */
export function durationLabel(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest}m`;
  return rest === 0 ? `${h}h` : `${h}h ${rest}m`;
}

/**
 * An instant as someone planning `planDate` says it: "14:00" that day, "Thu 09:00" (or just
 * "Thu" at midnight) later that week, "Thu 3 Dec 09:00" further away or in the past.
 */
export function momentLabel(calendar: ZonedCalendar, ms: number, planDate: string): string {
  const l = calendar.local(ms);
  const time = `${pad(l.hour, 2)}:${pad(l.minute, 2)}`;
  const days = daysBetween(planDate, l.date);
  if (days === 0) return time;
  const day =
    days > 0 && days < 7
      ? weekdayAbbr(l.weekday)
      : `${weekdayAbbr(l.weekday)} ${l.day} ${monthAbbr(l.month)}`;
  return l.minuteOfDay === 0 ? day : `${day} ${time}`;
}

/** "today", "tomorrow" or "on Thu 26 Nov": the plan's date as seen from `today`. */
export function relativeDay(planDate: string, today: string): string {
  const days = daysBetween(today, planDate);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `on ${dayLabel(planDate)}`;
}
