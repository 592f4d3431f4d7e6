import { LockBusyError } from '../script-lock.ts';
import { repairSpreadsheet, type RepairReport } from '../setup/repair-sheet.ts';

const MAX_WARNING_LINES = 10;

export function describeRepair(report: RepairReport): string {
  const lines: string[] = [];
  if (report.createdTasksSheet) lines.push('Created the Tasks sheet.');
  if (report.addedHeaders.length > 0)
    lines.push(`Added the columns ${report.addedHeaders.join(', ')} (at the right).`);
  if (report.createdLogSheet) lines.push('Created the hidden _log sheet (the audit trail).');
  if (report.installedEditTrigger)
    lines.push('Rows you type now get an id as soon as they have a title.');
  if (report.createdApiKey)
    lines.push('Created the API key for ChatGPT (MindFlow › Connect ChatGPT).');
  if (lines.length === 0)
    lines.push('Everything was in place; formats and dropdowns were refreshed.');
  const warned = report.rowWarnings;
  if (warned.length > 0) {
    lines.push('', `${warned.length} row(s) have cells MindFlow could not read:`);
    for (const w of warned.slice(0, MAX_WARNING_LINES))
      lines.push(`Row ${w.row}: ${w.warnings.join('; ')}`);
    if (warned.length > MAX_WARNING_LINES)
      lines.push(`… and ${warned.length - MAX_WARNING_LINES} more.`);
  }
  return lines.join('\n');
}

/** Menu item: Set up / repair sheet. */
export function setupSheet(): void {
  const ui = SpreadsheetApp.getUi();
  try {
    ui.alert('MindFlow set up', describeRepair(repairSpreadsheet()), ui.ButtonSet.OK);
  } catch (error) {
    if (!(error instanceof LockBusyError)) throw error;
    ui.alert('MindFlow is busy saving a change. Try Set up again in a few seconds.');
  }
}
