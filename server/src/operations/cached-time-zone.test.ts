import { describe, expect, it } from 'vitest';
import { intlTimeZone } from '@mindflow/shared';
import { cachedTimeZone } from './cached-time-zone.ts';

describe('cachedTimeZone', () => {
  describe('offsetMinutes', () => {
    it('answers what Intl answers, across DST changes, asking it once per quarter hour', () => {
      let calls = 0;
      const counting = {
        ...intlTimeZone,
        offsetMinutes: (ms: number, zone: string) => (
          calls++,
          intlTimeZone.offsetMinutes(ms, zone)
        ),
      };
      const cached = cachedTimeZone(counting);
      const start = Date.parse('2026-03-08T05:00:00Z'); // New York springs forward at 07:00Z
      for (let ms = start; ms < start + 6 * 3_600_000; ms += 60_000) {
        for (const zone of ['America/New_York', 'Asia/Kolkata', 'Australia/Lord_Howe']) {
          expect(cached.offsetMinutes(ms, zone)).toBe(intlTimeZone.offsetMinutes(ms, zone));
        }
      }
      expect(calls).toBe(3 * 24);
    });
  });
});
