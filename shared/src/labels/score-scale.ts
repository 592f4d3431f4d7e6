import { DEFAULT_SCORING, maxScore, type ScoringConfig } from '../scoring/scoring-config.ts';

// A score means little bare ("107.5" of what?), so wherever a person reads one it comes with
// its scale: the highest score the formula can give (overdue, P1, quick, in its window, and
// fitting the free time), or as a bar of that length (`fraction`).

export interface ScoreOnScale {
  /** The score rounded to a whole point, for reading. */
  value: number;
  /** The scale's top, rounded likewise. */
  max: number;
  /** 0…1, for a bar or a meter element. */
  fraction: number;
}

export function scoreOnScale(score: number, config: ScoringConfig = DEFAULT_SCORING): ScoreOnScale {
  const top = maxScore(config);
  return {
    value: Math.round(score),
    max: Math.round(top),
    fraction: Math.min(1, Math.max(0, score / top)),
  };
}

/** 107.25 → "107 / 133". */
export function scoreLabel(score: number, config?: ScoringConfig): string {
  const s = scoreOnScale(score, config);
  return `${s.value} / ${s.max}`;
}
