import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { eventsFromIcs, icsCalendarSource } from './ics-events.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const day = (iso: string) =>
  [Date.parse(`${iso}T00:00:00-05:00`), Date.parse(`${iso}T24:00:00-05:00`)] as const;

describe('ics-events', () => {
  describe('eventsFromIcs', () => {
    const google = fixture('google-work.ics');
    const me = { selfEmail: 'me@example.com' };

    it('expands a recurring series in the user zone and keeps local time across DST', () => {
      const oct30 = eventsFromIcs(
        google,
        Date.parse('2026-10-30T00:00:00-04:00'),
        Date.parse('2026-10-31T00:00:00-04:00'),
        'America/New_York',
      );
      expect(oct30.map((e) => [e.title, e.start])).toEqual([
        ['Standup', '2026-10-30T13:30:00.000Z'],
      ]);
      const nov2 = eventsFromIcs(google, ...day('2026-11-02'), 'America/New_York');
      expect(nov2.map((e) => [e.title, e.start])).toEqual([
        ['Standup', '2026-11-02T14:30:00.000Z'],
      ]);
    });

    it('drops EXDATEs and cancelled instances and applies moved ones', () => {
      expect(eventsFromIcs(google, ...day('2026-11-24'), 'America/New_York')).toEqual([]);
      expect(eventsFromIcs(google, ...day('2026-11-26'), 'America/New_York')).toEqual([]);
      const nov25 = eventsFromIcs(google, ...day('2026-11-25'), 'America/New_York', me);
      expect(nov25.find((e) => e.title?.startsWith('Standup'))).toMatchObject({
        title: 'Standup (moved)',
        start: '2026-11-25T19:00:00.000Z',
        end: '2026-11-25T19:15:00.000Z',
      });
    });

    it('reports the user’s response, transparency and all-day events', () => {
      const byTitle = Object.fromEntries(
        eventsFromIcs(google, ...day('2026-11-25'), 'America/New_York', me).map((e) => [
          e.title,
          e,
        ]),
      );
      expect(byTitle['Design review']).toMatchObject({ response: 'organizer', all_day: false });
      expect(byTitle['Vendor pitch']).toMatchObject({ response: 'declined' });
      expect(byTitle['Focus reminder']).toMatchObject({ transparency: 'transparent' });
      expect(byTitle['Team offsite prep day']).toMatchObject({
        all_day: true,
        start: '2026-11-25',
        end: '2026-11-26',
      });
      expect(byTitle['Standup (moved)']).toMatchObject({ response: 'accepted' });
    });

    it('reads Outlook time zones from the feed’s VTIMEZONE, UTC times and floating times', () => {
      const monday = eventsFromIcs(
        fixture('outlook-berlin.ics'),
        Date.parse('2026-10-26T00:00:00+01:00'),
        Date.parse('2026-10-27T00:00:00+01:00'),
        'Europe/Berlin',
      );
      expect(Object.fromEntries(monday.map((e) => [e.title, e.start]))).toEqual({
        'Weekly sync': '2026-10-26T09:00:00.000Z', // 10:00 CET, the day after the change to winter time
        'Call with NYC': '2026-10-26T15:00:00.000Z',
        Lunch: '2026-10-26T11:30:00.000Z', // floating 12:30 in the user's zone
      });
    });
  });

  describe('icsCalendarSource', () => {
    it('turns an unreadable feed into CalendarUnavailableError', async () => {
      const source = icsCalendarSource(() => ['this is not a calendar']);
      await expect(source.listEvents(0, 1, 'UTC')).rejects.toMatchObject({
        name: 'CalendarUnavailableError',
      });
    });
  });
});
