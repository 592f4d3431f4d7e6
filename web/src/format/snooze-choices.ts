import { addDays, isoWeekday, type ZonedCalendar } from '@mindflow/shared';

export const SNOOZE_CHOICES = ['1h', 'tomorrow', 'next_week'] as const;
export type SnoozeChoice = (typeof SNOOZE_CHOICES)[number];

export const SNOOZE_LABELS: Record<SnoozeChoice, string> = {
  '1h': '1 hour',
  tomorrow: 'Tomorrow',
  next_week: 'Next week',
};

/**
 * snoozeTask's input for a menu choice. Dates are the Sheet's local dates, which the core
 * reads as the start of that day in the same zone: tomorrow, or next week's Monday.
 */
export function snoozeInput(
  choice: SnoozeChoice,
  calendar: ZonedCalendar,
  now: number,
): { duration: string } | { until: string } {
  if (choice === '1h') return { duration: '1h' };
  const today = calendar.localDate(now);
  if (choice === 'tomorrow') return { until: addDays(today, 1) };
  return { until: addDays(today, 8 - isoWeekday(today)) };
}
