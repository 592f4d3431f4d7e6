import { describe, expect, it } from 'vitest';
import { matchRepeatPhrase } from './repeat-phrase.ts';

function match(line: string, start = 0) {
  return matchRepeatPhrase(line.split(' '), start);
}

describe('repeat-phrase', () => {
  describe('matchRepeatPhrase', () => {
    it('finds a phrase in the middle of a line and says how many words it took', () => {
      expect(match('Water plants every monday and thursday before work', 2)).toEqual({
        length: 4,
        rrule: 'FREQ=WEEKLY;BYDAY=MO,TH',
      });
    });

    it('stops where the phrase stops', () => {
      expect(match('every monday and buy milk')).toEqual({
        length: 2,
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
      });
      expect(match('every week on time')).toEqual({ length: 2, rrule: 'FREQ=WEEKLY' });
      expect(match('every 15th invoice')).toEqual({
        length: 1 + 1,
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=15',
      });
    });

    it('reads weekday lists with commas, "and" and "&", in any case and with abbreviations', () => {
      expect(match('Every Mon, Wed, and Fri')?.rrule).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
      expect(match('every mon,wed,fri')?.rrule).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
      expect(match('every tues & thurs')?.rrule).toBe('FREQ=WEEKLY;BYDAY=TU,TH');
      expect(match('every Sunday.')).toEqual({ length: 2, rrule: 'FREQ=WEEKLY;BYDAY=SU' });
      expect(match('every mondays')?.rrule).toBe('FREQ=WEEKLY;BYDAY=MO');
      expect(match('every mon , fri')).toEqual({ length: 4, rrule: 'FREQ=WEEKLY;BYDAY=MO,FR' });
      expect(match('every monday, buy milk')).toEqual({ length: 2, rrule: 'FREQ=WEEKLY;BYDAY=MO' });
    });

    it('reads intervals as digits, words and ordinals', () => {
      expect(match('every other day')?.rrule).toBe('FREQ=DAILY;INTERVAL=2');
      expect(match('every three weeks')?.rrule).toBe('FREQ=WEEKLY;INTERVAL=3');
      expect(match('every 2nd week')?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2');
      expect(match('every third month')?.rrule).toBe('FREQ=MONTHLY;INTERVAL=3');
      expect(match('every other monday')?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO');
      expect(match('every fortnight')?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2');
      expect(match('fortnightly on friday')?.rrule).toBe('FREQ=WEEKLY;INTERVAL=2;BYDAY=FR');
    });

    it('reads places in the month', () => {
      expect(match('every first monday of the month')).toEqual({
        length: 6,
        rrule: 'FREQ=MONTHLY;BYDAY=1MO',
      });
      expect(match('every last friday')?.rrule).toBe('FREQ=MONTHLY;BYDAY=-1FR');
      expect(match('every 2nd tuesday')?.rrule).toBe('FREQ=MONTHLY;BYDAY=2TU');
      expect(match('every 15th day of the month')).toEqual({
        length: 6,
        rrule: 'FREQ=MONTHLY;BYMONTHDAY=15',
      });
      expect(match('every 2 months on the 1st')?.rrule).toBe(
        'FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=1',
      );
      expect(match('monthly on the first day')?.rrule).toBe('FREQ=MONTHLY;BYMONTHDAY=1');
      expect(match('every month on the last thursday')?.rrule).toBe('FREQ=MONTHLY;BYDAY=-1TH');
    });

    it('does not read "day 30" as a month day after "every day"', () => {
      expect(match('every day 30 minutes')).toEqual({ length: 2, rrule: 'FREQ=DAILY' });
    });

    it('returns null where no phrase starts', () => {
      for (const line of [
        'every',
        'every book',
        'every 3',
        'every 0 days',
        'every 1000 days',
        'each day',
      ]) {
        expect(match(line), line).toBeNull();
      }
      expect(match('Read every day', 0)).toBeNull();
      expect(match('every constructor')).toBeNull();
      expect(match('every __proto__ toString')).toBeNull();
      expect(match('every day', 5)).toBeNull();
    });
  });
});
