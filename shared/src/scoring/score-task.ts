import type { Task } from '../task/task.schema.ts';
import { parseDue } from '../task/task-time.ts';
import { daysBetween, pad } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import { DEFAULT_SCORING, type ScoringConfig } from './scoring-config.ts';
import { recommend } from './recommendation.ts';
import type { DeadlineCase, ScoreReasoning } from './score-reasoning.ts';

/** Optional calendar context (docs/scoring.md, "Calendar context"). */
export interface ScoringContext {
  /** Minutes from now until the next busy block or the end of working hours. */
  free_minutes_now: number;
  /** Start of that next busy block, to say "fits before your 10:30 meeting". */
  next_busy_start?: number;
}

export interface ScoredTask {
  task: Task;
  score: number;
  reasoning: ScoreReasoning;
}

export interface ScoreOptions {
  now: number;
  calendar: ZonedCalendar;
  config?: ScoringConfig;
  context?: ScoringContext;
}

/** Rounds half away from zero to 2 decimals, ignoring float noise: 80 × 1.1 is 88. */
export function round2(x: number): number {
  // Scores are sums and products of factors with at most a few decimals, so anything
  // within 1e-7 of a half-cent is that half-cent blurred by binary floating point.
  return (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-7)) / 100 || 0;
}

export function deadlineCase(
  due: string | null,
  now: number,
  calendar: ZonedCalendar,
  today = calendar.localDate(now),
): DeadlineCase {
  if (due === null) return 'none';
  const p = parseDue(due);
  if (!p) return 'none';
  // A date-only due is overdue from the first instant of the next local day; a timed due
  // one millisecond after its moment.
  const dueDate = p.kind === 'date' ? p.date : calendar.localDate(p.ms);
  // Counted once: ranking asks this for every task.
  const days = daysBetween(today, dueDate);
  if (p.kind === 'instant' ? now > p.ms : days < 0) return 'overdue';
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days <= 6) return 'this_week';
  return 'later';
}

export function effortBonus(
  effort: number | null,
  config: ScoringConfig = DEFAULT_SCORING,
): number {
  if (effort === null) return config.effort_none;
  for (const step of config.effort) if (effort <= step.max_minutes) return step.bonus;
  return config.effort_longer;
}

export function timeOfDayMultiplier(
  preferred: Task['preferred_time'],
  localHour: number,
  config: ScoringConfig = DEFAULT_SCORING,
): number {
  const tod = config.time_of_day;
  if (preferred === null) return tod.none;
  const [start, end] = tod.windows[preferred];
  return localHour >= start && localHour < end ? tod.match : tod.mismatch;
}

function contextMultiplier(task: Task, config: ScoringConfig, context?: ScoringContext): number {
  if (!context || task.effort_minutes === null) return config.context.unknown;
  return task.effort_minutes <= context.free_minutes_now
    ? config.context.fits
    : config.context.does_not_fit;
}

interface Factors {
  deadline: DeadlineCase;
  urgency: number;
  effort: number;
  tod: number;
  ctx: number;
  total: number;
}

/** The formula's factors and its total: the one place the score is worked out. */
function scoreFactors(
  task: Task,
  options: ScoreOptions,
  today: string | undefined,
  localHour: number | undefined,
): Factors {
  const { now, calendar, context } = options;
  const config = options.config ?? DEFAULT_SCORING;
  const w = config.weights;
  const deadline = deadlineCase(task.due, now, calendar, today);
  const urgency = config.urgency[deadline];
  const effort = effortBonus(task.effort_minutes, config);
  const hour = localHour ?? calendar.local(now).hour;
  const tod = timeOfDayMultiplier(task.preferred_time, hour, config);
  const ctx = contextMultiplier(task, config, context);
  const total = round2(
    (urgency * w.deadline + task.priority * w.priority + effort * w.effort) * tod * ctx,
  );
  return { deadline, urgency, effort, tod, ctx, total };
}

/**
 * The score alone, equal to scoreTask(...).score: for ranking many tasks of which only the
 * best few need their reasons written.
 */
export function taskScore(
  task: Task,
  options: ScoreOptions,
  today?: string,
  localHour?: number,
): number {
  return scoreFactors(task, options, today, localHour).total;
}

/**
 * score = (urgency × 40 + priority × 10 + effort_bonus × 10) × time_of_day × context,
 * with every factor and the sentence that explains it.
 */
export function scoreTask(
  task: Task,
  options: ScoreOptions,
  today?: string,
  localHour?: number,
): ScoredTask {
  const { calendar, context } = options;
  const w = (options.config ?? DEFAULT_SCORING).weights;
  const { deadline, urgency, effort, tod, ctx, total } = scoreFactors(
    task,
    options,
    today,
    localHour,
  );
  const deadlineScore = round2(urgency * w.deadline);
  const priorityScore = round2(task.priority * w.priority);
  const effortScore = round2(effort * w.effort);
  const reasoning: ScoreReasoning = {
    deadline,
    deadline_urgency: urgency,
    deadline_urgency_score: deadlineScore,
    priority: task.priority,
    priority_score: priorityScore,
    effort_bonus: effort,
    effort_bonus_score: effortScore,
    time_of_day_multiplier: tod,
    context_multiplier: ctx,
    total_score: total,
    recommendation: '',
  };
  reasoning.recommendation = recommend(task, reasoning, {
    contextFits:
      context && task.effort_minutes !== null
        ? task.effort_minutes <= context.free_minutes_now
        : null,
    nextBusy:
      context?.next_busy_start === undefined ? null : clockTime(calendar, context.next_busy_start),
    freeMinutes: context?.free_minutes_now ?? null,
  });
  return { task, score: total, reasoning };
}

function clockTime(calendar: ZonedCalendar, instant: number): string {
  const l = calendar.local(instant);
  return `${pad(l.hour, 2)}:${pad(l.minute, 2)}`;
}
