import {
  Router,
  type NextFunction,
  type Request,
  type RequestHandler,
  type Response,
} from 'express';
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

type OperationHandler = (req: Request, res: Response) => Promise<void>;

function operationHandler(executor: OperationExecutor, name: OperationName): OperationHandler {
  return async (req, res) => {
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
  };
}

export function operationRoutes(executor: OperationExecutor): Router {
  const router = Router();
  for (const { name, method, path } of operationRouteList()) {
    const verb = method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    router[verb](path, operationHandler(executor, name));
  }
  return router;
}

/** A path as segments: a literal (lower case) or a parameter's name. */
type Segment = { literal: string } | { param: string };

function segmentsOf(path: string): Segment[] | null {
  const parts = path.split('/');
  const out: Segment[] = [];
  for (const part of parts) {
    if (/^:[a-z_]+$/i.test(part)) out.push({ param: part.slice(1) });
    else if (/^[\w.-]*$/.test(part)) out.push({ literal: part.toLowerCase() });
    else return null; // a wildcard or an optional group: it may match anything
  }
  return out;
}

/** Whether some request path could match both patterns. */
function mayOverlap(a: Segment[], b: Segment[] | null): boolean {
  if (b === null) return true;
  if (a.length !== b.length) return false;
  return a.every((s, i) => {
    const t = b[i]!;
    return !('literal' in s && 'literal' in t) || s.literal === t.literal;
  });
}

interface TableRoute {
  segments: Segment[];
  handler: OperationHandler;
}

export interface FastPathOptions {
  /** What runs before the handler under /api: session cookie, authentication, limit. */
  guard: readonly RequestHandler[];
  /** Every other documented route: an operation route one of them may shadow stays out. */
  others: readonly { method: string; path: string }[];
}

/**
 * The catalogue's routes found by one table lookup, ahead of the routers. Through Express's
 * stack a task request was tried against every router mounted before the operations (about
 * a hundred path patterns) before its own; here it is found by method and segment count,
 * and runs the same guard and handler. Matching is Express's: literals case-insensitive, one
 * trailing slash allowed, parameters one non-empty segment, decoded. What the table does not
 * hold (HEAD, an operation another route may shadow, anything else) goes on down the stack,
 * where operationRoutes() still serves it exactly as before.
 */
export function operationFastPath(
  executor: OperationExecutor,
  options: FastPathOptions,
): RequestHandler {
  const others = options.others.map((o) => ({ method: o.method, segments: segmentsOf(o.path) }));
  const table = new Map<string, TableRoute[]>();
  for (const { name, method, path } of operationRouteList()) {
    const segments = segmentsOf(path)!;
    if (others.some((o) => o.method === method && mayOverlap(segments, o.segments))) continue;
    const key = `${method} ${segments.length}`;
    const routes = table.get(key) ?? [];
    routes.push({ segments, handler: operationHandler(executor, name) });
    table.set(key, routes);
  }
  const guard = options.guard;

  const match = (method: string, path: string) => {
    const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
    const parts = trimmed.split('/');
    const routes = table.get(`${method} ${parts.length}`);
    if (!routes) return null;
    next: for (const route of routes) {
      const params: Record<string, string> = {};
      for (let i = 0; i < parts.length; i++) {
        const segment = route.segments[i]!;
        const part = parts[i]!;
        if ('literal' in segment) {
          if (part.length !== segment.literal.length || part.toLowerCase() !== segment.literal)
            continue next;
        } else if (part === '') continue next;
        else params[segment.param] = decodeURIComponent(part);
      }
      return { route, params };
    }
    return null;
  };

  return (req, res, next) => {
    const found = match(req.method, req.path);
    if (!found) return next();
    req.params = found.params;
    const step = (i: number) => (error?: unknown) => {
      if (error !== undefined && error !== null) return next(error);
      const handler = guard[i];
      const result = handler
        ? (handler(req, res, step(i + 1) as NextFunction) as unknown)
        : found.route.handler(req, res);
      if (result instanceof Promise) result.catch(next);
    };
    step(0)();
  };
}
