import { formatRule } from './repeat-rule-model.ts';
import { parseRuleText } from './repeat-rule-parse.ts';
import { matchRepeatPhrase } from './repeat-phrase.ts';

export { describeRepeat } from './describe-repeat.ts';
export { matchRepeatPhrase } from './repeat-phrase.ts';

export type RepeatParse = { ok: true; rrule: string } | { ok: false; message: string };

// Text that starts like a rule part ("FREQ=…", "RRULE:…", "interval=2;…") is read as an
// RRULE so its mistakes are reported as rule mistakes, not as an unknown phrase.
const RRULE_LIKE = /^\s*(RRULE:|[A-Z]+\s*=)/i;

/** Accepts an RFC 5545 RRULE (with or without "RRULE:") or a phrase ("every monday"). */
export function normalizeRepeat(text: string): RepeatParse {
  if (text.trim() === '') return { ok: false, message: 'repeat must not be empty' };
  if (RRULE_LIKE.test(text)) {
    const parsed = parseRuleText(text);
    return parsed.ok ? { ok: true, rrule: formatRule(parsed.rule) } : parsed;
  }
  const words = text.trim().split(/\s+/);
  const phrase = matchRepeatPhrase(words, 0);
  if (phrase && phrase.length === words.length) return { ok: true, rrule: phrase.rrule };
  return {
    ok: false,
    message: `repeat: '${text.trim()}' is neither an RRULE like FREQ=WEEKLY;BYDAY=MO nor a phrase like "every monday"`,
  };
}
