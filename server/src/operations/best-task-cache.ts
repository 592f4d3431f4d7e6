import {
  rankingValidUntil,
  ZonedCalendar,
  type Result,
  type Task,
  type TaskStore,
  type TimeZonePort,
  visitActive,
} from '@mindflow/shared';
import {
  forOperation,
  type Execution,
  type ExecutorLayer,
  type OperationCall,
} from './operation-executor.ts';

// "What should I do next?" is the hot read. Its answer changes only when a task changes (the
// user's task_revision moves, whichever server wrote) or at an instant rankingValidUntil
// names (midnight, a time-of-day edge, a snooze ending, a timed due passing). So the answer
// computed at `from` is replayed for any `now` in [from, until) while the revision and
// the zone are the same; anything else recomputes through the service.

interface Entry {
  revision: number;
  zone: string;
  from: number;
  until: number;
  result: Result<unknown>;
  /** The answer as JSON, made at its first replay and sent as it is after. */
  json?: string;
}

export class BestTaskCache {
  private readonly entries = new Map<string, Entry>();
  private readonly maxUsers: number;
  /** Answers replayed and recomputed, for tests and metrics. */
  hits = 0;
  misses = 0;

  constructor(maxUsers = 10_000) {
    this.maxUsers = maxUsers;
  }

  get(userId: string, revision: number, zone: string, now: number): Entry | undefined {
    const e = this.peek(userId, revision, zone, now);
    if (e) this.hits++;
    else this.misses++;
    return e;
  }

  /** The entry if it holds, without counting a miss (a look ahead of the queue). */
  peek(userId: string, revision: number, zone: string, now: number): Entry | undefined {
    const e = this.entries.get(userId);
    if (!e || e.revision !== revision || e.zone !== zone || now < e.from || now >= e.until) {
      return undefined;
    }
    return e;
  }

  set(userId: string, entry: Entry): void {
    this.entries.delete(userId);
    if (this.entries.size >= this.maxUsers) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(userId, entry);
  }

  /** The entry for an answer computed at `now` from exactly `tasks`. */
  static entry(
    revision: number,
    calendar: ZonedCalendar,
    now: number,
    tasks: readonly Task[],
    result: Result<unknown>,
  ): Entry {
    return {
      revision,
      zone: calendar.zone,
      from: now,
      until: rankingValidUntil(tasks, now, calendar),
      result,
    };
  }
}

/**
 * Wraps a store to work out, from the open tasks a ranking read (all at once or page by
 * page), until when that ranking stays exact: the minimum of rankingValidUntil over the
 * pages is rankingValidUntil of them all. No task is kept.
 */
export function recordingActive(
  store: TaskStore,
  calendar: ZonedCalendar,
  now: number,
): {
  store: TaskStore;
  /** null when the ranking read no open tasks (it failed before, or did not rank). */
  validUntil: () => number | null;
} {
  let until: number | null = null;
  const seen = (tasks: readonly Task[]) => {
    const u = rankingValidUntil(tasks, now, calendar);
    until = until === null ? u : Math.min(until, u);
  };
  const wrapped: TaskStore = {
    get: (id) => store.get(id),
    list: (q) => store.list(q),
    listActive: async () => {
      const all = await store.listActive();
      seen(all);
      return all;
    },
    scanActive: async (visit) => {
      // An empty list still bounds the answer: at the next midnight.
      seen([]);
      await visitActive(store, (page) => {
        seen(page);
        visit(page);
      });
    },
    insert: (t) => store.insert(t),
    update: (t, e) => store.update(t, e),
    delete: (id) => store.delete(id),
    upsertMany: (ts) => store.upsertMany(ts),
  };
  return { store: wrapped, validUntil: () => until };
}

/** A hit's execution: the answer, and its JSON made once. */
function replay(hit: Entry): Execution | undefined {
  if (!hit.result.ok) return undefined;
  hit.json ??= JSON.stringify(hit.result.data);
  return { result: hit.result, replayed: false, json: hit.json };
}

/** The call getBestTask caches: no input (anything else is for the service to refuse). */
function cacheable(call: OperationCall): boolean {
  const input = call.input as Record<string, unknown> | null | undefined;
  return !input || Object.keys(input).length === 0;
}

/**
 * The cache's hits, answered ahead of the one-ranking-per-user queue: a replay ranks
 * nothing, so it need not wait behind another request's ranking (with many connections of
 * one user, every hit used to). A miss goes on to the queue and then to cachedBestTask,
 * which looks again: the ranking it waited for may have filled the entry.
 */
export function bestTaskHits(cache: BestTaskCache): ExecutorLayer {
  return forOperation('getBestTask', async (call, next) => {
    if (!cacheable(call)) return next(call);
    const { user, settings } = call.caller;
    const hit = cache.peek(user.id, await call.caller.taskRevision(), settings.time_zone, call.now);
    if (hit) cache.hits++;
    return (hit && replay(hit)) ?? next(call);
  });
}

/**
 * getBestTask through the cache: a hit replays the answer; a miss ranks through the layers
 * below, on a store that remembers the tasks ranked, and keeps the answer until it expires.
 */
export function cachedBestTask(cache: BestTaskCache, timeZone: TimeZonePort): ExecutorLayer {
  return forOperation('getBestTask', async (call, next) => {
    if (!cacheable(call)) return next(call);
    const { user, settings } = call.caller;
    const taskRevision = await call.caller.taskRevision();
    const hit = cache.get(user.id, taskRevision, settings.time_zone, call.now);
    const replayed = hit && replay(hit);
    if (replayed) return replayed;
    const calendar = new ZonedCalendar(timeZone, settings.time_zone);
    const recording = recordingActive(call.store, calendar, call.now);
    const execution = await next({ ...call, store: recording.store });
    const until = recording.validUntil();
    if (until !== null && execution.result.ok) {
      cache.set(user.id, {
        revision: taskRevision,
        zone: calendar.zone,
        from: call.now,
        until,
        result: execution.result,
      });
    }
    return execution;
  });
}
