// Priority is 1–5 with 5 the most important (the catalogue's scale); quick add reads
// Todoist's p1 as 5. Showing the word avoids "is 1 high or low?" on both scales.
const WORDS: Record<number, string> = { 5: 'top', 4: 'high', 3: 'normal', 2: 'low', 1: 'lowest' };

export function priorityWord(priority: number): string {
  return WORDS[priority] ?? String(priority);
}

/** "Priority 5 (top)". */
export function priorityLabel(priority: number): string {
  return `Priority ${priority} (${priorityWord(priority)})`;
}

export function effortLabel(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}
