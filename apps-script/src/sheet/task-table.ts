import {
  locateColumns,
  readTaskRow,
  TASK_FIELDS,
  type Cell,
  type ColumnMap,
  type Task,
  type TaskField,
  type ZonedCalendar,
} from '@mindflow/shared';
import { exactTask } from './exact-row.ts';
import { provisionalId } from './provisional-id.ts';

/** Task fields a first touch fills in: the cells a hand-typed row is missing. */
export type StampField = 'id' | 'created_at' | 'completed_at';

/** One data row of the Tasks sheet as it was read. */
export interface TableEntry {
  /** 1-based sheet row. */
  row: number;
  kind: 'blank' | 'invalid' | 'task';
  task: Task | null;
  warnings: string[];
  /** Cells to fill in on first touch (empty when the row is complete). */
  stamp: StampField[];
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

const isBlank = (cell: Cell): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

function stampFields(values: readonly Cell[], columns: ColumnMap, task: Task, newId: boolean) {
  const stamp: StampField[] = [];
  if (newId) stamp.push('id');
  if (isBlank(values[columns.created_at])) stamp.push('created_at');
  if (task.completed_at !== null && isBlank(values[columns.completed_at])) {
    stamp.push('completed_at');
  }
  return stamp;
}

/**
 * Reads the sheet's values (header first) leniently: every row becomes a task, a blank, or
 * an invalid row with warnings. Rows without an id get a stable provisional one; a second
 * row carrying an id already seen (a copied row) is a new task with an id of its own.
 */
export function readTaskTable(values: readonly (readonly Cell[])[], ctx: TableContext): TableRead {
  const header = values[0] ?? [];
  const lookup = locateColumns(header);
  if (!lookup.ok) return { ok: false, missing: lookup.missing };
  const { columns, width } = lookup;
  const entries: TableEntry[] = [];
  const byId = new Map<string, TableEntry>();
  let lastUsedRow = 1;
  let rowIdSource = '';
  const rowCtx = { calendar: ctx.calendar, now: ctx.now, newId: () => rowIdSource };
  for (let i = 1; i < values.length; i++) {
    const row = i + 1;
    const cells = values[i] ?? [];
    const exact = exactTask(cells, columns);
    if (!exact) rowIdSource = provisionalId(row, String(cells[columns.title] ?? ''));
    const read = exact
      ? { kind: 'task' as const, task: exact, warnings: [] }
      : readTaskRow(cells, columns, rowCtx);
    if (read.kind === 'blank') {
      entries.push({ row, kind: 'blank', task: null, warnings: [], stamp: [] });
      continue;
    }
    lastUsedRow = row;
    if (read.kind === 'invalid') {
      entries.push({ row, kind: 'invalid', task: null, warnings: read.warnings, stamp: [] });
      continue;
    }
    let task = read.task;
    const warnings = [...read.warnings];
    let newId = isBlank(cells[columns.id]);
    const first = byId.get(task.id);
    if (first) {
      task = { ...task, id: provisionalId(row, task.title, task.id) };
      warnings.push(`id: the same id as row ${first.row} (a copied row?); given a new id`);
      newId = true;
    }
    const entry: TableEntry = {
      row,
      kind: 'task',
      task,
      warnings,
      stamp: stampFields(cells, columns, task, newId),
    };
    entries.push(entry);
    byId.set(task.id, entry);
  }
  return {
    ok: true,
    table: { columns, width, runs: columnRuns(columns), entries, byId, lastUsedRow },
  };
}
