import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import {
  intlTimeZone,
  locateColumns,
  readTaskRow,
  TASK_FIELDS,
  ZonedCalendar,
  type Cell,
} from '@mindflow/shared';

const rows = parse(readFileSync(new URL('./Tasks.csv', import.meta.url), 'utf8')) as string[][];
const readme = readFileSync(new URL('./README.md', import.meta.url), 'utf8');

describe('sheets-template', () => {
  describe('Tasks.csv', () => {
    it('has a header row equal to the task model fields, in order', () => {
      expect(rows[0]).toEqual(TASK_FIELDS);
    });
    it('holds example rows that all read as tasks without warnings', () => {
      const lookup = locateColumns(rows[0]!);
      if (!lookup.ok) throw new Error(`missing ${lookup.missing.join(', ')}`);
      const ctx = {
        calendar: new ZonedCalendar(intlTimeZone, 'America/New_York'),
        now: Date.parse('2026-11-25T09:00:00-05:00'),
        newId: () => '00000000-0000-4000-8000-000000000099',
      };
      const reads = rows.slice(1).map((r) => readTaskRow(r as Cell[], lookup.columns, ctx));
      expect(reads.length).toBeGreaterThanOrEqual(8);
      for (const read of reads) {
        expect(read.kind).toBe('task');
        if (read.kind === 'task') expect(read.warnings).toEqual([]);
      }
      // the hand-typed row (no id, "high", "#home #gifts") is read sensibly
      const hand = reads.find((r) => r.kind === 'task' && r.task.title.startsWith('Buy birthday'));
      expect(hand).toMatchObject({
        touched: true,
        task: { priority: 4, tags: ['home', 'gifts'], status: 'pending' },
      });
    });
  });
  describe('README.md', () => {
    it('describes every column', () => {
      for (const field of TASK_FIELDS) expect(readme).toContain(`| \`${field}\` |`);
    });
  });
});
