import { describe, expect, it } from 'vitest';
import { ZonedCalendar } from '../time/time-zone.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { makeTask, testId } from '../testing/task-factory.ts';
import { locateColumns } from './task-columns.ts';
import { readTaskRow, writeTaskRow, type Cell } from './task-row.ts';
import { TASK_FIELDS } from '../task/task.schema.ts';

const calendar = new ZonedCalendar(intlTimeZone, 'America/New_York');
const ctx = { calendar, now: Date.parse('2026-11-25T09:00:00-05:00'), newId: () => testId(42) };
// People reorder columns and add their own: a "notes" column sits in the middle.
const header = ['title', 'notes', ...TASK_FIELDS.filter((f) => f !== 'title')];
const lookup = locateColumns(header);
if (!lookup.ok) throw new Error('header');
const { columns, width } = lookup;

function row(values: Partial<Record<string, Cell>>): Cell[] {
  return header.map((h) => values[h] ?? '');
}

describe('task-row', () => {
  describe('locateColumns', () => {
    it('names every missing header', () => {
      expect(locateColumns(['Title', 'Due'])).toMatchObject({
        ok: false,
        missing: expect.arrayContaining(['id', 'status']),
      });
      expect(
        locateColumns(['Effort Minutes', ...TASK_FIELDS.filter((f) => f !== 'effort_minutes')]).ok,
      ).toBe(true);
    });
  });

  describe('readTaskRow', () => {
    it('reads a due or snooze outside 1970–2199 as not a date, so a plan cannot break on it', () => {
      const read = readTaskRow(
        row({ title: 'End of time', due: '9999-12-31', snoozed_until: '2300-01-01T00:00:00Z' }),
        columns,
        ctx,
      );
      expect(read).toMatchObject({ kind: 'task', task: { due: null, snoozed_until: null } });
      expect(read.kind === 'task' && read.warnings).toEqual([
        'due: "9999-12-31" is not a date; ignored',
        'snoozed_until: "2300-01-01T00:00:00Z" is not a date-time; ignored',
      ]);
      const edge = readTaskRow(row({ title: 'Edge', due: '2199-12-31' }), columns, ctx);
      expect(edge).toMatchObject({ kind: 'task', task: { due: '2199-12-31' } });
    });

    it('reads a hand-typed row sensibly and marks it for its first touch', () => {
      const read = readTaskRow(
        row({
          title: 'Buy present',
          priority: 'high',
          due: new Date('2026-11-28T05:00:00Z'), // midnight in New York: a date
          effort_minutes: '1.5h',
          tags: '#home, gifts',
          preferred_time: 'Evening',
        }),
        columns,
        ctx,
      );
      expect(read).toMatchObject({
        kind: 'task',
        touched: true,
        warnings: [],
        task: {
          id: testId(42),
          status: 'pending',
          priority: 4,
          due: '2026-11-28',
          effort_minutes: 90,
          tags: ['home', 'gifts'],
          preferred_time: 'evening',
          created_at: '2026-11-25T14:00:00.000Z',
        },
      });
    });
    it('reads p1, 11/27/2026, a typed date-time and "done"', () => {
      const read = readTaskRow(
        row({
          title: 'x',
          priority: 'p1',
          due: '11/27/2026',
          status: 'Done',
          snoozed_until: new Date('2026-11-26T14:30:00Z'),
        }),
        columns,
        ctx,
      );
      expect(read).toMatchObject({
        kind: 'task',
        task: {
          priority: 5,
          due: '2026-11-27',
          status: 'completed',
          completed_at: '2026-11-25T14:00:00.000Z',
          snoozed_until: '2026-11-26T14:30:00.000Z',
        },
      });
    });
    it('turns each malformed cell into a warning for the row and keeps the rest', () => {
      const read = readTaskRow(
        row({
          title: 'Odd',
          priority: 'urgentish',
          due: 'someday',
          effort_minutes: '-5',
          repeat: 'whenever',
        }),
        columns,
        ctx,
      );
      expect(read.kind).toBe('task');
      if (read.kind !== 'task') return;
      expect(read.task).toMatchObject({
        title: 'Odd',
        priority: 3,
        due: null,
        effort_minutes: null,
        repeat: null,
      });
      expect(read.warnings.map((w) => w.split(':')[0])).toEqual([
        'priority',
        'due',
        'effort_minutes',
        'repeat',
      ]);
    });
    it('skips blank rows and reports a row without a title', () => {
      expect(readTaskRow(row({}), columns, ctx)).toEqual({ kind: 'blank' });
      expect(readTaskRow(row({ priority: 3 }), columns, ctx)).toMatchObject({
        kind: 'invalid',
        warnings: [expect.stringContaining('title')],
      });
    });
    it('returns a program-written row exactly as written', () => {
      const task = makeTask({
        title: '  spaced  ',
        snoozed_until: '2026-11-20T08:00:00+05:30',
        tags: ['a', 'b'],
        priority: 2,
        effort_minutes: 30,
      });
      const read = readTaskRow(writeTaskRow(task, columns, width), columns, ctx);
      expect(read).toEqual({ kind: 'task', task, warnings: [], touched: false });
    });
  });

  describe('writeTaskRow', () => {
    it('writes task fields where their headers are and leaves other columns alone', () => {
      const task = makeTask({ title: 'T', tags: ['x', 'y'], priority: 5 });
      const cells = writeTaskRow(task, columns, width, row({ notes: '=A1*2' }));
      expect(cells[header.indexOf('notes')]).toBe('=A1*2');
      expect(cells[header.indexOf('title')]).toBe('T');
      expect(cells[header.indexOf('tags')]).toBe('x, y');
      expect(cells[header.indexOf('priority')]).toBe(5);
      expect(cells[header.indexOf('due')]).toBe('');
    });
  });
});
