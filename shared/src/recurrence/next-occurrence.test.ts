import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays } from '../time/civil-date.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { firstOccurrence, nextOccurrence } from './next-occurrence.ts';
import { RRule } from './rrule-lib.ts';

const newYork = new ZonedCalendar(intlTimeZone, 'America/New_York');
const berlin = new ZonedCalendar(intlTimeZone, 'Europe/Berlin');
const kolkata = new ZonedCalendar(intlTimeZone, 'Asia/Kolkata');

/** Local noon on `date` in the calendar's zone: a "now" well inside that day. */
function noonOn(date: string, calendar = newYork): number {
  return calendar.instantAt(date, 12 * 60);
}

function next(due: string | null, repeat: string, now: number, calendar = newYork) {
  return nextOccurrence({ due, repeat, now, calendar });
}

describe('next-occurrence', () => {
  describe('nextOccurrence', () => {
    it('keeps 09:00 in New York across the November DST change', () => {
      const r = next('2026-10-28T09:00:00-04:00', 'FREQ=WEEKLY', noonOn('2026-10-28'));
      expect(r).toEqual({ due: '2026-11-04T09:00:00-05:00', repeat: 'FREQ=WEEKLY' });
    });

    it('keeps 09:00 in New York across the March DST change', () => {
      expect(next('2026-03-04T09:00:00-05:00', 'FREQ=WEEKLY', noonOn('2026-03-04'))?.due).toBe(
        '2026-03-11T09:00:00-04:00',
      );
      expect(next('2026-03-07T09:00:00-05:00', 'FREQ=DAILY', noonOn('2026-03-07'))?.due).toBe(
        '2026-03-08T09:00:00-04:00',
      );
      expect(next('2026-10-31T09:00:00-04:00', 'FREQ=DAILY', noonOn('2026-10-31'))?.due).toBe(
        '2026-11-01T09:00:00-05:00',
      );
    });

    it('keeps 09:00 in Berlin across both 2026 DST changes', () => {
      const spring = next(
        '2026-03-28T09:00:00+01:00',
        'FREQ=DAILY',
        noonOn('2026-03-28', berlin),
        berlin,
      );
      expect(spring?.due).toBe('2026-03-29T09:00:00+02:00');
      const autumn = next(
        '2026-10-22T09:00:00+02:00',
        'FREQ=WEEKLY',
        noonOn('2026-10-22', berlin),
        berlin,
      );
      expect(autumn?.due).toBe('2026-10-29T09:00:00+01:00');
    });

    it('moves a time in the spring-forward gap forward by the gap, as instantAt does', () => {
      const r = next('2026-03-07T02:30:00-05:00', 'FREQ=DAILY', noonOn('2026-03-07'));
      expect(r?.due).toBe('2026-03-08T03:30:00-04:00');
    });

    it('writes a timed due with the offset of the user zone, whatever offset it came with', () => {
      const r = next('2026-11-25T14:00:00Z', 'FREQ=DAILY', noonOn('2026-11-25'));
      expect(r?.due).toBe('2026-11-26T09:00:00-05:00');
      const india = next(
        '2026-11-25T09:00:00+05:30',
        'FREQ=DAILY',
        noonOn('2026-11-25', kolkata),
        kolkata,
      );
      expect(india?.due).toBe('2026-11-26T09:00:00+05:30');
    });

    it('moves an overdue daily task to tomorrow, not to a day that has passed', () => {
      expect(next('2026-11-22', 'FREQ=DAILY', noonOn('2026-11-25'))?.due).toBe('2026-11-26');
      const early = newYork.instantAt('2026-11-25', 8 * 60);
      expect(next('2026-11-22T09:00:00-05:00', 'FREQ=DAILY', early)?.due).toBe(
        '2026-11-26T09:00:00-05:00',
      );
    });

    it('moves a task completed ahead of time past its current due', () => {
      const r = next('2026-11-30', 'FREQ=WEEKLY;BYDAY=MO', noonOn('2026-11-25'));
      expect(r?.due).toBe('2026-12-07');
    });

    it('goes from Friday to Monday for every weekday', () => {
      const r = next('2026-11-27', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', noonOn('2026-11-27'));
      expect(r?.due).toBe('2026-11-30');
    });

    it('skips a week for every 2 weeks and keeps the phase with several days', () => {
      expect(next('2026-11-02', 'FREQ=WEEKLY;INTERVAL=2', noonOn('2026-11-02'))?.due).toBe(
        '2026-11-16',
      );
      const days = 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR';
      expect(next('2026-11-02', days, noonOn('2026-11-02'))?.due).toBe('2026-11-06');
      expect(next('2026-11-06', days, noonOn('2026-11-06'))?.due).toBe('2026-11-16');
    });

    it('goes from January 31 to the last day of February for the last day of the month', () => {
      const rule = 'FREQ=MONTHLY;BYMONTHDAY=-1';
      expect(next('2026-01-31', rule, noonOn('2026-01-31'))?.due).toBe('2026-02-28');
      expect(next('2026-02-28', rule, noonOn('2026-02-28'))?.due).toBe('2026-03-31');
      expect(next('2028-01-31', rule, noonOn('2028-01-31'))?.due).toBe('2028-02-29');
    });

    it('falls back to the last day of shorter months for every 30th', () => {
      const rule = 'FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1';
      expect(next('2026-01-30', rule, noonOn('2026-01-30'))?.due).toBe('2026-02-28');
      expect(next('2026-02-28', rule, noonOn('2026-02-28'))?.due).toBe('2026-03-30');
    });

    it('pins the day of a plain monthly rule that starts on the 31st, so it does not drift', () => {
      const first = next('2026-01-31', 'FREQ=MONTHLY', noonOn('2026-01-31'));
      expect(first).toEqual({ due: '2026-02-28', repeat: 'FREQ=MONTHLY;BYMONTHDAY=-1' });
      expect(next('2026-02-28', first?.repeat ?? '', noonOn('2026-02-28'))?.due).toBe('2026-03-31');
    });

    it('repeats February 29 yearly on the last day of February', () => {
      const first = next('2024-02-29', 'FREQ=YEARLY', noonOn('2024-02-29'));
      expect(first).toEqual({ due: '2025-02-28', repeat: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' });
      const dues = ['2025-02-28', '2026-02-28', '2027-02-28'].map(
        (due) => next(due, first?.repeat ?? '', noonOn(due))?.due,
      );
      expect(dues).toEqual(['2026-02-28', '2027-02-28', '2028-02-29']);
    });

    it('finds the next last Friday of the month', () => {
      expect(next('2026-11-27', 'FREQ=MONTHLY;BYDAY=-1FR', noonOn('2026-11-27'))?.due).toBe(
        '2026-12-25',
      );
    });

    it('counts COUNT down and ends the series after the last one', () => {
      expect(next('2026-11-25', 'FREQ=DAILY;COUNT=3', noonOn('2026-11-25'))).toEqual({
        due: '2026-11-26',
        repeat: 'FREQ=DAILY;COUNT=2',
      });
      expect(next('2026-11-25', 'FREQ=DAILY;COUNT=1', noonOn('2026-11-25'))).toBeNull();
    });

    it('ends the series after UNTIL, a bare UNTIL date counting as the whole local day', () => {
      const until = 'FREQ=DAILY;UNTIL=20261126';
      expect(next('2026-11-25T18:00:00-05:00', until, noonOn('2026-11-25'))?.due).toBe(
        '2026-11-26T18:00:00-05:00',
      );
      expect(next('2026-11-26T18:00:00-05:00', until, noonOn('2026-11-26'))).toBeNull();
      const utc = 'FREQ=DAILY;UNTIL=20261126T220000Z'; // 17:00 in New York
      expect(next('2026-11-25T18:00:00-05:00', utc, noonOn('2026-11-25'))).toBeNull();
    });

    it('puts a task without a due on the first occurrence after today, date-only', () => {
      expect(next(null, 'FREQ=WEEKLY;BYDAY=MO', noonOn('2026-11-25'))?.due).toBe('2026-11-30');
      expect(next(null, 'FREQ=DAILY', noonOn('2026-11-25'))?.due).toBe('2026-11-26');
    });

    it('reads a phrase typed into a Sheet cell as its rule', () => {
      expect(next('2026-11-27', 'every weekday', noonOn('2026-11-27'))).toEqual({
        due: '2026-11-30',
        repeat: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
      });
    });

    it('ends the series when the stored repeat is not a rule', () => {
      expect(next('2026-11-25', 'whenever', noonOn('2026-11-25'))).toBeNull();
    });

    it('always lands after today and after the due, on the wall-clock time of the due', () => {
      const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Sydney'];
      const rules = [
        'FREQ=DAILY',
        'FREQ=WEEKLY;BYDAY=MO,TH',
        'FREQ=MONTHLY;BYMONTHDAY=-1',
        'FREQ=YEARLY',
      ];
      fc.assert(
        fc.property(
          fc.constantFrom(...zones),
          fc.constantFrom(...rules),
          fc.integer({ min: 0, max: 1500 }),
          fc.integer({ min: -60, max: 60 }),
          fc.integer({ min: 5 * 60, max: 22 * 60 }),
          (zone, rule, dayIndex, nowShift, minute) => {
            const calendar = new ZonedCalendar(intlTimeZone, zone);
            const dueDate = addDays('2025-01-01', dayIndex);
            const due = calendar.formatInstant(calendar.instantAt(dueDate, minute));
            const now = calendar.instantAt(addDays(dueDate, nowShift), 12 * 60);
            const r = nextOccurrence({ due, repeat: rule, now, calendar });
            const nextDate = (r?.due ?? '').slice(0, 10);
            expect(nextDate > dueDate && nextDate > calendar.localDate(now)).toBe(true);
            expect(r?.due.slice(11, 16)).toBe(due.slice(11, 16));
          },
        ),
      );
    });

    it('steps a daily rule with an interval by exactly that many days when not overdue', () => {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 1, max: 30 }), (d, k) => {
          const due = addDays('2024-01-01', d);
          const r = next(due, `FREQ=DAILY;INTERVAL=${k}`, noonOn(due));
          expect(r?.due).toBe(addDays(due, k));
        }),
      );
    });
  });

  describe('nextOccurrence with a due long past', () => {
    it('answers quickly for a due centuries ago', () => {
      const started = performance.now();
      expect(next('0026-11-25', 'FREQ=DAILY', noonOn('2026-11-25'))?.due).toBe('2026-11-26');
      expect(next('1900-01-01T09:00:00-05:00', 'FREQ=WEEKLY', noonOn('2026-11-25'))?.due).toBe(
        '2026-11-30T09:00:00-05:00', // 1900-01-01 was a Monday
      );
      expect(performance.now() - started).toBeLessThan(500);
    });

    it('lands where walking the rule from the old due would, phase and all', () => {
      const rules = [
        'FREQ=DAILY;INTERVAL=3',
        'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
        'FREQ=WEEKLY;INTERVAL=3',
        'FREQ=MONTHLY;INTERVAL=5;BYDAY=-1FR',
        'FREQ=MONTHLY;INTERVAL=7',
        'FREQ=YEARLY;INTERVAL=3',
      ];
      const today = '2026-11-25';
      fc.assert(
        fc.property(
          fc.constantFrom(...rules),
          fc.record({
            year: fc.integer({ min: 1970, max: 2025 }),
            month: fc.integer({ min: 1, max: 12 }),
            day: fc.integer({ min: 1, max: 28 }),
          }),
          (rule, d) => {
            const due = `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
            const walked = new RRule({
              ...RRule.parseString(rule),
              dtstart: new Date(`${due}T00:00:00Z`),
            }).after(new Date(`${today}T23:59:59Z`), false);
            expect(next(due, rule, noonOn(today))?.due).toBe(walked?.toISOString().slice(0, 10));
          },
        ),
        { numRuns: 60 },
      );
    });
  });

  describe('firstOccurrence', () => {
    const args = { minuteOfDay: null, calendar: newYork };

    it('counts today when today is an occurrence', () => {
      const now = noonOn('2026-11-30'); // a Monday
      const due = firstOccurrence({
        ...args,
        repeat: 'FREQ=WEEKLY;BYDAY=MO',
        date: '2026-11-30',
        notBefore: now,
      });
      expect(due).toBe('2026-11-30');
    });

    it('finds the next matching day otherwise', () => {
      const now = noonOn('2026-11-28'); // a Saturday
      const r = firstOccurrence({
        ...args,
        repeat: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR',
        date: '2026-11-28',
        notBefore: now,
      });
      expect(r).toBe('2026-11-30');
    });

    it('with a time of day, skips today when that time has passed', () => {
      const now = noonOn('2026-11-25');
      const at = (minuteOfDay: number) =>
        firstOccurrence({
          repeat: 'FREQ=DAILY',
          date: '2026-11-25',
          minuteOfDay,
          notBefore: now,
          calendar: newYork,
        });
      expect(at(9 * 60)).toBe('2026-11-26T09:00:00-05:00');
      expect(at(15 * 60)).toBe('2026-11-25T15:00:00-05:00');
    });
  });
});
