import fc from 'fast-check';
import type { Task } from '../task/task.schema.ts';
import { testId } from './task-factory.ts';

const date = fc
  .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 0, 1) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const offset = fc.constantFrom('Z', '-05:00', '+05:30', '+01:00', '-04:00', '+14:00');
const instant = fc
  .tuple(fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2029, 0, 1) }), offset)
  .map(([ms, off]) => `${new Date(ms).toISOString().slice(0, 19)}${off}`);

/** Any valid task, for property tests of scoring, ranking and stores. */
export function arbitraryTask(): fc.Arbitrary<Task> {
  return fc.record({
    id: fc.integer({ min: 1, max: 1_000_000 }).map(testId),
    title: fc.string({ minLength: 1, maxLength: 50 }).map((s) => s.trim() || 'x'),
    description: fc.option(fc.string({ maxLength: 100 }), { nil: null }),
    status: fc.constantFrom('pending', 'in_progress', 'completed', 'snoozed'),
    priority: fc.integer({ min: 1, max: 5 }),
    due: fc.option(fc.oneof(date, instant), { nil: null }),
    effort_minutes: fc.option(fc.integer({ min: 1, max: 1440 }), { nil: null }),
    preferred_time: fc.constantFrom(null, 'morning', 'afternoon', 'evening'),
    tags: fc
      .array(fc.constantFrom('work', 'home', 'health'), { maxLength: 3 })
      .map((t) => [...new Set(t)]),
    snoozed_until: fc.option(instant, { nil: null }),
    repeat: fc.constant(null),
    created_at: fc
      .integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2026, 0, 1) })
      .map((ms) => new Date(ms).toISOString()),
    updated_at: fc.constant('2026-01-01T00:00:00.000Z'),
    completed_at: fc.constant(null),
  }) as fc.Arbitrary<Task>;
}
