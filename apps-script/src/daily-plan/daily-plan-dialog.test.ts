import { describe, expect, it } from 'vitest';
import type { LoadedBundle } from '@mindflow/apps-script-emulator';
import { setUpAddOn } from '../../test-support/add-on.ts';

const TEAM = 'team@group.calendar.google.com';

function setup(): LoadedBundle {
  const { app } = setUpAddOn();
  app.emulator.calendars.addCalendar({ id: TEAM, name: 'Team' });
  return app;
}

const dailyTriggers = (app: LoadedBundle) =>
  app.emulator.triggers.triggers.filter((t) => t.handlerFunction === 'sendDailyPlan');

const save = (app: LoadedBundle, input: Record<string, unknown>) =>
  app.run('saveDailyPlanSettings', input) as {
    ok: boolean;
    data?: Record<string, unknown>;
    error?: { code: string; message: string; details: { field: string; message: string }[] };
  };

describe('daily-plan-dialog', () => {
  describe('showDailyPlanSettings', () => {
    it('opens the settings dialog at its size, loading the settings from the server', () => {
      const app = setup();
      app.run('showDailyPlanSettings');
      expect(app.emulator.ui.shown[0]).toMatchObject({
        kind: 'modal',
        title: 'Daily plan settings',
        width: 460,
        height: 620,
      });
      const page = app.emulator.ui.shown[0]?.content ?? '';
      for (const fn of ['getDailyPlanSettings', 'saveDailyPlanSettings', 'sendTestDailyPlan']) {
        expect(page).toContain(`.${fn}(`);
      }
      expect(page).toContain('Send me a test now');
    });
  });

  describe('getDailyPlanSettings', () => {
    it('shows the defaults (off, 07:30), the calendars to choose from and where mail goes', () => {
      const app = setup();
      expect(app.run('getDailyPlanSettings')).toEqual({
        settings: expect.objectContaining({
          enabled: false,
          hour: 7,
          minute: 30,
          calendar_ids: [],
        }),
        calendars: [
          { id: 'owner@example.com', name: 'owner@example.com', primary: true },
          { id: TEAM, name: 'Team', primary: false },
        ],
        time_zone: 'America/New_York',
        recipient: 'owner@example.com',
        scheduled: false,
        last_sent: null,
        notices: [],
      });
    });

    it('keeps a chosen calendar that is gone in the list, marked missing, so it can be unticked', () => {
      const app = setup();
      save(app, { calendar_ids: [TEAM] });
      app.emulator.calendars.removeCalendar(TEAM);
      const state = app.run('getDailyPlanSettings') as { calendars: unknown[] };
      expect(state.calendars).toContainEqual({
        id: TEAM,
        name: TEAM,
        primary: false,
        missing: true,
      });
    });

    it('says so when the stored settings cannot be read, showing the defaults', () => {
      const app = setup();
      app.emulator.properties
        .user(app.emulator.ownerEmail)
        .set('DAILY_PLAN_SETTINGS', '{"hour":99');
      const state = app.run('getDailyPlanSettings') as { settings: unknown; notices: string[] };
      expect(state.settings).toMatchObject({ hour: 7 });
      expect(state.notices).toEqual([expect.stringContaining('could not be read')]);
    });
  });

  describe('saveDailyPlanSettings', () => {
    it('turned on: stores the settings and installs one daily trigger at the hour, in the Sheet zone', () => {
      const app = setup();
      app.emulator.spreadsheet().timeZone = 'Europe/Berlin';
      const result = save(app, { enabled: true, hour: 6, minute: 45, calendar_ids: [TEAM] });
      expect(result).toMatchObject({
        ok: true,
        data: { scheduled: true, time_zone: 'Europe/Berlin', settings: { hour: 6, minute: 45 } },
      });
      expect(dailyTriggers(app)).toEqual([
        expect.objectContaining({
          ownerEmail: 'owner@example.com',
          schedule: { everyDays: 1, atHour: 6, nearMinute: 45, timeZone: 'Europe/Berlin' },
        }),
      ]);
      expect(app.run('getDailyPlanSettings')).toMatchObject({
        settings: { enabled: true, hour: 6, minute: 45, calendar_ids: [TEAM] },
        scheduled: true,
      });
    });

    it('saved again: replaces the trigger, so there is still exactly one', () => {
      const app = setup();
      save(app, { enabled: true, hour: 6 });
      save(app, { enabled: true, hour: 8, minute: 0 });
      save(app, { enabled: true, hour: 8, minute: 0 });
      expect(dailyTriggers(app)).toHaveLength(1);
      expect(dailyTriggers(app)[0]?.schedule).toMatchObject({ atHour: 8, nearMinute: 0 });
    });

    it('turned off: removes the trigger and leaves the onEdit trigger alone', () => {
      const app = setup();
      save(app, { enabled: true });
      expect(save(app, { enabled: false })).toMatchObject({ ok: true, data: { scheduled: false } });
      expect(dailyTriggers(app)).toEqual([]);
      expect(app.emulator.triggers.triggers.map((t) => t.handlerFunction)).toEqual(['onTasksEdit']);
    });

    it("never touches a collaborator's own daily plan trigger", () => {
      const app = setup();
      save(app, { enabled: true, hour: 6 });
      app.emulator.ownerEmail = 'colleague@example.com';
      save(app, { enabled: true, hour: 9 });
      save(app, { enabled: false });
      expect(dailyTriggers(app)).toEqual([
        expect.objectContaining({
          ownerEmail: 'owner@example.com',
          schedule: expect.objectContaining({ atHour: 6 }),
        }),
      ]);
    });

    it('refuses invalid settings naming each field, and changes nothing', () => {
      const app = setup();
      const result = save(app, {
        enabled: true,
        hour: 25,
        working_hours: { start: '18:00', end: '09:00' },
        buffer_minutes: null,
      });
      expect(result).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
      expect(result.error?.details.map((d) => d.field)).toEqual([
        'working_hours.end',
        'buffer_minutes',
        'hour',
      ]);
      expect(dailyTriggers(app)).toEqual([]);
      expect(
        app.emulator.properties.user(app.emulator.ownerEmail).get('DAILY_PLAN_SETTINGS'),
      ).toBeNull();
    });

    it("stores the largest settings it accepts within Properties' 9 kB per value", () => {
      const app = setup();
      const ids = Array.from(
        { length: 20 },
        (_, i) => `${String(i).padStart(2, '0')}${'x'.repeat(253)}`,
      );
      expect(save(app, { enabled: true, calendar_ids: ids })).toMatchObject({ ok: true });
    });

    it('answers busy when another change holds the script lock past the wait', () => {
      const app = setup();
      app.emulator.locks.holdBy('other', { releaseAfterMs: 60_000 });
      expect(save(app, { enabled: true })).toMatchObject({
        ok: false,
        error: { code: 'conflict', details: { reason: 'busy' } },
      });
      expect(dailyTriggers(app)).toEqual([]);
    });
  });
});
