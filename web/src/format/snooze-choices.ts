import { addDays, isoWeekday, type ZonedCalendar } from '@mindflow/shared';
import { dateLabel, relativeDay } from './due-label.ts';

export const SNOOZE_CHOICES = ['1h', 'tomorrow', 'next_week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

export const SNOOZE_LABELS: Record<SnoozeChoice, string> = {
  '1h': '1 hour',
  tomorrow: 'Tomorrow',
  next_week: 'Next week',
};

/** What the snooze menu hands back: one of the presets, or a date from its date picker. */
export type SnoozePick = { choice: SnoozeChoice } | { date: string };

/**
 * snoozeTask's input for a pick. Dates are the Sheet's local dates, which the core reads as
 * the start of that day in the same zone: tomorrow, next week's Monday, or the date picked.
 */
export function snoozeInput(
  pick: SnoozeChoice | SnoozePick,
  calendar: ZonedCalendar,
  now: number,
): { duration: string } | { until: string } {
  const p = typeof pick === 'string' ? { choice: pick } : pick;
  if ('date' in p) return { until: p.date };
  if (p.choice === '1h') return { duration: '1h' };
  const today = calendar.localDate(now);
  if (p.choice === 'tomorrow') return { until: addDays(today, 1) };
  return { until: addDays(today, 8 - isoWeekday(today)) };
}

/** "for 1 hour", "until tomorrow", "until Fri, Mar 20": the end of a sentence. */
export function snoozeWords(pick: SnoozePick, calendar: ZonedCalendar, now: number): string {
  if ('date' in pick) {
    const today = calendar.localDate(now);
    const relative = relativeDay(pick.date, today);
    const absolute = dateLabel(pick.date, today);
    return `until ${relative === absolute ? absolute : `${relative} (${absolute})`}`;
  }
  const label = SNOOZE_LABELS[pick.choice].toLowerCase();
  return pick.choice === '1h' ? `for ${label}` : `until ${label}`;
}
