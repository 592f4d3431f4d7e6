import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeIntervals, subtractIntervals, totalLength, type Interval } from './intervals.ts';

// Intervals over small integers, checked against the obvious model: a set of covered points.
const interval = fc
  .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 }))
  .map(([start, length]) => ({ start, end: start + length }));

function covered(intervals: readonly Interval[]): Set<number> {
  const points = new Set<number>();
  for (const i of intervals) for (let t = i.start; t < i.end; t++) points.add(t);
  return points;
}

function isMerged(intervals: readonly Interval[]): boolean {
  return intervals.every(
    (i, k) => i.end > i.start && (k === 0 || (intervals[k - 1] as Interval).end < i.start),
  );
}

describe('intervals', () => {
  describe('mergeIntervals', () => {
    it('joins overlapping and touching intervals and drops empty ones', () => {
      expect(
        mergeIntervals([
          { start: 5, end: 7 },
          { start: 1, end: 3 },
          { start: 3, end: 4 },
          { start: 6, end: 9 },
          { start: 10, end: 10 },
        ]),
      ).toEqual([
        { start: 1, end: 4 },
        { start: 5, end: 9 },
      ]);
    });

    it('covers exactly the same points, sorted and disjoint', () => {
      fc.assert(
        fc.property(fc.array(interval, { maxLength: 12 }), (list) => {
          const merged = mergeIntervals(list);
          expect(isMerged(merged)).toBe(true);
          expect(covered(merged)).toEqual(covered(list));
        }),
      );
    });
  });

  describe('subtractIntervals', () => {
    it('leaves the points of the first set that are not in the second', () => {
      fc.assert(
        fc.property(
          fc.array(interval, { maxLength: 8 }),
          fc.array(interval, { maxLength: 8 }),
          (a, b) => {
            const from = mergeIntervals(a);
            const minus = mergeIntervals(b);
            const rest = subtractIntervals(from, minus);
            const expected = [...covered(from)].filter((t) => !covered(minus).has(t));
            expect(isMerged(rest)).toBe(true);
            expect(covered(rest)).toEqual(new Set(expected));
            expect(totalLength(rest)).toBe(expected.length);
          },
        ),
      );
    });
  });
});
