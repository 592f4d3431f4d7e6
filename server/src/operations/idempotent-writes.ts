import {
  fail,
  HTTP_STATUS_BY_CODE,
  idempotencyKeyIssue,
  OPERATIONS,
  validationFailed,
  type AppError,
  type Result,
} from '@mindflow/shared';
import { requestHash, type IdempotencyStore } from './idempotency-store.ts';
import { executed, type ExecutorLayer } from './operation-executor.ts';

// A write with a retry key runs once per (user, key): a retry of the same request gets the
// stored answer, one with a different request a conflict. Failures on our side (internal,
// unavailable) are not remembered, so a retry may succeed.

/** How an answer is kept: a status column and a JSON body, as REST would send it. */
function stored(result: Result<unknown>): { status: number; body: unknown } {
  return result.ok
    ? { status: 200, body: result.data }
    : { status: HTTP_STATUS_BY_CODE[result.error.code], body: { error: result.error } };
}

function restored(status: number, body: unknown): Result<unknown> {
  if (status < 400) return { ok: true, data: body };
  return { ok: false, error: (body as { error: AppError }).error };
}

export function idempotentWrites(store: IdempotencyStore): ExecutorLayer {
  return (next) => async (call) => {
    const key = call.idempotencyKey;
    if (key === undefined || !OPERATIONS[call.name].mutates) return next(call);
    const issue = idempotencyKeyIssue(key, 'idempotency_key');
    if (issue) return executed(validationFailed([issue]));
    const userId = call.caller.user.id;
    const claim = await store.claim(userId, key, requestHash([call.name, call.input]));
    if (claim.kind === 'replay') {
      return { result: restored(claim.status, claim.body), replayed: true };
    }
    if (claim.kind !== 'new') {
      const message =
        claim.kind === 'mismatch'
          ? 'This idempotency key was used with a different request'
          : 'A request with this idempotency key is still running; retry shortly';
      return executed(fail('conflict', message, { idempotency_key: key, reason: claim.kind }));
    }
    let execution;
    try {
      execution = await next(call);
    } catch (error) {
      await store.release(userId, key);
      throw error;
    }
    const { result } = execution;
    const ours =
      !result.ok && (result.error.code === 'internal' || result.error.code === 'unavailable');
    if (ours) await store.release(userId, key);
    else {
      const { status, body } = stored(result);
      await store.complete(userId, key, status, body);
    }
    return execution;
  };
}
