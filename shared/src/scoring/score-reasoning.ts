// The shape of a score's explanation, on its own so that scoring (which fills it) and the
// recommendation sentence (which reads it) both depend on it rather than on each other.

export type DeadlineCase = 'overdue' | 'today' | 'tomorrow' | 'this_week' | 'later' | 'none';

export interface ScoreReasoning {
  deadline: DeadlineCase;
  deadline_urgency: number;
  deadline_urgency_score: number;
  priority: number;
  priority_score: number;
  effort_bonus: number;
  effort_bonus_score: number;
  time_of_day_multiplier: number;
  context_multiplier: number;
  total_score: number;
  recommendation: string;
}
