// PLACEHOLDER until the quick-add work lands: words people use for priority.
const WORDS: Record<string, number> = {
  urgent: 5,
  highest: 5,
  high: 4,
  medium: 3,
  normal: 3,
  low: 2,
  lowest: 1,
};
export function priorityFromWord(text: string): number | null {
  const t = text.trim().toLowerCase().replace(/^!/, '');
  if (/^[1-5]$/.test(t)) return Number(t);
  const p = /^p([1-5])$/.exec(t);
  if (p) return 6 - Number(p[1]);
  return WORDS[t] ?? null;
}
