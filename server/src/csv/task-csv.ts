import { createHash } from 'node:crypto';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import {
  intlTimeZone,
  locateColumns,
  readTaskRow,
  TASK_FIELDS,
  writeTaskRow,
  ZonedCalendar,
  type Cell,
  type ColumnMap,
  type RowContext,
  type Task,
} from '@mindflow/shared';
import { neutraliseCell, restoreRecord } from './csv-cells.ts';

// A CSV file in the Tasks sheet's layout (header = task fields), as the add-on exports it:
// what `mindflow rank/plan --csv` read and `mindflow migrate csv:FILE` reads and writes.

export interface CsvProblem {
  line: number;
  messages: string[];
  /** True when the row was not read at all; false when it was read with a fallback value. */
  skipped: boolean;
}

export interface CsvTasks {
  tasks: Task[];
  /** Rows skipped, and rows read with a fallback value, by their line in the file. */
  problems: CsvProblem[];
}

/** Rows without an id get a stable one from their line, so a ranking is repeatable. */
export function lineId(line: number): string {
  return `00000000-0000-4000-8000-${String(line).padStart(12, '0')}`;
}

/**
 * A name-based UUID (version 5 layout over SHA-1, RFC 9562): the same name always gives the
 * same id, so a migration re-run gives a hand-typed row the id it got the first time.
 */
export function nameUuid(name: string): string {
  const h = createHash('sha1').update(name).digest('hex');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Reads a CSV export of the Tasks sheet with the same lenient row reader the add-on uses.
 * Only `title` must have a column; a bad row is reported with its line and skipped.
 */
export function readTasksCsv(
  text: string,
  context: Omit<RowContext, 'newId'> & { idForLine?: (line: number) => string },
): CsvTasks {
  const idForLine = context.idForLine ?? lineId;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new Error(`the file is not valid CSV: ${(error as Error).message}`, { cause: error });
  }
  for (const r of records) restoreRecord(r.record);
  const [header, ...rows] = records;
  if (!header) return { tasks: [], problems: [] };
  const lookup = locateColumns(header.record, ['title']);
  if (!lookup.ok) throw new Error(`the header row has no ${lookup.missing.join(', ')} column`);
  const tasks: Task[] = [];
  const problems: CsvProblem[] = [];
  const seen = new Set<string>();
  for (const { record, info } of rows) {
    const line = info.lines;
    const read = readTaskRow(record as Cell[], lookup.columns, {
      calendar: context.calendar,
      now: context.now,
      newId: () => idForLine(line),
    });
    if (read.kind === 'blank') continue;
    if (read.kind === 'invalid') {
      problems.push({ line, messages: read.warnings, skipped: true });
      continue;
    }
    if (seen.has(read.task.id)) {
      problems.push({
        line,
        messages: [`id: ${read.task.id} appears on an earlier line; row skipped`],
        skipped: true,
      });
      continue;
    }
    seen.add(read.task.id);
    tasks.push(read.task);
    if (read.warnings.length > 0) problems.push({ line, messages: read.warnings, skipped: false });
  }
  return { tasks, problems };
}

/** Reads a CSV file for a migration; a missing file is an empty store. */
export async function readTasksCsvFile(
  file: string,
  zone = 'UTC',
): Promise<{ tasks: Task[]; problems: string[]; warnings: string[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      return { tasks: [], problems: [], warnings: [] };
    throw error;
  }
  const path = resolve(file);
  const read = readTasksCsv(text, {
    calendar: new ZonedCalendar(intlTimeZone, zone),
    now: Date.now(),
    idForLine: (line) => nameUuid(`${path}#${line}`),
  });
  const say = (p: CsvProblem) => `${file}:${p.line}: ${p.messages.join('; ')}`;
  return {
    tasks: read.tasks,
    problems: read.problems.filter((p) => p.skipped).map(say),
    warnings: read.problems.filter((p) => !p.skipped).map(say),
  };
}

const COLUMNS = Object.fromEntries(TASK_FIELDS.map((f, i) => [f, i])) as ColumnMap;

/** Writes the whole file atomically (temp file + rename): an interruption leaves the old one. */
export async function writeTasksCsvFile(file: string, tasks: readonly Task[]): Promise<void> {
  const rows = tasks.map((t) =>
    writeTaskRow(t, COLUMNS, TASK_FIELDS.length).map((cell) =>
      typeof cell === 'string' ? neutraliseCell(cell) : cell,
    ),
  );
  const text = stringify([[...TASK_FIELDS], ...rows], { quoted_match: /[\r\n",\t]/ });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
