export const SERVICE_NAMES = [
  'SpreadsheetApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ContentService',
  'HtmlService',
  'Session',
  'Utilities',
  'ScriptApp',
  'MailApp',
  'CalendarApp',
  'Logger',
  'UrlFetchApp',
] as const;

export type ServiceName = (typeof SERVICE_NAMES)[number];

/**
 * Counts every method call the script makes on a service and on the objects that service
 * handed out (a Range's getValues counts for SpreadsheetApp). Service calls are what an Apps
 * Script request costs, so the add-on's benchmark asserts on these numbers.
 */
export class CallCounter {
  SpreadsheetApp = 0;
  LockService = 0;
  PropertiesService = 0;
  CacheService = 0;
  ContentService = 0;
  HtmlService = 0;
  Session = 0;
  Utilities = 0;
  ScriptApp = 0;
  MailApp = 0;
  CalendarApp = 0;
  Logger = 0;
  UrlFetchApp = 0;
  /** Calls per "Class.method", e.g. "Range.getValues". */
  readonly byMethod = new Map<string, number>();

  record(service: ServiceName, label: string, method: string): void {
    this[service] += 1;
    const key = `${label}.${method}`;
    this.byMethod.set(key, (this.byMethod.get(key) ?? 0) + 1);
  }

  total(): number {
    return SERVICE_NAMES.reduce((sum, name) => sum + this[name], 0);
  }

  reset(): void {
    for (const name of SERVICE_NAMES) this[name] = 0;
    this.byMethod.clear();
  }
}
