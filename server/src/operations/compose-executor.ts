import type { TimeZonePort } from '@mindflow/shared';
import type { DailyPlans } from '../daily-plan/daily-plans.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';
import { BestTaskCache, bestTaskHits, cachedBestTask } from './best-task-cache.ts';
import { plannedWithCalendars } from './daily-plan-layer.ts';
import type { IdempotencyStore } from './idempotency-store.ts';
import { idempotentWrites } from './idempotent-writes.ts';
import { oneRankingPerUser } from './one-ranking-per-user.ts';
import { cachedLists, ListCache } from './list-cache.ts';
import { OperationExecutor, layered, type ExecutorLayer } from './operation-executor.ts';
import { taskServiceExecute } from './task-service-execute.ts';

export interface ExecutorDeps {
  stores: TaskStoreFactory;
  idempotency: IdempotencyStore;
  plans: DailyPlans;
  clock: () => number;
  newId: () => string;
  /** Built once for the process (cachedTimeZone), so offsets are computed once per zone. */
  timeZone: TimeZonePort;
  /** Default: on. null: off (tests comparing against a fresh ranking). */
  bestCache?: BestTaskCache | null;
  listCache?: ListCache | null;
}

/**
 * The server's executor, built once at boot: retries made safe outermost (a replay must
 * not touch anything below), then the planner's calendars, then the caches, then the
 * TaskService. Caches need every write to move the user's task_revision, which a Sheet
 * edited by hand does not.
 */
export function composeExecutor(deps: ExecutorDeps): OperationExecutor {
  const bestCache = deps.bestCache === undefined ? new BestTaskCache() : deps.bestCache;
  const listCache = deps.listCache === undefined ? new ListCache() : deps.listCache;
  const caches: ExecutorLayer[] = deps.stores.revisioned
    ? [
        ...(bestCache ? [cachedBestTask(bestCache, deps.timeZone)] : []),
        ...(listCache ? [cachedLists(listCache)] : []),
      ]
    : [];
  const execute = layered(taskServiceExecute(deps), [
    idempotentWrites(deps.idempotency),
    // A replayed best answer ranks nothing: it does not queue behind a ranking.
    ...(deps.stores.revisioned && bestCache ? [bestTaskHits(bestCache)] : []),
    oneRankingPerUser(),
    plannedWithCalendars(deps.plans),
    ...caches,
  ]);
  return new OperationExecutor({ stores: deps.stores, clock: deps.clock, execute });
}
