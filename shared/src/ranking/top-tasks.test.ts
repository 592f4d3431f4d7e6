import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { makeTask, testId } from '../testing/task-factory.ts';
import { arbitraryTask } from '../testing/task-arbitrary.ts';
import { rankTasks } from './rank-tasks.ts';
import { rankTopTasks, topTasks } from './top-tasks.ts';

const berlin = new ZonedCalendar(intlTimeZone, 'Europe/Berlin');
const now = Date.parse('2026-11-25T10:00:00+01:00');
const options = { now, calendar: berlin };

// Few distinct scores, so most places are decided by the tie-breaks.
const tiedTasks = fc.array(
  fc.record({
    id: fc.integer({ min: 1, max: 500 }),
    priority: fc.integer({ min: 1, max: 5 }),
    due: fc.constantFrom(null, '2026-11-25', '2026-11-26', '2026-11-25T18:00:00+01:00'),
    created: fc.integer({ min: 1, max: 4 }),
  }),
  { maxLength: 80 },
);

describe('top-tasks', () => {
  describe('rankTopTasks', () => {
    it('gives the head of the full ranking, reasons and all, for any limit', () => {
      fc.assert(
        fc.property(fc.array(arbitraryTask(), { maxLength: 60 }), fc.nat(70), (tasks, limit) => {
          const all = rankTasks(tasks, options);
          expect(rankTopTasks(tasks, options, limit)).toEqual({
            ranked: all.slice(0, limit),
            eligible: all.length,
          });
        }),
        { numRuns: 300 },
      );
    });

    it('breaks ties the same way: earlier due, older, then id', () => {
      fc.assert(
        fc.property(tiedTasks, fc.integer({ min: 1, max: 10 }), (specs, limit) => {
          const tasks = [...new Map(specs.map((s) => [s.id, s])).values()].map((s) =>
            makeTask({
              id: testId(s.id),
              priority: s.priority,
              due: s.due,
              created_at: `2026-11-0${s.created}T09:00:00.000Z`,
            }),
          );
          const top = rankTopTasks(tasks, options, limit).ranked.map((r) => r.task.id);
          expect(top).toEqual(
            rankTasks(tasks, options)
              .slice(0, limit)
              .map((r) => r.task.id),
          );
        }),
        { numRuns: 300 },
      );
    });
  });

  describe('topTasks', () => {
    it('keeps only the best few while tasks stream in, and counts the eligible ones', () => {
      const picker = topTasks(options, 2);
      for (let i = 1; i <= 1000; i++)
        picker.add(makeTask({ id: testId(i), priority: 1 + (i % 5) }));
      picker.add(makeTask({ id: testId(2000), status: 'completed', priority: 5 }));
      const { ranked, eligible } = picker.result();
      expect(eligible).toBe(1000);
      expect(ranked.map((r) => r.task.id)).toEqual([testId(4), testId(9)]);
      expect(ranked[0]!.reasoning.recommendation).toMatch(/priority/);
    });
  });
});
