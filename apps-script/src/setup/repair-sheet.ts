import { locateColumns, ZonedCalendar } from '@mindflow/shared';
import { ScriptLock } from '../script-lock.ts';
import { AuditLog, ensureLogSheet } from '../sheet/audit-log.ts';
import { LOG_SHEET, TASKS_SHEET } from '../sheet/sheet-names.ts';
import { SheetTaskStore } from '../sheet/sheet-task-store.ts';
import { rememberSpreadsheetZone } from '../time/spreadsheet-zone.ts';
import { appsScriptTimeZone } from '../time/utilities-time-zone.ts';
import { EDIT_HANDLER } from '../ui/edit-trigger.ts';
import { API_KEY_PROPERTY, ensureApiKey } from '../web/api-key.ts';
import { addDropdowns, formatEmptyRows, markOverdueRows } from './sheet-formatting.ts';
import { TEMPLATE_HEADER } from './template-header.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface RepairReport {
  createdTasksSheet: boolean;
  addedHeaders: string[];
  createdLogSheet: boolean;
  installedEditTrigger: boolean;
  createdApiKey: boolean;
  rowWarnings: { row: number; warnings: string[] }[];
}

/** Appends missing headers after the last column; existing columns and data never move. */
function repairHeader(sheet: Sheet): { header: string[]; added: string[] } {
  const lastColumn = sheet.getLastColumn();
  const header =
    lastColumn > 0 ? sheet.getRange(1, 1, 1, lastColumn).getValues()[0]!.map(String) : [];
  const lookup = locateColumns(header);
  const missing = lookup.ok ? [] : lookup.missing;
  const added = TEMPLATE_HEADER.filter((name) => (missing as string[]).includes(name));
  if (added.length > 0) {
    const free = sheet.getMaxColumns() - lastColumn;
    if (free < added.length) sheet.insertColumnsAfter(sheet.getMaxColumns(), added.length - free);
    sheet
      .getRange(1, lastColumn + 1, 1, added.length)
      .setNumberFormat('@')
      .setValues([added]);
  }
  const full = [...header, ...added];
  sheet.getRange(1, 1, 1, full.length).setFontWeight('bold');
  sheet.setFrozenRows(1);
  return { header: full, added };
}

function ensureEditTrigger(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  const installed = ScriptApp.getProjectTriggers().some(
    (t) => t.getHandlerFunction() === EDIT_HANDLER,
  );
  if (installed) return false;
  ScriptApp.newTrigger(EDIT_HANDLER).forSpreadsheet(spreadsheet).onEdit().create();
  return true;
}

/**
 * Set up / repair: creates Tasks from the template header or adds the headers it lacks,
 * freezes the header, formats the empty rows, adds dropdowns and the overdue highlight,
 * creates the hidden _log, installs the onEdit trigger and the API key. Never moves or
 * rewrites a cell that holds data.
 */
export function repairSpreadsheet(): RepairReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const lock = new ScriptLock();
  return lock.runExclusive(() => {
    const existing = spreadsheet.getSheetByName(TASKS_SHEET);
    const sheet = existing ?? spreadsheet.insertSheet(TASKS_SHEET, 0);
    const { header, added } = repairHeader(sheet);
    const lookup = locateColumns(header);
    if (!lookup.ok) throw new Error(`repair left headers missing: ${lookup.missing.join(', ')}`);
    formatEmptyRows(sheet, header);
    addDropdowns(sheet, lookup.columns);
    markOverdueRows(sheet, lookup.columns, header.length);
    const hadLog = spreadsheet.getSheetByName(LOG_SHEET);
    const log = hadLog ?? ensureLogSheet(spreadsheet);
    if (!log.isSheetHidden()) log.hideSheet();
    const hadKey = PropertiesService.getScriptProperties().getProperty(API_KEY_PROPERTY) !== null;
    ensureApiKey();
    const zone = rememberSpreadsheetZone(spreadsheet.getSpreadsheetTimeZone(), Date.now());
    const now = () => Date.now();
    const store = new SheetTaskStore({
      spreadsheet,
      calendar: new ZonedCalendar(appsScriptTimeZone(), zone),
      now,
      lock,
      audit: new AuditLog(spreadsheet, 'sidebar', now),
    });
    return {
      createdTasksSheet: existing === null,
      addedHeaders: added,
      createdLogSheet: hadLog === null,
      installedEditTrigger: ensureEditTrigger(spreadsheet),
      createdApiKey: !hadKey,
      rowWarnings: store.rowWarnings(),
    };
  });
}
