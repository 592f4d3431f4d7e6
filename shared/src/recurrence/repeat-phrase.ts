import type { Frequency, RepeatRule, WeekdayCode } from './repeat-rule-model.ts';
import { clampedMonthDay, emptyRule, formatRule } from './repeat-rule-model.ts';

// English recurrence phrases, matched word by word so quick-add can find one inside a
// longer line and stop where the phrase stops. The tests list what is understood.

type Match = { rule: RepeatRule; end: number } | null;
type Apply = { apply: (rule: RepeatRule) => RepeatRule; end: number } | null;

const WEEKDAY_NAMES = table<WeekdayCode>({
  ...names('MO', 'monday', 'mon', 'mondays'),
  ...names('TU', 'tuesday', 'tue', 'tues', 'tuesdays'),
  ...names('WE', 'wednesday', 'wed', 'weds', 'wednesdays'),
  ...names('TH', 'thursday', 'thu', 'thur', 'thurs', 'thursdays'),
  ...names('FR', 'friday', 'fri', 'fridays'),
  ...names('SA', 'saturday', 'sat', 'saturdays'),
  ...names('SU', 'sunday', 'sun', 'sundays'),
});
const WORKDAYS: WeekdayCode[] = ['MO', 'TU', 'WE', 'TH', 'FR'];
const UNITS = table<Frequency>({
  ...names('DAILY', 'day', 'days'),
  ...names('WEEKLY', 'week', 'weeks'),
  ...names('MONTHLY', 'month', 'months'),
  ...names('YEARLY', 'year', 'years'),
});
const ADVERBS = table<Frequency>({
  ...names('DAILY', 'daily'),
  ...names('WEEKLY', 'weekly', 'fortnightly'),
  ...names('MONTHLY', 'monthly'),
  ...names('YEARLY', 'yearly', 'annually'),
});
const COUNT_WORDS = table<number>({
  other: 2,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
});
const NTH_WORDS = table<number>({
  ...names(1, 'first', '1st'),
  ...names(2, 'second', '2nd'),
  ...names(3, 'third', '3rd'),
  ...names(4, 'fourth', '4th'),
  ...names(5, 'fifth', '5th'),
  ...names(-1, 'last'),
});

// Maps, not plain objects: a word such as "constructor" must not find Object.prototype.
function table<T>(entries: Record<string, T>): ReadonlyMap<string, T> {
  return new Map(Object.entries(entries));
}

function names<T>(value: T, ...keys: string[]): Record<string, T> {
  return Object.fromEntries(keys.map((k) => [k, value]));
}

/** Find a recurrence phrase starting at words[start] (words already split on whitespace, original case). */
export function matchRepeatPhrase(
  words: readonly string[],
  start: number,
): { length: number; rrule: string } | null {
  const m = matchRule(words, start);
  return m && { length: m.end - start, rrule: formatRule(m.rule) };
}

/** Lower case without trailing punctuation: "Monday," reads as "monday". */
function norm(words: readonly string[], i: number): string {
  return (words[i] ?? '').toLowerCase().replace(/[.,;:!?]+$/, '');
}

function matchRule(words: readonly string[], start: number): Match {
  const first = norm(words, start);
  const adverb = ADVERBS.get(first);
  if (adverb !== undefined) {
    const rule = { ...emptyRule(adverb), interval: first === 'fortnightly' ? 2 : 1 };
    return withTail(words, rule, start + 1);
  }
  return first === 'every' ? matchEvery(words, start + 1) : null;
}

function matchEvery(words: readonly string[], i: number): Match {
  const w = norm(words, i);
  if (['weekday', 'weekdays', 'workday', 'workdays'].includes(w)) {
    return { rule: weeklyOn(WORKDAYS), end: i + 1 };
  }
  if (w === 'weekend' || w === 'weekends') return { rule: weeklyOn(['SA', 'SU']), end: i + 1 };
  if (w === 'fortnight') return { rule: { ...emptyRule('WEEKLY'), interval: 2 }, end: i + 1 };
  const list = matchWeekdayList(words, i);
  if (list) return { rule: weeklyOn(list.days), end: list.end };
  // "every 3 days", "every other week", "every 2nd month" — unless it reads "every 15th day
  // of the month", which is a place in the month.
  const count = readCount(w);
  const at = count === null ? i : i + 1;
  const unit = UNITS.get(norm(words, at));
  if (unit !== undefined && norm(words, at + 1) !== 'of') {
    return withTail(words, { ...emptyRule(unit), interval: count ?? 1 }, at + 1);
  }
  const spec = matchMonthSpec(words, i, false);
  if (spec) return { rule: spec.apply(emptyRule('MONTHLY')), end: ofTheMonth(words, spec.end) };
  const days = count === null ? null : matchWeekdayList(words, at);
  return days && { rule: { ...weeklyOn(days.days), interval: count ?? 1 }, end: days.end };
}

