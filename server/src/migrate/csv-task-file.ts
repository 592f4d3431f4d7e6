import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
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
  type Task,
} from '@mindflow/shared';
import { randomUUID } from 'node:crypto';

// A CSV file in the Tasks sheet's layout (header = task fields), as the add-on exports it.
// Rows written by a program are read back exactly; hand-made rows go through readTaskRow.

export interface CsvRead {
  tasks: Task[];
  problems: string[];
}

export async function readCsvTasks(file: string, zone = 'UTC'): Promise<CsvRead> {
  if (!existsSync(file)) return { tasks: [], problems: [] };
  const records = parse(await readFile(file, 'utf8'), {
    relax_column_count: true,
    bom: true,
  }) as string[][];
  const [header, ...rows] = records;
  if (!header) return { tasks: [], problems: [] };
  const lookup = locateColumns(header, ['title']);
  if (!lookup.ok)
    throw new Error(`${file}: the header row has no ${lookup.missing.join(', ')} column`);
  const ctx = {
    calendar: new ZonedCalendar(intlTimeZone, zone),
    now: Date.now(),
    newId: randomUUID,
  };
  const tasks: Task[] = [];
  const problems: string[] = [];
  rows.forEach((cells, i) => {
    const read = readTaskRow(cells as Cell[], lookup.columns, ctx);
    if (read.kind === 'task') tasks.push(read.task);
    else if (read.kind === 'invalid')
      problems.push(`${file} row ${i + 2}: ${read.warnings.join('; ')}`);
  });
  return { tasks, problems };
}

const COLUMNS = Object.fromEntries(TASK_FIELDS.map((f, i) => [f, i])) as ColumnMap;

/** Writes the whole file atomically (temp file + rename): an interruption leaves the old one. */
export async function writeCsvTasks(file: string, tasks: readonly Task[]): Promise<void> {
  const rows = tasks.map((t) => writeTaskRow(t, COLUMNS, TASK_FIELDS.length));
  const text = stringify([[...TASK_FIELDS], ...rows], { quoted_match: /[\r\n",]/ });
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, text, 'utf8');
  await rename(temp, file);
}
