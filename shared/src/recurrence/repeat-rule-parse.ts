import { daysInMonth, parseCivilDate } from '../time/civil-date.ts';
import type { ByDay, Frequency, RepeatRule } from './repeat-rule-model.ts';
import {
  FREQUENCIES,
  canonicalRule,
  emptyRule,
  formatRule,
  isWeekdayCode,
} from './repeat-rule-model.ts';
import { RRule } from './rrule-lib.ts';

export type RuleParse = { ok: true; rule: RepeatRule } | { ok: false; message: string };

type Fail = { ok: false; message: string };
type Step = Fail | null;

const KNOWN_KEYS = ['FREQ', 'INTERVAL', 'BYMONTH', 'BYMONTHDAY', 'BYDAY', 'BYSETPOS'];
const LIMIT_KEYS = ['COUNT', 'UNTIL', 'WKST'];
// Valid RFC 5545 parts a task repeat does not take: say so rather than "unknown key".
const UNSUPPORTED_KEYS = [
  'BYHOUR',
  'BYMINUTE',
  'BYSECOND',
  'BYYEARDAY',
  'BYWEEKNO',
  'RSCALE',
  'SKIP',
];
const MAX_INTERVAL = 999;
const INT_RE = /^[+-]?\d{1,4}$/;
const BYDAY_RE = /^([+-]?\d{1,2})?([A-Z]{2})$/;
const UNTIL_RE = /^(\d{4})-?(\d{2})-?(\d{2})(?:T(\d{2}):?(\d{2}):?(\d{2})(Z?))?$/;

const fail = (message: string): Fail => ({ ok: false, message: `repeat: ${message}` });

/** Parses RRULE text (with or without "RRULE:", any case) into a checked rule. */
export function parseRuleText(text: string): RuleParse {
  const body = text
    .trim()
    .replace(/^RRULE:/i, '')
    .toUpperCase();
  const fields = new Map<string, string>();
  for (const part of body.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) return fail(`'${part}' is not KEY=VALUE`);
    const key = part.slice(0, eq).trim();
    if (UNSUPPORTED_KEYS.includes(key)) {
      return fail(`${key} is not supported: a task repeats by the day, its due gives the time`);
    }
    if (!KNOWN_KEYS.includes(key) && !LIMIT_KEYS.includes(key)) return fail(`unknown key '${key}'`);
    if (fields.has(key)) return fail(`${key} appears twice`);
    fields.set(key, part.slice(eq + 1).trim());
  }
  const freq = fields.get('FREQ');
  if (freq === undefined) return fail('FREQ is required');
  if (!(FREQUENCIES as readonly string[]).includes(freq)) {
    return fail(`FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY (got '${freq}')`);
  }
  const rule = emptyRule(freq as Frequency);
  const problem =
    readInterval(rule, fields.get('INTERVAL')) ??
    readNumbers(rule.byMonth, 'BYMONTH', fields.get('BYMONTH'), 1, 12) ??
    readNumbers(rule.byMonthDay, 'BYMONTHDAY', fields.get('BYMONTHDAY'), 1, 31) ??
    readByDay(rule, fields.get('BYDAY')) ??
    readNumbers(rule.bySetPos, 'BYSETPOS', fields.get('BYSETPOS'), 1, 366) ??
    readLimits(rule, fields) ??
    checkCombination(rule);
  if (problem) return problem;
  return libraryCheck(canonicalRule(rule));
}

function readInterval(rule: RepeatRule, text: string | undefined): Step {
  if (text === undefined) return null;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > MAX_INTERVAL) {
    return fail(`INTERVAL must be a whole number from 1 to ${MAX_INTERVAL} (got '${text}')`);
  }
  rule.interval = n;
  return null;
}

