// Bundled by build-harness.ts and run INSIDE the emulator: the real SheetTaskStore over the
// emulated SpreadsheetApp, so the shared TaskStore contract runs on the adapter as Apps
// Script would run it. Never part of the add-on.
import { ZonedCalendar, type TaskStore } from '@mindflow/shared';
import { ScriptLock } from '../src/script-lock.ts';
import { AuditLog } from '../src/sheet/audit-log.ts';
import { SheetTaskStore } from '../src/sheet/sheet-task-store.ts';
import { appsScriptTimeZone } from '../src/time/utilities-time-zone.ts';

let current: SheetTaskStore | null = null;

function makeStore(): SheetTaskStore {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const now = () => Date.now();
  return new SheetTaskStore({
    spreadsheet,
    calendar: new ZonedCalendar(appsScriptTimeZone(), spreadsheet.getSpreadsheetTimeZone()),
    now,
    lock: new ScriptLock(),
    audit: new AuditLog(spreadsheet, 'sidebar', now),
  });
}

// SheetTaskStore implements every required method; the optional paged scan is SQL's alone.
type Method = Exclude<keyof TaskStore, 'scanActive'> | 'stampHandTypedRows' | 'rowWarnings';

function call(store: SheetTaskStore, method: Method, argsJson: string): string {
  const args = JSON.parse(argsJson) as unknown[];
  const fn = store[method] as (...a: unknown[]) => unknown;
  return JSON.stringify(fn.apply(store, args) ?? null);
}

/** One store call in its own execution (a fresh store, as every Apps Script request has). */
export function storeCall(method: Method, argsJson: string): string {
  return call(makeStore(), method, argsJson);
}

/** Store calls that share one store within one execution (to interleave with other writers). */
export function storeStep(method: Method, argsJson: string): string {
  current ??= makeStore();
  return call(current, method, argsJson);
}
