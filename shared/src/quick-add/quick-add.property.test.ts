import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { parseQuickAdd } from './quick-add.ts';

const calendar = new ZonedCalendar(intlTimeZone, 'America/New_York');
const now = calendar.instantAt('2026-11-25', 10 * 60); // a Wednesday, 10:00
const options = { now, calendar };

// Words that are, or nearly are, markers, dates and phrase parts: the input most likely to
// trip the parser up.
const TRICKY_WORDS = [
  ...['p1', 'p9', 'P3', '!high', '!', '!!', '#', '#work', '#日本', '@morning', '@noon', '@'],
  ...['45m', '1.5h', '1h30m', '0m', '1000h', '3pm', '9:30', '12/31', '2026-12-01', 'Dec', '24'],
  ...['every', 'other', 'day', 'week', 'month', 'on', 'the', 'last', 'and', ',', '15th', '31st'],
  ...['monday', 'mon,', 'fri', 'weekday', 'daily', 'by', 'at', 'due', 'until', 'tomorrow'],
  ...['next', 'in', '3', 'days', 'today', 'noon', 'sun', 'march', 'constructor', '__proto__'],
  ...['😀', 'é', '\u0301', '\u200b', 'ﬀ', 'İ', ''],
];

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.array(fc.constantFrom(...TRICKY_WORDS), { maxLength: 30 }).chain((words) =>
    fc
      .array(fc.constantFrom(' ', '  ', '\t', '\n', '\u00a0'), {
        minLength: words.length,
        maxLength: words.length,
      })
      .map((gaps) => words.map((w, i) => `${w}${gaps[i] ?? ' '}`).join('')),
  ),
);

function wordsOf(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

describe('quick-add (properties)', () => {
  describe('parseQuickAdd', () => {
    it('never throws and keeps every word, once, in order', () => {
      fc.assert(
        fc.property(anyText, (text) => {
          const r = parseQuickAdd(text, options);
          expect(r.tokens.flatMap((t) => wordsOf(t.text))).toEqual(wordsOf(text));
          expect(r.tokens.every((t) => t.text !== '')).toBe(true);
        }),
        { numRuns: 500 },
      );
    });

    it('copes with very long input', () => {
      const long = Array.from({ length: 5000 }, (_, i) => TRICKY_WORDS[i % TRICKY_WORDS.length]);
      const text = long.join(' ');
      const r = parseQuickAdd(text, options);
      expect(r.tokens.flatMap((t) => wordsOf(t.text))).toEqual(wordsOf(text));
      expect(parseQuickAdd('x'.repeat(100_000), options).fields.title).toHaveLength(100_000);
    });

    it('gives back the fields a realistic line was written from, in any order', () => {
      fc.assert(
        fc.property(realisticLine(), ({ segments, expected }) => {
          const r = parseQuickAdd(segments.join(' '), options);
          expect(r.fields).toEqual(expected);
        }),
        { numRuns: 300 },
      );
    });
  });
});

// Title words chosen so they are never markers, dates or parts of a phrase.
const TITLE_WORDS = ['Review', 'metrics', 'draft', 'budget', 'Alice', 'invoice', 'garden', 'café'];
const DUES: [string, string][] = [
  ['tomorrow', '2026-11-26'],
  ['by friday', '2026-11-27'],
  ['next week', '2026-12-02'],
  ['in 3 days', '2026-11-28'],
  ['dec 24', '2026-12-24'],
  ['tomorrow 9am', '2026-11-26T09:00:00-05:00'],
  ['due friday 3pm', '2026-11-27T15:00:00-05:00'],
];
// [phrase, rrule, first due from the Wednesday when no date is given]
const REPEATS: [string, string, string][] = [
  ['every day', 'FREQ=DAILY', '2026-11-25'],
  ['every monday', 'FREQ=WEEKLY;BYDAY=MO', '2026-11-30'],
  ['every weekday', 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', '2026-11-25'],
  ['every 2 weeks on friday', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=FR', '2026-11-27'],
  ['monthly on the last day', 'FREQ=MONTHLY;BYMONTHDAY=-1', '2026-11-30'],
  ['every 15th', 'FREQ=MONTHLY;BYMONTHDAY=15', '2026-12-15'],
  ['yearly', 'FREQ=YEARLY', '2026-11-25'],
];
const PRIORITIES: [string, number][] = [
  ['p1', 5],
  ['p4', 2],
  ['!high', 4],
  ['!lowest', 1],
];
const EFFORTS: [string, number][] = [
  ['45m', 45],
  ['2h', 120],
  ['1h30m', 90],
  ['15min', 15],
];
const TAGS = ['work', 'home', 'q3_review', 'follow-up', '日本'];
const TIMES = ['morning', 'afternoon', 'evening'] as const;

function realisticLine() {
  return fc
    .record({
      title: fc.array(fc.constantFrom(...TITLE_WORDS), { minLength: 1, maxLength: 5 }),
      due: fc.option(fc.constantFrom(...DUES)),
      repeat: fc.option(fc.constantFrom(...REPEATS)),
      priority: fc.option(fc.constantFrom(...PRIORITIES)),
      effort: fc.option(fc.constantFrom(...EFFORTS)),
      tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 3 }),
      time: fc.option(fc.constantFrom(...TIMES)),
    })
    .chain((g) => {
      const markers = [
        g.due?.[0],
        g.repeat?.[0],
        g.priority?.[0],
        g.effort?.[0],
        g.time === null ? undefined : `@${g.time}`,
        ...g.tags.map((t) => `#${t}`),
      ].filter((s): s is string => s !== undefined);
      // Title words and markers in any order: the title is the title words as they come.
      const pieces = [...g.title, ...markers];
      return fc.shuffledSubarray(pieces, { minLength: pieces.length }).map((segments) => {
        const title = segments.filter((s) => TITLE_WORDS.includes(s)).join(' ');
        return {
          segments,
          expected: {
            title,
            due: g.due?.[1] ?? g.repeat?.[2] ?? null,
            priority: g.priority?.[1] ?? null,
            effort_minutes: g.effort?.[1] ?? null,
            tags: segments.filter((s) => s.startsWith('#')).map((s) => s.slice(1)),
            preferred_time: g.time,
            repeat: g.repeat?.[1] ?? null,
          },
        };
      });
    });
}
