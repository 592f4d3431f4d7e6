import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import {
  intlTimeZone,
  planDay,
  resolvePlanSettings,
  ZonedCalendar,
  type CalendarEvent,
} from '@mindflow/shared';
import { eventsFromIcs, icsCalendarSource, parseIcs } from './ics-events.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const day = (iso: string) =>
  [Date.parse(`${iso}T00:00:00-05:00`), Date.parse(`${iso}T24:00:00-05:00`)] as const;

const calendar = (...lines: string[]) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//test//EN', ...lines, 'END:VCALENDAR'].join('\r\n');
const vevent = (...lines: string[]) => ['BEGIN:VEVENT', ...lines, 'END:VEVENT'];

/** n series that repeat every day since 1970: the feed that used to hold /health for a minute. */
function dailySince1970(n: number): string {
  return calendar(
    ...Array.from({ length: n }, (_, i) =>
      vevent(
        `UID:series-${i}@test`,
        'DTSTART;TZID=America/New_York:19700101T090000',
        'DTEND;TZID=America/New_York:19700101T093000',
        'RRULE:FREQ=DAILY',
        `SUMMARY:Series ${i}`,
      ),
    ).flat(),
  );
}

/** What a naive expansion from DTSTART finds in the window: the reference for the fast path. */
function naive(text: string, startMs: number, endMs: number, zone: string): string[] {
  return eventsFromIcs(text, startMs, endMs, zone, { maxSteps: 10_000_000, budgetMs: 60_000 })
    .map((e) => `${e.title} ${e.start}`)
    .sort();
}

