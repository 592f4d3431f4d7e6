import * as chrono from 'chrono-node/en';
import type { Component, ParsedResult } from 'chrono-node/en';
import { formatCivilDate, parseCivilDate } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';

export interface DueMatch {
  /** Word indexes [start, end) of the date expression. */
  start: number;
  end: number;
  /** Index of a "by"/"on"/"at"/"due"/"until" word that introduces it, if any. */
  connective: number | null;
  due: string;
  /** A time with no day ("at 9am"): a repeat may still choose the day. */
  minuteOfDay: number | null;
  timeOnly: boolean;
}

const CONNECTIVES = ['by', 'on', 'at', 'due', 'until'];
// Alone, these are more often words than dates ("watch the sun", "call June", "march on"):
// they count only after a connective ("on sat", "by march").
const WEAK_WORDS = [
  'sun',
  'sat',
  'wed',
  'mon',
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec'],
  ...['january', 'february', 'march', 'april', 'june', 'july', 'august'],
  ...['september', 'october', 'november', 'december'],
];
// A number alone ("buy 3 apples", "at 5", "1000h") is not a date.
const BARE_NUMBER_RE = /^\d+(?:[.,]\d+)?h?$/i;
const MASK = '_';
const DAY_COMPONENTS: Component[] = ['day', 'weekday', 'month', 'year'];

/**
 * The first date expression among the free words, read by chrono in the user's zone.
 * Claimed words are masked so chrono never reads "p1" or "45m", and never joins a date
 * across them.
 */
export function findDue(
  words: readonly string[],
  free: readonly boolean[],
  options: { now: number; calendar: ZonedCalendar },
): DueMatch | null {
  const starts: number[] = [];
  let text = '';
  words.forEach((w, i) => {
    if (i > 0) text += ' ';
    starts.push(text.length);
    text += free[i] ? w : MASK;
  });
  const reference = {
    instant: new Date(options.now),
    timezone: options.calendar.offsetMinutes(options.now),
  };
  for (const result of chrono.casual.parse(text, reference, { forwardDate: true })) {
    const match = toMatch(result, words, free, starts, options);
    if (match) return match;
  }
  return null;
}

function toMatch(
  result: ParsedResult,
  words: readonly string[],
  free: readonly boolean[],
  starts: readonly number[],
  options: { now: number; calendar: ZonedCalendar },
): DueMatch | null {
  let start = wordAt(starts, result.index);
  const endChar = result.index + result.text.length;
  const last = wordAt(starts, endChar - 1);
  // Only whole words: the rest of the last word may be punctuation ("Friday,"), nothing else.
  const tail = (words[last] ?? '').slice(endChar - (starts[last] ?? 0));
  if (starts[start] !== result.index || last < start || !/^[.,;:!?]*$/.test(tail)) return null;
  for (let i = start; i <= last; i++) if (!free[i]) return null;
  let connective: number | null = null;
  if (last > start && isConnective(words[start])) connective = start++;
  const dueWords = words.slice(start, last + 1).map(bare);
  if (dueWords.length === 1 && BARE_NUMBER_RE.test(dueWords[0] ?? '')) return null;
  if (connective === null && start > 0 && free[start - 1] && isConnective(words[start - 1])) {
    connective = start - 1;
  }
  const core = dueWords[0] === 'the' ? dueWords.slice(1) : dueWords;
  if (connective === null && core.length === 1 && WEAK_WORDS.includes(core[0] ?? '')) return null;
  const due = readDue(result, options.calendar);
  return due && { start, end: last + 1, connective, ...due };
}

function readDue(
  result: ParsedResult,
  calendar: ZonedCalendar,
): Pick<DueMatch, 'due' | 'minuteOfDay' | 'timeOnly'> | null {
  const c = result.start;
  const hasTime = c.isCertain('hour');
  // A relative time ("in 2 hours") or an explicit zone ("3pm PST") names an instant;
  // anything else is wall-clock time in the user's zone.
  if (hasTime && c.isCertain('timezoneOffset')) {
    const ms = c.date().getTime();
    if (!Number.isFinite(ms)) return null;
    const local = calendar.local(ms);
    return { due: calendar.formatInstant(ms), minuteOfDay: local.minuteOfDay, timeOnly: false };
  }
  const [year, month, day] = [c.get('year'), c.get('month'), c.get('day')];
  if (year === null || month === null || day === null || year < 0) return null;
  const date = formatCivilDate({ year, month, day });
  if (!parseCivilDate(date)) return null;
  if (!hasTime) return { due: date, minuteOfDay: null, timeOnly: false };
  const minuteOfDay = (c.get('hour') ?? 0) * 60 + (c.get('minute') ?? 0);
  if (minuteOfDay < 0 || minuteOfDay >= 24 * 60) return null;
  const timeOnly = !DAY_COMPONENTS.some((k) => c.isCertain(k));
  return {
    due: calendar.formatInstant(calendar.instantAt(date, minuteOfDay)),
    minuteOfDay,
    timeOnly,
  };
}

/** Index of the word that holds character `offset` (binary search: chrono may return many). */
function wordAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function isConnective(word: string | undefined): boolean {
  return CONNECTIVES.includes(bare(word ?? ''));
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[.,;:!?]+$/, '');
}
