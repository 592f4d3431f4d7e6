import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/task-factory.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import { planDay } from './plan-day.ts';
import { resolvePlanSettings } from './plan-settings.ts';

// Days of 23 and 25 hours: the window comes from ZonedCalendar, so its length is real time.
const NY = new ZonedCalendar(intlTimeZone, 'America/New_York');
const BERLIN = new ZonedCalendar(intlTimeZone, 'Europe/Berlin');
const ALWAYS = {
  working_hours: { start: '00:00', end: '24:00' },
  working_days: [1, 2, 3, 4, 5, 6, 7],
};

function plan(
  calendar: ZonedCalendar,
  date: string,
  minutes: number,
  hours = ALWAYS.working_hours,
) {
  const task = makeTask({ title: 'Long', effort_minutes: minutes });
  return planDay({
    date,
    now: 0,
    calendar,
    tasks: [task],
    settings: resolvePlanSettings({ ...ALWAYS, working_hours: hours }),
  });
}

const spans = (p: ReturnType<typeof planDay>) => p.blocks.map((b) => [b.start, b.end]);

describe('plan-day', () => {
  describe('planDay on DST days', () => {
    it('has 23 hours in New York when the clocks spring forward', () => {
      expect(spans(plan(NY, '2026-03-08', 1380))).toEqual([
        ['2026-03-08T00:00:00-05:00', '2026-03-09T00:00:00-04:00'],
      ]);
      expect(plan(NY, '2026-03-08', 1381).unscheduled[0]!.reason).toBe(
        'needs 1381 min; only 1380 min free',
      );
    });

    it('has 25 hours in Berlin when the clocks fall back', () => {
      const p = plan(BERLIN, '2026-10-25', 1500);
      expect(spans(p)).toEqual([['2026-10-25T00:00:00+02:00', '2026-10-26T00:00:00+01:00']]);
      expect(p.summary).toMatchObject({ focus_minutes: 1500, free_minutes: 0, load_percent: 100 });
    });

    it('keeps working hours across the skipped hour to their real length', () => {
      const p = plan(NY, '2026-03-08', 120, { start: '01:00', end: '04:00' });
      expect(spans(p)).toEqual([['2026-03-08T01:00:00-05:00', '2026-03-08T04:00:00-04:00']]);
      expect(plan(NY, '2026-03-08', 121, { start: '01:00', end: '04:00' }).blocks).toEqual([]);
    });

    it('keeps working hours across the repeated hour to their real length', () => {
      const p = plan(NY, '2026-11-01', 240, { start: '00:30', end: '03:30' });
      expect(spans(p)).toEqual([['2026-11-01T00:30:00-04:00', '2026-11-01T03:30:00-05:00']]);
    });
  });
});
