import { httpRequestOf, httpResultOf } from '@mindflow/shared';
import type { Transport } from '@mindflow/shared/testing';

// The scenario suite's transport over HTTP: the request and the reading of its answer both
// come from the catalogue's HTTP binding (shared/), as the web client's do.

export function httpTransport(
  baseUrl: string,
  token: string,
  headers: Record<string, string> = {},
): Transport {
  return async (name, input) => {
    const plan = httpRequestOf(name, input);
    const res = await fetch(`${baseUrl}${plan.url}`, {
      method: plan.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(plan.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(plan.body !== undefined ? { body: plan.body } : {}),
    });
    const text = await res.text();
    const body: unknown = text === '' ? undefined : JSON.parse(text);
    return httpResultOf(name, input, { status: res.status, statusText: res.statusText, body });
  };
}
