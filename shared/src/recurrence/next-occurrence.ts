import { formatCivilDate, parseCivilDate } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import { parseDue } from '../task/task-time.ts';
import type { RepeatRule } from './repeat-rule-model.ts';
import { clampedMonthDay, formatRule } from './repeat-rule-model.ts';
import { parseRuleText } from './repeat-rule-parse.ts';
import { normalizeRepeat } from './repeat-rule.ts';
import { RRule } from './rrule-lib.ts';

// All date arithmetic runs on "floating" wall-clock times: the local wall clock written as
// if it were UTC. rrule then never applies a zone of its own, and a 09:00 task stays 09:00
// on both sides of a DST change; calendar.instantAt turns the wall clock back into an instant.

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const GREGORIAN_CYCLE_DAYS = 146_097;

export interface NextOccurrence {
  due: string;
  repeat: string;
}

/** A due's wall clock as a floating time, and whether it has a time of day at all. */
interface Anchor {
  floating: number;
  timed: boolean;
}

/**
 * The next due after completing a recurring task, or null when the series has ended (or
 * the stored repeat is neither a rule nor a phrase: then the task simply completes). Like Todoist, the due
 * moves to the first occurrence after both the current due and today, so a daily task three
 * days overdue moves to tomorrow. COUNT counts the occurrences left and shrinks by one.
 */
export function nextOccurrence(args: {
  due: string | null;
  repeat: string;
  now: number;
  calendar: ZonedCalendar;
}): NextOccurrence | null {
  const stored = readRule(args.repeat);
  if (stored === null || stored.count === 1) return null;
  const { calendar } = args;
  const today = calendar.localDate(args.now);
  const anchor = dueAnchor(args.due, calendar) ?? { floating: floatingAt(today, 0), timed: false };
  const rule = pinMonthDay(stored, anchor.floating);
  const endOfToday = floatingAt(today, 0) + DAY_MS - 1000;
  const next = occurrenceAfter(rule, anchor.floating, Math.max(anchor.floating, endOfToday), {
    inclusive: false,
    calendar,
  });
  if (next === null) return null;
  const count = rule.count === null ? null : rule.count - 1;
  return {
    due: dueFromFloating(next, anchor.timed, calendar),
    repeat: formatRule({ ...rule, count }),
  };
}

/**
 * The first occurrence on or after `date` (at `minuteOfDay` when given) that is not before
 * `notBefore`: the due of a task that was just given a repeat and no date.
 */
export function firstOccurrence(args: {
  repeat: string;
  date: string;
  minuteOfDay: number | null;
  notBefore: number;
  calendar: ZonedCalendar;
}): string | null {
  const rule = readRule(args.repeat);
  if (rule === null) return null;
  const { calendar } = args;
  const start = floatingAt(args.date, args.minuteOfDay ?? 0);
  const local = calendar.local(args.notBefore);
  const notBefore = floatingAt(local.date, args.minuteOfDay === null ? 0 : local.minuteOfDay);
  const next = occurrenceAfter(rule, start, Math.max(start, notBefore), {
    inclusive: true,
    calendar,
  });
  return next === null ? null : dueFromFloating(next, args.minuteOfDay !== null, calendar);
}

/** A stored repeat is an RRULE, but a hand-edited Sheet cell may hold a phrase. */
function readRule(text: string): RepeatRule | null {
  const normalized = normalizeRepeat(text);
  const parsed = normalized.ok ? parseRuleText(normalized.rrule) : null;
  return parsed?.ok ? parsed.rule : null;
}

function dueAnchor(due: string | null, calendar: ZonedCalendar): Anchor | null {
  const parsed = due === null ? null : parseDue(due);
  if (parsed === null) return null;
  if (parsed.kind === 'date') return { floating: floatingAt(parsed.date, 0), timed: false };
  const l = calendar.local(parsed.ms);
  return { floating: floatingAt(l.date, l.minuteOfDay) + l.second * 1000, timed: true };
}

