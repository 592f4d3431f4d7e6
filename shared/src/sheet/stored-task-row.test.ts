import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeRepeat } from '../recurrence/repeat-rule.ts';
import { TASK_FIELDS } from '../task/task-fields.ts';
import { Task } from '../task/task.schema.ts';
import { arbitraryTask } from '../testing/task-arbitrary.ts';
import { makeTask } from '../testing/task-factory.ts';
import type { ColumnMap } from './task-columns.ts';
import { exactTask, writeTaskRow } from './task-row.ts';
import { storedTaskFromRow } from './stored-task-row.ts';

const COLUMNS = Object.fromEntries(TASK_FIELDS.map((f, i) => [f, i])) as ColumnMap;
const isRepeat = (r: string) => normalizeRepeat(r).ok;

/** A task's row as a CSV file holds it: every cell text. */
const textRow = (task: Task) =>
  writeTaskRow(task, COLUMNS, TASK_FIELDS.length).map((c) => String(c ?? ''));

// Cells a hostile or careless file may hold, for every field.
const oddCell = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '0',
    '6',
    '03',
    '1441',
    '-5',
    '1.5',
    'high',
    'p1',
    'done',
    'Pending',
    'noon',
    'work, #home',
    'a,,b',
    'x'.repeat(201),
    '=HYPERLINK("x")',
    "'=1+1",
    '+1',
    '@SUM(A1)',
    '\tTabbed',
    'lone \ud800 surrogate',
    'emoji 🎂 ok',
    '2026-02-30',
    '2026-11-27T15:00:00',
    '2026-11-27T15:00:00-05:00',
    '2026-11-27',
    '11/27/2026',
    'FREQ=WEEKLY;BYDAY=MO',
    'every monday',
    'FREQ=SOMETIMES',
    '00000000-0000-0000-0000-000000000000',
    '00000000-0000-4000-8000-00000000000z',
  ),
  fc.string({ maxLength: 12, unit: 'binary' }),
);

describe('stored-task-row', () => {
  describe('storedTaskFromRow', () => {
    it('reads every valid task a program wrote, exactly as exactTask does', () => {
      fc.assert(
        fc.property(arbitraryTask(), (task) => {
          const row = textRow(task);
          const quick = storedTaskFromRow(row, COLUMNS, isRepeat);
          const careful = exactTask(row, COLUMNS);
          // Cells that start like a formula are left to the careful road on purpose.
          const formulaLike = row.some((c) => /^['=+\-@\t\r]/.test(c));
          if (!formulaLike) expect(quick).not.toBeNull();
          if (quick !== null) expect(quick).toEqual(careful);
        }),
        { numRuns: 500 },
      );
    });

    it('never accepts a row the schema refuses, and agrees with it on every row it accepts', () => {
      fc.assert(
        fc.property(
          arbitraryTask(),
          fc.array(fc.tuple(fc.integer({ min: 0, max: TASK_FIELDS.length - 1 }), oddCell), {
            minLength: 1,
            maxLength: 4,
          }),
          (task, changes) => {
            const row = textRow(task);
            for (const [i, cell] of changes) row[i] = cell;
            const quick = storedTaskFromRow(row, COLUMNS, isRepeat);
            if (quick === null || quick === 'blank') return;
            expect(Task.safeParse(quick).success).toBe(true);
            expect(quick).toEqual(exactTask(row, COLUMNS));
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('is not sure of a repeat unless given the repeat rule, and calls a row of spaces blank', () => {
      const row = textRow(makeTask({ repeat: 'FREQ=DAILY' }));
      expect(storedTaskFromRow(row, COLUMNS)).toBeNull();
      expect(storedTaskFromRow(row, COLUMNS, isRepeat)).toMatchObject({ repeat: 'FREQ=DAILY' });
      expect(
        storedTaskFromRow(
          TASK_FIELDS.map(() => ' '),
          COLUMNS,
        ),
      ).toBe('blank');
    });
  });
});
