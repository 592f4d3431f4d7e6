import { randomUUID } from 'node:crypto';
import { EmulatorClock } from './clock.ts';
import { CallCounter } from './runtime/call-counter.ts';
import { CachesState } from './services/cache-service.ts';
import { CalendarState, type EventSeed } from './services/calendar-state.ts';
import { LockRegistry, type LockScope } from './services/lock-service.ts';
import { LogBook } from './services/logger.ts';
import { MailState } from './services/mail-app.ts';
import { PropertiesState } from './services/properties-service.ts';
import { TriggerState } from './services/trigger-state.ts';
import { UrlFetchState } from './services/url-fetch-app.ts';
import { SpreadsheetRegistry } from './spreadsheet/spreadsheet-registry.ts';
import type { SpreadsheetModel } from './spreadsheet/spreadsheet-model.ts';
import { UiLog } from './spreadsheet/ui.ts';

export interface EmulatorOptions {
  /** The clock's start; any Date, epoch ms or ISO string. */
  now?: Date | number | string;
  /** appsscript.json "timeZone"; also the default zone of new spreadsheets and calendars. */
  scriptTimeZone?: string;
  /** Who deployed the web app and installed the triggers: the effective user. */
  ownerEmail?: string;
  scriptId?: string;
  webAppUrl?: string;
  /** Where createHtmlOutputFromFile looks for NAME.html (the bundle's dist/ directory). */
  htmlDir?: string;
  /** The manifest's explicit oauthScopes; null when it declares none (then nothing is checked). */
  oauthScopes?: readonly string[] | null;
  /** Id source for Utilities.getUuid (random v4 by default). */
  uuid?: () => string;
}

/**
 * Everything that outlives a single Apps Script execution: sheets, properties, caches,
 * locks, triggers, sent mail, calendars, what the UI showed, the clock and the call counts.
 * Tests seed and inspect it directly; the bundle reaches it only through the service globals.
 */
export class Emulator {
  readonly clock: EmulatorClock;
  readonly calls = new CallCounter();
  readonly logs = new LogBook();
  readonly ui = new UiLog();
  readonly spreadsheets: SpreadsheetRegistry;
  readonly properties = new PropertiesState();
  readonly caches: CachesState;
  readonly locks: LockRegistry;
  readonly triggers = new TriggerState();
  readonly mail = new MailState();
  readonly calendars: CalendarState;
  /** UrlFetchApp's requests, and how long it waits (tests shorten the deadline). */
  readonly urlFetch = new UrlFetchState();
  scriptTimeZone: string;
  ownerEmail: string;
  readonly scriptId: string;
  webAppUrl: string;
  htmlDir: string;
  oauthScopes: readonly string[] | null;
  readonly uuid: () => string;

  constructor(options: EmulatorOptions = {}) {
    this.clock = new EmulatorClock(options.now);
    this.scriptTimeZone = options.scriptTimeZone ?? 'America/New_York';
    this.ownerEmail = options.ownerEmail ?? 'owner@example.com';
    this.scriptId = options.scriptId ?? 'emulated-script-id';
    this.webAppUrl =
      options.webAppUrl ?? `https://script.google.com/macros/s/${this.scriptId}/exec`;
    this.htmlDir = options.htmlDir ?? process.cwd();
    this.oauthScopes = options.oauthScopes ?? null;
    this.uuid = options.uuid ?? randomUUID;
    this.spreadsheets = new SpreadsheetRegistry(() => this.scriptTimeZone);
    this.caches = new CachesState(this.clock);
    this.locks = new LockRegistry(this.clock, (scope) => this.lockKey(scope, this.ownerEmail));
    this.calendars = new CalendarState(
      () => this.ownerEmail,
      () => this.scriptTimeZone,
    );
  }

  /** The spreadsheet the script is bound to (SpreadsheetApp.getActiveSpreadsheet()). */
  spreadsheet(): SpreadsheetModel {
    return this.spreadsheets.active();
  }

  /** Seeds rows into a sheet of the bound spreadsheet, typed in as a person would. */
  seedSheet(
    name: string,
    rows: readonly (readonly unknown[])[],
    options?: { at?: string; raw?: boolean },
  ): void {
    this.spreadsheet().seed(name, rows, options);
  }

  /** Seeds a calendar event the script will see through CalendarApp. */
  seedEvent(seed: EventSeed): void {
    this.calendars.addEvent(seed);
  }

  lockKey(scope: LockScope, userEmail: string): string {
    if (scope === 'document') return `document:${this.spreadsheet().id}`;
    if (scope === 'user') return `user:${userEmail}`;
    return 'script';
  }
}
