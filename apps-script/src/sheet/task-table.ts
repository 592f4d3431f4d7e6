import {
  locateColumns,
  readTaskRow,
  TASK_FIELDS,
  TASK_STATUSES,
  type Cell,
  type ColumnMap,
  type Task,
  type TaskField,
  type ZonedCalendar,
} from '@mindflow/shared';
import { provisionalId } from './provisional-id.ts';

/** Task fields a first touch fills in: the cells a hand-typed row is missing. */
export type StampField = 'id' | 'created_at' | 'completed_at';

/** One data row of the Tasks sheet as it was read; parsed into a task only when needed. */
export interface TableEntry {
  /** 1-based sheet row. */
  row: number;
  /** The id the row answers to (stored, or provisional); null when it is not a task. */
  id: string | null;
  cells: readonly Cell[];
  /** The status cell when it holds a canonical status, else null (unknown until parsed). */
  status: Task['status'] | null;
  /** Filled in by parse(). */
  parsed?: { task: Task | null; warnings: string[]; stamp: StampField[] };
}

/** A run of adjacent task columns (0-based start): what one setValues may cover. */
export interface ColumnRun {
  start: number;
  fields: TaskField[];
}

export interface TaskTable {
  columns: ColumnMap;
  width: number;
  runs: ColumnRun[];
  entries: TableEntry[];
  byId: Map<string, TableEntry>;
  /** The last row holding anything in a task column (1 when only the header). */
  lastUsedRow: number;
  /** Parses an entry once: its task (or null), warnings and the cells a first touch fills. */
  parse(entry: TableEntry): NonNullable<TableEntry['parsed']>;
}

export type TableRead = { ok: true; table: TaskTable } | { ok: false; missing: string[] };

export interface TableContext {
  calendar: ZonedCalendar;
  now: number;
}

/**
 * Adjacent task columns grouped, so a write covers task cells only and never rewrites the
 * user's own columns (whose formulas getValues would have turned into plain values).
 */
export function columnRuns(columns: ColumnMap): ColumnRun[] {
  const placed = TASK_FIELDS.map((field) => ({ field, at: columns[field] }))
    .filter((c) => c.at >= 0)
    .sort((a, b) => a.at - b.at);
  const runs: ColumnRun[] = [];
  for (const { field, at } of placed) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.fields.length === at) last.fields.push(field);
    else runs.push({ start: at, fields: [field] });
  }
  return runs;
}

const text = (cell: Cell): string =>
  cell === null || cell === undefined ? '' : cell instanceof Date ? 'date' : String(cell).trim();

const CANONICAL = new Set<string>(TASK_STATUSES);

/** A parsed entry for a task MindFlow just wrote. */
export function writtenEntry(row: number, task: Task, cells: readonly Cell[] = []): TableEntry {
  return {
    row,
    id: task.id,
    cells,
    status: task.status,
    parsed: { task, warnings: [], stamp: [] },
  };
}

function stampFields(entry: TableEntry, columns: ColumnMap, task: Task, storedId: string) {
  const stamp: StampField[] = [];
  if (storedId !== task.id) stamp.push('id');
  if (text(entry.cells[columns.created_at]) === '') stamp.push('created_at');
  if (task.completed_at !== null && text(entry.cells[columns.completed_at]) === '') {
    stamp.push('completed_at');
  }
  return stamp;
}

/**
 * Reads the sheet's values (header first). Every row gets its id right away (the stored
 * one; a stable provisional one for a typed row without; a new one for a second row
 * carrying an id already seen, i.e. a copied row) but is parsed into a task only when an
 * operation needs it: ranking skips completed rows without parsing them.
 */
export function readTaskTable(values: readonly (readonly Cell[])[], ctx: TableContext): TableRead {
  const lookup = locateColumns(values[0] ?? []);
  if (!lookup.ok) return { ok: false, missing: lookup.missing };
  const { columns, width } = lookup;
  const taskColumns = TASK_FIELDS.map((f) => columns[f]);
  const entries: TableEntry[] = [];
  const byId = new Map<string, TableEntry>();
  let lastUsedRow = 1;
  for (let i = 1; i < values.length; i++) {
    const cells = values[i] ?? [];
    const row = i + 1;
    const used = taskColumns.some((c) => text(cells[c]) !== '');
    if (used) lastUsedRow = row;
    const title = text(cells[columns.title]);
    let id: string | null = null;
    if (used && title !== '') {
      const stored = text(cells[columns.id]);
      id = stored === '' ? provisionalId(row, String(cells[columns.title])) : stored;
      if (byId.has(id)) id = provisionalId(row, String(cells[columns.title]), stored);
    }
    const status = text(cells[columns.status]).toLowerCase();
    const entry: TableEntry = {
      row,
      id,
      cells,
      status: CANONICAL.has(status) ? (status as Task['status']) : null,
    };
    entries.push(entry);
    if (id !== null) byId.set(id, entry);
  }
  const parse = (entry: TableEntry): NonNullable<TableEntry['parsed']> => {
    if (entry.parsed) return entry.parsed;
    if (entry.id === null) {
      // Not a task: blank, or typed without a title yet (say why, for the repair report).
      const read = readTaskRow(entry.cells, columns, { ...ctx, newId: () => '' });
      const warnings = read.kind === 'invalid' ? read.warnings : [];
      return (entry.parsed = { task: null, warnings, stamp: [] });
    }
    const id = entry.id;
    const read = readTaskRow(entry.cells, columns, { ...ctx, newId: () => id });
    if (read.kind !== 'task') {
      entry.parsed = {
        task: null,
        warnings: read.kind === 'invalid' ? read.warnings : [],
        stamp: [],
      };
      return entry.parsed;
    }
    const stored = text(entry.cells[columns.id]);
    const task = read.task.id === id ? read.task : { ...read.task, id };
    const warnings =
      stored !== '' && stored !== id
        ? [...read.warnings, 'id: the same id as an earlier row (a copied row?); given a new id']
        : read.warnings;
    entry.parsed = { task, warnings, stamp: stampFields(entry, columns, task, stored) };
    return entry.parsed;
  };
  return {
    ok: true,
    table: { columns, width, runs: columnRuns(columns), entries, byId, lastUsedRow, parse },
  };
}

/**
 * Whether a row may need a first touch, judged from its raw cells (so writes need not parse
 * every row): no stored id or created_at, or completed without completed_at.
 */
export function mayNeedStamp(entry: TableEntry, columns: ColumnMap): boolean {
  if (entry.id === null) return false;
  if (entry.id !== text(entry.cells[columns.id])) return true;
  if (text(entry.cells[columns.created_at]) === '') return true;
  return entry.status !== 'pending' && entry.status !== 'in_progress' && entry.status !== 'snoozed'
    ? text(entry.cells[columns.completed_at]) === ''
    : false;
}
