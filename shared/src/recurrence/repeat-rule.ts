// PLACEHOLDER — being implemented (recurrence helper). Signatures are fixed.
export type RepeatParse = { ok: true; rrule: string } | { ok: false; message: string };

/** Accepts an RFC 5545 RRULE (with or without "RRULE:") or a phrase ("every monday"). */
export function normalizeRepeat(text: string): RepeatParse {
  const t = text.trim().replace(/^RRULE:/i, '');
  if (/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)/i.test(t)) return { ok: true, rrule: t.toUpperCase() };
  return { ok: false, message: 'repeat must be an RRULE like FREQ=WEEKLY;BYDAY=MO' };
}

export function describeRepeat(rrule: string): string {
  return rrule;
}
