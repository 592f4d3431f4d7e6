import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { makeTask } from '../testing/task-factory.ts';
import { arbitraryTask } from '../testing/task-arbitrary.ts';
import { deadlineCase, round2, scoreTask } from './score-task.ts';
import { DEFAULT_SCORING, maxScore } from './scoring-config.ts';

const ny = new ZonedCalendar(intlTimeZone, 'America/New_York');
const at = (iso: string) => Date.parse(iso);

describe('score-task', () => {
  describe('scoreTask — worked examples', () => {
    it('due today, priority 4, 30 min, no preference → 87.5', () => {
      const r = scoreTask(makeTask({ due: '2026-11-25', priority: 4, effort_minutes: 30 }), {
        now: at('2026-11-25T14:00:00-05:00'),
        calendar: ny,
      });
      expect(r.score).toBe(87.5);
      expect(r.reasoning).toMatchObject({
        deadline_urgency: 1,
        deadline_urgency_score: 40,
        priority_score: 40,
        effort_bonus: 0.75,
        effort_bonus_score: 7.5,
        time_of_day_multiplier: 1,
        context_multiplier: 1,
        total_score: 87.5,
        recommendation: 'Due today with high priority — good time to tackle this',
      });
    });
    it('due today, priority 3, 15 min, preferred morning at 09:00 → 88 exactly', () => {
      const r = scoreTask(
        makeTask({ due: '2026-11-25', priority: 3, effort_minutes: 15, preferred_time: 'morning' }),
        { now: at('2026-11-25T09:00:00-05:00'), calendar: ny },
      );
      expect(r.score).toBe(88);
      expect(r.reasoning.time_of_day_multiplier).toBe(1.1);
    });
  });

  describe('deadlineCase', () => {
    const now = at('2026-11-25T23:30:00-05:00');
    it('uses calendar days in the user zone, not 24-hour windows', () => {
      expect(deadlineCase('2026-11-26', now, ny)).toBe('tomorrow');
      // 00:30 tomorrow is one hour away but still "tomorrow"
      expect(deadlineCase('2026-11-26T00:30:00-05:00', now, ny)).toBe('tomorrow');
      expect(deadlineCase('2026-11-25', now, ny)).toBe('today');
      expect(deadlineCase('2026-11-27', now, ny)).toBe('this_week');
      expect(deadlineCase('2026-12-01', now, ny)).toBe('this_week');
      expect(deadlineCase('2026-12-02', now, ny)).toBe('later');
      expect(deadlineCase(null, now, ny)).toBe('none');
    });
    it('makes a date-only due overdue when its day has ended', () => {
      expect(deadlineCase('2026-11-25', at('2026-11-25T23:59:59.999-05:00'), ny)).toBe('today');
      expect(deadlineCase('2026-11-25', at('2026-11-26T00:00:00-05:00'), ny)).toBe('overdue');
    });
    it('makes a timed due overdue once its moment has passed', () => {
      const due = '2026-11-25T09:00:00-05:00';
      expect(deadlineCase(due, at(due), ny)).toBe('today');
      expect(deadlineCase(due, at(due) + 1000, ny)).toBe('overdue');
    });
    it('reads a timed due written in another offset on the user calendar', () => {
      // 03:00 UTC on the 26th is still the 25th in New York
      expect(deadlineCase('2026-11-26T03:00:00Z', at('2026-11-25T10:00:00-05:00'), ny)).toBe(
        'today',
      );
    });
  });

  describe('round2', () => {
    it('removes float noise and rounds half away from zero', () => {
      expect(round2(80 * 1.1)).toBe(88);
      expect(round2(1.005)).toBe(1.01);
      expect(round2(-1.005)).toBe(-1.01);
      expect(round2(27.5 * 0.9)).toBe(24.75);
    });
  });

  describe('scoreTask — properties', () => {
    const zones = fc.constantFrom('America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'UTC');
    const instants = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });
    it('never throws and stays within [0, max]', () => {
      fc.assert(
        fc.property(arbitraryTask(), instants, zones, (task, now, zone) => {
          const r = scoreTask(task, { now, calendar: new ZonedCalendar(intlTimeZone, zone) });
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(maxScore(DEFAULT_SCORING));
          expect(r.reasoning.total_score).toBe(r.score);
          expect(r.reasoning.recommendation.length).toBeGreaterThan(0);
        }),
        { numRuns: 500 },
      );
    });
    it('never decreases when only priority rises', () => {
      fc.assert(
        fc.property(
          arbitraryTask(),
          instants,
          zones,
          fc.integer({ min: 1, max: 4 }),
          (task, now, zone, p) => {
            const calendar = new ZonedCalendar(intlTimeZone, zone);
            const low = scoreTask({ ...task, priority: p }, { now, calendar });
            const high = scoreTask({ ...task, priority: p + 1 }, { now, calendar });
            expect(high.score).toBeGreaterThanOrEqual(low.score);
          },
        ),
        { numRuns: 500 },
      );
    });
    it('gives the same score and sentence for the same inputs', () => {
      fc.assert(
        fc.property(arbitraryTask(), instants, (task, now) => {
          expect(scoreTask(task, { now, calendar: ny })).toEqual(
            scoreTask({ ...task }, { now, calendar: ny }),
          );
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('scoreTask — calendar context', () => {
    const now = at('2026-11-25T10:00:00-05:00');
    it('prefers a task that fits before the next meeting and says so', () => {
      const task = makeTask({ effort_minutes: 20, priority: 3 });
      const r = scoreTask(task, {
        now,
        calendar: ny,
        context: { free_minutes_now: 30, next_busy_start: at('2026-11-25T10:30:00-05:00') },
      });
      expect(r.reasoning.context_multiplier).toBe(1.1);
      expect(r.reasoning.recommendation).toContain('fits before your 10:30 meeting');
    });
    it('leaves the formula unchanged without context or estimate', () => {
      const task = makeTask({ priority: 3 });
      expect(scoreTask(task, { now, calendar: ny, context: { free_minutes_now: 5 } }).score).toBe(
        30,
      );
    });
  });
});
