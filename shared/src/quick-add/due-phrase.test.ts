import { describe, expect, it } from 'vitest';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { findDue } from './due-phrase.ts';

const calendar = new ZonedCalendar(intlTimeZone, 'America/New_York');
const now = calendar.instantAt('2026-11-25', 10 * 60); // a Wednesday, 10:00

function find(line: string, masked: number[] = []) {
  const words = line.split(' ');
  return findDue(
    words,
    words.map((_, i) => !masked.includes(i)),
    { now, calendar },
  );
}

describe('due-phrase', () => {
  describe('findDue', () => {
    it('gives the word range, the connective and the due', () => {
      expect(find('Send it by Friday 3pm please')).toEqual({
        start: 3,
        end: 5,
        connective: 2,
        due: '2026-11-27T15:00:00-05:00',
        minuteOfDay: 900,
        timeOnly: false,
      });
    });

    it('splits a connective that chrono took into its match', () => {
      expect(find('Lunch on monday')).toMatchObject({ start: 2, end: 3, connective: 1 });
    });

    it('marks a time with no day as time-only', () => {
      expect(find('Call at 4pm')).toMatchObject({ timeOnly: true, minuteOfDay: 960 });
    });

    it('takes whole words only, with punctuation allowed after the last one', () => {
      expect(find('plan tomorrows agenda')).toBeNull();
      expect(find('coffee 3pmish')).toBeNull();
      expect(find('ab-tomorrow')).toBeNull();
      expect(find('Ship Friday, then rest')).toMatchObject({ start: 1, end: 2, due: '2026-11-27' });
    });

    it('does not join a date across a masked word, and never reads a masked one', () => {
      expect(find('Ship Friday p1 3pm', [2])).toMatchObject({
        start: 1,
        end: 2,
        due: '2026-11-27',
      });
      expect(find('Ship tomorrow', [1])).toBeNull();
    });

    it('rejects bare numbers and lone ambiguous words without a connective', () => {
      expect(find('Buy 3 apples at 5')).toBeNull();
      expect(find('Watch the sun')).toBeNull();
      expect(find('monitor the mon')).toBeNull();
      expect(find('Picnic on sat')).toMatchObject({ due: '2026-11-28', connective: 1 });
      expect(find('Taxes by march')).toMatchObject({ due: '2027-03-01' });
    });
  });
});
