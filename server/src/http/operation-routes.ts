import { Router, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import {
  intlTimeZone,
  OPERATIONS,
  TaskService,
  type OperationDef,
  type OperationName,
  type Result,
} from '@mindflow/shared';
import type { Caller } from '../accounts/account-repository.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';
import type { DailyPlans } from '../daily-plan/daily-plans.ts';
import { cachedTimeZone } from './cached-time-zone.ts';
import { callerOf } from './authenticate.ts';
import { BestTaskCache, recordingActive } from './best-task-cache.ts';
import { errorBody, STATUS_BY_CODE } from './http-errors.ts';
import { idempotent, type IdempotencyStore, type Outcome } from './idempotency.ts';
import { ListCache } from './list-cache.ts';

// Every catalogue operation becomes one route from its http {method, path}: a new catalogue
// entry is served with no change here. Path parameters come from the path, GET and DELETE
// read the rest of their input from the query string, the others from the JSON body.

export interface OperationRouteDeps {
  stores: TaskStoreFactory;
  idempotency: IdempotencyStore;
  clock: () => number;
  newId: () => string;
  bestCache: BestTaskCache | null;
  listCache: ListCache | null;
  /** getDailyPlan with the caller's calendars. */
  plans: DailyPlans;
}

/** Static paths before parameterised ones, so /api/tasks/best is not read as an id. */
export function routeOrder(a: OperationDef, b: OperationDef): number {
  const params = (op: OperationDef) => (op.http.path.match(/:/g) ?? []).length;
  return params(a) - params(b);
}

function pathParams(path: string): string[] {
  return [...path.matchAll(/:([a-z_]+)/g)].map((m) => m[1]!);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function acceptsField(op: OperationDef, field: string): boolean {
  const shape = (op.input as { shape?: Record<string, unknown> }).shape;
  return shape !== undefined && field in shape;
}

/** The operation's input from path, query or body, and headers that map onto input fields. */
function inputOf(op: OperationDef, req: Request): Record<string, unknown> | null {
  const readsQuery = op.http.method === 'GET' || op.http.method === 'DELETE';
  const source: unknown = readsQuery ? { ...req.query } : (req.body ?? {});
  if (!isPlainObject(source)) return null;
  const input: Record<string, unknown> = { ...source };
  for (const name of pathParams(op.http.path)) input[name] = req.params[name];
  const ifMatch = req.get('if-match');
  if (
    ifMatch &&
    ifMatch !== '*' &&
    acceptsField(op, 'expected_updated_at') &&
    input.expected_updated_at === undefined
  ) {
    // If-Match carries the ETag we sent ("<updated_at>") or a bare updated_at.
    input.expected_updated_at = ifMatch.replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
  }
  return input;
}

function outcomeOf(result: Result<unknown>): Outcome {
  if (!result.ok)
    return { status: STATUS_BY_CODE[result.error.code], body: { error: result.error } };
  const data = result.data as { id?: unknown; updated_at?: unknown } | null;
  const etag =
    typeof data?.updated_at === 'string' && typeof data.id === 'string'
      ? `"${data.updated_at}"`
      : undefined;
  return { status: 200, body: data, ...(etag ? { etag } : {}) };
}

async function listThroughCache(
  cache: ListCache,
  input: Record<string, unknown>,
  caller: Caller,
  service: TaskService,
): Promise<Outcome> {
  const key = ListCache.key(input);
  const hit = cache.get(caller.user.id, caller.taskRevision, key);
  if (hit !== undefined) return { status: 200, body: undefined, json: hit };
  const result = await service.execute('listTasks', input);
  if (!result.ok) return outcomeOf(result);
  const json = JSON.stringify(result.data);
  cache.set(caller.user.id, caller.taskRevision, key, json);
  return { status: 200, body: result.data, json };
}

export function operationRoutes(deps: OperationRouteDeps): Router {
  const router = Router();
  const zones = cachedTimeZone(intlTimeZone);
  const ops = (Object.values(OPERATIONS) as OperationDef[]).sort(routeOrder);

  const onError = (log: Logger) => (error: unknown, operation: string) =>
    log.error({ err: error, operation }, 'operation failed');
  const serviceFor = (
    caller: Caller,
    now: number,
    log: Logger,
    store = deps.stores.forUser(caller),
  ) =>
    new TaskService({
      store,
      clock: () => now,
      newId: deps.newId,
      timeZone: zones,
      zone: caller.settings.time_zone,
      onError: onError(log),
    });

  async function run(
    op: OperationDef,
    input: Record<string, unknown>,
    caller: Caller,
    log: Logger,
  ): Promise<Outcome> {
    const now = deps.clock();
    if (op.name === 'listTasks' && deps.listCache && deps.stores.revisioned) {
      return listThroughCache(deps.listCache, input, caller, serviceFor(caller, now, log));
    }
    if (op.name === 'getDailyPlan') {
      // Only the planner reads the profile and the calendars.
      return outcomeOf(
        await deps.plans.plan({
          user: caller.user,
          settings: caller.settings,
          store: deps.stores.forUser(caller),
          now,
          input,
          onError: onError(log),
        }),
      );
    }
    const cache = op.name === 'getBestTask' && deps.stores.revisioned ? deps.bestCache : null;
    if (!cache || Object.keys(input).length > 0) {
      const service = serviceFor(caller, now, log);
      return outcomeOf(await service.execute(op.name as OperationName, input));
    }
    const zone = caller.settings.time_zone;
    const hit = cache.get(caller.user.id, caller.taskRevision, zone, now);
    if (hit) return outcomeOf(hit);
    const recording = recordingActive(deps.stores.forUser(caller));
    const service = serviceFor(caller, now, log, recording.store);
    const result = await service.execute(op.name as OperationName, input);
    const active = recording.active();
    if (active && (result.ok || result.error.code === 'not_found')) {
      cache.set(
        caller.user.id,
        BestTaskCache.entry(caller.taskRevision, service.calendar, now, active, result),
      );
    }
    return outcomeOf(result);
  }

  async function runIdempotent(
    op: OperationDef,
    input: Record<string, unknown>,
    req: Request,
    res: Response,
  ): Promise<Outcome> {
    const caller = callerOf(res);
    // GPT Actions cannot send headers, so a write may carry its key in the body instead.
    const bodyKey = input.idempotency_key;
    if (op.mutates && bodyKey !== undefined) delete input.idempotency_key;
    const key =
      req.get('idempotency-key') ??
      (op.mutates && bodyKey !== undefined ? String(bodyKey) : undefined);
    if (key === undefined || !op.mutates) return run(op, input, caller, req.log);
    const outcome = await idempotent(deps.idempotency, caller.user.id, key, [op.name, input], () =>
      run(op, input, caller, req.log),
    );
    if (outcome.replayed) res.setHeader('Idempotent-Replayed', 'true');
    return outcome;
  }

  for (const op of ops) {
    const method = op.http.method.toLowerCase() as 'get' | 'post' | 'patch' | 'delete';
    router[method](op.http.path, async (req: Request, res: Response) => {
      const input = inputOf(op, req);
      const outcome: Outcome =
        input === null
          ? {
              status: 400,
              body: errorBody('validation_failed', 'The body must be a JSON object', [
                { field: '', rule: 'type', message: 'The body must be a JSON object' },
              ]),
            }
          : await runIdempotent(op, input, req, res);
      if (outcome.etag) res.setHeader('ETag', outcome.etag);
      if (outcome.json !== undefined) res.status(outcome.status).type('json').send(outcome.json);
      else res.status(outcome.status).json(outcome.body);
    });
  }
  return router;
}
