import { Router, type Request, type Response } from 'express';
import {
  OPERATION_NAMES,
  OPERATIONS,
  operationRequestOf,
  routeOrder,
  type OperationName,
} from '@mindflow/shared';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import { callerOf } from './authenticate.ts';
import { sendError } from './http-errors.ts';
import { sendExecution } from './operation-response.ts';

// Every catalogue operation becomes one route from its HTTP binding, and every route is the
// same three steps: read the input as the binding says, run it as the caller, answer as the
// binding says. A new catalogue entry is served with no change here.

/** The catalogue's routes in the order Express must try them (literal paths first). */
export function operationRouteList(): { name: OperationName; method: string; path: string }[] {
  return OPERATION_NAMES.map((name) => ({ name, ...OPERATIONS[name].http }))
    .sort(routeOrder)
    .map(({ name, method, path }) => ({ name, method, path }));
}

export function operationRoutes(executor: OperationExecutor): Router {
  const router = Router();
  for (const { name, method, path } of operationRouteList()) {
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    router[verb](path, async (req: Request, res: Response) => {
      const request = operationRequestOf(name, {
        params: req.params,
        query: req.query,
        body: req.body as unknown,
        header: (header) => req.get(header),
      });
      if (!request.ok) return sendError(res, request.error);
      const { input, idempotencyKey } = request.data;
      const execution = await executor.run(callerOf(res), name, input, {
        ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
        onError: (error, operation) => req.log.error({ err: error, operation }, 'operation failed'),
      });
      sendExecution(req, res, name, request.data, execution);
    });
  }
  return router;
}
