import {
  fail,
  OPERATIONS,
  TaskService,
  ZonedCalendar,
  type OperationName,
  type Result,
} from '@mindflow/shared';
import { loadDailyPlanSettings, type LoadedSettings } from './daily-plan/daily-plan-settings.ts';
import { PlanContext } from './daily-plan/plan-context.ts';
import { IdempotencyRecord } from './idempotency.ts';
import { LockBusyError, ScriptLock } from './script-lock.ts';
import { AuditLog } from './sheet/audit-log.ts';
import type { ChangeSource } from './sheet/sheet-names.ts';
import { SheetTaskStore, type SetupProblem } from './sheet/sheet-task-store.ts';
import { appsScriptTimeZone } from './time/utilities-time-zone.ts';

export interface ExecuteOptions {
  source: ChangeSource;
  /** The spreadsheet's zone when the caller already knows it (the web app memoizes it). */
  zone?: string;
  idempotencyKey?: string;
  /** The user's daily plan settings when the caller has read them already (getDailyPlan only). */
  planSettings?: LoadedSettings;
}

const REPAIR_HINT = 'Open the Sheet and run MindFlow › Set up / repair sheet.';

export function setupFailure(problem: SetupProblem): Result<never> {
  const message = problem.missingSheet
    ? `This spreadsheet has no Tasks sheet yet. ${REPAIR_HINT}`
    : `The Tasks sheet is missing the column${problem.missingHeaders.length > 1 ? 's' : ''} ${problem.missingHeaders.join(', ')}. ${REPAIR_HINT}`;
  return fail('unavailable', message, {
    reason: 'setup',
    missing_sheet: problem.missingSheet,
    missing_headers: problem.missingHeaders,
  });
}

export function busyFailure(): Result<never> {
  return fail('conflict', 'MindFlow is busy saving another change; try again in a few seconds.', {
    reason: 'busy',
    retry_after_seconds: 5,
  });
}

function logUnexpected(error: unknown, operation: string): void {
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`MindFlow ${operation} failed: ${detail}`);
}

/** The retry key's record: the first result of a write, replayed to a retry. */
function once(
  operation: OperationName,
  key: string | undefined,
  input: unknown,
  run: () => Result<unknown>,
): Result<unknown> {
  if (key === undefined) return run();
  const record = new IdempotencyRecord(operation, key, input);
  const earlier = record.lookup();
  if (earlier === 'mismatch') {
    return fail('conflict', 'This idempotency_key was already used with a different body', {
      reason: 'idempotency_key_reused',
    });
  }
  if (earlier) return earlier;
  const result = run();
  record.remember(result);
  return result;
}

/**
 * Runs one catalogue operation against the Tasks sheet, for the web app, the sidebar or a
 * trigger; the caller has checked the name. Reads run without the lock; a write takes the
 * script lock (bounded wait, then `conflict` with reason busy), reads the table under it,
 * honours the idempotency key, and leaves its audit rows before the lock is released.
 */
export function executeOperation(
  operation: OperationName,
  input: unknown,
  options: ExecuteOptions,
): Result<unknown> {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const zone = options.zone ?? spreadsheet.getSpreadsheetTimeZone();
  const timeZone = appsScriptTimeZone();
  const now = () => Date.now();
  const lock = new ScriptLock();
  const store = new SheetTaskStore({
    spreadsheet,
    calendar: new ZonedCalendar(timeZone, zone),
    now,
    lock,
    audit: new AuditLog(spreadsheet, options.source, now),
    operation,
  });
  // Only a plan reads the user's settings and calendars: other operations cost no more.
  const plan =
    operation === 'getDailyPlan'
      ? new PlanContext(options.planSettings ?? loadDailyPlanSettings(), timeZone)
      : null;
  const service = new TaskService({
    store,
    clock: now,
    newId: () => Utilities.getUuid(),
    timeZone,
    zone,
    onError: logUnexpected,
    ...(plan ? { planning: plan.planning } : {}),
  });
  const run = (): Result<unknown> => {
    const problem = store.setupProblem();
    if (problem) return setupFailure(problem);
    const result = service.executeSync(operation, input);
    return plan ? plan.annotate(result) : result;
  };
  if (!OPERATIONS[operation].mutates) return run();
  try {
    return lock.runExclusive(() => once(operation, options.idempotencyKey, input, run));
  } catch (error) {
    if (error instanceof LockBusyError) return busyFailure();
    throw error;
  }
}
