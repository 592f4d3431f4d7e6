import { PREFERRED_TIMES, TAG_RE } from '../task/task.schema.ts';
import { priorityFromWord } from '../task/priority-words.ts';

// The quick-add markers that are always a single word: p1, !high, 45m, 1h30m, #tag, @morning.

export type PreferredTimeWord = (typeof PREFERRED_TIMES)[number];

export type WordToken =
  | { kind: 'priority'; value: number }
  | { kind: 'effort'; value: number }
  | { kind: 'tag'; value: string }
  | { kind: 'preferred_time'; value: PreferredTimeWord };

const MAX_EFFORT = 1440;
// "45m", "45min", "90mins", "2h", "1.5h", "2hrs", "1h30m", "1h30min".
const EFFORT_RE =
  /^(?:(\d{1,4}(?:\.\d{1,2})?)(?:h|hr|hrs|hour|hours))?(?:(\d{1,4})(?:m|min|mins|minute|minutes))?$/i;

/** What a word means as a marker, or null for an ordinary word (it then stays in the title). */
export function readWordToken(word: string): WordToken | null {
  // "#work," and "p1." at the end of a clause still count.
  const w = word.replace(/[.,;:!?]+$/, '');
  if (w.startsWith('#')) {
    const tag = w.slice(1);
    return TAG_RE.test(tag) ? { kind: 'tag', value: tag } : null;
  }
  if (w.startsWith('@')) {
    const time = PREFERRED_TIMES.find((t) => t === w.slice(1).toLowerCase());
    return time ? { kind: 'preferred_time', value: time } : null;
  }
  if (/^p[1-5]$/i.test(w) || /^![a-z]+$/i.test(w)) {
    const priority = priorityFromWord(w);
    return priority === null ? null : { kind: 'priority', value: priority };
  }
  const effort = effortMinutes(w);
  return effort === null ? null : { kind: 'effort', value: effort };
}

/**
 * Whether a word has the shape of a marker even when it is not a valid one ("p9", "@noon",
 * "#", "1000h", a second "45m"): it stays in the title, and is never read as a date.
 */
export function looksLikeMarker(word: string): boolean {
  const w = word.replace(/[.,;:!?]+$/, '');
  return (
    /^[#@!]/.test(word) || /^p\d+$/i.test(w) || /^\d+(?:\.\d+)?h$/i.test(w) || EFFORT_RE.test(w)
  );
}

/** Minutes in "1h30m"-style text, when it is 1 to 1440 whole minutes. */
export function effortMinutes(text: string): number | null {
  const m = EFFORT_RE.exec(text);
  if (!m || (m[1] === undefined && m[2] === undefined)) return null;
  const minutes = Math.round(Number(m[1] ?? 0) * 60) + Number(m[2] ?? 0);
  return minutes >= 1 && minutes <= MAX_EFFORT ? minutes : null;
}
