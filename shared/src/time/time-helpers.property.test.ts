import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueInstant, dueLocalDate, isoUtc, parseDue, parseInstant } from '../task/task-time.ts';
import { DueText, InstantText } from '../task/task.schema.ts';
import { makeTask } from '../testing/task-factory.ts';
import { planDay } from '../planner/plan-day.ts';
import { resolvePlanSettings } from '../planner/plan-settings.ts';
import {
  addDays,
  dateFromDayNumber,
  dayNumber,
  daysBetween,
  FIRST_ACCEPTED_YEAR,
  formatCivilDate,
  isInAcceptedYears,
  isoWeekday,
  LAST_ACCEPTED_YEAR,
  parseCivilDate,
} from './civil-date.ts';
import { intlTimeZone } from './time-zone.intl.ts';
import { formatOffset, ZonedCalendar } from './time-zone.ts';

// Every time helper is total over the dates and instants the model accepts (1970–2199),
// extremes first: fast-check's integer arbitraries try the bounds before anything else.

const FIRST_DAY = dayNumber(`${FIRST_ACCEPTED_YEAR}-01-01`);
const LAST_DAY = dayNumber(`${LAST_ACCEPTED_YEAR}-12-31`);
const ZONES = [
  'UTC',
  'America/New_York',
  'Pacific/Kiritimati', // UTC+14: its 2199-12-31 starts on the 30th in UTC
  'Pacific/Pago_Pago', // UTC−11
  'Asia/Kolkata',
  'Australia/Lord_Howe', // half-hour DST
  'Europe/London',
];

const day = fc.integer({ min: FIRST_DAY, max: LAST_DAY });
const date = day.map(dateFromDayNumber);
const edgeDate = fc.constantFrom(
  `${FIRST_ACCEPTED_YEAR}-01-01`,
  `${LAST_ACCEPTED_YEAR}-12-31`,
  '2000-02-29',
  '2100-02-28',
);
const anyDate = fc.oneof(date, edgeDate);
const zone = fc.constantFrom(...ZONES);
const minute = fc.integer({ min: 0, max: 1439 });
const offset = fc.integer({ min: -18 * 60, max: 18 * 60 });
const instantText = fc
  .tuple(anyDate, minute, fc.integer({ min: 0, max: 59 }), offset)
  .map(
    ([d, m, s, o]) =>
      `${d}T${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}:${String(s).padStart(2, '0')}${formatOffset(o)}`,
  );

const runs = { numRuns: 300 };

