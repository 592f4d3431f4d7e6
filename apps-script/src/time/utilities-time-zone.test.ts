import { describe, expect, it } from 'vitest';
import { intlTimeZone } from '@mindflow/shared';
import { formatDate } from '@mindflow/apps-script-emulator';
import { parseOffset, utilitiesTimeZone } from './utilities-time-zone.ts';

const ZONES = [
  'America/New_York',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Asia/Kathmandu',
  'Africa/Casablanca',
  'Pacific/Chatham',
  'America/Sao_Paulo',
  'UTC',
];

describe('utilities-time-zone', () => {
  describe('parseOffset', () => {
    it('reads SimpleDateFormat Z offsets', () => {
      expect(parseOffset('+0530')).toBe(330);
      expect(parseOffset('-0500')).toBe(-300);
      expect(parseOffset('+0000')).toBe(0);
      expect(() => parseOffset('GMT')).toThrow('unexpected offset');
    });
  });

  describe('utilitiesTimeZone', () => {
    it('agrees with Intl on every quarter hour around transitions and across years', () => {
      const port = utilitiesTimeZone(formatDate);
      for (const zone of ZONES) {
        for (
          let ms = Date.UTC(2019, 0, 1);
          ms < Date.UTC(2028, 0, 1);
          ms += 7 * 3_600_000 + 900_000
        ) {
          expect(port.offsetMinutes(ms, zone), `${zone} ${new Date(ms).toISOString()}`).toBe(
            intlTimeZone.offsetMinutes(ms, zone),
          );
        }
      }
    });

    it('is exact to the minute at a DST change', () => {
      const port = utilitiesTimeZone(formatDate);
      const change = Date.parse('2026-03-08T07:00:00Z'); // 02:00 EST → 03:00 EDT
      expect(port.offsetMinutes(change - 60_000, 'America/New_York')).toBe(-300);
      expect(port.offsetMinutes(change, 'America/New_York')).toBe(-240);
    });

    it('asks Utilities.formatDate about 60 times for a year, not once per question', () => {
      let calls = 0;
      const port = utilitiesTimeZone((d, z, p) => {
        calls++;
        return formatDate(d, z, p);
      });
      for (let ms = Date.UTC(2026, 0, 1); ms < Date.UTC(2027, 0, 1); ms += 900_000) {
        port.offsetMinutes(ms, 'Europe/Berlin');
      }
      expect(calls).toBeLessThan(70);
    });

    it('knows valid zones through Intl', () => {
      const port = utilitiesTimeZone(formatDate);
      expect(port.isValidZone('Europe/Berlin')).toBe(true);
      expect(port.isValidZone('Mars/Olympus')).toBe(false);
      expect(port.isValidZone('')).toBe(false);
    });
  });
});