/** A list of non-zero whole numbers within ±max (only positive when min is 1 and max 12). */
function readNumbers(
  into: number[],
  key: string,
  text: string | undefined,
  min: number,
  max: number,
): Step {
  if (text === undefined) return null;
  const negativeOk = key !== 'BYMONTH';
  const range = negativeOk ? `${min} to ${max} or -${max} to -${min}` : `${min} to ${max}`;
  for (const item of text.split(',')) {
    const n = Number(item);
    const ok =
      INT_RE.test(item) && Math.abs(n) >= min && Math.abs(n) <= max && (negativeOk || n > 0);
    if (!ok) return fail(`${key} '${item}' must be ${range}`);
    into.push(n);
  }
  return null;
}

function readByDay(rule: RepeatRule, text: string | undefined): Step {
  if (text === undefined) return null;
  for (const item of text.split(',')) {
    const m = BYDAY_RE.exec(item);
    const code = m?.[2] ?? '';
    if (!m || !isWeekdayCode(code)) return fail(`BYDAY '${item}' is not a weekday`);
    const day: ByDay = { ordinal: m[1] === undefined ? null : Number(m[1]), day: code };
    if (day.ordinal !== null) {
      const max = rule.freq === 'MONTHLY' ? 5 : 53;
      if (rule.freq !== 'MONTHLY' && rule.freq !== 'YEARLY') {
        return fail(`BYDAY '${item}' has an ordinal, which needs FREQ=MONTHLY or YEARLY`);
      }
      if (day.ordinal === 0 || Math.abs(day.ordinal) > max) {
        return fail(`BYDAY '${item}' ordinal must be 1 to ${max} or -${max} to -1`);
      }
    }
    rule.byDay.push(day);
  }
  return null;
}

function readLimits(rule: RepeatRule, fields: ReadonlyMap<string, string>): Step {
  const count = fields.get('COUNT');
  const until = fields.get('UNTIL');
  const wkst = fields.get('WKST');
  if (count !== undefined && until !== undefined) return fail('COUNT and UNTIL cannot both be set');
  if (count !== undefined) {
    if (!/^\d{1,6}$/.test(count) || Number(count) < 1) {
      return fail(`COUNT must be a whole number from 1 (got '${count}')`);
    }
    rule.count = Number(count);
  }
  if (until !== undefined) {
    const canonical = canonicalUntil(until);
    if (canonical === null) {
      return fail(`UNTIL '${until}' must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSSZ`);
    }
    rule.until = canonical;
  }
  if (wkst !== undefined) {
    if (!isWeekdayCode(wkst)) return fail(`WKST '${wkst}' is not a weekday`);
    rule.wkst = wkst;
  }
  return null;
}

function canonicalUntil(text: string): string | null {
  const m = UNTIL_RE.exec(text);
  if (!m || !parseCivilDate(`${m[1]}-${m[2]}-${m[3]}`)) return null;
  const date = `${m[1]}${m[2]}${m[3]}`;
  if (m[4] === undefined) return date;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return null;
  return `${date}T${m[4]}${m[5]}${m[6]}${m[7]}`;
}

function checkCombination(rule: RepeatRule): Step {
  if (rule.freq === 'WEEKLY' && rule.byMonthDay.length > 0) {
    return fail('BYMONTHDAY cannot be used with FREQ=WEEKLY');
  }
  const anchors = rule.byMonth.length + rule.byMonthDay.length + rule.byDay.length;
  if (rule.bySetPos.length > 0 && anchors === 0) {
    return fail('BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH to pick from');
  }
  if (rule.byMonth.length > 0 && rule.byMonthDay.length > 0 && !anyRealMonthDay(rule)) {
    return fail(`${formatRule(rule)} never falls on a real date`);
  }
  return null;
}

function anyRealMonthDay(rule: RepeatRule): boolean {
  // 2024 is a leap year, so February 29 counts as real.
  return rule.byMonth.some((m) => rule.byMonthDay.some((d) => Math.abs(d) <= daysInMonth(2024, m)));
}

/** The rrule package is the engine that computes dates, so it must accept the rule too. */
function libraryCheck(rule: RepeatRule): RuleParse {
  try {
    new RRule(RRule.parseString(formatRule(rule)));
    return { ok: true, rule };
  } catch (e) {
    return fail(`the rule is not valid RFC 5545 (${e instanceof Error ? e.message : String(e)})`);
  }
}
