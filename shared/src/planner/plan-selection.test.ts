import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/task-factory.ts';
import type { Task } from '../task/task.schema.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import { layoutDay } from './day-layout.ts';
import { candidatesFor, memoDueInstant } from './plan-candidates.ts';
import { planDay } from './plan-day.ts';
import { planSelection } from './plan-selection.ts';
import { DEFAULT_PLAN_SETTINGS } from './plan-settings.ts';
import { DEFAULT_SCORING } from '../scoring/scoring-config.ts';

const calendar = new ZonedCalendar(intlTimeZone, 'Europe/Berlin');
const NOW = Date.parse('2026-11-24T08:10:00+01:00');
const date = '2026-11-24';
const day = { date, now: NOW, calendar, events: [] };

/** A varied list: dues past, today and later, snoozes ending today or later, estimates. */
function tasks(n: number): Task[] {
  const dues = [null, '2026-11-20', '2026-11-24', '2026-11-24T15:00:00Z', '2026-12-02'];
  const snoozes = [null, null, null, '2026-11-24T11:00:00Z', '2026-11-30T09:00:00Z'];
  return Array.from({ length: n }, (_, i) =>
    makeTask({
      priority: (i % 5) + 1,
      due: dues[(i * 7) % dues.length]!,
      effort_minutes: i % 4 === 0 ? null : ((i % 6) + 1) * 20,
      preferred_time: ([null, 'morning', 'afternoon', 'evening'] as const)[i % 4]!,
      snoozed_until: snoozes[(i * 3) % snoozes.length]!,
      status: i % 11 === 0 ? 'completed' : i % 13 === 0 ? 'snoozed' : 'pending',
    }),
  );
}

function select(all: readonly Task[], max: number, page: number) {
  const selection = planSelection(day, max);
  for (let i = 0; i < all.length; i += page) selection.add(all.slice(i, i + page));
  return selection.result();
}

describe('planSelection', () => {
  it('plans every open task while no group passes the bound', () => {
    const all = tasks(90);
    const { tasks: chosen, leftOut, open } = select(all, 60, 7);
    expect(leftOut).toBe(0);
    expect(open).toBe(all.filter((t) => t.status !== 'completed').length);
    expect(planDay({ ...day, tasks: chosen })).toEqual(planDay({ ...day, tasks: all }));
  });

  it('past that, keeps exactly the first `max` in placing order, whatever the pages', () => {
    const all = tasks(400);
    const layout = layoutDay({ ...day, settings: DEFAULT_PLAN_SETTINGS });
    const full = candidatesFor({
      date,
      calendar,
      tasks: all,
      layout,
      settings: DEFAULT_PLAN_SETTINGS,
      scoring: DEFAULT_SCORING,
      dueAt: memoDueInstant(calendar),
    });
    for (const page of [1, 9, 50, 400]) {
      const { tasks: chosen, leftOut, open } = select(all, 20, page);
      const kept = candidatesFor({
        date,
        calendar,
        tasks: chosen,
        layout,
        settings: DEFAULT_PLAN_SETTINGS,
        scoring: DEFAULT_SCORING,
        dueAt: memoDueInstant(calendar),
      });
      const first = (c: typeof full) => c.ordered.slice(0, 20).map((x) => x.task.id);
      expect(first(kept)).toEqual(first(full));
      expect(chosen.length).toBeLessThanOrEqual(60);
      expect(leftOut).toBe(open - chosen.length);
      expect(leftOut).toBeGreaterThan(0);
      // Placing is greedy in that order, so the top of the day is placed as with every task.
      const bounded = planDay({ ...day, tasks: chosen });
      expect(bounded.top_tasks).toEqual(planDay({ ...day, tasks: all }).top_tasks);
    }
  });
});
