import type { ByDay, RepeatRule, WeekdayCode } from './repeat-rule-model.ts';
import { parseRuleText } from './repeat-rule-parse.ts';

const DAY_NAMES: Readonly<Record<WeekdayCode, string>> = {
  MO: 'Monday',
  TU: 'Tuesday',
  WE: 'Wednesday',
  TH: 'Thursday',
  FR: 'Friday',
  SA: 'Saturday',
  SU: 'Sunday',
};
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const UNIT = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' } as const;
const NTH = ['', 'first', 'second', 'third', 'fourth', 'fifth'];

/** Plain English for a stored RRULE: "every 2 weeks on Monday and Friday". */
export function describeRepeat(rrule: string): string {
  const parsed = parseRuleText(rrule);
  return parsed.ok ? describeRule(parsed.rule) : rrule;
}

function describeRule(rule: RepeatRule): string {
  return `${describePattern(rule)}${describeLimit(rule)}`;
}

function describePattern(rule: RepeatRule): string {
  const group = dayGroup(rule.byDay);
  const onlyByDay = rule.byMonth.length + rule.byMonthDay.length + rule.bySetPos.length === 0;
  const daily = rule.freq === 'DAILY' || rule.freq === 'WEEKLY';
  if (group && onlyByDay && daily && rule.interval === 1) return `every ${group}`;
  if (rule.freq === 'YEARLY' && rule.byMonth.length === 1 && isSingleDay(rule)) {
    const month = MONTH_NAMES[(rule.byMonth[0] ?? 1) - 1] ?? '';
    return `every year on ${month} ${rule.byMonthDay[0] ?? ''}`;
  }
  const every = rule.interval === 1 ? UNIT[rule.freq] : `${rule.interval} ${UNIT[rule.freq]}s`;
  const parts = [`every ${every}`];
  if (rule.byMonth.length > 0) {
    parts.push(`in ${list(rule.byMonth.map((m) => MONTH_NAMES[m - 1] ?? String(m)))}`);
  }
  const place = describePlace(rule, group);
  if (place) parts.push(place);
  return parts.join(' ');
}

function isSingleDay(rule: RepeatRule): boolean {
  const d = rule.byMonthDay[0] ?? 0;
  return rule.byMonthDay.length === 1 && d > 0 && rule.byDay.length + rule.bySetPos.length === 0;
}

/** Where in the week or month: "on Monday", "on the 15th", "on the last Friday". */
function describePlace(rule: RepeatRule, group: string | null): string | null {
  const clamped = clampedDay(rule);
  if (clamped !== null) return `on the ${ordinal(clamped)} or the last day of shorter months`;
  const setPos = rule.bySetPos.map(nthWord);
  const days = group ?? list(rule.byDay.map(describeByDay));
  const monthDays = list(rule.byMonthDay.map(describeMonthDay));
  const what = [monthDays, days].filter((t) => t !== '').join(' that is a ');
  if (what === '') return null;
  if (setPos.length > 0 && group) return `on the ${list(setPos)} ${group}`;
  if (setPos.length > 0) return `on the ${list(setPos)} of ${what}`;
  const article = rule.byMonthDay.length > 0 || rule.byDay.some((d) => d.ordinal !== null);
  return `on ${article ? 'the ' : ''}${what}`;
}

/** The "every 29th/30th" form: BYMONTHDAY=28,…,N;BYSETPOS=-1. */
function clampedDay(rule: RepeatRule): number | null {
  const days = [...rule.byMonthDay].sort((a, b) => a - b);
  const last = days[days.length - 1] ?? 0;
  const expected = Array.from({ length: last - 27 }, (_, k) => 28 + k);
  const isClamp =
    rule.bySetPos.length === 1 &&
    rule.bySetPos[0] === -1 &&
    rule.byDay.length === 0 &&
    (last === 29 || last === 30) &&
    days.join() === expected.join();
  return isClamp ? last : null;
}

function dayGroup(days: readonly ByDay[]): string | null {
  if (days.some((d) => d.ordinal !== null)) return null;
  const codes = days.map((d) => d.day).join();
  if (codes === 'MO,TU,WE,TH,FR') return 'weekday';
  if (codes === 'SA,SU') return 'weekend';
  return null;
}

function describeByDay(d: ByDay): string {
  return d.ordinal === null ? DAY_NAMES[d.day] : `${nthWord(d.ordinal)} ${DAY_NAMES[d.day]}`;
}

function describeMonthDay(n: number): string {
  return n > 0 ? ordinal(n) : `${nthWord(n)} day`;
}

/** 1 → "first", -1 → "last", -2 → "second to last", 12 → "12th". */
function nthWord(n: number): string {
  if (n === -1) return 'last';
  const word = NTH[Math.abs(n)] ?? ordinal(Math.abs(n));
  return n < 0 ? `${word} to last` : word;
}

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

function describeLimit(rule: RepeatRule): string {
  if (rule.count !== null) return rule.count === 1 ? ', once more' : `, ${rule.count} times`;
  if (rule.until === null) return '';
  const u = rule.until;
  const date = `${u.slice(0, 4)}-${u.slice(4, 6)}-${u.slice(6, 8)}`;
  if (u.length === 8) return `, until ${date}`;
  const time = `${u.slice(9, 11)}:${u.slice(11, 13)}${u.endsWith('Z') ? ' UTC' : ''}`;
  return `, until ${date} ${time}`;
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
