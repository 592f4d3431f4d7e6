import { StoreUnavailableError, type ZonedCalendar } from '@mindflow/shared';
import type { ScriptLock } from '../script-lock.ts';
import { TASKS_SHEET } from './sheet-names.ts';
import { readTaskTable, type TaskTable } from './task-table.ts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Why the Sheet cannot be used until Set up / repair runs. */
export interface SetupProblem {
  missingSheet: boolean;
  missingHeaders: string[];
}

export interface SnapshotDeps {
  spreadsheet: Spreadsheet;
  calendar: ZonedCalendar;
  now: () => number;
  lock: ScriptLock;
}

const REPAIR = 'run MindFlow › Set up / repair sheet';

/**
 * The Tasks sheet as one operation sees it: read with one getValues, kept for the operation,
 * and read again when the script lock was taken after it was read, so a writer never acts
 * on rows as they were before another writer's change.
 */
export class TasksSheetSnapshot {
  private readonly deps: SnapshotDeps;
  private sheet: Sheet | null = null;
  private current: { table: TaskTable | null; missing: string[]; epoch: number } | null = null;

  constructor(deps: SnapshotDeps) {
    this.deps = deps;
  }

  setupProblem(): SetupProblem | null {
    const read = this.read();
    if (read.table) return null;
    return { missingSheet: this.sheet === null, missingHeaders: read.missing };
  }

  /** The table, or StoreUnavailableError naming what Set up / repair must fix. */
  table(): TaskTable {
    const read = this.read();
    if (read.table) return read.table;
    throw new StoreUnavailableError(
      this.sheet === null
        ? `There is no ${TASKS_SHEET} sheet: ${REPAIR}`
        : `The ${TASKS_SHEET} sheet lacks the columns ${read.missing.join(', ')}: ${REPAIR}`,
    );
  }

  /** The sheet the table was read from (valid once table() succeeded). */
  requireSheet(): Sheet {
    if (!this.sheet) throw new StoreUnavailableError(`There is no ${TASKS_SHEET} sheet: ${REPAIR}`);
    return this.sheet;
  }

  /** The table or what is missing; read again when the lock was taken after the last read. */
  read(): { table: TaskTable | null; missing: string[] } {
    const { lock } = this.deps;
    if (this.current && (this.current.epoch === lock.epoch || !lock.held)) return this.current;
    const epoch = lock.epoch;
    this.sheet = this.deps.spreadsheet.getSheetByName(TASKS_SHEET);
    if (!this.sheet) {
      this.current = { table: null, missing: [], epoch };
      return this.current;
    }
    const values = this.sheet.getDataRange().getValues();
    const read = readTaskTable(values, { calendar: this.deps.calendar, now: this.deps.now() });
    this.current = read.ok
      ? { table: read.table, missing: [], epoch }
      : { table: null, missing: read.missing, epoch };
    return this.current;
  }
}
