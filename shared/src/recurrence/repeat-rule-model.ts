// The subset of RFC 5545 RRULE a task repeat may use, as plain data. Tasks repeat by the
// day at most, so FREQ stops at DAILY and BYHOUR/BYMINUTE/BYSECOND never appear: the time
// of day comes from the task's due.

export const FREQUENCIES = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** RFC 5545 weekday codes in ISO order: index 0 = Monday. */
export const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type WeekdayCode = (typeof WEEKDAY_CODES)[number];

export interface ByDay {
  /** 1 = first, -1 = last …; null for every such weekday. */
  ordinal: number | null;
  day: WeekdayCode;
}

export interface RepeatRule {
  freq: Frequency;
  interval: number;
  byMonth: number[];
  byMonthDay: number[];
  byDay: ByDay[];
  bySetPos: number[];
  /** Occurrences left, counting the current one. */
  count: number | null;
  /** YYYYMMDD (a whole local day), YYYYMMDDTHHMMSS (local) or YYYYMMDDTHHMMSSZ (UTC). */
  until: string | null;
  wkst: WeekdayCode | null;
}

export function emptyRule(freq: Frequency): RepeatRule {
  return {
    freq,
    interval: 1,
    byMonth: [],
    byMonthDay: [],
    byDay: [],
    bySetPos: [],
    count: null,
    until: null,
    wkst: null,
  };
}

export function isWeekdayCode(text: string): text is WeekdayCode {
  return (WEEKDAY_CODES as readonly string[]).includes(text);
}

/**
 * Canonical RRULE text: fixed key order, defaults (INTERVAL=1, WKST=MO) left out, lists
 * sorted without duplicates, so two rules that mean the same compare equal as text.
 */
export function formatRule(rule: RepeatRule): string {
  const r = canonicalRule(rule);
  const parts = [`FREQ=${r.freq}`];
  if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byMonth.length > 0) parts.push(`BYMONTH=${r.byMonth.join(',')}`);
  if (r.byMonthDay.length > 0) parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
  if (r.byDay.length > 0) parts.push(`BYDAY=${r.byDay.map(byDayText).join(',')}`);
  if (r.bySetPos.length > 0) parts.push(`BYSETPOS=${r.bySetPos.join(',')}`);
  if (r.wkst !== null) parts.push(`WKST=${r.wkst}`);
  if (r.count !== null) parts.push(`COUNT=${r.count}`);
  if (r.until !== null) parts.push(`UNTIL=${r.until}`);
  return parts.join(';');
}

/** Lists sorted without duplicates, WKST=MO (the default) dropped. */
export function canonicalRule(rule: RepeatRule): RepeatRule {
  return {
    ...rule,
    byMonth: sortedNumbers(rule.byMonth),
    byMonthDay: sortedNumbers(rule.byMonthDay),
    byDay: sortedByDay(rule.byDay),
    bySetPos: sortedNumbers(rule.bySetPos),
    wkst: rule.wkst === 'MO' ? null : rule.wkst,
  };
}

export function byDayText(d: ByDay): string {
  return `${d.ordinal ?? ''}${d.day}`;
}

function sortedNumbers(values: readonly number[]): number[] {
  return [...new Set(values)].sort((a, b) => a - b);
}

function sortedByDay(days: readonly ByDay[]): ByDay[] {
  const seen = new Map<string, ByDay>();
  for (const d of days) seen.set(byDayText(d), d);
  return [...seen.values()].sort(
    (a, b) =>
      WEEKDAY_CODES.indexOf(a.day) - WEEKDAY_CODES.indexOf(b.day) ||
      (a.ordinal ?? 0) - (b.ordinal ?? 0),
  );
}

/**
 * "Every 29th/30th/31st" in the sense people mean it: that day, or the last day of months
 * that are shorter (Todoist's reading), instead of RFC 5545's skipping of those months.
 */
export function clampedMonthDay(rule: RepeatRule, day: number): RepeatRule {
  if (day === 31) return { ...rule, byMonthDay: [-1], bySetPos: [] };
  if (day === 29 || day === 30) {
    const days = day === 29 ? [28, 29] : [28, 29, 30];
    return { ...rule, byMonthDay: days, bySetPos: [-1] };
  }
  return { ...rule, byMonthDay: [day], bySetPos: [] };
}
