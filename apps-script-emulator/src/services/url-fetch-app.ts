import { spawnSync } from 'node:child_process';
import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';

// UrlFetchApp as Apps Script has it: fetch is synchronous, really goes over HTTP (here from a
// child Node process, waited for, so the script's realm blocks as it does in Apps Script),
// throws for a status ≥ 400 unless muteHttpExceptions, and gives up after the deadline.

export class UrlFetchState {
  /** Apps Script waits about 60 s; tests shorten it. */
  timeoutMs = 60_000;
  readonly requests: { url: string; method: string; headers: Record<string, string> }[] = [];
}

interface FetchParams {
  method?: unknown;
  contentType?: unknown;
  payload?: unknown;
  headers?: unknown;
  muteHttpExceptions?: unknown;
}

interface ChildAnswer {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  error?: string;
}

// Runs in the child: one fetch, its answer as JSON on stdout.
const CHILD = `
const chunks = [];
process.stdin.on('data', (c) => chunks.push(c));
process.stdin.on('end', async () => {
  const r = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  try {
    const res = await fetch(r.url, { method: r.method, headers: r.headers, body: r.body, signal: AbortSignal.timeout(r.timeoutMs) });
    const body = await res.text();
    process.stdout.write(JSON.stringify({ status: res.status, headers: Object.fromEntries(res.headers), body }));
  } catch (e) {
    process.stdout.write(JSON.stringify({ error: e && e.name === 'TimeoutError' ? 'timeout' : String(e && e.message) }));
  }
});`;

export class HttpResponseApi extends ApiObject {
  readonly [API_LABEL] = 'HTTPResponse';
  readonly #status: number;
  readonly #headers: Record<string, string>;
  readonly #body: string;

  constructor(status: number, headers: Record<string, string>, body: string) {
    super();
    this.#status = status;
    this.#headers = headers;
    this.#body = body;
  }

  getResponseCode(): number {
    return this.#status;
  }

  getContentText(): string {
    return this.#body;
  }

  getHeaders(): Record<string, string> {
    return { ...this.#headers };
  }

  getAllHeaders(): Record<string, string> {
    return { ...this.#headers };
  }
}

export class UrlFetchAppApi extends ApiObject {
  readonly [API_LABEL] = 'UrlFetchApp';
  readonly #state: UrlFetchState;

  constructor(state: UrlFetchState) {
    super();
    this.#state = state;
  }

  fetch(url: unknown, params: FetchParams = {}): HttpResponseApi {
    const target = String(url);
    if (!/^https?:\/\//.test(target)) throw new ServiceError(`Invalid argument: url`);
    const method = String(params.method ?? 'get').toUpperCase();
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries((params.headers as Record<string, unknown>) ?? {})) {
      headers[k] = String(v);
    }
    let body: string | undefined;
    if (params.payload !== undefined && method !== 'GET') {
      body = typeof params.payload === 'string' ? params.payload : JSON.stringify(params.payload);
      headers['content-type'] = String(params.contentType ?? 'application/x-www-form-urlencoded');
    }
    this.#state.requests.push({ url: target, method, headers });
    const run = spawnSync(process.execPath, ['-e', CHILD], {
      input: JSON.stringify({
        url: target,
        method,
        headers,
        body,
        timeoutMs: this.#state.timeoutMs,
      }),
      encoding: 'utf8',
      timeout: this.#state.timeoutMs + 10_000,
      maxBuffer: 50 * 1024 * 1024,
    });
    let answer: ChildAnswer;
    try {
      answer = JSON.parse(run.stdout) as ChildAnswer;
    } catch {
      throw new ServiceError(`Address unavailable: ${target}`);
    }
    if (answer.error === 'timeout') throw new ServiceError(`Timeout: ${target}`);
    if (answer.error !== undefined || answer.status === undefined) {
      throw new ServiceError(`Address unavailable: ${target}`);
    }
    const response = new HttpResponseApi(answer.status, answer.headers ?? {}, answer.body ?? '');
    if (answer.status >= 400 && params.muteHttpExceptions !== true) {
      throw new ServiceError(
        `Request failed for ${target} returned code ${answer.status}. Truncated server response: ${(answer.body ?? '').slice(0, 100)} (use muteHttpExceptions option to examine full response)`,
      );
    }
    return response;
  }
}
