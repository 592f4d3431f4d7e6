import { describe, expect, it } from 'vitest';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { parseQuickAdd } from './quick-add.ts';

const newYork = new ZonedCalendar(intlTimeZone, 'America/New_York');
const kolkata = new ZonedCalendar(intlTimeZone, 'Asia/Kolkata');
const berlin = new ZonedCalendar(intlTimeZone, 'Europe/Berlin');
const tokyo = new ZonedCalendar(intlTimeZone, 'Asia/Tokyo');

/** Wednesday 2026-11-25 at 10:00 in the calendar's zone. */
function wednesday(calendar: ZonedCalendar): number {
  return calendar.instantAt('2026-11-25', 10 * 60);
}

function parse(text: string, calendar = newYork, now = wednesday(calendar)) {
  return parseQuickAdd(text, { now, calendar });
}

describe('quick-add', () => {
  describe('parseQuickAdd', () => {
    it('reads the reference line into every field', () => {
      const r = parse('Review Q3 metrics by Friday 3pm p1 45m #work @morning every monday');
      expect(r.fields).toEqual({
        title: 'Review Q3 metrics',
        due: '2026-11-27T15:00:00-05:00',
        priority: 5,
        effort_minutes: 45,
        tags: ['work'],
        preferred_time: 'morning',
        repeat: 'FREQ=WEEKLY;BYDAY=MO',
      });
      expect(r.tokens).toEqual([
        { kind: 'title', text: 'Review Q3 metrics' },
        { kind: 'connective', text: 'by' },
        { kind: 'due', text: 'Friday 3pm', value: '2026-11-27T15:00:00-05:00' },
        { kind: 'priority', text: 'p1', value: 5 },
        { kind: 'effort', text: '45m', value: 45 },
        { kind: 'tag', text: '#work', value: 'work' },
        { kind: 'preferred_time', text: '@morning', value: 'morning' },
        { kind: 'repeat', text: 'every monday', value: 'FREQ=WEEKLY;BYDAY=MO' },
      ]);
    });

    it.each([
      ['today', '2026-11-25'],
      ['tomorrow', '2026-11-26'],
      ['next week', '2026-12-02'],
      ['in 3 days', '2026-11-28'],
      ['Dec 24', '2026-12-24'],
      ['by friday', '2026-11-27'],
    ])('reads %j as a date-only due', (phrase, due) => {
      for (const calendar of [newYork, kolkata, berlin, tokyo]) {
        expect(parse(`Plan ${phrase}`, calendar).fields.due, calendar.zone).toBe(due);
      }
    });

    it('reads "tomorrow 9am" as 09:00 with the offset of each zone', () => {
      const at9 = (calendar: ZonedCalendar) => parse('Call tomorrow 9am', calendar).fields.due;
      expect(at9(newYork)).toBe('2026-11-26T09:00:00-05:00');
      expect(at9(kolkata)).toBe('2026-11-26T09:00:00+05:30');
      expect(at9(berlin)).toBe('2026-11-26T09:00:00+01:00');
      expect(at9(tokyo)).toBe('2026-11-26T09:00:00+09:00');
    });

    it('takes the day in the user zone, not in UTC', () => {
      // 23:30 on Nov 25 in New York is already Nov 26 in UTC; 04:00 in Kolkata is still Nov 25 in UTC.
      expect(
        parse('x tomorrow', newYork, newYork.instantAt('2026-11-25', 23 * 60 + 30)).fields.due,
      ).toBe('2026-11-26');
      expect(parse('x today', kolkata, kolkata.instantAt('2026-11-26', 4 * 60)).fields.due).toBe(
        '2026-11-26',
      );
    });

    it('keeps local 09:00 across the March DST change in New York', () => {
      const saturday = newYork.instantAt('2026-03-07', 12 * 60);
      expect(parse('Call tomorrow 9am', newYork, saturday).fields.due).toBe(
        '2026-03-08T09:00:00-04:00',
      );
      expect(parse('Call monday 9am', newYork, saturday).fields.due).toBe(
        '2026-03-09T09:00:00-04:00',
      );
    });

    it('counts a relative time as elapsed time, even across the DST change', () => {
      const beforeChange = newYork.instantAt('2026-03-08', 60); // 01:00 EST
      expect(parse('Check in 2 hours', newYork, beforeChange).fields.due).toBe(
        '2026-03-08T04:00:00-04:00',
      );
    });

    it('converts a time given in another zone to the user zone', () => {
      expect(parse('Submit 3pm PST').fields.due).toBe('2026-11-25T18:00:00-05:00');
    });

    it('takes only the first date and leaves later ones in the title', () => {
      const r = parse('Call Bob tomorrow, email Ann friday');
      expect(r.fields.due).toBe('2026-11-26');
      expect(r.fields.title).toBe('Call Bob email Ann friday');
    });

    it('consumes a connective directly before the date', () => {
      for (const word of ['by', 'on', 'at', 'due', 'until', 'BY']) {
        const r = parse(`Send report ${word} tomorrow`);
        expect(r.tokens[1], word).toEqual({ kind: 'connective', text: word });
        expect(r.fields.title).toBe('Send report');
      }
    });

    it('keeps words that look like markers but are not in the title', () => {
      const r = parse('Fix p9 # @noon 1000h bug 0m p0 !maybe');
      expect(r.fields).toMatchObject({ title: 'Fix p9 # @noon 1000h bug 0m p0 !maybe', due: null });
      expect(r.fields).toMatchObject({ priority: null, effort_minutes: null, tags: [] });
    });

    it('does not read a bare number or a lone word like "sun" or "march" as a date', () => {
      expect(parse('Buy 3 apples at 5').fields).toMatchObject({
        title: 'Buy 3 apples at 5',
        due: null,
      });
      expect(parse('Watch the sun rise').fields.due).toBeNull();
      expect(parse('Call June about the march').fields.due).toBeNull();
      expect(parse('Picnic on sat').fields.due).toBe('2026-11-28');
    });

    it('reads priority markers and words', () => {
      const priority = (text: string) => parse(`Do it ${text}`).fields.priority;
      expect(['p1', 'P2', 'p3', 'p4', 'p5'].map(priority)).toEqual([5, 4, 3, 2, 1]);
      expect(['!urgent', '!high', '!normal', '!medium', '!low', '!lowest'].map(priority)).toEqual([
        5, 4, 3, 3, 2, 1,
      ]);
      expect(priority('high')).toBeNull();
    });

    it('keeps the first of repeated markers and leaves the others in the title', () => {
      const r = parse('fix p1 p2 30m 1h @morning @evening');
      expect(r.fields).toMatchObject({
        priority: 5,
        effort_minutes: 30,
        preferred_time: 'morning',
      });
      expect(r.fields.title).toBe('fix p2 1h @evening');
    });

    it.each([
      ['45m', 45],
      ['45min', 45],
      ['45mins', 45],
      ['2h', 120],
      ['1.5h', 90],
      ['1h30m', 90],
      ['90min', 90],
      ['24h', 1440],
    ])('reads the effort %s as %d minutes', (text, minutes) => {
      expect(parse(`Write ${text}`).fields.effort_minutes).toBe(minutes);
    });

    it('reads tags with unicode letters, digits, _ and -, once each', () => {
      const r = parse('Plan #café #日本 #q3_review #follow-up #Work #work');
      expect(r.fields.tags).toEqual(['café', '日本', 'q3_review', 'follow-up', 'Work']);
      expect(r.fields.title).toBe('Plan');
    });

    it('allows punctuation after a marker', () => {
      const r = parse('Ship it tomorrow, #work, p2.');
      expect(r.fields).toMatchObject({
        title: 'Ship it',
        due: '2026-11-26',
        tags: ['work'],
        priority: 4,
      });
    });

    it('starts a repeat without a date on its first occurrence from today', () => {
      expect(parse('Pay rent every 1st').fields).toMatchObject({
        due: '2026-12-01',
        repeat: 'FREQ=MONTHLY;BYMONTHDAY=1',
      });
      expect(parse('Stretch every day').fields.due).toBe('2026-11-25');
      expect(parse('Gym every mon, wed and fri').fields).toMatchObject({
        title: 'Gym',
        due: '2026-11-25',
        repeat: 'FREQ=WEEKLY;BYDAY=MO,WE,FR',
      });
    });

    it('puts a repeat with only a time on the first occurrence still ahead', () => {
      expect(parse('Standup every weekday at 9:30am').fields.due).toBe('2026-11-26T09:30:00-05:00');
      expect(parse('Review every weekday at 4pm').fields.due).toBe('2026-11-25T16:00:00-05:00');
      expect(parse('Team call every monday 11am').fields.due).toBe('2026-11-30T11:00:00-05:00');
    });

    it('takes the longest repeat phrase when there are several', () => {
      const r = parse('Weekly review every friday');
      expect(r.fields).toMatchObject({ title: 'Weekly review', repeat: 'FREQ=WEEKLY;BYDAY=FR' });
      expect(r.fields.due).toBe('2026-11-27');
    });

    it('does not read "every monday" as next Monday', () => {
      const r = parse('Report every monday');
      expect(r.tokens.map((t) => t.kind)).toEqual(['title', 'repeat']);
    });

    it('gives an empty title when only markers were typed, and no tokens for blank text', () => {
      expect(parse('tomorrow p1').fields.title).toBe('');
      expect(parse('   ')).toEqual({
        fields: {
          title: '',
          due: null,
          priority: null,
          effort_minutes: null,
          tags: [],
          preferred_time: null,
          repeat: null,
        },
        tokens: [],
      });
    });

    it('does not cut a long title', () => {
      const title = Array.from({ length: 80 }, (_, i) => `word${i}`).join(' ');
      expect(parse(title).fields.title).toBe(title);
    });
  });
});
