import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseInstant, parseDue } from './task-time.ts';
import { dateFromDayNumber, dayNumber, daysFromCivil } from '../time/civil-date.ts';

describe('task-time', () => {
  describe('parseInstant', () => {
    it('agrees with Date.parse on every well-formed date-time with offset', () => {
      const two = (n: number) => String(n).padStart(2, '0');
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2300, 0, 1) }),
          fc.constantFrom('', ':07', ':59.5', ':00.123', ':01.123456789'),
          fc.constantFrom('Z', '+05:30', '-05:00', '+14:00', '-12:00', '+00:00'),
          (ms, seconds, offset) => {
            const d = new Date(ms);
            const text = `${d.toISOString().slice(0, 10)}T${two(d.getUTCHours())}:${two(d.getUTCMinutes())}${seconds}${offset}`;
            expect(parseInstant(text)).toBe(Date.parse(text));
          },
        ),
        { numRuns: 2000 },
      );
    });
    it('refuses what is not a date-time with offset', () => {
      for (const bad of [
        '2026-11-27',
        '2026-11-27T15:00',
        '2026-11-27 15:00:00Z',
        '2026-02-30T10:00:00Z',
        '2026-11-27T24:00:00Z',
        '2026-11-27T15:60:00Z',
        '2026-11-27T15:00:00+0500',
        '2026-11-27T15:00:00+19:00',
        '2026-11-27T15:00:00.Z',
        '2026-11-27T15:00:00ZZ',
        'yesterday',
        '',
      ]) {
        expect(parseInstant(bad), bad).toBeNull();
      }
    });
  });

  describe('parseDue', () => {
    it('tells dates from instants', () => {
      expect(parseDue('2028-02-29')).toEqual({ kind: 'date', date: '2028-02-29' });
      expect(parseDue('2027-02-29')).toBeNull();
      expect(parseDue('2026-11-27T15:00:00-05:00')).toEqual({
        kind: 'instant',
        ms: Date.parse('2026-11-27T20:00:00Z'),
      });
    });
  });

  describe('dayNumber', () => {
    it('matches Date.UTC for every day of four centuries', () => {
      fc.assert(
        fc.property(fc.integer({ min: -200_000, max: 200_000 }), (n) => {
          const date = dateFromDayNumber(n);
          expect(dayNumber(date)).toBe(n);
          const [y, m, d] = date.split('-').map(Number) as [number, number, number];
          expect(daysFromCivil(y, m, d) * 86_400_000).toBe(Date.UTC(y, m - 1, d));
        }),
        { numRuns: 2000 },
      );
    });
  });
});
