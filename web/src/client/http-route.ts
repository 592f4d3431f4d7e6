import { OPERATIONS, type HttpMethod, type OperationName } from '@mindflow/shared';

export interface HttpRequestPlan {
  method: HttpMethod;
  /** Path and query, relative to the server origin: /api/tasks/ranked?limit=5 */
  url: string;
  /** JSON body for POST and PATCH. */
  body?: string;
}

/**
 * The REST route of an operation, read from the catalogue's http metadata exactly as the
 * server generates its routes: `:id` comes from input.id, GET and DELETE carry the rest
 * in the query string, POST and PATCH as a JSON body.
 */
export function planRequest(op: OperationName, input: Record<string, unknown>): HttpRequestPlan {
  const { method, path } = OPERATIONS[op].http;
  const rest: Record<string, unknown> = { ...input };
  const url = path.replace(/:([a-z_]+)/g, (_, name: string) => {
    const value = rest[name];
    delete rest[name];
    return encodeURIComponent(String(value ?? ''));
  });
  if (method === 'POST' || method === 'PATCH') {
    return { method, url, body: JSON.stringify(rest) };
  }
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(rest)) {
    if (value !== undefined && value !== null) query.append(name, String(value));
  }
  const search = query.toString();
  return { method, url: search ? `${url}?${search}` : url };
}
