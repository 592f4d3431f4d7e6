import type { Task } from '../task/task.schema.ts';
import type { DeadlineCase, ScoreReasoning } from './score-reasoning.ts';

export interface RecommendationContext {
  /** Whether the estimate fits the free time before the next meeting; null when unknown. */
  contextFits: boolean | null;
  /** "10:30": when the next busy block starts, if known. */
  nextBusy: string | null;
  freeMinutes: number | null;
}

type Band = 'top' | 'high' | 'normal';

const LEADS: Record<DeadlineCase, Record<Band, string>> = {
  overdue: {
    top: 'Overdue and top priority — do this first',
    high: 'Overdue with high priority — do this first',
    normal: 'Overdue — clear it before it slips further',
  },
  today: {
    top: 'Due today and top priority — do this now',
    high: 'Due today with high priority — good time to tackle this',
    normal: 'Due today — get it done before the day ends',
  },
  tomorrow: {
    top: 'Due tomorrow and top priority — get ahead of it now',
    high: 'Due tomorrow with high priority — get ahead of it',
    normal: 'Due tomorrow — worth starting today',
  },
  this_week: {
    top: 'Due this week and top priority — make real progress today',
    high: 'Due this week with high priority — plan time for it',
    normal: 'Due this week — keep it moving',
  },
  later: {
    top: 'Top priority with time to spare — make steady progress',
    high: 'Important but not urgent — make steady progress',
    normal: 'Not urgent — fine for a spare moment',
  },
  none: {
    top: 'Top priority with no deadline — protect time for it',
    high: 'High priority with no deadline — a good focus task',
    normal: 'No deadline — pick it up when it fits',
  },
};

/** One deterministic sentence from the factors that carried the score. */
export function recommend(task: Task, r: ScoreReasoning, ctx: RecommendationContext): string {
  const band: Band = task.priority >= 5 ? 'top' : task.priority === 4 ? 'high' : 'normal';
  const clauses: string[] = [];
  if (r.effort_bonus_score > 0 && task.effort_minutes !== null && task.effort_minutes <= 15) {
    clauses.push(`a quick win at ${task.effort_minutes} min`);
  }
  if (task.preferred_time !== null && r.time_of_day_multiplier > 1) {
    clauses.push(`right time of day for it (${task.preferred_time})`);
  } else if (task.preferred_time !== null && r.time_of_day_multiplier < 1) {
    clauses.push(`better in the ${task.preferred_time}`);
  }
  if (ctx.contextFits === true) {
    clauses.push(
      ctx.nextBusy ? `fits before your ${ctx.nextBusy} meeting` : 'fits in your free time now',
    );
  } else if (ctx.contextFits === false && ctx.freeMinutes !== null) {
    clauses.push(`needs ${task.effort_minutes} min but only ${ctx.freeMinutes} min are free now`);
  }
  return clauses.length === 0
    ? LEADS[r.deadline][band]
    : `${LEADS[r.deadline][band]}; ${clauses.join('; ')}`;
}
