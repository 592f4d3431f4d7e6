import { describe, expect, it } from 'vitest';
import { clockMinutes, DEFAULT_PLAN_SETTINGS, resolvePlanSettings } from './plan-settings.ts';

describe('plan-settings', () => {
  describe('resolvePlanSettings', () => {
    it('fills the defaults of the issue: 09:00–17:30 Mon–Fri, 5 min buffer, 30 min effort', () => {
      expect(resolvePlanSettings()).toEqual({
        working_hours: { start: '09:00', end: '17:30' },
        working_days: [1, 2, 3, 4, 5],
        lunch: null,
        buffer_minutes: 5,
        default_effort_minutes: 30,
        min_block_minutes: 15,
        min_chunk_minutes: 30,
      });
      expect(DEFAULT_PLAN_SETTINGS).toEqual(resolvePlanSettings({}));
    });

    it('keeps what is given and sorts and dedupes the working days', () => {
      const s = resolvePlanSettings({
        working_days: [6, 1, 6],
        lunch: { start: '12:00', end: '13:00' },
      });
      expect(s.working_days).toEqual([1, 6]);
      expect(s.lunch).toEqual({ start: '12:00', end: '13:00' });
    });

    it('rejects hours that end before they start, bad clocks and unknown fields', () => {
      expect(() =>
        resolvePlanSettings({ working_hours: { start: '18:00', end: '09:00' } }),
      ).toThrow(/start must be before end/);
      expect(() => resolvePlanSettings({ working_hours: { start: '9:00', end: '17:00' } })).toThrow(
        /HH:MM/,
      );
      expect(() => resolvePlanSettings({ colour: 'red' } as never)).toThrow();
    });
  });

  describe('clockMinutes', () => {
    it('reads HH:MM from 00:00 to 24:00 and nothing else', () => {
      expect(clockMinutes('00:00')).toBe(0);
      expect(clockMinutes('17:30')).toBe(1050);
      expect(clockMinutes('24:00')).toBe(1440);
      expect(clockMinutes('24:01')).toBeNull();
      expect(clockMinutes('7:30')).toBeNull();
    });
  });
});
