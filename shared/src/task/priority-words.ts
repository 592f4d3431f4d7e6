// Priority is stored as 1 (lowest) … 5 (highest). People also write it Todoist's way, where
// p1 is the most urgent, or as a word; this table is shared by quick-add and by readers of
// hand-typed Sheet cells so both understand the same words.

// A Map, so "constructor" or "__proto__" in a cell find nothing.
const WORDS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    urgent: 5,
    highest: 5,
    critical: 5,
    high: 4,
    normal: 3,
    medium: 3,
    med: 3,
    low: 2,
    lowest: 1,
  }),
);

/**
 * "p1"…"p5" (Todoist order: p1 = 5), a plain "1"…"5" (our own scale: 5 = highest) or a word
 * such as "high" or "urgent", with or without a leading "!". Null when it is none of these.
 */
export function priorityFromWord(text: string): number | null {
  const word = text.trim().replace(/^!/, '').toLowerCase();
  const todoist = /^p([1-5])$/.exec(word);
  if (todoist) return 6 - Number(todoist[1]);
  if (/^[1-5]$/.test(word)) return Number(word);
  return WORDS.get(word) ?? null;
}
