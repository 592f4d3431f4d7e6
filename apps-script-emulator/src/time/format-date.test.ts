import { describe, expect, it } from 'vitest';
import { formatDate } from './format-date.ts';

const ISO = "yyyy-MM-dd'T'HH:mm:ssXXX";
const at = (iso: string) => new Date(iso);

describe('format-date', () => {
  describe('formatDate', () => {
    it('formats in America/New_York across both DST changes', () => {
      expect(formatDate(at('2026-03-08T06:59:00Z'), 'America/New_York', ISO)).toBe(
        '2026-03-08T01:59:00-05:00',
      );
      expect(formatDate(at('2026-03-08T07:00:00Z'), 'America/New_York', ISO)).toBe(
        '2026-03-08T03:00:00-04:00',
      );
      expect(formatDate(at('2026-11-01T05:30:00Z'), 'America/New_York', ISO)).toBe(
        '2026-11-01T01:30:00-04:00',
      );
      expect(formatDate(at('2026-11-01T06:30:00Z'), 'America/New_York', ISO)).toBe(
        '2026-11-01T01:30:00-05:00',
      );
    });

    it('formats in Europe/Berlin across both DST changes', () => {
      expect(formatDate(at('2026-03-29T00:59:00Z'), 'Europe/Berlin', ISO)).toBe(
        '2026-03-29T01:59:00+01:00',
      );
      expect(formatDate(at('2026-03-29T01:00:00Z'), 'Europe/Berlin', ISO)).toBe(
        '2026-03-29T03:00:00+02:00',
      );
      expect(formatDate(at('2026-10-25T00:30:00Z'), 'Europe/Berlin', ISO)).toBe(
        '2026-10-25T02:30:00+02:00',
      );
      expect(formatDate(at('2026-10-25T01:30:00Z'), 'Europe/Berlin', ISO)).toBe(
        '2026-10-25T02:30:00+01:00',
      );
    });

    it('formats half-hour offsets and the date change in Asia/Kolkata', () => {
      expect(formatDate(at('2026-11-27T15:00:00Z'), 'Asia/Kolkata', 'yyyy-MM-dd HH:mm Z')).toBe(
        '2026-11-27 20:30 +0530',
      );
      expect(formatDate(at('2026-11-27T19:00:00Z'), 'Asia/Kolkata', 'EEE yyyy-MM-dd u')).toBe(
        'Sat 2026-11-28 6',
      );
    });

    it('supports the SimpleDateFormat letters the add-on uses', () => {
      const when = at('2026-11-27T15:04:05.123Z');
      expect(formatDate(when, 'America/New_York', 'yyyy MM dd HH mm ss SSS')).toBe(
        '2026 11 27 10 04 05 123',
      );
      expect(formatDate(when, 'America/New_York', 'EEE EEEE MMM MMMM u')).toBe(
        'Fri Friday Nov November 5',
      );
      expect(formatDate(when, 'America/New_York', 'Z XXX XX X')).toBe('-0500 -05:00 -0500 -05');
      expect(formatDate(when, 'America/New_York', 'h:mm a')).toBe('10:04 AM');
      expect(formatDate(when, 'UTC', "XXX 'at' HH 'o''clock'")).toBe("Z at 15 o'clock");
    });

    it('falls back to GMT for an unknown zone, as Java does', () => {
      expect(formatDate(at('2026-11-27T15:00:00Z'), 'Mars/Olympus', 'HH:mm')).toBe('15:00');
    });

    it('refuses pattern letters it does not emulate instead of guessing', () => {
      expect(() => formatDate(at('2026-11-27T15:00:00Z'), 'UTC', 'YYYY-ww')).toThrow(
        "pattern letter 'Y'",
      );
    });
  });
});
