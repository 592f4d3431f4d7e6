import type { OperationName } from '@mindflow/shared';
import type { ExecutorLayer } from './operation-executor.ts';

/** The reads that rank every open task of the user: the costly ones. */
const RANKING: ReadonlySet<OperationName> = new Set(['getBestTask', 'rankTasks', 'getDailyPlan']);

/**
 * One ranking at a time per user: a user asking for best, ranked and plan over a long list
 * from many connections at once gets them one after another, so their share of the event
 * loop (and of memory: one page of tasks) is that of one request, and other users' requests
 * are served between its pages. Other operations, and other users, never wait here.
 * A queued call reads the tasks as they are when it runs, so it is never older than asked.
 */
export function oneRankingPerUser(): ExecutorLayer {
  const tails = new Map<string, Promise<void>>();
  return (next) => async (call) => {
    if (!RANKING.has(call.name)) return next(call);
    const user = call.caller.user.id;
    const run = (tails.get(user) ?? Promise.resolve()).then(() => next(call));
    const tail = run.then(
      () => undefined,
      () => undefined,
    );
    tails.set(user, tail);
    try {
      return await run;
    } finally {
      if (tails.get(user) === tail) tails.delete(user);
    }
  };
}
