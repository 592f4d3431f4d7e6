import { describe, expect, it } from 'vitest';
import { ZonedCalendar } from './time-zone.ts';
import { intlTimeZone } from './time-zone.intl.ts';

const cal = (zone: string) => new ZonedCalendar(intlTimeZone, zone);

describe('time-zone', () => {
  describe('ZonedCalendar.local', () => {
    it('reads the wall clock in the zone, not the machine zone', () => {
      const t = Date.parse('2026-11-25T03:30:00Z');
      expect(cal('America/New_York').local(t)).toMatchObject({
        date: '2026-11-24',
        hour: 22,
        minute: 30,
        weekday: 2,
      });
      expect(cal('Asia/Kolkata').local(t)).toMatchObject({
        date: '2026-11-25',
        hour: 9,
        minute: 0,
      });
      expect(cal('Europe/Berlin').local(t)).toMatchObject({
        date: '2026-11-25',
        hour: 4,
        minute: 30,
      });
    });
    it('follows DST in New York (2026-03-08 and 2026-11-01)', () => {
      const ny = cal('America/New_York');
      expect(ny.offsetMinutes(Date.parse('2026-03-08T06:59:59Z'))).toBe(-300);
      expect(ny.offsetMinutes(Date.parse('2026-03-08T07:00:00Z'))).toBe(-240);
      expect(ny.local(Date.parse('2026-03-08T07:00:00Z')).hour).toBe(3);
      expect(ny.offsetMinutes(Date.parse('2026-11-01T05:59:59Z'))).toBe(-240);
      expect(ny.offsetMinutes(Date.parse('2026-11-01T06:00:00Z'))).toBe(-300);
    });
    it('follows DST in Berlin (2026-03-29 and 2026-10-25)', () => {
      const berlin = cal('Europe/Berlin');
      expect(berlin.local(Date.parse('2026-03-29T00:59:00Z')).hour).toBe(1);
      expect(berlin.local(Date.parse('2026-03-29T01:00:00Z')).hour).toBe(3);
      expect(berlin.local(Date.parse('2026-10-25T00:30:00Z')).hour).toBe(2);
      expect(berlin.local(Date.parse('2026-10-25T01:30:00Z')).hour).toBe(2);
    });
  });

  describe('ZonedCalendar.instantAt', () => {
    it('moves a time inside a spring-forward gap forward by the gap', () => {
      expect(
        cal('America/New_York').formatInstant(cal('America/New_York').instantAt('2026-03-08', 150)),
      ).toBe('2026-03-08T03:30:00-04:00');
      expect(
        cal('Europe/Berlin').formatInstant(cal('Europe/Berlin').instantAt('2026-03-29', 150)),
      ).toBe('2026-03-29T03:30:00+02:00');
    });
    it('picks the earlier of the two instants in a fall-back overlap', () => {
      expect(cal('America/New_York').instantAt('2026-11-01', 90)).toBe(
        Date.parse('2026-11-01T05:30:00Z'),
      );
      expect(cal('Europe/Berlin').instantAt('2026-10-25', 150)).toBe(
        Date.parse('2026-10-25T00:30:00Z'),
      );
    });
    it('handles the half-hour zone of India', () => {
      const k = cal('Asia/Kolkata');
      expect(k.instantAt('2026-11-25', 0)).toBe(Date.parse('2026-11-24T18:30:00Z'));
      expect(k.formatInstant(k.instantAt('2026-11-25', 9 * 60))).toBe('2026-11-25T09:00:00+05:30');
    });
    it('round-trips every quarter hour of DST days', () => {
      for (const [zone, date] of [
        ['America/New_York', '2026-03-08'],
        ['America/New_York', '2026-11-01'],
        ['Europe/Berlin', '2026-03-29'],
        ['Europe/Berlin', '2026-10-25'],
      ] as const) {
        const c = cal(zone);
        for (let m = 0; m < 1440; m += 15) {
          const local = c.local(c.instantAt(date, m));
          if (local.date === date && local.minuteOfDay === m) continue;
          // only times inside the spring-forward gap may move, and only forward by an hour
          expect(local.minuteOfDay - m).toBe(60);
        }
      }
    });
  });

  describe('ZonedCalendar.dayLengthMinutes', () => {
    it('has 23 and 25 hour days at the DST changes', () => {
      expect(cal('America/New_York').dayLengthMinutes('2026-03-08')).toBe(23 * 60);
      expect(cal('America/New_York').dayLengthMinutes('2026-11-01')).toBe(25 * 60);
      expect(cal('Europe/Berlin').dayLengthMinutes('2026-03-29')).toBe(23 * 60);
      expect(cal('Europe/Berlin').dayLengthMinutes('2026-10-25')).toBe(25 * 60);
      expect(cal('Asia/Kolkata').dayLengthMinutes('2026-03-08')).toBe(24 * 60);
    });
  });

  describe('intlTimeZone.isValidZone', () => {
    it('knows IANA names and refuses anything else', () => {
      expect(intlTimeZone.isValidZone('Asia/Kolkata')).toBe(true);
      expect(intlTimeZone.isValidZone('Mars/Olympus')).toBe(false);
      expect(intlTimeZone.isValidZone('')).toBe(false);
    });
  });
});
