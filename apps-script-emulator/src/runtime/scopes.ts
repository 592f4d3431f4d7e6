import { ServiceError } from './api-object.ts';

const AUTH = 'https://www.googleapis.com/auth/';
export const SCOPES = {
  spreadsheetsCurrentOnly: `${AUTH}spreadsheets.currentonly`,
  spreadsheets: `${AUTH}spreadsheets`,
  containerUi: `${AUTH}script.container.ui`,
  sendMail: `${AUTH}script.send_mail`,
  scriptApp: `${AUTH}script.scriptapp`,
  userEmail: `${AUTH}userinfo.email`,
  calendar: `${AUTH}calendar`,
  calendarReadonly: `${AUTH}calendar.readonly`,
  calendarFeeds: 'https://www.google.com/calendar/feeds',
  externalRequest: `${AUTH}script.external_request`,
} as const;

const ANY_SPREADSHEET = [SCOPES.spreadsheetsCurrentOnly, SCOPES.spreadsheets];
const ANY_CALENDAR = [SCOPES.calendarReadonly, SCOPES.calendar, SCOPES.calendarFeeds];

/**
 * Which OAuth scopes a call needs (any one of them), keyed "Class.method" or "Class.*".
 * Only entry calls are listed: a Range can only be reached through a call checked here.
 */
const REQUIRED: Record<string, readonly string[]> = {
  'SpreadsheetApp.getActiveSpreadsheet': ANY_SPREADSHEET,
  'SpreadsheetApp.getActive': ANY_SPREADSHEET,
  'SpreadsheetApp.getActiveSheet': ANY_SPREADSHEET,
  'SpreadsheetApp.openById': [SCOPES.spreadsheets],
  'SpreadsheetApp.openByUrl': [SCOPES.spreadsheets],
  'SpreadsheetApp.create': [SCOPES.spreadsheets],
  'Ui.alert': [SCOPES.containerUi],
  'Ui.prompt': [SCOPES.containerUi],
  'Ui.showSidebar': [SCOPES.containerUi],
  'Ui.showModalDialog': [SCOPES.containerUi],
  'Ui.showModelessDialog': [SCOPES.containerUi],
  'MailApp.*': [SCOPES.sendMail],
  'CalendarApp.*': ANY_CALENDAR,
  'ScriptApp.newTrigger': [SCOPES.scriptApp],
  'ScriptApp.getProjectTriggers': [SCOPES.scriptApp],
  'ScriptApp.getUserTriggers': [SCOPES.scriptApp],
  'ScriptApp.deleteTrigger': [SCOPES.scriptApp],
  'Session.getActiveUser': [SCOPES.userEmail],
  'Session.getEffectiveUser': [SCOPES.userEmail],
  'UrlFetchApp.*': [SCOPES.externalRequest],
};

/** What a simple trigger (AuthMode.LIMITED) may touch without the user's authorization. */
const LIMITED_MODE_SCOPES = new Set<string>([SCOPES.spreadsheetsCurrentOnly, SCOPES.containerUi]);

export function requiredScopes(label: string, method: string): readonly string[] {
  return REQUIRED[`${label}.${method}`] ?? REQUIRED[`${label}.*`] ?? [];
}

function describe(scopes: readonly string[]): string {
  return scopes.length === 1 ? String(scopes[0]) : `(${scopes.join(' || ')})`;
}

/**
 * Throws the error Apps Script throws when a call is not covered by the manifest's explicit
 * oauthScopes, or when a simple trigger calls a service that needs authorization.
 */
export function checkAuthorization(
  label: string,
  method: string,
  grantedScopes: readonly string[] | null,
  authMode: string,
): void {
  const needed = requiredScopes(label, method);
  if (needed.length === 0) return;
  const call = `${label}.${method}`;
  if (grantedScopes && !needed.some((s) => grantedScopes.includes(s))) {
    throw new ServiceError(
      `Specified permissions are not sufficient to call ${call}. Required permissions: ${describe(needed)}`,
    );
  }
  if (authMode === 'LIMITED' && !needed.some((s) => LIMITED_MODE_SCOPES.has(s))) {
    throw new ServiceError(
      `You do not have permission to call ${call}. Required permissions: ${describe(needed)}`,
    );
  }
  if (authMode === 'NONE') {
    throw new ServiceError(
      `You do not have permission to call ${call}. Required permissions: ${describe(needed)}`,
    );
  }
}
