import { describe, expect, it } from 'vitest';
import { logRows, setUpAddOn } from '../../test-support/add-on.ts';

describe('sidebar-functions', () => {
  describe('runOperation', () => {
    it('runs a catalogue operation and answers the Result envelope, logged as the sidebar', () => {
      const { app } = setUpAddOn();
      const made = app.run('runOperation', 'quickAddTask', { text: 'Pay rent tomorrow p1 #home' });
      expect(made).toMatchObject({
        ok: true,
        data: { saved: true, task: { title: 'Pay rent', priority: 5, due: '2026-11-28' } },
      });
      expect(logRows(app).map((r) => [r[1], r[3]])).toEqual([['quickAddTask', 'sidebar']]);
      expect(app.run('runOperation', 'getBestTask', {})).toMatchObject({
        ok: true,
        data: { task: { title: 'Pay rent' } },
      });
    });

    it('answers envelopes for bad calls instead of throwing to google.script.run', () => {
      const { app } = setUpAddOn();
      expect(app.run('runOperation', 'nope', {})).toMatchObject({ error: { code: 'not_found' } });
      expect(app.run('runOperation', 42, {})).toMatchObject({
        error: { code: 'validation_failed' },
      });
      expect(app.run('runOperation', 'createTask', ['x'])).toMatchObject({
        error: { code: 'validation_failed' },
      });
      expect(app.run('runOperation', 'createTask', { title: '' })).toMatchObject({
        error: { code: 'validation_failed' },
      });
    });
  });

  describe('getSidebarContext', () => {
    it('gives the spreadsheet zone and address, and no email (no userinfo scope)', () => {
      const { app } = setUpAddOn();
      app.emulator.spreadsheet().timeZone = 'Asia/Tokyo';
      expect(app.run('getSidebarContext')).toEqual({
        time_zone: 'Asia/Tokyo',
        user: null,
        sheet_url: app.emulator.spreadsheet().url(),
      });
    });
  });
});
