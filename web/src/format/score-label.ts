import { scoreLabel, scoreOnScale } from '@mindflow/shared';

// A score is shown with its scale ("107 / 133") or as a bar, never bare: the shared
// scoreOnScale gives both the words and the fraction a <meter> or a bar needs.
export { scoreLabel, scoreOnScale };

/** What a screen reader says for a score: "score 107 out of 133". */
export function scoreAriaLabel(score: number): string {
  const s = scoreOnScale(score);
  return `score ${s.value} out of ${s.max}`;
}
