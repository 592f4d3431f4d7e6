import {
  fail,
  idempotencyKeyIssue,
  isOperationName,
  OPERATIONS,
  OPERATION_NAMES,
  validationFailed,
  type Result,
} from '@mindflow/shared';
import { executeOperation } from '../execute-operation.ts';
import { memoizedSpreadsheetZone } from '../time/spreadsheet-zone.ts';
import { API_KEY_PROPERTY, constantTimeEquals } from './api-key.ts';
import { parseWebRequest, type WebRequest } from './web-request.ts';

/** GPT Actions refuse responses of 100,000 characters or more. */
export const MAX_RESPONSE_CHARS = 99_000;
export const SERVICE_INFO = { service: 'mindflow', operations: OPERATION_NAMES };

function unauthorized(message: string): Result<never> {
  return fail('unauthorized', message);
}

function invalid(field: string, rule: string, message: string): Result<never> {
  return fail('validation_failed', message, [{ field, rule, message }]);
}

/** Authorizes and routes one request; reads nothing but Script Properties before the key matches. */
export function handleWebRequest(request: WebRequest): Result<unknown> {
  if (request.action === null && request.key === null) return { ok: true, data: SERVICE_INFO };
  const properties = PropertiesService.getScriptProperties().getProperties();
  const expected = properties[API_KEY_PROPERTY];
  if (!expected) {
    return unauthorized(
      'This MindFlow Sheet has no API key yet: open it and run MindFlow › Connect ChatGPT.',
    );
  }
  if (request.key === null || !constantTimeEquals(request.key, expected)) {
    return unauthorized('Missing or wrong API key (the `key` query parameter).');
  }
  const action = request.action;
  if (action === null || !isOperationName(action)) {
    return fail('not_found', `Unknown action '${action ?? ''}'`, { operations: OPERATION_NAMES });
  }
  const mutates = OPERATIONS[action].mutates;
  if (mutates && request.method === 'GET') {
    return invalid('action', 'method', `${action} changes data: send it as a POST`);
  }
  if (request.bodyError) return invalid('', 'json', request.bodyError);
  const idempotencyKey = request.idempotencyKey;
  const keyIssue =
    idempotencyKey === undefined ? null : idempotencyKeyIssue(idempotencyKey, 'idempotency_key');
  if (keyIssue) return validationFailed([keyIssue]);
  const zone = memoizedSpreadsheetZone(
    properties,
    () => SpreadsheetApp.getActiveSpreadsheet(),
    Date.now(),
  );
  return executeOperation(action, request.input, {
    source: 'gpt',
    zone,
    ...(mutates && typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
  });
}

function respond(result: Result<unknown>): GoogleAppsScript.Content.TextOutput {
  let body = JSON.stringify(result);
  if (body.length > MAX_RESPONSE_CHARS) {
    body = JSON.stringify(
      fail('internal', 'The answer was too large to send; ask for a smaller page (limit).'),
    );
  }
  return ContentService.createTextOutput(body).setMimeType(ContentService.MimeType.JSON);
}

function handleSafely(request: WebRequest): GoogleAppsScript.Content.TextOutput {
  try {
    return respond(handleWebRequest(request));
  } catch (error) {
    console.error(`MindFlow web app: ${error instanceof Error ? error.stack : String(error)}`);
    return respond(fail('internal', 'Something went wrong on our side; the error has been logged'));
  }
}

/** GET /exec?action=<read operation>&key=…&<input as query parameters>. */
export function doGet(e: GoogleAppsScript.Events.DoGet): GoogleAppsScript.Content.TextOutput {
  return handleSafely(parseWebRequest(e, 'GET'));
}

/** POST /exec?action=<operation>&key=… with the input as a JSON body. */
export function doPost(e: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  return handleSafely(parseWebRequest(e, 'POST'));
}
