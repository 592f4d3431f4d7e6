import { firstOccurrence } from '../recurrence/next-occurrence.ts';
import { matchRepeatPhrase } from '../recurrence/repeat-phrase.ts';
import { dedupeTags } from '../task/task.schema.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import { findDue } from './due-phrase.ts';
import type { PreferredTimeWord } from './word-tokens.ts';
import { looksLikeMarker, readWordToken } from './word-tokens.ts';

export type QuickAddKind =
  'title' | 'due' | 'priority' | 'effort' | 'tag' | 'preferred_time' | 'repeat' | 'connective';

export interface QuickAddToken {
  kind: QuickAddKind;
  text: string;
  value?: string | number;
}

export interface QuickAddFields {
  title: string;
  due: string | null;
  priority: number | null;
  effort_minutes: number | null;
  tags: string[];
  preferred_time: PreferredTimeWord | null;
  repeat: string | null;
}

export interface QuickAddParse {
  fields: QuickAddFields;
  tokens: QuickAddToken[];
}

/** Which token a word belongs to; words of one multi-word token share a group. */
interface Claim {
  kind: Exclude<QuickAddKind, 'title'>;
  group: number;
  value?: string | number;
}

/**
 * One line, Todoist style, into task fields: "Review Q3 metrics by Friday 3pm p1 45m #work
 * @morning every monday". Every word lands in exactly one token, in order, so a client can
 * show what was understood; words nobody claims form the title. Never throws.
 */
export function parseQuickAdd(
  text: string,
  options: { now: number; calendar: ZonedCalendar },
): QuickAddParse {
  const words = text.split(/\s+/).filter((w) => w !== '');
  const claims: (Claim | undefined)[] = words.map(() => undefined);
  const fields: QuickAddFields = {
    title: '',
    due: null,
    priority: null,
    effort_minutes: null,
    tags: [],
    preferred_time: null,
    repeat: null,
  };
  claimMarkers(words, claims, fields);
  claimRepeat(words, claims, fields);
  claimDue(words, claims, fields, options);
  const tokens = toTokens(words, claims);
  fields.title = tokens
    .filter((t) => t.kind === 'title')
    .map((t) => t.text)
    .join(' ');
  fields.tags = dedupeTags(fields.tags);
  return { fields, tokens };
}

/** Single-word markers. Only the first priority, effort and time count; later ones are title. */
function claimMarkers(words: readonly string[], claims: (Claim | undefined)[], f: QuickAddFields) {
  words.forEach((word, i) => {
    const t = readWordToken(word);
    if (t === null) return;
    if (t.kind === 'tag') f.tags.push(t.value);
    else if (t.kind === 'priority' && f.priority === null) f.priority = t.value;
    else if (t.kind === 'effort' && f.effort_minutes === null) f.effort_minutes = t.value;
    else if (t.kind === 'preferred_time' && f.preferred_time === null) f.preferred_time = t.value;
    else return;
    claims[i] = { kind: t.kind, group: i, value: t.value };
  });
}

/**
 * Before dates, so "every monday" is a repeat and not next Monday. The longest phrase wins,
 * so in "Weekly review every friday" the repeat is "every friday" and "Weekly" stays title.
 */
function claimRepeat(words: readonly string[], claims: (Claim | undefined)[], f: QuickAddFields) {
  let best: { start: number; length: number; rrule: string } | null = null;
  for (let i = 0; i < words.length; i++) {
    const m = claims[i] ? null : matchRepeatPhrase(words, i);
    if (m === null || claims.slice(i, i + m.length).some((c) => c !== undefined)) continue;
    if (best === null || m.length > best.length) best = { start: i, ...m };
  }
  if (best === null) return;
  f.repeat = best.rrule;
  for (let j = best.start; j < best.start + best.length; j++) {
    claims[j] = { kind: 'repeat', group: best.start, value: best.rrule };
  }
}

function claimDue(
  words: readonly string[],
  claims: (Claim | undefined)[],
  f: QuickAddFields,
  options: { now: number; calendar: ZonedCalendar },
) {
  const free = words.map((w, i) => claims[i] === undefined && !looksLikeMarker(w));
  const found = findDue(words, free, options);
  let due = found?.due ?? null;
  if (f.repeat !== null && (found === null || found.timeOnly)) {
    // A repeat with no day of its own starts on its first occurrence from today.
    due = firstOccurrence({
      repeat: f.repeat,
      date: options.calendar.localDate(options.now),
      minuteOfDay: found?.minuteOfDay ?? null,
      notBefore: options.now,
      calendar: options.calendar,
    });
  }
  f.due = due;
  if (found === null || due === null) return;
  if (found.connective !== null) claims[found.connective] = { kind: 'connective', group: -1 };
  for (let i = found.start; i < found.end; i++) {
    claims[i] = { kind: 'due', group: found.start, value: due };
  }
}

function toTokens(
  words: readonly string[],
  claims: readonly (Claim | undefined)[],
): QuickAddToken[] {
  const tokens: QuickAddToken[] = [];
  let previous: Claim | undefined;
  words.forEach((word, i) => {
    const claim = claims[i];
    const last = tokens[tokens.length - 1];
    const sameToken =
      last !== undefined &&
      i > 0 &&
      (claim === undefined
        ? previous === undefined
        : previous !== undefined && previous.kind === claim.kind && previous.group === claim.group);
    if (sameToken) last.text += ` ${word}`;
    else if (claim === undefined) tokens.push({ kind: 'title', text: word });
    else if (claim.value === undefined) tokens.push({ kind: claim.kind, text: word });
    else tokens.push({ kind: claim.kind, text: word, value: claim.value });
    previous = claim;
  });
  return tokens;
}
