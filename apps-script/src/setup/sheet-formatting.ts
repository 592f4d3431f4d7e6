import { PREFERRED_TIMES, priorityLabel, TASK_STATUSES, type ColumnMap } from '@mindflow/shared';
import { templateFormat, isTaskField } from './template-header.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Tags MindFlow's conditional format rule so repair can replace it and leave the user's. */
export const OVERDUE_MARKER = 'N("mindflow-overdue")=0';

export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Plain text, numbers and date formats on the empty rows below the data: typed values keep their meaning. */
export function formatEmptyRows(sheet: Sheet, header: readonly string[]): void {
  const firstEmpty = Math.max(2, sheet.getLastRow() + 1);
  const maxRows = sheet.getMaxRows();
  if (firstEmpty > maxRows) return;
  header.forEach((name, i) => {
    if (!isTaskField(name)) return;
    sheet
      .getRange(firstEmpty, i + 1, maxRows - firstEmpty + 1, 1)
      .setNumberFormat(templateFormat(name));
  });
}

/**
 * Dropdowns for status, priority and preferred_time. Invalid input is allowed (with Sheets'
 * warning marker) because people may type "done", "p1" or "high", which MindFlow reads.
 */
export function addDropdowns(sheet: Sheet, columns: ColumnMap): void {
  const rows = sheet.getMaxRows() - 1;
  if (rows < 1) return;
  const lists: [number, readonly string[], string][] = [
    [
      columns.status,
      TASK_STATUSES,
      'pending, in_progress, completed or snoozed (done, todo work too)',
    ],
    [
      columns.priority,
      ['1', '2', '3', '4', '5'],
      // The cell holds the stored number; the help says how people elsewhere read it.
      `5 is ${priorityLabel(5)} … 1 is ${priorityLabel(1)}; p1, high, low work too`,
    ],
    [columns.preferred_time, PREFERRED_TIMES, 'morning, afternoon or evening'],
  ];
  for (const [column, values, help] of lists) {
    const rule = SpreadsheetApp.newDataValidation()
      .requireValueInList([...values], true)
      .setAllowInvalid(true)
      .setHelpText(help)
      .build();
    sheet.getRange(2, column + 1, rows, 1).setDataValidation(rule);
  }
}

/** Marks rows whose due date has passed and that are not completed (light red). */
export function markOverdueRows(sheet: Sheet, columns: ColumnMap, width: number): void {
  const due = `$${columnLetter(columns.due + 1)}2`;
  const status = `$${columnLetter(columns.status + 1)}2`;
  const formula =
    `=AND(${due}<>"", ${status}<>"completed", ${OVERDUE_MARKER}, ` +
    `IFERROR(IF(ISNUMBER(${due}), ${due}, DATEVALUE(LEFT(${due}, 10))), TODAY()) < TODAY())`;
  const rule = SpreadsheetApp.newConditionalFormatRule()
    .whenFormulaSatisfied(formula)
    .setBackground('#fce8e6')
    .setRanges([sheet.getRange(2, 1, Math.max(1, sheet.getMaxRows() - 1), width)])
    .build();
  const others = sheet.getConditionalFormatRules().filter((r) => {
    const values = r.getBooleanCondition()?.getCriteriaValues() ?? [];
    return !values.some((v) => String(v).includes(OVERDUE_MARKER));
  });
  sheet.setConditionalFormatRules([...others, rule]);
}
