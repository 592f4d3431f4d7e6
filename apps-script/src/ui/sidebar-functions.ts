import { fail, type Result } from '@mindflow/shared';
import { executeOperation } from '../execute-operation.ts';

/** What the sidebar shows about where it runs (web/'s getSidebarContext contract). */
export interface SidebarContext {
  time_zone: string;
  /** Left null: knowing the email needs the userinfo.email scope, which nothing else needs. */
  user: string | null;
  sheet_url: string;
}

/** Menu item: the Lit sidebar, built by web/ and shipped as Sidebar.html. */
export function showSidebar(): void {
  const page = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('MindFlow');
  SpreadsheetApp.getUi().showSidebar(page);
}

/** google.script.run target: any catalogue operation, answered with the Result envelope. */
export function runOperation(op: unknown, input: unknown): Result<unknown> {
  if (typeof op !== 'string') return fail('validation_failed', 'op must be an operation name');
  const body = input === undefined || input === null ? {} : input;
  if (typeof body !== 'object' || Array.isArray(body)) {
    return fail('validation_failed', 'input must be an object');
  }
  try {
    return executeOperation(op, body, { source: 'sidebar' });
  } catch (error) {
    console.error(
      `MindFlow sidebar ${op}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return fail('internal', 'Something went wrong on our side; the error has been logged');
  }
}

/** google.script.run target: the zone "today" is read in, and the Sheet's address. */
export function getSidebarContext(): SidebarContext {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return {
    time_zone: spreadsheet.getSpreadsheetTimeZone(),
    user: null,
    sheet_url: spreadsheet.getUrl(),
  };
}
