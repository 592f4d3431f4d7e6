import {
  applyListQuery,
  parseInstant,
  type OperationName,
  type Task,
  type TaskListQuery,
  type TaskStore,
  type ZonedCalendar,
} from '@mindflow/shared';
import type { ScriptLock } from '../script-lock.ts';
import type { AuditEntry, AuditLog } from './audit-log.ts';
import { removeRow, writeStamps, writeTasks } from './sheet-writes.ts';
import { TasksSheetSnapshot, type SetupProblem } from './tasks-sheet-snapshot.ts';
import { mayNeedStamp, writtenEntry, type TableEntry, type TaskTable } from './task-table.ts';

export type { SetupProblem } from './tasks-sheet-snapshot.ts';
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Hand-typed rows given their id on one write, at most: the rest wait for the next one. */
const MAX_STAMPS_PER_WRITE = 50;

export interface SheetTaskStoreDeps {
  spreadsheet: Spreadsheet;
  calendar: ZonedCalendar;
  now: () => number;
  lock: ScriptLock;
  audit: AuditLog;
  /** What the audit log calls this store's changes: the catalogue operation being run. */
  operation?: OperationName | 'stampRow';
}

const copy = (t: Task): Task => ({ ...t, tags: [...t.tags] });

/**
 * The TaskStore over the `Tasks` sheet. An operation reads the table once (one getValues)
 * and answers every question from that snapshot; writes take the script lock, read the
 * table again if the snapshot predates the lock, find rows by id, write task columns only
 * and append the audit rows before the lock is released.
 */
export class SheetTaskStore implements TaskStore {
  private readonly operation: string | null;
  private readonly deps: SheetTaskStoreDeps;
  private readonly snapshot: TasksSheetSnapshot;

  constructor(deps: SheetTaskStoreDeps) {
    this.deps = deps;
    this.operation = deps.operation ?? null;
    this.snapshot = new TasksSheetSnapshot(deps);
  }

  /** Null when the Sheet is usable; reads the table (once) to tell. */
  setupProblem(): SetupProblem | null {
    return this.snapshot.setupProblem();
  }

  /** Rows MindFlow could not read fully, for the repair report: row number and warnings. */
  rowWarnings(): { row: number; warnings: string[] }[] {
    const table = this.snapshot.read().table;
    if (!table) return [];
    const out: { row: number; warnings: string[] }[] = [];
    for (const e of table.entries) {
      const { warnings } = table.parse(e);
      if (warnings.length > 0) out.push({ row: e.row, warnings: [...warnings] });
    }
    return out;
  }

  get(id: string): Task | null {
    const task = this.taskOf(id);
    return task ? copy(task) : null;
  }

  list(query: TaskListQuery): Task[] {
    const statuses = query.statuses;
    // A canonical status cell decides without parsing the row; other rows are parsed.
    const candidates = this.tasks((s) => statuses === null || s === null || statuses.includes(s));
    return applyListQuery(candidates, query).map(copy);
  }

  listActive(): Task[] {
    return this.tasks((s) => s !== 'completed')
      .filter((t) => t.status !== 'completed')
      .map(copy);
  }

  insert(task: Task): 'ok' | 'conflict' {
    return this.write('insert', (table, log) => {
      if (table.byId.has(task.id)) return 'conflict';
      this.append(table, [task]);
      log.push({ operation: this.operation ?? 'insert', taskId: task.id });
      return 'ok';
    });
  }

  update(task: Task, expectedUpdatedAt: string): 'ok' | 'not_found' | 'conflict' {
    return this.write('update', (table, log) => {
      const entry = table.byId.get(task.id);
      const current = entry ? table.parse(entry).task : null;
      if (!entry || !current) return 'not_found';
      if (parseInstant(current.updated_at) !== parseInstant(expectedUpdatedAt)) {
        return 'conflict';
      }
      this.replace(table, entry, task);
      log.push({ operation: this.operation ?? 'update', taskId: task.id });
      return 'ok';
    });
  }

