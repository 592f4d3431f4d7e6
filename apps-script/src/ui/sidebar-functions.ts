import {
  fail,
  isOperationName,
  OPERATION_NAMES,
  readSidebarArgs,
  type SidebarAnswer,
} from '@mindflow/shared';
import { executeOperation } from '../execute-operation.ts';

// The google.script.run targets of the sidebar. Their arguments and answers are the zod
// contract in shared/ (SIDEBAR_FUNCTIONS): what arrives is parsed with it, never trusted.

/** Menu item: the Lit sidebar, built by web/ and shipped as Sidebar.html. */
export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('MindFlow');
  SpreadsheetApp.getUi().showSidebar(page);
}

/** google.script.run target: any catalogue operation, answered with the Result envelope. */
export function runOperation(op: unknown, input: unknown): SidebarAnswer<'runOperation'> {
  if (typeof op === 'string' && !isOperationName(op)) {
    return fail('not_found', `Unknown operation '${op}'`, { operations: OPERATION_NAMES });
  }
  const args = readSidebarArgs('runOperation', [op, input ?? {}]);
  if (!args.ok) return args;
  const [operation, body] = args.data;
  try {
    return executeOperation(operation, body, { source: 'sidebar' });
  } catch (error) {
    console.error(
      `MindFlow sidebar ${operation}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return fail('internal', 'Something went wrong on our side; the error has been logged');
  }
}

/** google.script.run target: the zone "today" is read in, and the Sheet's address. */
export function getSidebarContext(): SidebarAnswer<'getSidebarContext'> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    time_zone: spreadsheet.getSpreadsheetTimeZone(),
    // Knowing the email needs the userinfo.email scope, which nothing else needs.
    user: null,
    sheet_url: spreadsheet.getUrl(),
  };
}
