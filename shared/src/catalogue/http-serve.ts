import { HTTP_STATUS_BY_CODE, type AppError } from '../wire/error-envelope.ts';
import { idempotencyKeyIssue } from '../wire/idempotency-key.ts';
import { validationFailed, type Result } from '../service/result.ts';
import { pathFields } from './http-binding.ts';
import { OPERATIONS, type OperationDef, type OperationName } from './operations.ts';

// A server's side of an operation over REST, read from the catalogue's binding: the
// server's generated routes and the web tests' stand-in both answer through these.

/** The parts of a request an operation reads, whatever the framework. */
export interface HttpRequestParts {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
  header(name: string): string | undefined;
}

export interface OperationRequest {
  /** The operation's input, still to be validated by the operation's own schema. */
  input: Record<string, unknown>;
  /** From the Idempotency-Key header or the idempotency_key body field (writes only). */
  idempotencyKey?: string;
  /** An If-Match header set the input's precondition field: a stale one is a 412. */
  precondition: boolean;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An If-Match or ETag value without its quotes and weak prefix. */
export function unquoteETag(value: string): string {
  return value
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
}

/** The retry key of a write, from the header or (GPT Actions cannot send one) the body. */
function retryKey(
  input: Record<string, unknown>,
  parts: HttpRequestParts,
): Result<string | undefined> {
  const bodyKey = input.idempotency_key;
  delete input.idempotency_key;
  const header = parts.header('idempotency-key');
  const key: unknown = header ?? bodyKey;
  if (key === undefined) return { ok: true, data: undefined };
  const issue = idempotencyKeyIssue(
    key,
    header !== undefined ? 'Idempotency-Key' : 'idempotency_key',
  );
  return issue ? validationFailed([issue]) : { ok: true, data: key as string };
}

const fieldsByPath = new Map<string, string[]>();
function pathFieldsOf(path: string): string[] {
  let fields = fieldsByPath.get(path);
  if (!fields) fieldsByPath.set(path, (fields = pathFields(path)));
  return fields;
}

/** The input of `name` from a request's path, query or body and its headers. */
export function operationRequestOf(
  name: OperationName,
  parts: HttpRequestParts,
): Result<OperationRequest> {
  const op = OPERATIONS[name] as OperationDef;
  const source = op.http.fields === 'query' ? { ...parts.query } : (parts.body ?? {});
  if (!isPlainObject(source)) {
    return validationFailed([
      { field: '', rule: 'type', message: 'The body must be a JSON object' },
    ]);
  }
  const input: Record<string, unknown> = { ...source };
  for (const field of pathFieldsOf(op.http.path)) input[field] = parts.params[field];
  let precondition = false;
  const ifMatch = parts.header('if-match');
  const field = op.http.ifMatch;
  if (ifMatch && ifMatch.trim() !== '*' && field && input[field] === undefined) {
    // If-Match carries the ETag we sent ("<updated_at>"), or a bare updated_at.
    input[field] = unquoteETag(ifMatch);
    precondition = true;
  }
  if (!op.mutates) return { ok: true, data: { input, precondition } };
  const key = retryKey(input, parts);
  if (!key.ok) return key;
  const idempotencyKey = key.data;
  return { ok: true, data: { input, precondition, ...(idempotencyKey ? { idempotencyKey } : {}) } };
}

export interface HttpSuccess {
  status: 200 | 201 | 204;
  /** The created resource's path (201). */
  location?: string;
  /** The output's version, quoted, for ETag. */
  etag?: string;
}

/**
 * Status and headers of a successful answer of `name`. The output is read only when the
 * binding's Location or ETag needs it: a cached list's JSON is never parsed back.
 */
export function httpSuccessOf(name: OperationName, output: () => unknown): HttpSuccess {
  const binding = (OPERATIONS[name] as OperationDef).http;
  const location =
    binding.status === 201 && binding.location ? binding.location(output() as never) : undefined;
  const version = binding.etag?.(output() as never);
  return {
    status: binding.status === 201 && !location ? 200 : binding.status,
    ...(location ? { location } : {}),
    ...(version ? { etag: `"${version}"` } : {}),
  };
}

/**
 * The status of an error answer: the code's, except that a stale precondition sent as
 * If-Match is 412 Precondition Failed, as HTTP defines; the same conflict from a body
 * field (or any other conflict) stays 409.
 */
export function httpErrorStatusOf(error: AppError, request?: { precondition: boolean }): number {
  const details = error.details as { reason?: unknown } | undefined;
  if (error.code === 'conflict' && request?.precondition && details?.reason === 'stale') return 412;
  return HTTP_STATUS_BY_CODE[error.code];
}

/** Whether an If-None-Match header names this ETag (or is *): the client's copy is current. */
export function matchesIfNoneMatch(header: string | undefined, etag: string | undefined): boolean {
  if (!header || !etag) return false;
  if (header.trim() === '*') return true;
  const version = unquoteETag(etag);
  return header.split(',').some((tag) => unquoteETag(tag) === version);
}
