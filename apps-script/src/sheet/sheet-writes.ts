import { writeTaskRow, type Task, type TaskField } from '@mindflow/shared';
import type { StampField, TableEntry, TaskTable } from './task-table.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

/** Rows added at once when a write runs past the grid, so the next inserts need none. */
const GROWTH_ROWS = 100;
const STAMP_FIELDS: readonly StampField[] = ['id', 'created_at', 'completed_at'];
/** Plain text ("@") for every field but the two numbers: user text is never a formula. */
const NUMBER_FIELDS: ReadonlySet<TaskField> = new Set(['priority', 'effort_minutes']);

export function numberFormatOf(field: TaskField): string {
  return NUMBER_FIELDS.has(field) ? '0' : '@';
}

/**
 * getRange that grows the grid when the rows do not exist yet (getRange past the last row
 * throws "outside the dimensions of the sheet"), instead of asking getMaxRows on every write.
 */
export function rangeGrowing(
  sheet: Sheet,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): Range {
  try {
    return sheet.getRange(row, column, numRows, numColumns);
  } catch (error) {
    const maxRows = sheet.getMaxRows();
    const needed = row + numRows - 1;
    if (needed <= maxRows) throw error;
    sheet.insertRowsAfter(maxRows, needed - maxRows + GROWTH_ROWS);
    return sheet.getRange(row, column, numRows, numColumns);
  }
}

/**
 * Writes whole tasks into consecutive rows from `firstRow`, task columns only: one
 * setNumberFormats + setValues per run of adjacent task columns. Text cells get the plain
 * text format before the values land, so "=IMPORTXML(…)", "+1" or "@x" stay text even in a
 * row whose formatting someone changed.
 */
export function writeTasks(sheet: Sheet, table: TaskTable, firstRow: number, tasks: Task[]): void {
  if (tasks.length === 0) return;
  const rows = tasks.map((t) => writeTaskRow(t, table.columns, table.width));
  for (const run of table.runs) {
    const at = table.columns;
    const values = rows.map((r) => run.fields.map((f) => r[at[f]] ?? ''));
    const formats = rows.map(() => run.fields.map(numberFormatOf));
    rangeGrowing(sheet, firstRow, run.start + 1, tasks.length, run.fields.length)
      .setNumberFormats(formats)
      .setValues(values);
  }
}

function consecutiveRuns(entries: TableEntry[]): TableEntry[][] {
  const runs: TableEntry[][] = [];
  for (const e of [...entries].sort((a, b) => a.row - b.row)) {
    const last = runs[runs.length - 1];
    const tail = last?.[last.length - 1];
    if (last && tail && tail.row + 1 === e.row) last.push(e);
    else runs.push([e]);
  }
  return runs;
}

/**
 * Fills in what hand-typed rows lack (id, created_at, completed_at) and nothing else, so a
 * person still typing the row never has a cell overwritten. One write per column and run
 * of adjacent rows.
 */
export function writeStamps(sheet: Sheet, table: TaskTable, entries: TableEntry[]): void {
  for (const field of STAMP_FIELDS) {
    const column = table.columns[field] + 1;
    const needing = entries.filter((e) => table.parse(e).stamp.includes(field));
    for (const run of consecutiveRuns(needing)) {
      const first = run[0];
      if (!first) continue;
      sheet
        .getRange(first.row, column, run.length, 1)
        .setNumberFormat('@')
        .setValues(run.map((e) => [table.parse(e).task?.[field] ?? '']));
    }
  }
  for (const e of entries) table.parse(e).stamp = [];
}

/**
 * Deletes a task's row; true when the rows below moved up. Sheets refuses to delete the last
 * non-frozen row of a grid, so then the task cells are cleared instead.
 */
export function removeRow(sheet: Sheet, table: TaskTable, row: number): boolean {
  try {
    sheet.deleteRow(row);
    return true;
  } catch {
    for (const run of table.runs) {
      sheet.getRange(row, run.start + 1, 1, run.fields.length).clearContent();
    }
    return false;
  }
}
