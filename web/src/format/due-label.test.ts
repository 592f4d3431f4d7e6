import { describe, expect, it } from 'vitest';
import { intlTimeZone, ZonedCalendar } from '@mindflow/shared';
import { clockLabel, dueLabel, dueLabelLong } from './due-label.ts';

const calendar = new ZonedCalendar(intlTimeZone, 'America/New_York');
const now = Date.parse('2026-03-10T14:00:00Z'); // Tuesday 10:00 EDT

describe('due-label', () => {
  describe('dueLabel', () => {
    it('names nearby days and falls back to the date', () => {
      expect(dueLabel('2026-03-10', calendar, now)).toBe('today');
      expect(dueLabel('2026-03-11', calendar, now)).toBe('tomorrow');
      expect(dueLabel('2026-03-09', calendar, now)).toBe('yesterday');
      expect(dueLabel('2026-03-13', calendar, now)).toBe('Friday');
      expect(dueLabel('2026-03-20', calendar, now)).toBe('Fri, Mar 20');
      expect(dueLabel('2027-01-04', calendar, now)).toBe('Mon, Jan 4, 2027');
    });

    it('reads a timed due in the Sheet’s zone, not the browser’s', () => {
      // 02:30 UTC on the 11th is still the 10th in New York.
      expect(dueLabel('2026-03-11T02:30:00Z', calendar, now)).toBe('today 10:30 PM');
      expect(dueLabel('2026-03-12T09:00:00-04:00', calendar, now)).toBe('Thursday 9:00 AM');
    });
  });

  describe('dueLabelLong', () => {
    it('gives the relative day with the date', () => {
      expect(dueLabelLong('2026-03-11', calendar, now)).toBe('tomorrow (Wed, Mar 11)');
      expect(dueLabelLong('2026-03-13T15:00:00-04:00', calendar, now)).toBe(
        'Friday (Fri, Mar 13), 3:00 PM',
      );
      expect(dueLabelLong('2026-04-01', calendar, now)).toBe('Wed, Apr 1');
    });
  });

  describe('clockLabel', () => {
    it('writes a 12-hour clock', () => {
      expect([0, 59, 720, 765, 1439].map(clockLabel)).toEqual([
        '12:00 AM',
        '12:59 AM',
        '12:00 PM',
        '12:45 PM',
        '11:59 PM',
      ]);
    });
  });
});
