// Which task a person means by a few words of its title: "done with the report" → “Write the
// Q3 report”. Tolerant of one typo per word; when two titles fit about as well, it answers
// both so the assistant asks which, instead of guessing.

export interface Titled {
  id: string;
  title: string;
}

export type TitleMatch<T extends Titled> =
  { kind: 'one'; task: T } | { kind: 'many'; tasks: T[] } | { kind: 'none' };

const STOP = new Set(['the', 'a', 'an', 'my', 'task', 'to', 'of', 'for', 'on', 'with', 'and']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s#-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w !== '' && !STOP.has(w));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

function wordFits(q: string, t: string): boolean {
  if (q === t) return true;
  if (q.length >= 3 && t.startsWith(q)) return true;
  if (t.length >= 4 && q.startsWith(t)) return true; // "reports" for "report"
  const allowed = q.length >= 8 ? 2 : 1;
  // The length gap bounds the distance: long words never pay for a full comparison.
  return q.length >= 4 && Math.abs(q.length - t.length) <= allowed && editDistance(q, t) <= allowed;
}

/** 0 (no fit) … 3 (the same title). */
export function titleScore(query: string, title: string): number {
  const q = words(query);
  const t = words(title);
  if (q.length === 0 || t.length === 0) return 0;
  if (q.join(' ') === t.join(' ')) return 3;
  const found = q.filter((w) => t.some((tw) => wordFits(w, tw))).length / q.length;
  if (found < 0.66) return 0;
  const covered = t.filter((tw) => q.some((w) => wordFits(w, tw))).length / t.length;
  return found + 0.5 * covered;
}

export function matchTitle<T extends Titled>(query: string, tasks: readonly T[]): TitleMatch<T> {
  const scored = tasks
    .map((task) => ({ task, score: titleScore(query, task.title) }))
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best) return { kind: 'none' };
  const close = scored.filter((s) => s.score >= best.score - 0.1);
  if (close.length === 1) return { kind: 'one', task: best.task };
  return { kind: 'many', tasks: close.slice(0, 5).map((s) => s.task) };
}
