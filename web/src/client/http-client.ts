import type { ErrorCode, OperationName, OperationOutput, Result } from '@mindflow/shared';
import type { MindFlowClient } from './mindflow-client.ts';
import { planRequest } from './http-route.ts';
import { readAnswer } from './read-answer.ts';

export interface HttpClientOptions {
  /** Defaults to the page's fetch; tests and other hosts may pass their own. */
  fetch?: typeof fetch;
}

function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'validation_failed';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 404) return 'not_found';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status === 502 || status === 503 || status === 504) return 'unavailable';
  return 'internal';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** A 2xx body is the operation's output; an `{ok:true,data}` envelope is accepted too. */
function successEnvelope(body: unknown): unknown {
  const isEnvelope = typeof body === 'object' && body !== null && 'ok' in body && 'data' in body;
  return isEnvelope ? body : { ok: true, data: body };
}

/** A non-2xx body is `{error:{code,message,details}}`; without one the status decides. */
function failureEnvelope(body: unknown, response: Response): unknown {
  if (typeof body === 'object' && body !== null && 'error' in body) {
    return { ok: false, error: (body as { error: unknown }).error };
  }
  const message = `MindFlow answered HTTP ${response.status} ${response.statusText}`.trim();
  return { ok: false, error: { code: codeForStatus(response.status), message } };
}

/** The dashboard's client: the server's REST API generated from the catalogue. */
export function httpClient(
  baseUrl: string,
  token: string,
  options: HttpClientOptions = {},
): MindFlowClient {
  const origin = baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((url, init) => fetch(url, init));

  async function call<K extends OperationName>(
    op: K,
    input: Record<string, unknown>,
  ): Promise<Result<OperationOutput<K>>> {
    const plan = planRequest(op, input);
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: `Bearer ${token}`,
    };
    if (plan.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await doFetch(`${origin}${plan.url}`, {
        method: plan.method,
        headers,
        ...(plan.body !== undefined ? { body: plan.body } : {}),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return {
        ok: false,
        error: { code: 'unavailable', message: `Could not reach MindFlow at ${origin}: ${reason}` },
      };
    }
    const body = await readJson(response);
    return readAnswer(op, response.ok ? successEnvelope(body) : failureEnvelope(body, response));
  }

  return {
    call,
    // The catalogue has no context operation; rankTasks reports the zone it ranked in.
    async context() {
      const answer = await call('rankTasks', { limit: 1 });
      if (!answer.ok) throw new Error(answer.error.message);
      return { time_zone: answer.data.time_zone };
    },
  };
}
