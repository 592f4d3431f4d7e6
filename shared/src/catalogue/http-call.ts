import { ErrorBodySchema, errorCodeOfStatus } from '../wire/error-envelope.ts';
import type { Result } from '../service/result.ts';
import type { HttpMethod } from './http-binding.ts';
import { fillPath, formEncode, pathFields } from './http-binding.ts';
import { OPERATIONS, type OperationDef, type OperationName } from './operations.ts';

// A client's side of an operation over REST, read from the catalogue's binding: the web
// dashboard's client and the server's test transport both call through these two.

export interface HttpRequestPlan {
  method: HttpMethod;
  /** Path and query, relative to the server origin: /api/tasks/ranked?limit=5 */
  url: string;
  /** The JSON body, when the operation's fields travel in one. */
  body?: string;
}

/** The request that runs `name` with `input`: path fields in the path, the rest in the query or body. */
export function httpRequestOf(
  name: OperationName,
  input: Record<string, unknown>,
): HttpRequestPlan {
  const { method, path, fields } = (OPERATIONS[name] as OperationDef).http;
  const url = fillPath(path, input);
  const rest: Record<string, unknown> = { ...input };
  for (const field of pathFields(path)) delete rest[field];
  if (fields === 'body') return { method, url, body: JSON.stringify(rest) };
  const search = formEncode(rest);
  return { method, url: search ? `${url}?${search}` : url };
}

/**
 * The Result a response stands for: a 2xx body is the output (a 204 carries none, so the
 * binding rebuilds it from the input); any other status carries {error}, or, from
 * something in between that answered for us (a proxy's error page), its status decides.
 */
export function httpResultOf(
  name: OperationName,
  input: Record<string, unknown>,
  response: { status: number; statusText?: string; body: unknown },
): Result<unknown> {
  const binding = (OPERATIONS[name] as OperationDef).http;
  const { status, body } = response;
  if (status === 204 && binding.noContent) return { ok: true, data: binding.noContent(input) };
  if (status >= 200 && status < 300) return { ok: true, data: body };
  const error = ErrorBodySchema.safeParse(body);
  if (error.success) return { ok: false, error: error.data.error };
  const message = `MindFlow answered HTTP ${status} ${response.statusText ?? ''}`.trim();
  return { ok: false, error: { code: errorCodeOfStatus(status), message } };
}
