import { intlTimeZone, MemoryTaskStore, TaskService, type CalendarSource } from '@mindflow/shared';

export const TEST_NOW = '2026-03-10T14:00:00Z'; // a Tuesday, 10:00 in New York
export const TEST_ZONE = 'America/New_York';

export function testId(n: number): string {
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

/** The real core for tests: TaskService on a MemoryTaskStore, a given clock, counting ids. */
export function testService(
  options: { clock?: () => number; zone?: string; calendar?: CalendarSource } = {},
): TaskService {
  let ids = 0;
  const fixed = Date.parse(TEST_NOW);
  return new TaskService({
    store: new MemoryTaskStore(),
    clock: options.clock ?? (() => fixed),
    newId: () => testId(++ids),
    timeZone: intlTimeZone,
    zone: options.zone ?? TEST_ZONE,
    ...(options.calendar ? { planning: { calendar: options.calendar } } : {}),
  });
}
