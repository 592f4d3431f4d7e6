import type { Task } from '../task/task.schema.ts';
import { scoreTask, taskScore, type ScoredTask, type ScoreOptions } from '../scoring/score-task.ts';
import { isEligible } from './rank-tasks.ts';
import { compareKeyed, keyed, type Keyed } from './rank-order.ts';

export interface TopTaskPicker {
  /** Scores `task` and keeps it if it is among the best so far (ineligible ones are skipped). */
  add(task: Task): void;
  /** The best `limit`, best first, with their reasons, and how many added were eligible. */
  result(): { ranked: ScoredTask[]; eligible: number };
}

/** Where `k` goes in `sorted` (best first), by binary search. */
function insertionPoint(sorted: readonly Keyed[], k: Keyed): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeyed(sorted[mid]!, k) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Ranks tasks as they come and keeps only the best `limit`: the same answer as
 * rankTasks(all).slice(0, limit), in memory for `limit` tasks. Most tasks lose to the last
 * place on score alone, so tie-break keys are worked out only near the top, and reasons are
 * written only for the tasks kept.
 */
export function topTasks(options: ScoreOptions, limit: number): TopTaskPicker {
  const local = options.calendar.local(options.now);
  const top: Keyed[] = [];
  let eligible = 0;
  return {
    add(task) {
      if (!isEligible(task, options.now)) return;
      eligible++;
      const k = keyed(task, taskScore(task, options, local.date, local.hour), options.calendar);
      if (top.length === limit && (limit === 0 || compareKeyed(k, top[limit - 1]!) >= 0)) return;
      top.splice(insertionPoint(top, k), 0, k);
      if (top.length > limit) top.pop();
    },
    result: () => ({
      ranked: top.map((k) => scoreTask(k.task, options, local.date, local.hour)),
      eligible,
    }),
  };
}

/** The best `limit` eligible tasks, best first, and how many are eligible. */
export function rankTopTasks(
  tasks: readonly Task[],
  options: ScoreOptions,
  limit: number,
): { ranked: ScoredTask[]; eligible: number } {
  const picker = topTasks(options, limit);
  for (const task of tasks) picker.add(task);
  return picker.result();
}