describe('time helpers over the accepted years (property)', () => {
  it('civil dates: parse, format, day numbers and weekdays agree', () => {
    fc.assert(
      fc.property(anyDate, (d) => {
        const parsed = parseCivilDate(d);
        expect(parsed).not.toBeNull();
        expect(formatCivilDate(parsed!)).toBe(d);
        expect(dateFromDayNumber(dayNumber(d))).toBe(d);
        expect(isoWeekday(d)).toBe(((new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7) + 1);
        expect(isInAcceptedYears(d)).toBe(true);
      }),
      runs,
    );
  });

  it('addDays and daysBetween are inverse, a year past either end included', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -400, max: 400 }), (d, n) => {
        const moved = addDays(d, n);
        expect(parseCivilDate(moved)).not.toBeNull();
        expect(daysBetween(d, moved)).toBe(n);
        expect(addDays(moved, -n)).toBe(d);
      }),
      runs,
    );
  });

  it('ZonedCalendar: each local day starts, ends and reads back in every zone', () => {
    fc.assert(
      fc.property(anyDate, zone, minute, (d, z, m) => {
        const calendar = new ZonedCalendar(intlTimeZone, z);
        const start = calendar.startOfDay(d);
        const end = calendar.endOfDay(d);
        expect(calendar.localDate(start)).toBe(d);
        expect(calendar.localDate(end - 1)).toBe(d);
        expect(end).toBe(calendar.startOfDay(addDays(d, 1)));
        const length = calendar.dayLengthMinutes(d);
        expect(length).toBeGreaterThanOrEqual(1380);
        expect(length).toBeLessThanOrEqual(1500);
        const at = calendar.instantAt(d, m);
        expect(at).toBeGreaterThanOrEqual(start);
        expect(at).toBeLessThan(end + 60 * 60_000);
        expect(parseInstant(calendar.formatInstant(at))).toBe(at);
        expect(calendar.local(at).weekday).toBeGreaterThanOrEqual(1);
      }),
      runs,
    );
  });

  it('instants: parse, print in UTC and read as dues, at any offset', () => {
    fc.assert(
      fc.property(instantText, zone, (text, z) => {
        const ms = parseInstant(text);
        expect(ms).not.toBeNull();
        expect(parseInstant(isoUtc(ms!))).toBe(ms);
        const calendar = new ZonedCalendar(intlTimeZone, z);
        expect(dueInstant(text, calendar)).toBe(ms);
        expect(parseCivilDate(dueLocalDate(text, calendar)!)).not.toBeNull();
        expect(parseDue(text)).toEqual({ kind: 'instant', ms });
        expect(InstantText.safeParse(text).success).toBe(true);
        expect(DueText.safeParse(text).success).toBe(true);
      }),
      runs,
    );
  });

  it('date dues: due by the end of the local day in every zone', () => {
    fc.assert(
      fc.property(anyDate, zone, (d, z) => {
        const calendar = new ZonedCalendar(intlTimeZone, z);
        expect(dueInstant(d, calendar)).toBe(calendar.endOfDay(d));
        expect(dueLocalDate(d, calendar)).toBe(d);
        expect(DueText.safeParse(d).success).toBe(true);
      }),
      runs,
    );
  });

  it('refuses dates and instants outside the accepted years, naming the rule', () => {
    const outside = fc.oneof(
      fc.integer({ min: 0, max: FIRST_ACCEPTED_YEAR - 1 }),
      fc.integer({ min: LAST_ACCEPTED_YEAR + 1, max: 9999 }),
    );
    fc.assert(
      fc.property(outside, fc.boolean(), (year, timed) => {
        const text = `${String(year).padStart(4, '0')}-06-15${timed ? 'T12:00:00Z' : ''}`;
        const result = DueText.safeParse(text);
        expect(result.success).toBe(false);
        expect(result.error!.issues[0]!.message).toBe(
          'due must be between 1970-01-01 and 2199-12-31',
        );
      }),
      runs,
    );
  });

  it('the day after the last accepted one, and 9999-12-31 itself, still have an end', () => {
    const ny = new ZonedCalendar(intlTimeZone, 'America/New_York');
    expect(ny.endOfDay('9999-12-31')).toBe(Date.parse('+010000-01-01T05:00:00Z'));
    expect(ny.endOfDay('2199-12-31')).toBe(Date.parse('2200-01-01T05:00:00Z'));
  });

  it('plans a day with a task due on the last accepted day, in every zone', () => {
    for (const z of ZONES) {
      const calendar = new ZonedCalendar(intlTimeZone, z);
      for (const [d, due] of [
        ['2199-12-31', '2199-12-31'],
        ['2199-12-31', '2199-12-31T23:59:59+14:00'],
        ['1970-01-01', '1970-01-01'],
      ] as const) {
        const plan = planDay({
          date: d,
          now: calendar.startOfDay(d),
          calendar,
          tasks: [makeTask({ title: 'Edge', due, effort_minutes: 30, priority: 5 })],
          events: [],
          settings: resolvePlanSettings({ working_days: [1, 2, 3, 4, 5, 6, 7] }),
        });
        expect(plan.date, `${z} ${d}`).toBe(d);
        expect(
          plan.blocks.some((b) => b.title === 'Edge'),
          `${z} ${d}`,
        ).toBe(true);
      }
    }
  });
});
