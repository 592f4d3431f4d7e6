import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeRepeat, normalizeRepeat } from './repeat-rule.ts';
import { RRule } from './rrule-lib.ts';

function rruleOf(text: string): string {
  const r = normalizeRepeat(text);
  if (!r.ok) throw new Error(r.message);
  return r.rrule;
}

function messageOf(text: string): string {
  const r = normalizeRepeat(text);
  return r.ok ? `accepted as ${r.rrule}` : r.message;
}

describe('repeat-rule', () => {
  describe('normalizeRepeat', () => {
    it.each([
      ['every day', 'FREQ=DAILY'],
      ['Daily', 'FREQ=DAILY'],
      ['every weekday', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
      ['every weekend', 'FREQ=WEEKLY;BYDAY=SA,SU'],
      ['every Monday', 'FREQ=WEEKLY;BYDAY=MO'],
      ['every mon, wed and fri', 'FREQ=WEEKLY;BYDAY=MO,WE,FR'],
      ['every monday and thursday', 'FREQ=WEEKLY;BYDAY=MO,TH'],
      ['weekly', 'FREQ=WEEKLY'],
      ['every week', 'FREQ=WEEKLY'],
      ['every week on tuesday', 'FREQ=WEEKLY;BYDAY=TU'],
      ['every 2 weeks', 'FREQ=WEEKLY;INTERVAL=2'],
      ['every other week', 'FREQ=WEEKLY;INTERVAL=2'],
      ['every 2 weeks on friday', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR'],
      ['every 3 days', 'FREQ=DAILY;INTERVAL=3'],
      ['monthly', 'FREQ=MONTHLY'],
      ['every month', 'FREQ=MONTHLY'],
      ['every month on the 15th', 'FREQ=MONTHLY;BYMONTHDAY=15'],
      ['monthly on day 15', 'FREQ=MONTHLY;BYMONTHDAY=15'],
      ['every 15th', 'FREQ=MONTHLY;BYMONTHDAY=15'],
      ['every last day of the month', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
      ['monthly on the last day', 'FREQ=MONTHLY;BYMONTHDAY=-1'],
      ['every 6 months', 'FREQ=MONTHLY;INTERVAL=6'],
      ['yearly', 'FREQ=YEARLY'],
      ['annually', 'FREQ=YEARLY'],
      ['every year', 'FREQ=YEARLY'],
      ['every 2 years', 'FREQ=YEARLY;INTERVAL=2'],
      ['  EVERY   WEEKDAY  ', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR'],
    ])('reads the phrase %j as %s', (phrase, rrule) => {
      expect(rruleOf(phrase)).toBe(rrule);
    });

    it('reads the 29th to 31st as that day or the last day of shorter months', () => {
      expect(rruleOf('every 31st')).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
      expect(rruleOf('every 30th')).toBe('FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1');
      expect(rruleOf('every 29th')).toBe('FREQ=MONTHLY;BYMONTHDAY=28,29;BYSETPOS=-1');
      expect(rruleOf('monthly on day 31')).toBe('FREQ=MONTHLY;BYMONTHDAY=-1');
    });

    it('writes an RRULE in canonical form whatever its case, prefix and key order', () => {
      expect(rruleOf('rrule:byday=fr,mo;freq=weekly')).toBe('FREQ=WEEKLY;BYDAY=MO,FR');
      expect(rruleOf('RRULE:FREQ=WEEKLY;BYDAY=MO')).toBe('FREQ=WEEKLY;BYDAY=MO');
      expect(rruleOf('FREQ=WEEKLY;INTERVAL=1;WKST=MO;BYDAY=MO,MO')).toBe('FREQ=WEEKLY;BYDAY=MO');
      expect(rruleOf('FREQ=WEEKLY;WKST=SU;INTERVAL=2')).toBe('FREQ=WEEKLY;INTERVAL=2;WKST=SU');
    });

    it('accepts every supported part, ordinals and negative days included', () => {
      expect(rruleOf('FREQ=MONTHLY;BYDAY=-1FR')).toBe('FREQ=MONTHLY;BYDAY=-1FR');
      expect(rruleOf('FREQ=MONTHLY;BYDAY=+1MO')).toBe('FREQ=MONTHLY;BYDAY=1MO');
      expect(rruleOf('FREQ=MONTHLY;BYMONTHDAY=-2,1')).toBe('FREQ=MONTHLY;BYMONTHDAY=-2,1');
      expect(rruleOf('FREQ=YEARLY;BYMONTH=11;BYDAY=4TH')).toBe('FREQ=YEARLY;BYMONTH=11;BYDAY=4TH');
      expect(rruleOf('FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1')).toBe(
        'FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1',
      );
      expect(rruleOf('FREQ=DAILY;COUNT=5')).toBe('FREQ=DAILY;COUNT=5');
      expect(rruleOf('FREQ=DAILY;UNTIL=2026-12-31')).toBe('FREQ=DAILY;UNTIL=20261231');
      expect(rruleOf('FREQ=DAILY;UNTIL=20261231T170000z')).toBe(
        'FREQ=DAILY;UNTIL=20261231T170000Z',
      );
    });

    it.each([
      ['BYDAY=MO', 'repeat: FREQ is required'],
      ['FREQ=WEEKLY;BYDAY=XX', "repeat: BYDAY 'XX' is not a weekday"],
      ['FREQ=WEEKLY;COLOR=RED', "repeat: unknown key 'COLOR'"],
      ['FREQ=HOURLY', "repeat: FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY (got 'HOURLY')"],
      ['FREQ=DAILY;FREQ=WEEKLY', 'repeat: FREQ appears twice'],
      ['FREQ=DAILY;INTERVAL=0', "repeat: INTERVAL must be a whole number from 1 to 999 (got '0')"],
      [
        'FREQ=WEEKLY;BYDAY=1MO',
        "repeat: BYDAY '1MO' has an ordinal, which needs FREQ=MONTHLY or YEARLY",
      ],
      ['FREQ=MONTHLY;BYDAY=6MO', "repeat: BYDAY '6MO' ordinal must be 1 to 5 or -5 to -1"],
      ['FREQ=MONTHLY;BYMONTHDAY=0', "repeat: BYMONTHDAY '0' must be 1 to 31 or -31 to -1"],
      ['FREQ=YEARLY;BYMONTH=13', "repeat: BYMONTH '13' must be 1 to 12"],
      ['FREQ=WEEKLY;BYMONTHDAY=3', 'repeat: BYMONTHDAY cannot be used with FREQ=WEEKLY'],
      ['FREQ=DAILY;BYSETPOS=1', 'repeat: BYSETPOS needs BYDAY, BYMONTHDAY or BYMONTH to pick from'],
      ['FREQ=DAILY;COUNT=0', "repeat: COUNT must be a whole number from 1 (got '0')"],
      ['FREQ=DAILY;COUNT=2;UNTIL=20270101', 'repeat: COUNT and UNTIL cannot both be set'],
      [
        'FREQ=DAILY;UNTIL=20260231',
        "repeat: UNTIL '20260231' must be a date YYYYMMDD or a date-time YYYYMMDDTHHMMSSZ",
      ],
      [
        'FREQ=DAILY;BYHOUR=9',
        'repeat: BYHOUR is not supported: a task repeats by the day, its due gives the time',
      ],
      ['FREQ=DAILY;BYDAY', "repeat: 'BYDAY' is not KEY=VALUE"],
      [
        'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
        'repeat: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30 never falls on a real date',
      ],
    ])('rejects %j with a message naming the rule', (text, message) => {
      expect(messageOf(text)).toBe(message);
    });

    it('rejects empty text and phrases it does not understand', () => {
      expect(messageOf('  ')).toBe('repeat must not be empty');
      expect(messageOf('every blue moon')).toMatch(
        /^repeat: 'every blue moon' is neither an RRULE/,
      );
      expect(messageOf('every monday please')).toMatch(/is neither an RRULE/);
    });

    it('gives text the rrule package accepts, and the same text when normalized again', () => {
      const phrases = fc.constantFrom(
        'every day',
        'every weekday',
        'every 2 weeks on mon, wed and fri',
        'every 30th',
        'every last friday',
        'monthly on the last day',
        'every 3 years',
        'FREQ=YEARLY;BYMONTH=3,1;BYMONTHDAY=-1;COUNT=4',
        'freq=monthly;bysetpos=-1;byday=fr,mo;until=20300101',
      );
      fc.assert(
        fc.property(phrases, (phrase) => {
          const rrule = rruleOf(phrase);
          expect(rruleOf(rrule)).toBe(rrule);
          expect(() => RRule.fromString(rrule)).not.toThrow();
        }),
      );
    });

    it('never throws, whatever the text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (text) => {
          const r = normalizeRepeat(text);
          expect(typeof r.ok).toBe('boolean');
          const rule = normalizeRepeat(`FREQ=WEEKLY;${text}`);
          expect(typeof rule.ok).toBe('boolean');
        }),
      );
    });
  });

  describe('describeRepeat', () => {
    it.each([
      ['FREQ=DAILY', 'every day'],
      ['FREQ=DAILY;INTERVAL=3', 'every 3 days'],
      ['FREQ=WEEKLY', 'every week'],
      ['FREQ=WEEKLY;BYDAY=MO', 'every week on Monday'],
      ['FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR', 'every 2 weeks on Monday and Friday'],
      ['FREQ=WEEKLY;BYDAY=MO,WE,FR', 'every week on Monday, Wednesday and Friday'],
      ['FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', 'every weekday'],
      ['FREQ=WEEKLY;BYDAY=SA,SU', 'every weekend'],
      ['FREQ=MONTHLY', 'every month'],
      ['FREQ=MONTHLY;BYMONTHDAY=15', 'every month on the 15th'],
      ['FREQ=MONTHLY;BYMONTHDAY=-1', 'every month on the last day'],
      ['FREQ=MONTHLY;BYMONTHDAY=-2', 'every month on the second to last day'],
      ['FREQ=MONTHLY;BYMONTHDAY=1,15', 'every month on the 1st and 15th'],
      [
        'FREQ=MONTHLY;BYMONTHDAY=28,29,30;BYSETPOS=-1',
        'every month on the 30th or the last day of shorter months',
      ],
      ['FREQ=MONTHLY;BYDAY=1MO', 'every month on the first Monday'],
      ['FREQ=MONTHLY;BYDAY=-1FR', 'every month on the last Friday'],
      ['FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1', 'every month on the last weekday'],
      ['FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR', 'every month on the 13th that is a Friday'],
      ['FREQ=YEARLY', 'every year'],
      ['FREQ=YEARLY;INTERVAL=2', 'every 2 years'],
      ['FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=25', 'every year on December 25'],
      ['FREQ=YEARLY;BYMONTH=11;BYDAY=4TH', 'every year in November on the fourth Thursday'],
      ['FREQ=DAILY;COUNT=5', 'every day, 5 times'],
      ['FREQ=DAILY;COUNT=1', 'every day, once more'],
      ['FREQ=WEEKLY;UNTIL=20261231', 'every week, until 2026-12-31'],
      ['FREQ=WEEKLY;UNTIL=20261231T170000Z', 'every week, until 2026-12-31 17:00 UTC'],
    ])('describes %s as %j', (rrule, text) => {
      expect(describeRepeat(rrule)).toBe(text);
    });

    it('describes a non-canonical rule as its canonical form', () => {
      expect(describeRepeat('rrule:byday=fr,mo;freq=weekly')).toBe(
        'every week on Monday and Friday',
      );
    });

    it('gives back text it cannot read unchanged', () => {
      expect(describeRepeat('FREQ=SOMETIMES')).toBe('FREQ=SOMETIMES');
    });
  });
});
