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
  if (execution.replayed) res.setHeader('idempotent-replayed', 'true');
  // A cached answer (json) is a success, and its value is read only if a header needs it.
  if (execution.json === undefined && !execution.result.ok) {
    const { error } = execution.result;
    res.status(httpErrorStatusOf(error, request)).json({ error });
    return;
  }
  const output = () => (execution.result as { data: unknown }).data;
  const success = httpSuccessOf(name, output);
  if (success.location) res.setHeader('location', success.location);
  if (success.etag) {
    res.setHeader('etag', success.etag);
    if (req.method === 'GET' && matchesIfNoneMatch(req.get('if-none-match'), success.etag)) {
      res.status(304).end();
      return;
    }
  }
  if (success.status === 204) res.status(204).end();
  else sendJson(req, res, success.status, execution.json ?? JSON.stringify(output()));
}

/**
 * A JSON body with the headers Express's res.json gives it (type with charset, length; no
 * body to HEAD), written directly: res.json re-parses the Content-Type it has just set and
 * looks the length up again, per answer, on the path every task request takes. Header
 * names are in lower case here, as Node keys them (so they are not copied to be keyed).
 */
function sendJson(req: Request, res: Response, status: number, json: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(json));
  res.end(req.method === 'HEAD' ? undefined : json);
}
