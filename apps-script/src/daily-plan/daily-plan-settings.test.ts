import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DAILY_PLAN_SETTINGS,
  parseDailyPlanSettings,
  planningSettings,
  sendTimeLabel,
} from './daily-plan-settings.ts';

const fieldsOf = (input: unknown) => {
  const result = parseDailyPlanSettings(input);
  if (result.ok) return [];
  return (result.error.details as { field: string; message: string }[]).map((i) => i.field);
};

describe('daily-plan-settings', () => {
  describe('DEFAULT_DAILY_PLAN_SETTINGS', () => {
    it('is off, at 07:30, reading only the default calendar, with the planner defaults', () => {
      expect(DEFAULT_DAILY_PLAN_SETTINGS).toMatchObject({
        enabled: false,
        hour: 7,
        minute: 30,
        calendar_ids: [],
        working_hours: { start: '09:00', end: '17:30' },
        working_days: [1, 2, 3, 4, 5],
        lunch: null,
        buffer_minutes: 5,
      });
      expect(sendTimeLabel(DEFAULT_DAILY_PLAN_SETTINGS)).toBe('07:30');
    });
  });

  describe('parseDailyPlanSettings', () => {
    it('accepts a full profile and keeps each chosen calendar once', () => {
      const result = parseDailyPlanSettings({
        enabled: true,
        hour: 6,
        minute: 45,
        calendar_ids: ['team@group.calendar.google.com', 'team@group.calendar.google.com'],
        working_hours: { start: '08:00', end: '16:00' },
        working_days: [5, 1, 1],
        lunch: { start: '12:00', end: '12:45' },
        buffer_minutes: 10,
      });
      expect(result).toMatchObject({
        ok: true,
        data: {
          calendar_ids: ['team@group.calendar.google.com'],
          working_days: [1, 5],
          lunch: { start: '12:00', end: '12:45' },
        },
      });
    });

    it('names the field of every broken rule', () => {
      expect(fieldsOf({ hour: 24 })).toEqual(['hour']);
      expect(fieldsOf({ minute: 10 })).toEqual(['minute']);
      expect(fieldsOf({ enabled: 'yes' })).toEqual(['enabled']);
      expect(fieldsOf({ calendar_ids: ['ok', ' '] })).toEqual(['calendar_ids.1']);
      expect(fieldsOf({ working_hours: { start: '18:00', end: '09:00' } })).toEqual([
        'working_hours.end',
      ]);
      expect(fieldsOf({ working_hours: { start: '9am', end: '17:00' } })).toEqual([
        'working_hours.start',
      ]);
      expect(fieldsOf({ lunch: { start: '13:00', end: '12:00' } })).toEqual(['lunch.end']);
      expect(fieldsOf({ buffer_minutes: 500 })).toEqual(['buffer_minutes']);
      expect(fieldsOf({ working_days: [0] })).toEqual(['working_days.0']);
      expect(fieldsOf({ surprise: 1 })).toEqual(['surprise']);
    });

    it('says what is wrong in words that start with the field', () => {
      const result = parseDailyPlanSettings({ minute: 10, hour: -1 });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.message).toBe('2 fields are invalid: hour, minute');
      expect(result.error.details).toEqual([
        expect.objectContaining({ field: 'hour', message: expect.stringMatching(/^hour: /) }),
        expect.objectContaining({
          field: 'minute',
          message: 'minute must be 0, 15, 30 or 45',
        }),
      ]);
    });

    it('refuses more than 20 calendars (each costs a CalendarApp call in the trigger)', () => {
      const ids = Array.from({ length: 21 }, (_, i) => `c${i}@group.calendar.google.com`);
      expect(fieldsOf({ calendar_ids: ids })).toEqual(['calendar_ids']);
    });
  });

  describe('planningSettings', () => {
    it("keeps only the planner's part, which PlanSettingsSchema accepts", () => {
      const planning = planningSettings({ ...DEFAULT_DAILY_PLAN_SETTINGS, enabled: true });
      expect(Object.keys(planning).sort()).toEqual([
        'buffer_minutes',
        'default_effort_minutes',
        'lunch',
        'min_block_minutes',
        'min_chunk_minutes',
        'working_days',
        'working_hours',
      ]);
    });
  });
});