function weeklyOn(days: readonly WeekdayCode[]): RepeatRule {
  return { ...emptyRule('WEEKLY'), byDay: days.map((day) => ({ ordinal: null, day })) };
}

/** 3, "three", "other", "3rd", "third": how many units apart. */
function readCount(word: string): number | null {
  const m = /^(\d{1,3})(?:st|nd|rd|th)?$/.exec(word);
  if (m) return Number(m[1]) >= 1 ? Number(m[1]) : null;
  const nth = NTH_WORDS.get(word);
  if (nth !== undefined) return nth >= 2 ? nth : null;
  return COUNT_WORDS.get(word) ?? null;
}

/** "… on tuesday" after a weekly rule, "… on the 15th" after a monthly one; optional. */
function withTail(words: readonly string[], rule: RepeatRule, i: number): Match {
  if (norm(words, i) !== 'on') return { rule, end: i };
  if (rule.freq === 'WEEKLY') {
    const list = matchWeekdayList(words, i + 1);
    if (list) return { rule: { ...weeklyOn(list.days), interval: rule.interval }, end: list.end };
  }
  if (rule.freq === 'MONTHLY') {
    const spec = matchMonthSpec(words, i + 1, true);
    if (spec) return { rule: spec.apply(rule), end: spec.end };
  }
  return { rule, end: i };
}

/** "monday", "mon, wed and fri", "mon,wed,fri", "monday & thursday". */
function matchWeekdayList(
  words: readonly string[],
  i: number,
): { days: WeekdayCode[]; end: number } | null {
  const days: WeekdayCode[] = [];
  let j = i;
  for (;;) {
    const parts = weekdayParts(words, j);
    if (!parts) break;
    days.push(...parts);
    j += 1;
    if ((words[j - 1] ?? '').endsWith(',') && weekdayParts(words, j)) continue;
    const sep = words[j] === ',' ? ',' : norm(words, j);
    if (['and', '&', ','].includes(sep) && weekdayParts(words, j + 1)) {
      j += 1;
      continue;
    }
    break;
  }
  return days.length > 0 ? { days, end: j } : null;
}

function weekdayParts(words: readonly string[], i: number): WeekdayCode[] | null {
  const parts = norm(words, i)
    .split(',')
    .filter((p) => p !== '');
  const codes = parts.map((p) => WEEKDAY_NAMES.get(p));
  if (codes.length === 0 || codes.some((c) => c === undefined)) return null;
  return codes as WeekdayCode[];
}

/**
 * "the 15th", "the last day", "the first monday" — a place within a month; "day 15" only
 * after "on", since "every day 30 minutes" is not about the 30th.
 */
function matchMonthSpec(words: readonly string[], i: number, dayNumberForm: boolean): Apply {
  const j = norm(words, i) === 'the' ? i + 1 : i;
  const w = norm(words, j);
  const next = norm(words, j + 1);
  const nth = NTH_WORDS.get(w);
  const weekday = WEEKDAY_NAMES.get(next);
  if (nth !== undefined && weekday !== undefined) {
    const byDay = [{ ordinal: nth, day: weekday }];
    return { apply: (rule) => ({ ...rule, byDay, byMonthDay: [], bySetPos: [] }), end: j + 2 };
  }
  if ((w === 'last' || w === 'first') && next === 'day') {
    const day = w === 'last' ? -1 : 1;
    return { apply: (rule) => ({ ...rule, byMonthDay: [day], bySetPos: [] }), end: j + 2 };
  }
  const dayForm = dayNumberForm && w === 'day';
  const dayNumber = dayForm ? monthDay(next, false) : monthDay(w, true);
  if (dayNumber === null) return null;
  const end = dayForm || next === 'day' ? j + 2 : j + 1;
  return { apply: (rule) => clampedMonthDay(rule, dayNumber), end };
}

function monthDay(word: string, ordinal: boolean): number | null {
  const m = (ordinal ? /^(\d{1,2})(?:st|nd|rd|th)$/ : /^(\d{1,2})$/).exec(word);
  const n = Number(m?.[1]);
  return m && n >= 1 && n <= 31 ? n : null;
}

/** Swallows a trailing "of the month" / "of each month" / "of every month". */
function ofTheMonth(words: readonly string[], i: number): number {
  if (norm(words, i) !== 'of') return i;
  const j = ['the', 'each', 'every'].includes(norm(words, i + 1)) ? i + 2 : i + 1;
  return norm(words, j) === 'month' ? j + 1 : i;
}