  delete(id: string): boolean {
    return this.write('delete', (table, log) => {
      const entry = table.byId.get(id);
      if (!entry || !table.parse(entry).task) return false;
      const shifted = removeRow(this.snapshot.requireSheet(), table, entry.row);
      table.byId.delete(id);
      const at = table.entries.indexOf(entry);
      if (shifted) {
        table.entries.splice(at, 1);
        for (const e of table.entries.slice(at)) e.row -= 1;
        table.lastUsedRow -= 1;
      } else {
        table.entries[at] = { row: entry.row, id: null, cells: [], status: null };
      }
      log.push({ operation: this.operation ?? 'delete', taskId: id });
      return true;
    });
  }

  upsertMany(tasks: readonly Task[]): void {
    this.write('upsertMany', (table, log) => {
      const fresh: Task[] = [];
      for (const task of tasks) {
        const entry = table.byId.get(task.id);
        if (entry && table.parse(entry).task) this.replace(table, entry, task);
        else if (!fresh.some((t) => t.id === task.id)) fresh.push(task);
        log.push({ operation: this.operation ?? 'upsertMany', taskId: task.id });
      }
      this.append(table, fresh);
    });
  }

  /**
   * Fills in ids and created_at of hand-typed rows (the onEdit trigger's job, and every
   * write's on the side). Answers how many rows were stamped.
   */
  stampHandTypedRows(limit = MAX_STAMPS_PER_WRITE): number {
    return this.write('stamp', () => 0, limit);
  }

  private taskOf(id: string): Task | null {
    const table = this.table();
    const entry = table.byId.get(id);
    return entry ? table.parse(entry).task : null;
  }

  /** Tasks of the rows whose status cell passes `keep` (null: not a canonical status). */
  private tasks(keep: (status: Task['status'] | null) => boolean = () => true): Task[] {
    const table = this.table();
    const out: Task[] = [];
    for (const e of table.entries) {
      if (e.id === null || !keep(e.status)) continue;
      const task = table.parse(e).task;
      if (task) out.push(task);
    }
    return out;
  }

  private table(): TaskTable {
    return this.snapshot.table();
  }

  /** Runs a write under the lock, stamping pending hand-typed rows and logging every change. */
  private write<T>(
    operation: string,
    body: (table: TaskTable, log: AuditEntry[]) => T,
    stampLimit = MAX_STAMPS_PER_WRITE,
  ): T {
    return this.deps.lock.runExclusive(() => {
      const table = this.table();
      const log: AuditEntry[] = [];
      const pending = table.entries
        .filter((e) => mayNeedStamp(e, table.columns) && table.parse(e).stamp.length > 0)
        .slice(0, stampLimit);
      if (pending.length > 0) {
        for (const e of pending) {
          log.push({
            operation: this.operation ?? operation,
            taskId: e.id ?? '',
            detail: `row ${e.row}: filled in ${table.parse(e).stamp.join(', ')}`,
          });
        }
        writeStamps(this.snapshot.requireSheet(), table, pending);
      }
      const result = body(table, log);
      this.deps.audit.append(log);
      return (operation === 'stamp' ? pending.length : result) as T;
    });
  }

  private append(table: TaskTable, tasks: Task[]): void {
    if (tasks.length === 0) return;
    const first = table.lastUsedRow + 1;
    writeTasks(this.snapshot.requireSheet(), table, first, tasks);
    tasks.forEach((task, i) => {
      const entry = writtenEntry(first + i, copy(task));
      // Rows past the last used one are blank (or user-only) and may already be listed.
      const existing = table.entries.findIndex((e) => e.row === entry.row);
      if (existing >= 0) table.entries[existing] = entry;
      else table.entries.push(entry);
      table.byId.set(task.id, entry);
    });
    table.lastUsedRow = first + tasks.length - 1;
  }

  private replace(table: TaskTable, entry: TableEntry, task: Task): void {
    writeTasks(this.snapshot.requireSheet(), table, entry.row, [task]);
    Object.assign(entry, writtenEntry(entry.row, copy(task)));
    table.byId.set(task.id, entry);
  }
}
