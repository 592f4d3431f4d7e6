import { describe, expect, it, vi } from 'vitest';
import { OPERATIONS } from '../../catalogue/operations.ts';
import {
  CalendarUnavailableError,
  fixedCalendar,
  type CalendarEvent,
  type CalendarSource,
} from '../../planner/calendar-source.ts';
import { makeTask } from '../../testing/task-factory.ts';
import { intlTimeZone } from '../../time/time-zone.intl.ts';
import { MemoryTaskStore } from '../memory-task-store.ts';
import type { Result } from '../result.ts';
import { TaskService, type TaskServiceDeps } from '../task-service.ts';

// getDailyPlan through the service, the way both hosts call it.
const NOW = Date.parse('2026-11-24T07:30:00-05:00');
const standup: CalendarEvent = {
  title: 'Standup',
  start: '2026-11-24T09:00:00-05:00',
  end: '2026-11-24T09:15:00-05:00',
};

function service(overrides: Partial<TaskServiceDeps> = {}) {
  const store = new MemoryTaskStore([
    makeTask({ title: 'Write', effort_minutes: 30, due: '2026-11-24' }),
    makeTask({ title: 'Read', effort_minutes: 600 }),
  ]);
  return new TaskService({
    store,
    clock: () => NOW,
    newId: () => 'unused',
    timeZone: intlTimeZone,
    zone: 'America/New_York',
    ...overrides,
  });
}

const data = (r: Result<unknown>): any => {
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.data;
};

describe('plan-handlers', () => {
  describe('getDailyPlan', () => {
    it('plans today in the user zone around the calendar, synchronously (Apps Script)', () => {
      const calendar = { listEvents: vi.fn(fixedCalendar([standup]).listEvents) };
      const plan = data(service({ planning: { calendar } }).executeSync('getDailyPlan', {}));
      expect(calendar.listEvents).toHaveBeenCalledWith(
        Date.parse('2026-11-24T00:00:00-05:00'),
        Date.parse('2026-11-25T00:00:00-05:00'),
        'America/New_York',
      );
      expect(plan.date).toBe('2026-11-24');
      expect(plan.blocks.map((b: { title: string }) => b.title)).toEqual([
        'Standup',
        'Buffer',
        'Write',
      ]);
      expect(plan.unscheduled).toMatchObject([{ title: 'Read', cause: 'no_room' }]);
      expect(OPERATIONS.getDailyPlan.output.parse(plan)).toEqual(plan);
    });

    it('awaits an asynchronous calendar (server) and plans the date asked for', async () => {
      const calendar: CalendarSource = { listEvents: async () => [standup] };
      const plan = data(
        await service({ planning: { calendar } }).execute('getDailyPlan', { date: '2026-11-25' }),
      );
      expect(plan.date).toBe('2026-11-25');
      expect(plan.blocks.map((b: { title: string }) => b.title)).toEqual(['Write']);
    });

    it('plans without meetings when the host has no calendar, within the user settings', () => {
      const planning = { settings: { working_hours: { start: '10:00', end: '12:00' } } };
      const plan = data(service({ planning }).executeSync('getDailyPlan', {}));
      expect(plan.working_hours).toEqual({ start: '10:00', end: '12:00' });
      expect(plan.blocks).toMatchObject([
        { kind: 'task', title: 'Write', start: '2026-11-24T10:00:00-05:00' },
      ]);
    });

    it('answers unavailable when the calendar cannot be read, never a plan over meetings', async () => {
      const calendar: CalendarSource = {
        listEvents: () => {
          throw new CalendarUnavailableError('Calendar API 503');
        },
      };
      const r = await service({ planning: { calendar } }).execute('getDailyPlan', {});
      expect(r).toEqual({
        ok: false,
        error: {
          code: 'unavailable',
          message: 'Your calendar could not be read right now; try again shortly',
        },
      });
    });

    it('rejects a malformed date and one more than a year away', () => {
      const s = service();
      expect(s.executeSync('getDailyPlan', { date: '24/11/2026' })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', details: [{ field: 'date', rule: 'format' }] },
      });
      expect(s.executeSync('getDailyPlan', { date: '2028-01-01' })).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', details: [{ field: 'date', rule: 'range' }] },
      });
    });

    it('keeps the answer under the response budget by cutting what did not fit', () => {
      const store = new MemoryTaskStore(
        Array.from({ length: 300 }, (_, i) =>
          makeTask({ title: `Task ${i}`, effort_minutes: 120 }),
        ),
      );
      const plan = data(
        service({ store, maxResponseChars: 20_000 }).executeSync('getDailyPlan', {}),
      );
      expect(JSON.stringify(plan).length).toBeLessThanOrEqual(20_000);
      expect(plan.unscheduled.length + plan.unscheduled_omitted).toBe(300 - 4);
    });

    it('refuses invalid planning settings when the service is built', () => {
      const settings = { working_hours: { start: '18:00', end: '09:00' } };
      expect(() => service({ planning: { settings } })).toThrow(/start must be before end/);
    });
  });
});
