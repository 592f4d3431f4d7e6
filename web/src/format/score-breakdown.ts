import { scoreOnScale, type DeadlineCase, type ScoreReasoning } from '@mindflow/shared';
import { priorityLabel } from './priority-label.ts';

const DEADLINES: Record<DeadlineCase, string> = {
  overdue: 'Overdue',
  today: 'Due today',
  tomorrow: 'Due tomorrow',
  this_week: 'Due this week',
  later: 'Due later',
  none: 'No deadline',
};

export interface BreakdownRow {
  factor: string;
  /** "+40", "× 1.1" — points add up, multipliers scale the sum. */
  effect: string;
}

function points(n: number): string {
  return n < 0 ? `−${Math.abs(n)}` : `+${n}`;
}

/** The score formula's terms, in the order docs/scoring.md writes them. */
export function scoreBreakdown(r: ScoreReasoning): BreakdownRow[] {
  const rows: BreakdownRow[] = [
    { factor: `Deadline: ${DEADLINES[r.deadline]}`, effect: points(r.deadline_urgency_score) },
    { factor: `Priority ${priorityLabel(r.priority)}`, effect: points(r.priority_score) },
    { factor: 'Effort', effect: points(r.effort_bonus_score) },
    { factor: 'Time of day', effect: `× ${r.time_of_day_multiplier}` },
  ];
  if (r.context_multiplier !== 1) {
    rows.push({ factor: 'Free time now', effect: `× ${r.context_multiplier}` });
  }
  // The exact sum, with the scale it is on.
  rows.push({ factor: 'Score', effect: `${r.total_score} / ${scoreOnScale(r.total_score).max}` });
  return rows;
}
