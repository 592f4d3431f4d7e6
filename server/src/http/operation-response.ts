import type { Request, Response } from 'express';
import {
  httpErrorStatusOf,
  httpSuccessOf,
  matchesIfNoneMatch,
  type OperationName,
  type OperationRequest,
} from '@mindflow/shared';
import type { Execution } from '../operations/operation-executor.ts';

/**
 * An operation's answer as its binding says: 201 with Location for a create, 204 for a
 * delete, the task's ETag (304 to a GET whose If-None-Match still matches), 412 for a stale
 * If-Match, and {error} with its code's status otherwise.
 */
export function sendExecution(
  req: Request,
  res: Response,
  name: OperationName,
  request: OperationRequest,
  execution: Execution,
): void {
  if (execution.replayed) res.setHeader('Idempotent-Replayed', 'true');
  const { result } = execution;
  if (!result.ok) {
    res.status(httpErrorStatusOf(result.error, request)).json({ error: result.error });
    return;
  }
  const success = httpSuccessOf(name, result.data);
  if (success.location) res.setHeader('Location', success.location);
  if (success.etag) {
    res.setHeader('ETag', success.etag);
    if (req.method === 'GET' && matchesIfNoneMatch(req.get('if-none-match'), success.etag)) {
      res.status(304).end();
      return;
    }
  }
  if (success.status === 204) res.status(204).end();
  else if (execution.json !== undefined)
    res.status(success.status).type('json').send(execution.json);
  else res.status(success.status).json(result.data);
}
