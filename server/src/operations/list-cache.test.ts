import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageJson } from './list-cache.ts';

// A cached page is sent as pageJson made it: it must be JSON.stringify's text, byte for
// byte, whether the tasks are frozen (held in memory) or not.

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
};

const task = fc.record({
  id: fc.uuid(),
  title: fc.string(),
  description: fc.option(fc.string()),
  priority: fc.integer({ min: 1, max: 5 }),
  tags: fc.array(fc.string()),
});

describe('pageJson', () => {
  it('is JSON.stringify of the page, byte for byte', () => {
    fc.assert(
      fc.property(
        fc.array(task, { maxLength: 8 }),
        fc.option(fc.string()),
        fc.boolean(),
        (tasks, next_cursor, frozen) => {
          const page = { tasks: frozen ? tasks.map(deepFreeze) : tasks, next_cursor };
          expect(pageJson(page)).toBe(JSON.stringify(page));
          // Twice: the second time from what the first made.
          expect(pageJson(page)).toBe(JSON.stringify(page));
        },
      ),
    );
  });

  it('leaves any other shape to JSON.stringify', () => {
    for (const other of [
      { next_cursor: null, tasks: [] },
      { tasks: [], next_cursor: null, more: 1 },
      { tasks: [], next_cursor: undefined },
      { tasks: [1, null], next_cursor: null },
      [],
      'text',
    ]) {
      expect(pageJson(other)).toBe(JSON.stringify(other));
    }
  });
});
