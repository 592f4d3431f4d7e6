import { LOG_HEADER, LOG_SHEET, type ChangeSource } from './sheet-names.ts';
import { rangeGrowing } from './sheet-writes.ts';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface AuditEntry {
  operation: string;
  taskId: string;
  detail?: string;
}

/** Creates the hidden _log sheet with its header (setup does it too; a write never fails for lack of it). */
export function ensureLogSheet(spreadsheet: Spreadsheet): Sheet {
  const existing = spreadsheet.getSheetByName(LOG_SHEET);
  if (existing) return existing;
  const sheet = spreadsheet.insertSheet(LOG_SHEET);
  sheet.getRange(1, 1, 1, LOG_HEADER.length).setValues([[...LOG_HEADER]]);
  sheet.setFrozenRows(1);
  sheet.getRange(2, 1, sheet.getMaxRows() - 1, 1).setNumberFormat('yyyy-mm-dd hh:mm:ss');
  sheet.getRange(2, 2, sheet.getMaxRows() - 1, LOG_HEADER.length - 1).setNumberFormat('@');
  sheet.hideSheet();
  return sheet;
}

/**
 * The audit trail: one row per change (time, operation, task id, source, detail), appended
 * by the writer while it still holds the script lock, with one appendRow (or one block
 * write when a change touched several rows).
 */
export class AuditLog {
  private sheet: Sheet | null = null;
  private readonly spreadsheet: Spreadsheet;
  private readonly now: () => number;
  source: ChangeSource;

  constructor(spreadsheet: Spreadsheet, source: ChangeSource, now: () => number) {
    this.spreadsheet = spreadsheet;
    this.source = source;
    this.now = now;
  }

  append(entries: readonly AuditEntry[]): void {
    if (entries.length === 0) return;
    const time = new Date(this.now());
    const rows = entries.map((e) => [time, e.operation, e.taskId, this.source, e.detail ?? '']);
    this.sheet ??= ensureLogSheet(this.spreadsheet);
    const [only] = rows;
    if (rows.length === 1 && only) {
      this.sheet.appendRow(only);
      return;
    }
    const first = this.sheet.getLastRow() + 1;
    rangeGrowing(this.sheet, first, 1, rows.length, LOG_HEADER.length).setValues(rows);
  }
}
