import vm from 'node:vm';
import type { Emulator } from '../emulator.ts';
import { CacheServiceApi } from '../services/cache-service.ts';
import { CalendarAppApi } from '../services/calendar-app.ts';
import { ContentServiceApi } from '../services/content-service.ts';
import { HtmlServiceApi } from '../services/html-service.ts';
import { LockServiceApi } from '../services/lock-service.ts';
import { createConsole, LoggerApi } from '../services/logger.ts';
import { MailAppApi } from '../services/mail-app.ts';
import { PropertiesServiceApi } from '../services/properties-service.ts';
import { ScriptAppApi } from '../services/script-app.ts';
import { SessionApi } from '../services/session.ts';
import { UrlFetchAppApi } from '../services/url-fetch-app.ts';
import { UtilitiesApi } from '../services/utilities.ts';
import { SpreadsheetAppApi } from '../spreadsheet/spreadsheet-app.ts';
import type { ApiObject } from './api-object.ts';
import { Bridge } from './bridge.ts';
import type { ServiceName } from './call-counter.ts';
import { checkAuthorization } from './scopes.ts';
import { createScriptRealm } from './script-realm.ts';

/** How the execution started, which decides authorization, UI access and the active user. */
export type ExecutionKind = 'editor' | 'web-app' | 'simple-trigger' | 'installable-trigger';
export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface ExecutionOptions {
  kind?: ExecutionKind;
  authMode?: AuthModeName;
  /** Who is at the keyboard; '' for an anonymous web-app visitor. */
  activeUserEmail?: string;
}

let executionCounter = 0;

/**
 * One Apps Script execution: a fresh realm in which Code.js is evaluated again (top-level
 * state never survives between executions), with service globals over the shared emulator.
 * Locks it still holds are released when it ends, as Apps Script does when a script exits.
 */
export class Execution {
  readonly id: string;
  readonly kind: ExecutionKind;
  readonly authMode: AuthModeName;
  readonly context: vm.Context;
  readonly bridge: Bridge;
  private readonly emulator: Emulator;

  constructor(emulator: Emulator, script: vm.Script | null, options: ExecutionOptions = {}) {
    executionCounter += 1;
    this.id = `execution-${executionCounter}`;
    this.emulator = emulator;
    this.kind = options.kind ?? 'editor';
    this.authMode = options.authMode ?? (this.kind === 'simple-trigger' ? 'LIMITED' : 'FULL');
    const activeUser =
      options.activeUserEmail ?? (this.kind === 'web-app' ? '' : emulator.ownerEmail);
    const { context, realm } = createScriptRealm(() => emulator.clock.now());
    this.context = context;
    this.bridge = new Bridge(realm, (service, label, method) => {
      checkAuthorization(label, method, emulator.oauthScopes, this.authMode);
      emulator.calls.record(service, label, method);
    });
    this.installGlobals(activeUser);
    script?.runInContext(context);
  }

  /** Calls a top-level function of the bundle, as Apps Script calls an entry point. */
  call(name: string, ...args: unknown[]): unknown {
    const fn: unknown = this.context[name];
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    return (fn as (...a: unknown[]) => unknown)(
      ...args.map((a) => this.bridge.toScript(a, 'SpreadsheetApp')),
    );
  }

  /** Evaluates source in the script's realm. */
  evaluate(source: string): unknown {
    return vm.runInContext(source, this.context);
  }

  end(): void {
    this.emulator.locks.release(this.id);
  }

  private installGlobals(activeUser: string): void {
    const em = this.emulator;
    const userKey = activeUser || em.ownerEmail;
    const documentId = em.spreadsheet().id;
    const uiAvailable = this.kind === 'editor' || this.kind === 'simple-trigger';
    const services: Record<ServiceName, ApiObject> = {
      SpreadsheetApp: new SpreadsheetAppApi(em.spreadsheets, em.ui, uiAvailable),
      LockService: new LockServiceApi(em.locks, this.id, (scope) => em.lockKey(scope, userKey)),
      PropertiesService: new PropertiesServiceApi(em.properties, userKey, documentId),
      CacheService: new CacheServiceApi(em.caches, userKey, documentId),
      ContentService: new ContentServiceApi(),
      HtmlService: new HtmlServiceApi(em.htmlDir, (source) => this.evaluate(source)),
      Session: new SessionApi({
        scriptTimeZone: em.scriptTimeZone,
        scriptId: em.scriptId,
        activeUserEmail: activeUser,
        effectiveUserEmail: em.ownerEmail,
        locale: 'en',
      }),
      Utilities: new UtilitiesApi(em.clock, em.uuid),
      ScriptApp: new ScriptAppApi(em.triggers, {
        scriptId: em.scriptId,
        webAppUrl: em.webAppUrl,
        ownerEmail: em.ownerEmail,
      }),
      MailApp: new MailAppApi(em.mail, em.clock),
      CalendarApp: new CalendarAppApi(em.calendars),
      Logger: new LoggerApi(em.logs, this.id),
      UrlFetchApp: new UrlFetchAppApi(em.urlFetch),
    };
    for (const [name, service] of Object.entries(services)) {
      this.context[name] = this.bridge.expose(service, name as ServiceName);
    }
    this.context.console = createConsole(em.logs, this.id);
  }
}
