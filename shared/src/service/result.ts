// Expected failures are values with stable codes; hosts map them to HTTP status (server)
// or to the {ok:false,error} envelope (Apps Script). Throwing is reserved for bugs.

import type { AppError, ErrorCode, FieldIssue } from '../wire/error-envelope.ts';

export type Result<T> = { ok: true; data: T } | { ok: false; error: AppError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(
  code: ErrorCode,
  message: string,
  details?: AppError['details'],
): Result<T> {
  return details === undefined
    ? { ok: false, error: { code, message } }
    : { ok: false, error: { code, message, details } };
}

export function validationFailed<T = never>(issues: FieldIssue[]): Result<T> {
  const first = issues[0];
  const message =
    issues.length === 1 && first
      ? first.message
      : `${issues.length} fields are invalid: ${issues.map((i) => i.field || '(body)').join(', ')}`;
  return fail('validation_failed', message, issues);
}

/**
 * Thrown by a store adapter when its backend cannot be reached; the service turns it into
 * an `unavailable` result so callers can retry instead of seeing an internal error.
 */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Thrown by a store adapter when a write would pass one of its documented limits (e.g. the
 * open tasks a user may have); the service turns it into a `conflict` result with this
 * message, which says the limit and what to do.
 */
export class StoreLimitError extends Error {
  readonly details: Record<string, unknown>;
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'StoreLimitError';
    this.details = details;
  }
}
