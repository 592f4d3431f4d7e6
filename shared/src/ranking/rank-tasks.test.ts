import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { makeTask, testId } from '../testing/task-factory.ts';
import { arbitraryTask } from '../testing/task-arbitrary.ts';
import { bestTask, isEligible, rankingValidUntil, rankTasks } from './rank-tasks.ts';

const berlin = new ZonedCalendar(intlTimeZone, 'Europe/Berlin');
const now = Date.parse('2026-11-25T10:00:00+01:00');

describe('rank-tasks', () => {
  describe('isEligible', () => {
    it('drops completed tasks and tasks snoozed into the future', () => {
      expect(isEligible(makeTask({ status: 'completed' }), now)).toBe(false);
      expect(
        isEligible(
          makeTask({ status: 'snoozed', snoozed_until: '2026-11-25T11:00:00+01:00' }),
          now,
        ),
      ).toBe(false);
      expect(isEligible(makeTask({ status: 'snoozed', snoozed_until: null }), now)).toBe(false);
    });
    it('brings a task back when its snooze has passed', () => {
      expect(
        isEligible(
          makeTask({ status: 'snoozed', snoozed_until: '2026-11-25T10:00:00+01:00' }),
          now,
        ),
      ).toBe(true);
      expect(isEligible(makeTask({ status: 'in_progress' }), now)).toBe(true);
    });
  });

  describe('rankTasks', () => {
    it('orders by score, then earlier due, then older created_at, then id', () => {
      const a = makeTask({
        id: testId(5),
        priority: 3,
        due: '2026-12-20',
        created_at: '2026-01-02T00:00:00.000Z',
      });
      const b = makeTask({
        id: testId(4),
        priority: 3,
        due: '2026-12-10',
        created_at: '2026-01-03T00:00:00.000Z',
      });
      const c = makeTask({
        id: testId(3),
        priority: 3,
        due: '2026-12-20',
        created_at: '2026-01-01T00:00:00.000Z',
      });
      const d = makeTask({
        id: testId(2),
        priority: 3,
        due: '2026-12-20',
        created_at: '2026-01-01T00:00:00.000Z',
      });
      const top = makeTask({ id: testId(9), priority: 5 });
      const ranked = rankTasks([a, b, c, d, top], { now, calendar: berlin }).map((r) => r.task.id);
      expect(ranked).toEqual([top.id, b.id, d.id, c.id, a.id]);
    });
    it('puts a task with no due after one with a due at equal score', () => {
      // priority 4, no due: 40 points; priority 3 due in months: 10 + 30 = 40 points
      const noDue = makeTask({ id: testId(1), priority: 4 });
      const dated = makeTask({ id: testId(2), priority: 3, due: '2027-06-01' });
      const ranked = rankTasks([noDue, dated], { now, calendar: berlin });
      expect(ranked.map((r) => [r.task.id, r.score])).toEqual([
        [dated.id, 40],
        [noDue.id, 40],
      ]);
    });
    it('is the same for any input order (a total order)', () => {
      fc.assert(
        fc.property(fc.array(arbitraryTask(), { maxLength: 30 }), (tasks) => {
          const unique = [...new Map(tasks.map((t) => [t.id, t])).values()];
          const forward = rankTasks(unique, { now, calendar: berlin }).map((r) => r.task.id);
          const backward = rankTasks([...unique].reverse(), { now, calendar: berlin }).map(
            (r) => r.task.id,
          );
          expect(backward).toEqual(forward);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('bestTask', () => {
    it('equals the head of the full ranking', () => {
      fc.assert(
        fc.property(
          fc.array(arbitraryTask(), { maxLength: 30 }),
          fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) }),
          (tasks, at) => {
            const unique = [...new Map(tasks.map((t) => [t.id, t])).values()];
            expect(bestTask(unique, { now: at, calendar: berlin })).toEqual(
              rankTasks(unique, { now: at, calendar: berlin })[0] ?? null,
            );
          },
        ),
        { numRuns: 200 },
      );
    });
  });

  describe('rankingValidUntil', () => {
    it('is the next local midnight when nothing else changes', () => {
      expect(rankingValidUntil([makeTask({ due: '2026-12-24' })], now, berlin)).toBe(
        Date.parse('2026-11-26T00:00:00+01:00'),
      );
    });
    it('stops at window edges, snooze ends and timed dues', () => {
      const pref = makeTask({ preferred_time: 'afternoon' });
      expect(rankingValidUntil([pref], now, berlin)).toBe(Date.parse('2026-11-25T12:00:00+01:00'));
      const snoozed = makeTask({ status: 'snoozed', snoozed_until: '2026-11-25T10:45:00+01:00' });
      expect(rankingValidUntil([snoozed], now, berlin)).toBe(
        Date.parse('2026-11-25T10:45:00+01:00'),
      );
      const timed = makeTask({ due: '2026-11-25T11:00:00+01:00' });
      expect(rankingValidUntil([timed], now, berlin)).toBe(
        Date.parse('2026-11-25T11:00:00+01:00') + 1,
      );
    });
    it('guarantees the same ranking at every instant before it', () => {
      const zones = ['America/New_York', 'Europe/Berlin', 'Asia/Kolkata'];
      fc.assert(
        fc.property(
          fc.array(arbitraryTask(), { maxLength: 20 }),
          fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          fc.constantFrom(...zones),
          (tasks, start, fraction, zone) => {
            const calendar = new ZonedCalendar(intlTimeZone, zone);
            const unique = [...new Map(tasks.map((t) => [t.id, t])).values()];
            const until = rankingValidUntil(unique, start, calendar);
            expect(until).toBeGreaterThan(start);
            const later = start + Math.floor((until - 1 - start) * fraction);
            const at = (t: number) =>
              rankTasks(unique, { now: t, calendar }).map((r) => [r.task.id, r.score]);
            expect(at(later)).toEqual(at(start));
            expect(at(until - 1)).toEqual(at(start));
          },
        ),
        { numRuns: 300 },
      );
    });
  });
});
