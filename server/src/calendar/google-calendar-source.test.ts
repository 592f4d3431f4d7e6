import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { calendar_v3 } from '@googleapis/calendar';
import { FakeCalendarServer } from '../../test-support/fake-calendar-server.ts';
import { openCalendarApi, type CalendarApi } from './google-calendar-api.ts';
import { eventFromGoogle, googleCalendarSource } from './google-calendar-source.ts';

const ZONE = 'America/New_York';
const day = (date: string, offset = '-05:00') =>
  [Date.parse(`${date}T00:00:00${offset}`), Date.parse(`${date}T24:00:00${offset}`)] as const;
const timed = (id: string, summary: string, start: string, end: string, extra = {}) => ({
  id,
  status: 'confirmed',
  summary,
  start: { dateTime: start, timeZone: ZONE },
  end: { dateTime: end, timeZone: ZONE },
  ...extra,
});

describe('google-calendar-source', () => {
  const fake = new FakeCalendarServer();
  let api: CalendarApi;
  beforeAll(async () => {
    api = await openCalendarApi({ credentialsFile: null, apiUrl: await fake.start() });
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.requests.length = 0;
  });

  describe('googleCalendarSource', () => {
    it('asks for single events in start order between the day’s bounds, page by page', async () => {
      const events = Array.from({ length: 7 }, (_, i) =>
        timed(
          `e${i}`,
          `Meeting ${i}`,
          `2026-11-25T${String(9 + i).padStart(2, '0')}:00:00-05:00`,
          `2026-11-25T${String(9 + i).padStart(2, '0')}:30:00-05:00`,
        ),
      );
      fake.addCalendar('paged@example.com', events.reverse());
      const source = googleCalendarSource(api, 'paged@example.com', { pageSize: 2 });
      const got = await source.listEvents(...day('2026-11-25'), ZONE);
      expect(got.map((e) => e.title)).toEqual(Array.from({ length: 7 }, (_, i) => `Meeting ${i}`));
      expect(fake.requests).toHaveLength(4);
      const first = Object.fromEntries(fake.requests[0]!);
      expect(first).toMatchObject({
        singleEvents: 'true',
        orderBy: 'startTime',
        timeMin: '2026-11-25T05:00:00.000Z',
        timeMax: '2026-11-26T05:00:00.000Z',
        maxResults: '2',
        timeZone: ZONE,
      });
      expect(first.pageToken).toBeUndefined();
      expect(fake.requests.slice(1).every((q) => q.get('pageToken'))).toBe(true);
    });

    it('expands a weekly series across the DST change with its moved and cancelled instances', async () => {
      fake.addCalendar('series@example.com', [
        {
          ...timed('standup', 'Standup', '2026-10-26T09:30:00-04:00', '2026-10-26T09:45:00-04:00'),
          recurrence: ['RRULE:FREQ=DAILY;COUNT=30'],
        },
        {
          ...timed(
            'standup_moved',
            'Standup (moved)',
            '2026-11-03T14:00:00-05:00',
            '2026-11-03T14:15:00-05:00',
          ),
          recurringEventId: 'standup',
          originalStartTime: { dateTime: '2026-11-03T09:30:00-05:00', timeZone: ZONE },
        },
        {
          id: 'standup_cancelled',
          status: 'cancelled',
          recurringEventId: 'standup',
          originalStartTime: { dateTime: '2026-11-04T09:30:00-05:00', timeZone: ZONE },
          start: { dateTime: '2026-11-04T09:30:00-05:00', timeZone: ZONE },
          end: { dateTime: '2026-11-04T09:45:00-05:00', timeZone: ZONE },
        },
        timed('gone', 'Cancelled lunch', '2026-11-03T12:00:00-05:00', '2026-11-03T13:00:00-05:00', {
          status: 'cancelled',
        }),
      ]);
      const source = googleCalendarSource(api, 'series@example.com');
      const oct30 = await source.listEvents(...day('2026-10-30', '-04:00'), ZONE);
      expect(oct30.map((e) => [e.title, e.start])).toEqual([
        ['Standup', '2026-10-30T13:30:00.000Z'],
      ]);
      const nov2 = await source.listEvents(...day('2026-11-02'), ZONE);
      expect(nov2.map((e) => [e.title, e.start])).toEqual([
        ['Standup', '2026-11-02T14:30:00.000Z'],
      ]);
      const nov3 = await source.listEvents(...day('2026-11-03'), ZONE);
      expect(nov3.map((e) => [e.title, e.start])).toEqual([
        ['Standup (moved)', '2026-11-03T19:00:00.000Z'],
      ]);
      expect(await source.listEvents(...day('2026-11-04'), ZONE)).toEqual([]);
    });

    it('gives all-day events as dates and the calendar’s own answer from attendees[].self', async () => {
      fake.addCalendar('answers@example.com', [
        {
          id: 'holiday',
          summary: 'Thanksgiving',
          start: { date: '2026-11-26' },
          end: { date: '2026-11-27' },
          transparency: 'transparent',
        },
        {
          id: 'ooo',
          summary: 'Out of office',
          eventType: 'outOfOffice',
          start: { date: '2026-11-26' },
          end: { date: '2026-11-27' },
        },
        {
          id: 'home',
          summary: 'Home',
          eventType: 'workingLocation',
          start: { date: '2026-11-26' },
          end: { date: '2026-11-27' },
          transparency: 'transparent',
        },
        timed('mine', 'My review', '2026-11-26T10:00:00-05:00', '2026-11-26T11:00:00-05:00', {
          organizer: { email: 'me@example.com', self: true },
          attendees: [
            { email: 'me@example.com', organizer: true, self: true, responseStatus: 'accepted' },
            { email: 'you@example.com', responseStatus: 'needsAction' },
          ],
        }),
        timed('invite', 'Invite', '2026-11-26T13:00:00-05:00', '2026-11-26T14:00:00-05:00', {
          attendees: [
            { email: 'boss@example.com', organizer: true, responseStatus: 'accepted' },
            { email: 'me@example.com', self: true, responseStatus: 'needsAction' },
          ],
        }),
        timed('solo', 'Dentist', '2026-11-26T16:00:00-05:00', '2026-11-26T17:00:00-05:00'),
      ]);
      const got = await googleCalendarSource(api, 'answers@example.com').listEvents(
        ...day('2026-11-26'),
        ZONE,
      );
      const byTitle = Object.fromEntries(got.map((e) => [e.title, e]));
      expect(Object.keys(byTitle).sort()).toEqual([
        'Dentist',
        'Invite',
        'My review',
        'Out of office',
        'Thanksgiving',
      ]);
      expect(byTitle['Thanksgiving']).toMatchObject({
        all_day: true,
        start: '2026-11-26',
        end: '2026-11-27',
        transparency: 'transparent',
      });
      expect(byTitle['Out of office']).toMatchObject({ all_day: true, transparency: 'opaque' });
      expect(byTitle['My review']).toMatchObject({ response: 'accepted', all_day: false });
      expect(byTitle['Invite']).toMatchObject({ response: 'needs_action' });
      expect(byTitle['Dentist']).toMatchObject({
        response: null,
        transparency: 'opaque',
        start: '2026-11-26T21:00:00.000Z',
      });
    });

    it('reports a calendar that is not shared as unavailable, saying what to do', async () => {
      const source = googleCalendarSource(api, 'stranger@example.com');
      await expect(source.listEvents(...day('2026-11-25'), ZONE)).rejects.toMatchObject({
        name: 'CalendarUnavailableError',
        message: expect.stringMatching(/stranger@example\.com.*share it with the server/),
      });
    });

    it('reports a failing API as unavailable after one retry, and recovers', async () => {
      fake.addCalendar('flaky@example.com', [
        timed('a', 'A', '2026-11-25T09:00:00-05:00', '2026-11-25T10:00:00-05:00'),
      ]);
      const source = googleCalendarSource(api, 'flaky@example.com');
      fake.failNext(503, 2);
      await expect(source.listEvents(...day('2026-11-25'), ZONE)).rejects.toMatchObject({
        name: 'CalendarUnavailableError',
      });
      expect(fake.requests).toHaveLength(2);
      fake.failNext(503, 1);
      expect(await source.listEvents(...day('2026-11-25'), ZONE)).toHaveLength(1);
    });

    it('refuses to plan around part of a day with more events than it reads', async () => {
      fake.addCalendar(
        'crowded@example.com',
        Array.from({ length: 5 }, (_, i) =>
          timed(`c${i}`, `C${i}`, '2026-11-25T09:00:00-05:00', '2026-11-25T10:00:00-05:00'),
        ),
      );
      const source = googleCalendarSource(api, 'crowded@example.com', { pageSize: 2, maxPages: 2 });
      await expect(source.listEvents(...day('2026-11-25'), ZONE)).rejects.toMatchObject({
        name: 'CalendarUnavailableError',
        message: expect.stringContaining('more than 4 events'),
      });
    });
  });

  describe('FakeCalendarServer (as the real API)', () => {
    it('orders by start only for single events and lists a series as one master otherwise', async () => {
      await expect(
        api.events.list({ calendarId: 'series@example.com', orderBy: 'startTime' }),
      ).rejects.toMatchObject({ status: 400 });
      const masters = await api.events.list({
        calendarId: 'series@example.com',
        timeMin: '2026-11-01T00:00:00Z',
        timeMax: '2026-11-10T00:00:00Z',
      });
      expect(masters.data.items?.map((e) => [e.id, e.status])).toEqual([
        ['standup', 'confirmed'],
        ['standup_moved', 'confirmed'],
        ['standup_cancelled', 'cancelled'],
      ]);
      await expect(
        api.events.list({ calendarId: 'series@example.com', timeMin: '2026-11-01' }),
      ).rejects.toMatchObject({ status: 400 });
    });
  });

  describe('eventFromGoogle', () => {
    const base: calendar_v3.Schema$Event = timed(
      'x',
      'X',
      '2026-11-25T09:00:00-05:00',
      '2026-11-25T10:00:00-05:00',
    );
    it('drops cancelled items, working locations and items without times', () => {
      expect(eventFromGoogle({ ...base, status: 'cancelled' })).toBeNull();
      expect(eventFromGoogle({ ...base, eventType: 'workingLocation' })).toBeNull();
      expect(eventFromGoogle({ ...base, start: {} })).toBeNull();
      expect(eventFromGoogle(base)).toMatchObject({ id: 'x', start: '2026-11-25T14:00:00.000Z' });
    });

    it('shows an untitled (free/busy only) event without a title', () => {
      const { summary: _s, ...busy } = base;
      expect(eventFromGoogle(busy)).not.toHaveProperty('title');
    });
  });
});
