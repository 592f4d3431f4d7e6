import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import vm from 'node:vm';
import { Emulator, type EmulatorOptions } from './emulator.ts';
import { Execution, type ExecutionOptions } from './runtime/execution.ts';
import {
  buildGetEvent,
  buildPostEvent,
  type GetRequest,
  type PostRequest,
} from './runtime/web-events.ts';
import { SERVICE_NAMES } from './runtime/call-counter.ts';
import { mediaTypeOf, TextOutputApi } from './services/content-service.ts';
import { HtmlOutputApi } from './services/html-service.ts';
import { AuthMode, EventType } from './services/trigger-state.ts';
import { parseA1 } from './spreadsheet/a1-notation.ts';
import { SpreadsheetApi } from './spreadsheet/spreadsheet.ts';

export interface LoadBundleOptions extends EmulatorOptions {
  /** Share state with another bundle (or seed it before loading). */
  emulator?: Emulator;
}

/** What the web app answered, as the HTTP client would see it (always status 200). */
export interface WebResponse {
  content: string;
  mimeType: string;
  json<T = unknown>(): T;
  /**
   * POST only: Apps Script answers a POST with 302 to a one-time URL on
   * script.googleusercontent.com that serves this content; doPost has already run.
   */
  redirect?: string;
}

let echoCounter = 0;

interface Manifest {
  timeZone?: string;
  oauthScopes?: string[];
}

function readManifest(dir: string): Manifest {
  const path = join(dir, 'appsscript.json');
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
}

/**
 * A built Code.js running in the emulator. Every call is a fresh execution: Code.js is
 * evaluated again in a new realm, while sheets, properties, caches and triggers persist.
 */
export class LoadedBundle {
  readonly emulator: Emulator;
  readonly codePath: string;
  /** The bundle's top-level function declarations: what Apps Script can call. */
  readonly functions: readonly string[];
  private readonly script: vm.Script;
  private readonly echoes = new Map<string, WebResponse>();

  constructor(codePath: string, script: vm.Script, emulator: Emulator) {
    this.codePath = codePath;
    this.script = script;
    this.emulator = emulator;
    const probe = this.execution();
    const services = new Set<string>([...SERVICE_NAMES, 'console']);
    this.functions = Object.keys(probe.context).filter(
      (name) => !services.has(name) && typeof probe.context[name] === 'function',
    );
    probe.end();
  }

  /** Starts an execution the test ends itself (to hold a lock across calls, say). */
  execution(options?: ExecutionOptions): Execution {
    return new Execution(this.emulator, this.script, options);
  }

  /** Runs a top-level function as from the editor or google.script.run. */
  run(name: string, ...args: unknown[]): unknown {
    return this.once({ kind: 'editor' }, (x) => x.call(name, ...args));
  }

  /** The document was opened: the simple trigger onOpen(e) runs with AuthMode.LIMITED. */
  open(): unknown {
    return this.once({ kind: 'simple-trigger' }, (x) =>
      x.call('onOpen', { authMode: AuthMode.LIMITED, source: this.activeSpreadsheet() }),
    );
  }

  doGet(request: GetRequest = {}, options: ExecutionOptions = {}): WebResponse {
    return this.once({ kind: 'web-app', ...options }, (x) =>
      respond(x, x.call('doGet', buildGetEvent(request))),
    );
  }

  doPost(request: PostRequest = {}, options: ExecutionOptions = {}): WebResponse {
    const response = this.once({ kind: 'web-app', ...options }, (x) =>
      respond(x, x.call('doPost', buildPostEvent(request))),
    );
    echoCounter += 1;
    const redirect = `https://script.googleusercontent.com/macros/echo?user_content_key=emulated-${echoCounter}`;
    this.echoes.set(redirect, response);
    return { ...response, redirect };
  }

  /**
   * Follows a POST's redirect as an HTTP client does: serves what doPost answered without
   * running any script, once; a second GET of the same URL finds nothing.
   */
  followRedirect(url: string): WebResponse {
    const response = this.echoes.get(url);
    if (!response) throw new Error(`nothing to serve at ${url} (echo URLs are one-time)`);
    this.echoes.delete(url);
    return response;
  }

  /**
   * Fires an installed trigger (by unique id or handler name) as its owner, AuthMode.FULL.
   * `extra` adds event fields, e.g. { range } for an edit (see edit()).
   */
  runTrigger(idOrHandler: string, extra: Record<string, unknown> = {}): unknown {
    const trigger = this.emulator.triggers.find(idOrHandler);
    if (!trigger) throw new Error(`no installed trigger ${idOrHandler}`);
    const event = {
      authMode: AuthMode.FULL,
      triggerUid: trigger.uniqueId,
      ...(trigger.sourceId ? { source: this.activeSpreadsheet() } : {}),
      ...extra,
    };
    return this.once({ kind: 'installable-trigger' }, (x) =>
      x.call(trigger.handlerFunction, event),
    );
  }

  /**
   * A person types `rows` into `sheetName` from `at` (Sheets' typing rules apply), then every
   * installed onEdit trigger of the spreadsheet fires with e.range covering the block.
   * Answers how many triggers ran.
   */
  edit(sheetName: string, at: string, rows: readonly (readonly unknown[])[]): number {
    const model = this.emulator.spreadsheet();
    model.seed(sheetName, rows, { at });
    const ref = parseA1(at);
    const width = Math.max(1, ...rows.map((r) => r.length));
    const sheet = new SpreadsheetApi(model).getSheetByName(sheetName);
    if (!sheet) throw new Error(`no sheet named ${sheetName}`);
    const range = sheet.getRange(ref.startRow ?? 1, ref.startColumn ?? 1, rows.length, width);
    const value = rows.length === 1 && width === 1 ? rows[0]?.[0] : undefined;
    const triggers = this.emulator.triggers.triggers.filter(
      (t) => t.eventType === EventType.ON_EDIT && t.sourceId === model.id,
    );
    for (const t of triggers) this.runTrigger(t.uniqueId, { range, value });
    return triggers.length;
  }

  private activeSpreadsheet(): SpreadsheetApi {
    return new SpreadsheetApi(this.emulator.spreadsheet());
  }

  private once<T>(options: ExecutionOptions, body: (execution: Execution) => T): T {
    const execution = this.execution(options);
    try {
      return body(execution);
    } finally {
      execution.end();
    }
  }
}

function respond(execution: Execution, output: unknown): WebResponse {
  const target: unknown = execution.bridge.unwrap(output);
  let content: string;
  let mimeType: string;
  if (target instanceof TextOutputApi) {
    content = target.getContent();
    mimeType = mediaTypeOf(target.getMimeType());
  } else if (target instanceof HtmlOutputApi) {
    content = target.getContent();
    mimeType = 'text/html';
  } else {
    throw new Error('The script completed but did not return anything.');
  }
  return { content, mimeType, json: <T>() => JSON.parse(content) as T };
}

/**
 * Loads a built Code.js. appsscript.json beside it supplies the time zone and the explicit
 * oauthScopes every call is checked against; HTML files beside it serve HtmlService.
 */
export function loadBundle(codeJsPath: string, options: LoadBundleOptions = {}): LoadedBundle {
  const dir = dirname(codeJsPath);
  const manifest = readManifest(dir);
  const emulator =
    options.emulator ??
    new Emulator({
      scriptTimeZone: manifest.timeZone,
      oauthScopes: manifest.oauthScopes ?? null,
      htmlDir: dir,
      ...options,
    });
  const script = new vm.Script(readFileSync(codeJsPath, 'utf8'), { filename: codeJsPath });
  return new LoadedBundle(codeJsPath, script, emulator);
}