const isUnreadable = (e: CalendarEvent) => e.start === 'unreadable';

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

  describe('eventsFromIcs under hostile feeds', () => {
    it('expands 200 series that repeat daily since 1970 from just before the window', () => {
      // Starting at DTSTART took 5,000 steps per series and still never reached 2026 (66 s for
      // 200 series); started near the window, a handful of steps per series find them all.
      const events = eventsFromIcs(dailySince1970(200), ...day('2026-11-25'), 'America/New_York', {
        maxSteps: 200 * 8,
        budgetMs: 60_000, // the bound under test is the step count, not a loaded machine's clock
      });
      expect(events.filter(isUnreadable)).toEqual([]);
      expect(events).toHaveLength(200);
      expect(events[0]).toMatchObject({ title: 'Series 0', start: '2026-11-25T14:00:00.000Z' });
    });

    it('finds the same occurrences near the window as a full expansion from DTSTART', () => {
      const rules = [
        ['RRULE:FREQ=DAILY;INTERVAL=3', '20240102T091500'],
        ['RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR', '20230103T100000'], // a Tuesday DTSTART
        ['RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20261201T000000Z', '20200107T080000'],
        ['RRULE:FREQ=HOURLY;INTERVAL=5', '20250301T013000'],
        ['RRULE:FREQ=MINUTELY;INTERVAL=97', '20260101T000000'],
        ['RRULE:FREQ=DAILY;COUNT=2000', '20220101T120000'],
        ['RRULE:FREQ=DAILY;COUNT=100', '20220101T120000'], // over before the window
        ['RRULE:FREQ=MONTHLY;BYDAY=-1WE', '20000126T140000'],
      ];
      for (const [rule, start] of rules) {
        const text = calendar(
          ...vevent(
            'UID:r@test',
            `DTSTART;TZID=America/New_York:${start}`,
            'DURATION:PT45M',
            rule!,
            `SUMMARY:${rule}`,
          ),
        );
        for (const date of ['2026-11-24', '2026-11-25', '2026-11-26']) {
          const window = day(date);
          const fast = eventsFromIcs(text, ...window, 'America/New_York', {
            maxSteps: 400,
            budgetMs: 60_000,
          });
          expect(fast.filter(isUnreadable), `${rule} ${date}`).toEqual([]);
          expect(fast.map((e) => `${e.title} ${e.start}`).sort(), `${rule} on ${date}`).toEqual(
            naive(text, ...window, 'America/New_York'),
          );
        }
      }
    });

    it('bounds the work per read and leaves out, with a note, the series it cut short', () => {
      const endless = calendar(
        ...vevent(
          'UID:count@test',
          'DTSTART:19700101T090000Z',
          'DTEND:19700101T093000Z',
          'RRULE:FREQ=DAILY;COUNT=40000;BYDAY=MO,TU,WE,TH,FR',
          'SUMMARY:Too long to expand',
        ),
        ...vevent(
          'UID:one@test',
          'DTSTART:20261125T150000Z',
          'DTEND:20261125T160000Z',
          'SUMMARY:Review',
        ),
      );
      const events = eventsFromIcs(endless, ...day('2026-11-25'), 'America/New_York', {
        maxSteps: 1000,
        budgetMs: 60_000,
      });
      expect(events.map((e) => [e.title, e.start])).toEqual([
        ['Review', '2026-11-25T15:00:00.000Z'],
        ['Too long to expand', 'unreadable'],
      ]);
      const plan = planDay({
        date: '2026-11-25',
        now: Date.parse('2026-11-25T12:00:00Z'),
        calendar: new ZonedCalendar(intlTimeZone, 'America/New_York'),
        tasks: [],
        events,
        settings: resolvePlanSettings({}),
      });
      expect(plan.notes).toContain('1 calendar event had unreadable times and was left out.');
    });

    it('stops on its time budget too: with none left, each long series is left out', () => {
      const text = calendar(
        ...Array.from({ length: 5 }, (_, i) =>
          vevent(
            `UID:slow-${i}@test`,
            'DTSTART:19700101T090000Z',
            'DURATION:PT30M',
            'RRULE:FREQ=DAILY;COUNT=20000;BYHOUR=9,10',
            `SUMMARY:Slow ${i}`,
          ),
        ).flat(),
      );
      const events = eventsFromIcs(text, ...day('2026-11-25'), 'UTC', { budgetMs: 0 });
      expect(events.map((e) => e.start)).toEqual(Array(5).fill('unreadable'));
    });

    it('leaves out an event with an unreadable DTSTART and a VTIMEZONE without TZID, with a note', () => {
      const text = calendar(
        'BEGIN:VTIMEZONE',
        'BEGIN:STANDARD',
        'DTSTART:19701025T030000',
        'TZOFFSETFROM:+0200',
        'TZOFFSETTO:+0100',
        'END:STANDARD',
        'END:VTIMEZONE',
        ...vevent('UID:bad@test', 'DTSTART:2026112X5T090000Z', 'SUMMARY:Broken'),
        ...vevent('UID:bad2@test', 'DTSTART:garbage', 'SUMMARY:Also broken'),
        ...vevent(
          'UID:good@test',
          'DTSTART:20261125T150000Z',
          'DTEND:20261125T160000Z',
          'SUMMARY:Fine',
        ),
      );
      const events = eventsFromIcs(text, ...day('2026-11-25'), 'America/New_York');
      expect(events.map((e) => [e.title, e.start])).toEqual([
        ['Broken', 'unreadable'],
        ['Also broken', 'unreadable'],
        ['Fine', '2026-11-25T15:00:00.000Z'],
      ]);
      const plan = planDay({
        date: '2026-11-25',
        now: Date.parse('2026-11-25T12:00:00Z'),
        calendar: new ZonedCalendar(intlTimeZone, 'America/New_York'),
        tasks: [],
        events,
        settings: resolvePlanSettings({}),
      });
      expect(plan.notes).toContain('2 calendar events had unreadable times and were left out.');
      expect(plan.blocks.map((b) => b.title)).toContain('Fine');
    });

    it('applies a RECURRENCE-ID only to the series with the same UID (strict exceptions)', () => {
      const text = calendar(
        ...['a', 'b'].flatMap((uid) =>
          vevent(
            `UID:${uid}@test`,
            'DTSTART:20261101T150000Z',
            'DTEND:20261101T153000Z',
            'RRULE:FREQ=DAILY',
            `SUMMARY:Series ${uid}`,
          ),
        ),
        ...vevent(
          'UID:a@test',
          'RECURRENCE-ID:20261125T150000Z',
          'DTSTART:20261125T180000Z',
          'DTEND:20261125T183000Z',
          'SUMMARY:Series a (moved)',
        ),
      );
      const events = eventsFromIcs(text, ...day('2026-11-25'), 'America/New_York');
      expect(events.map((e) => `${e.title} ${e.start}`).sort()).toEqual([
        'Series a (moved) 2026-11-25T18:00:00.000Z',
        'Series b 2026-11-25T15:00:00.000Z',
      ]);
    });

    it('shows an instance moved into the window from a day outside it, and hides its old day', () => {
      const text = calendar(
        ...vevent(
          'UID:a@test',
          'DTSTART:19900101T150000Z',
          'DTEND:19900101T153000Z',
          'RRULE:FREQ=WEEKLY',
          'SUMMARY:Weekly',
        ),
        ...vevent(
          'UID:a@test',
          'RECURRENCE-ID:20261203T150000Z',
          'DTSTART:20261125T180000Z',
          'DTEND:20261125T183000Z',
          'SUMMARY:Weekly (pulled forward)',
        ),
      );
      expect(
        eventsFromIcs(text, ...day('2026-11-25'), 'America/New_York').map((e) => e.title),
      ).toEqual(['Weekly (pulled forward)']);
      expect(eventsFromIcs(text, ...day('2026-12-03'), 'America/New_York')).toEqual([]);
    });

    it("keeps each feed's VTIMEZONE to itself: another feed cannot redefine its zones", () => {
      const zone = (offset: string) => [
        'BEGIN:VTIMEZONE',
        'TZID:Custom Standard Time',
        'BEGIN:STANDARD',
        'DTSTART:19700101T000000',
        `TZOFFSETFROM:${offset}`,
        `TZOFFSETTO:${offset}`,
        'END:STANDARD',
        'END:VTIMEZONE',
      ];
      const meeting = vevent(
        'UID:m@test',
        'DTSTART;TZID=Custom Standard Time:20261125T090000',
        'DTEND;TZID=Custom Standard Time:20261125T100000',
        'SUMMARY:Meeting',
      );
      const mine = parseIcs(calendar(...zone('+0100'), ...meeting));
      const theirs = parseIcs(calendar(...zone('+0500'), ...meeting));
      const bare = parseIcs(calendar(...meeting)); // names the zone, defines none
      const startOf = (feed: ReturnType<typeof parseIcs>) =>
        eventsFromIcs(
          feed,
          Date.parse('2026-11-24T12:00:00Z'),
          Date.parse('2026-11-26T12:00:00Z'),
          'UTC',
        )[0]?.start;
      expect(startOf(mine)).toBe('2026-11-25T08:00:00.000Z');
      expect(startOf(theirs)).toBe('2026-11-25T04:00:00.000Z');
      expect(startOf(bare)).toBe('2026-11-25T09:00:00.000Z'); // floating: the user's clock
    });

    it('parses a feed once and reads it for any window', () => {
      const parsed = parseIcs(dailySince1970(3));
      expect(eventsFromIcs(parsed, ...day('2026-11-25'), 'UTC')).toHaveLength(3);
      expect(eventsFromIcs(parsed, ...day('2199-12-30'), 'UTC')).toHaveLength(3);
      expect(ICAL.parse).toBeTypeOf('function');
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
