import { describe, expect, it } from 'vitest';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import { dayLabel, durationLabel, momentLabel, relativeDay, weekdaysLabel } from './plan-text.ts';

const NY = new ZonedCalendar(intlTimeZone, 'America/New_York');

describe('plan-text', () => {
  describe('durationLabel', () => {
    it('writes hours and minutes the way the email subject does', () => {
      expect([0, 45, 60, 135, 600].map(durationLabel)).toEqual([
        '0m',
        '45m',
        '1h',
        '2h 15m',
        '10h',
      ]);
    });
  });

  describe('dayLabel', () => {
    it('writes a date as weekday, day and month', () => {
      expect(dayLabel('2026-11-24')).toBe('Tue 24 Nov');
    });
  });

  describe('weekdaysLabel', () => {
    it('shortens a run of days and lists the others', () => {
      expect(weekdaysLabel([1, 2, 3, 4, 5])).toBe('Mon–Fri');
      expect(weekdaysLabel([1, 3, 5])).toBe('Mon, Wed, Fri');
    });
  });

  describe('momentLabel', () => {
    it('says only the time on the planned day, the weekday that week, the date beyond', () => {
      const at = (iso: string) => momentLabel(NY, Date.parse(iso), '2026-11-24');
      expect(at('2026-11-24T14:00:00-05:00')).toBe('14:00');
      expect(at('2026-11-26T09:00:00-05:00')).toBe('Thu 09:00');
      expect(at('2026-11-26T00:00:00-05:00')).toBe('Thu');
      expect(at('2026-12-03T09:00:00-05:00')).toBe('Thu 3 Dec 09:00');
      expect(at('2026-11-20T17:00:00-05:00')).toBe('Fri 20 Nov 17:00');
    });
  });

  describe('relativeDay', () => {
    it('names the planned day from today', () => {
      expect(relativeDay('2026-11-24', '2026-11-24')).toBe('today');
      expect(relativeDay('2026-11-25', '2026-11-24')).toBe('tomorrow');
      expect(relativeDay('2026-11-26', '2026-11-24')).toBe('on Thu 26 Nov');
    });
  });
});
