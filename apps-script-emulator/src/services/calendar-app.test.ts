import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function busy(startIso, endIso) {
  var events = CalendarApp.getDefaultCalendar().getEvents(new Date(startIso), new Date(endIso));
  return events.map(function (e) {
    return [e.getTitle(), e.getStartTime().toISOString(), e.isAllDayEvent(),
      e.getMyStatus() === CalendarApp.GuestStatus.OWNER ? 'owner' : String(e.getMyStatus()),
      e.getTransparency() === CalendarApp.EventTransparency.TRANSPARENT];
  });
}
function today(iso) { return CalendarApp.getEventsForDay(new Date(iso)).map(function (e) { return e.getTitle(); }); }
function byId(id) { var c = CalendarApp.getCalendarById(id); return c ? c.getName() : null; }
function calendars() {
  return CalendarApp.getAllCalendars().map(function (c) { return [c.getId(), c.isMyPrimaryCalendar()]; });
}
function count(id) {
  return CalendarApp.getCalendarById(id).getEvents(new Date('2026-11-27T00:00:00Z'), new Date('2026-11-28T00:00:00Z')).length;
}
`;

function setup() {
  const app = inlineBundle(CODE, { scriptTimeZone: 'Europe/Berlin' });
  app.emulator.seedEvent({
    title: 'Standup',
    start: '2026-11-27T08:00:00Z',
    end: '2026-11-27T08:15:00Z',
  });
  app.emulator.seedEvent({
    title: 'Offsite',
    start: '2026-11-27',
    allDay: true,
    transparency: 'TRANSPARENT',
  });
  app.emulator.seedEvent({ title: 'Review', start: '2026-11-27T13:00:00Z', myStatus: 'MAYBE' });
  app.emulator.seedEvent({ title: 'Next week', start: '2026-12-04T13:00:00Z' });
  return app;
}

describe('CalendarApp', () => {
  describe('Calendar.getEvents', () => {
    it('returns events overlapping the window, earliest first, with status and transparency', () => {
      expect(setup().run('busy', '2026-11-27T07:00:00Z', '2026-11-27T14:00:00Z')).toEqual([
        ['Offsite', '2026-11-26T23:00:00.000Z', true, 'owner', true],
        ['Standup', '2026-11-27T08:00:00.000Z', false, 'owner', false],
        ['Review', '2026-11-27T13:00:00.000Z', false, 'MAYBE', false],
      ]);
    });

    it("seeds events with Google Calendar's defaults: timed ones busy, all-day ones free", () => {
      const app = inlineBundle(CODE, { scriptTimeZone: 'Europe/Berlin' });
      app.emulator.seedEvent({ title: 'Meeting', start: '2026-11-27T08:00:00Z' });
      app.emulator.seedEvent({ title: 'Birthday', start: '2026-11-27', allDay: true });
      const free = (
        app.run('busy', '2026-11-26T23:00:00Z', '2026-11-27T23:00:00Z') as unknown[][]
      ).map((e) => [e[0], e[4]]);
      expect(free).toEqual([
        ['Birthday', true],
        ['Meeting', false],
      ]);
    });

    it('includes an event that started before the window and ends inside it', () => {
      expect(setup().run('busy', '2026-11-27T08:10:00Z', '2026-11-27T08:20:00Z')).toHaveLength(2);
    });
  });

  describe('getEventsForDay', () => {
    it('uses the calendar zone to decide which day an event is on', () => {
      expect(setup().run('today', '2026-11-27T22:30:00Z')).toEqual([
        'Offsite',
        'Standup',
        'Review',
      ]);
    });
  });

  describe('getCalendarById', () => {
    it('returns null for an unknown calendar', () => {
      const app = setup();
      expect(app.run('byId', 'nobody@example.com')).toBeNull();
      expect(app.run('byId', app.emulator.ownerEmail)).toBe(app.emulator.ownerEmail);
    });
  });

  describe('getAllCalendars', () => {
    it('lists the default calendar and the subscribed ones, marking the primary', () => {
      const app = setup();
      app.emulator.calendars.addCalendar({ id: 'team@group.calendar.google.com', name: 'Team' });
      expect(app.run('calendars')).toEqual([
        [app.emulator.ownerEmail, true],
        ['team@group.calendar.google.com', false],
      ]);
    });
  });

  describe('emulator.calendars.removeCalendar', () => {
    it('makes getCalendarById answer null, as for a calendar the user left', () => {
      const app = setup();
      app.emulator.calendars.addCalendar({ id: 'team@group.calendar.google.com', name: 'Team' });
      app.emulator.calendars.removeCalendar('team@group.calendar.google.com');
      expect(app.run('byId', 'team@group.calendar.google.com')).toBeNull();
    });
  });

  describe('emulator.calendars.fail', () => {
    it('makes reading the calendar throw an Exception until it is healed', () => {
      const app = setup();
      app.emulator.calendars.fail(app.emulator.ownerEmail);
      expect(() => app.run('count', app.emulator.ownerEmail)).toThrow(/server error occurred/);
      app.emulator.calendars.fail(app.emulator.ownerEmail, null);
      expect(app.run('count', app.emulator.ownerEmail)).toBe(3);
    });
  });
});
