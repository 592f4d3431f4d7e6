import {
  httpRequestOf,
  httpResultOf,
  type OperationName,
  type OperationOutput,
  type Result,
} from '@mindflow/shared';
import type { MindFlowClient } from './mindflow-client.ts';
import { readAnswer } from './read-answer.ts';

export interface HttpClientOptions {
  /** Defaults to the page's fetch; tests and other hosts may pass their own. */
  fetch?: typeof fetch;
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

/** The dashboard's client: the server's REST API, as the catalogue's HTTP bindings say. */
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
    const plan = httpRequestOf(op, input);
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
    const { status, statusText } = response;
    // The binding reads the status (a 204 carries no body); the catalogue checks the output.
    return readAnswer(op, httpResultOf(op, input, { status, statusText, body }));
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
