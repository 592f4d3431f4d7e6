// PLACEHOLDER — replaced by the recurrence work.
import type { ZonedCalendar } from '../time/time-zone.ts';
export interface NextOccurrence {
  due: string;
  repeat: string;
}
export function nextOccurrence(_args: {
  due: string | null;
  repeat: string;
  now: number;
  calendar: ZonedCalendar;
}): NextOccurrence | null {
  return null;
}
