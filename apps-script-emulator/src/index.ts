// The offline Apps Script runtime for tests. Node code: never bundled into the add-on.
export {
  loadBundle,
  LoadedBundle,
  type LoadBundleOptions,
  type WebResponse,
} from './load-bundle.ts';
export { inlineBundle, type InlineBundleOptions } from './inline-bundle.ts';
export { Emulator, type EmulatorOptions } from './emulator.ts';
export {
  Execution,
  type ExecutionKind,
  type ExecutionOptions,
  type AuthModeName,
} from './runtime/execution.ts';
export { EmulatorClock } from './clock.ts';
export { CallCounter, SERVICE_NAMES, type ServiceName } from './runtime/call-counter.ts';
export { SCOPES } from './runtime/scopes.ts';
export type { GetRequest, PostRequest, WebAppEvent } from './runtime/web-events.ts';
export type { SpreadsheetModel, SeedOptions } from './spreadsheet/spreadsheet-model.ts';
export type { SheetModel, Cell } from './spreadsheet/sheet-model.ts';
export type { RecordedMenu, ShownHtml } from './spreadsheet/ui.ts';
export type { SentMail } from './services/mail-app.ts';
export type { EventSeed } from './services/calendar-state.ts';
export type { LockScope } from './services/lock-service.ts';
export type { TriggerModel } from './services/trigger-state.ts';
export type { LogLine } from './services/logger.ts';
/** Utilities.formatDate as Apps Script implements it, for tests of adapters that call it. */
export { formatDate } from './time/format-date.ts';