/**
 * "Every month" from the 31st would skip the short months under RFC 5545, and "every year"
 * from February 29 would skip three years in four. People mean the last day of the shorter
 * month, so the anchor day is written into the rule (as "every 31st" would be); it also
 * stops the day drifting to the 28th after February.
 */
function pinMonthDay(rule: RepeatRule, anchor: number): RepeatRule {
  const day = new Date(anchor).getUTCDate();
  const month = new Date(anchor).getUTCMonth() + 1;
  const free = rule.byMonthDay.length + rule.byDay.length + rule.bySetPos.length === 0;
  if (!free || day < 29) return rule;
  if (rule.freq === 'MONTHLY' && rule.byMonth.length === 0) return clampedMonthDay(rule, day);
  if (rule.freq === 'YEARLY' && month === 2 && rule.byMonth.length === 0) {
    return { ...rule, byMonth: [2], byMonthDay: [-1] };
  }
  return rule;
}

function occurrenceAfter(
  rule: RepeatRule,
  dtstart: number,
  after: number,
  options: { inclusive: boolean; calendar: ZonedCalendar },
): number | null {
  const text = formatRule({ ...rule, count: null, until: null });
  const engine = new RRule({
    ...RRule.parseString(text),
    dtstart: new Date(fastForward(rule, dtstart, after)),
    until: rule.until === null ? null : new Date(floatingUntil(rule.until, options.calendar)),
  });
  const next = engine.after(new Date(after), options.inclusive);
  return next === null ? null : next.getTime();
}

/**
 * rrule walks every period from dtstart, so a due decades in the past (a typo such as
 * 0026-11-25 in a Sheet) would take seconds. Move dtstart forward by whole periods, which
 * keeps the rule's phase: whole days or weeks for DAILY and WEEKLY, and for MONTHLY and
 * YEARLY whole 400-year Gregorian cycles (146,097 days), after which the calendar repeats.
 */
function fastForward(rule: RepeatRule, dtstart: number, after: number): number {
  const days = rule.freq === 'DAILY' ? 1 : rule.freq === 'WEEKLY' ? 7 : GREGORIAN_CYCLE_DAYS;
  const period = days * rule.interval * DAY_MS;
  const periods = Math.floor((after - dtstart) / period) - 1;
  return periods > 0 ? dtstart + periods * period : dtstart;
}

/** UNTIL as a floating time: a bare date includes that whole local day. */
function floatingUntil(until: string, calendar: ZonedCalendar): number {
  const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  if (until.length === 8) return floatingAt(date, 0) + DAY_MS - 1000;
  const hour = Number(until.slice(9, 11));
  const minute = Number(until.slice(11, 13));
  const wall = floatingAt(date, hour * 60 + minute) + Number(until.slice(13, 15)) * 1000;
  if (!until.endsWith('Z')) return wall;
  const l = calendar.local(wall);
  return floatingAt(l.date, l.minuteOfDay) + l.second * 1000;
}

/** Wall clock `minuteOfDay` on `date`, written as if it were UTC. */
function floatingAt(date: string, minuteOfDay: number): number {
  const d = parseCivilDate(date);
  if (!d) throw new Error(`not a calendar date: ${date}`);
  const t = new Date(0);
  // setUTCFullYear, unlike Date.UTC, keeps years 0–99 as written.
  t.setUTCFullYear(d.year, d.month - 1, d.day);
  return t.getTime() + minuteOfDay * MINUTE_MS;
}

function dueFromFloating(floating: number, timed: boolean, calendar: ZonedCalendar): string {
  const t = new Date(floating);
  const date = formatCivilDate({
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
  });
  if (!timed) return date;
  const minuteOfDay = t.getUTCHours() * 60 + t.getUTCMinutes();
  return calendar.formatInstant(calendar.instantAt(date, minuteOfDay) + t.getUTCSeconds() * 1000);
}
