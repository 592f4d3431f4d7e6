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
import { AuthMode } from './services/trigger-state.ts';
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
}

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
    return this.once({ kind: 'web-app', ...options }, (x) =>
      respond(x, x.call('doPost', buildPostEvent(request))),
    );
  }

  /** Fires an installed trigger (by unique id or handler name) as its owner, AuthMode.FULL. */
  runTrigger(idOrHandler: string): unknown {
    const trigger = this.emulator.triggers.find(idOrHandler);
    if (!trigger) throw new Error(`no installed trigger ${idOrHandler}`);
    const event = {
      authMode: AuthMode.FULL,
      triggerUid: trigger.uniqueId,
      ...(trigger.sourceId ? { source: this.activeSpreadsheet() } : {}),
    };
    return this.once({ kind: 'installable-trigger' }, (x) =>
      x.call(trigger.handlerFunction, event),
    );
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
