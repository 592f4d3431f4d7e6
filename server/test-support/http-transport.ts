import { OPERATIONS, type OperationDef, type Result } from '@mindflow/shared';
import type { Transport } from '@mindflow/shared/testing';

// The scenario suite's transport over HTTP, generated from the catalogue's http metadata as
// the routes are: path parameters from the input, GET/DELETE inputs as the query string,
// the rest as a JSON body; a non-2xx answer becomes {ok:false, error: body.error}.

export function httpTransport(
  baseUrl: string,
  token: string,
  headers: Record<string, string> = {},
): Transport {
  return async (name, input) => {
    const op = OPERATIONS[name] as OperationDef;
    const rest: Record<string, unknown> = { ...input };
    const path = op.http.path.replace(/:([a-z_]+)/g, (_m, param: string) => {
      const value = rest[param];
      delete rest[param];
      return encodeURIComponent(String(value));
    });
    const inQuery = op.http.method === 'GET' || op.http.method === 'DELETE';
    const query = inQuery
      ? new URLSearchParams(
          Object.entries(rest).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString()
      : '';
    const res = await fetch(`${baseUrl}${path}${query ? `?${query}` : ''}`, {
      method: op.http.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(inQuery ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(inQuery ? {} : { body: JSON.stringify(rest) }),
    });
    const body = (await res.json()) as {
      error?: Result<never> extends { ok: false; error: infer E } ? E : never;
    };
    if (res.ok) return { ok: true, data: body };
    return { ok: false, error: body.error! };
  };
}
