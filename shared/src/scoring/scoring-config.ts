import type { Task } from '../task/task.schema.ts';

/**
 * Every coefficient of the score in one object, the way Taskwarrior exposes its urgency
 * coefficients. The defaults are the MindFlow Phase 6 formula (docs/scoring.md).
 */
export interface ScoringConfig {
  weights: { deadline: number; priority: number; effort: number };
  urgency: {
    overdue: number;
    today: number;
    tomorrow: number;
    /** Due in 2 to 6 days. */
    this_week: number;
    later: number;
    none: number;
  };
  /** Effort bonus by estimate, checked in order: the first `max_minutes` that holds wins. */
  effort: { max_minutes: number; bonus: number }[];
  effort_longer: number;
  effort_none: number;
  time_of_day: {
    match: number;
    mismatch: number;
    none: number;
    /** Local hour windows, [start, end). */
    windows: Record<NonNullable<Task['preferred_time']>, readonly [number, number]>;
  };
  context: { fits: number; does_not_fit: number; unknown: number };
}

export const DEFAULT_SCORING: ScoringConfig = {
  weights: { deadline: 40, priority: 10, effort: 10 },
  urgency: { overdue: 1.25, today: 1.0, tomorrow: 0.75, this_week: 0.5, later: 0.25, none: 0 },
  effort: [
    { max_minutes: 15, bonus: 1.0 },
    { max_minutes: 30, bonus: 0.75 },
    { max_minutes: 60, bonus: 0.5 },
  ],
  effort_longer: 0.25,
  effort_none: 0,
  time_of_day: {
    match: 1.1,
    mismatch: 0.9,
    none: 1.0,
    windows: { morning: [6, 12], afternoon: [12, 18], evening: [18, 22] },
  },
  context: { fits: 1.1, does_not_fit: 0.9, unknown: 1.0 },
};

/** The highest score any task can reach under `config`: the upper bound property tests use. */
export function maxScore(config: ScoringConfig = DEFAULT_SCORING): number {
  const u = config.urgency;
  const maxUrgency = Math.max(u.overdue, u.today, u.tomorrow, u.this_week, u.later, u.none);
  const maxEffort = Math.max(
    config.effort_longer,
    config.effort_none,
    ...config.effort.map((e) => e.bonus),
  );
  const tod = config.time_of_day;
  const ctx = config.context;
  return (
    (maxUrgency * config.weights.deadline +
      5 * config.weights.priority +
      maxEffort * config.weights.effort) *
    Math.max(tod.match, tod.mismatch, tod.none) *
    Math.max(ctx.fits, ctx.does_not_fit, ctx.unknown)
  );
}
