import { StoreUnavailableError, ZonedCalendar } from '@mindflow/shared';
import { LockBusyError, ScriptLock } from '../script-lock.ts';
import { AuditLog } from '../sheet/audit-log.ts';
import { TASKS_SHEET } from '../sheet/sheet-names.ts';
import { SheetTaskStore } from '../sheet/sheet-task-store.ts';
import { appsScriptTimeZone } from '../time/utilities-time-zone.ts';

/** The installable onEdit trigger's handler (Set up installs it). */
export const EDIT_HANDLER = 'onTasksEdit';
/** A trigger need not wait long: if a write holds the lock, that write stamps the rows. */
const TRIGGER_LOCK_WAIT_MS = 3_000;

/**
 * Installable onEdit: a row typed into Tasks gets its id and created_at as soon as it has a
 * title, so the GPT and the sidebar see the same id from then on.
 */
export function onTasksEdit(e?: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (e?.range && e.range.getSheet().getName() !== TASKS_SHEET) return;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const timeZone = appsScriptTimeZone();
  const now = () => Date.now();
  const store = new SheetTaskStore({
    spreadsheet,
    calendar: new ZonedCalendar(timeZone, spreadsheet.getSpreadsheetTimeZone()),
    now,
    lock: new ScriptLock(TRIGGER_LOCK_WAIT_MS),
    audit: new AuditLog(spreadsheet, 'trigger', now),
    operation: 'stampRow',
  });
  try {
    store.stampHandTypedRows();
  } catch (error) {
    // Busy: the write holding the lock stamps the rows. Not set up: nothing to stamp yet.
    if (!(error instanceof LockBusyError) && !(error instanceof StoreUnavailableError)) throw error;
  }
}
