import type { PlanSettings } from '../planner/plan-settings.ts';
import type { ScoringConfig } from '../scoring/scoring-config.ts';
import type { ScoringContext } from '../scoring/score-task.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';

/** What every handler sees for one execution: a fixed `now`, the user's calendar, ids. */
export interface OperationContext {
  now: number;
  calendar: ZonedCalendar;
  newId: () => string;
  scoring: ScoringConfig;
  /** Lists are cut to stay under this many characters of JSON (GPT Actions: 100 000). */
  maxResponseChars: number;
  scoringContext?: ScoringContext;
  /** The user's working hours, lunch, buffers…: what getDailyPlan plans within. */
  planSettings: PlanSettings;
}
