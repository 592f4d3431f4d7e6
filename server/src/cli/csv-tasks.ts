import { parse } from 'csv-parse/sync';
import {
  locateColumns,
  readTaskRow,
  type Cell,
  type RowContext,
  type Task,
} from '@mindflow/shared';

export interface CsvProblem {
  line: number;
  messages: string[];
}

export interface CsvTasks {
  tasks: Task[];
  /** Rows skipped, and rows read with warnings, by their line in the file. */
  problems: CsvProblem[];
}

/** Rows without an id get a stable one from their line, so a ranking is repeatable. */
export function lineId(line: number): string {
  return `00000000-0000-4000-8000-${String(line).padStart(12, '0')}`;
}

/**
 * Reads a CSV export of the Tasks sheet with the same lenient row reader the add-on uses.
 * Only `title` must have a column; a bad row is reported with its line and skipped.
 */
export function readTasksCsv(text: string, context: Omit<RowContext, 'newId'>): CsvTasks {
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
      ...context,
      newId: () => lineId(line),
    });
    if (read.kind === 'blank') continue;
    if (read.kind === 'invalid') {
      problems.push({ line, messages: read.warnings });
      continue;
    }
    if (seen.has(read.task.id)) {
      problems.push({
        line,
        messages: [`id: ${read.task.id} appears on an earlier line; row skipped`],
      });
      continue;
    }
    seen.add(read.task.id);
    tasks.push(read.task);
    if (read.warnings.length > 0) problems.push({ line, messages: read.warnings });
  }
  return { tasks, problems };
}
