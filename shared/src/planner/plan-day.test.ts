import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/task-factory.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import type { CalendarEvent } from './calendar-source.ts';
import type { DayPlan } from './day-plan.schema.ts';
import { planDay, type PlanDayInput } from './plan-day.ts';
import { resolvePlanSettings, type PlanSettingsInput } from './plan-settings.ts';

// Tuesday 24 November 2026 in New York (UTC−5), planned at 07:30 unless a test says otherwise.
const NY = new ZonedCalendar(intlTimeZone, 'America/New_York');
const at = (time: string, date = '2026-11-24') => `${date}T${time}:00-05:00`;

function plan(input: Partial<Omit<PlanDayInput, 'settings'>> & { settings?: PlanSettingsInput }) {
  return planDay({
    date: '2026-11-24',
    now: Date.parse(at('07:30')),
    calendar: NY,
    tasks: [],
    ...input,
    settings: resolvePlanSettings(input.settings),
  });
}

function event(title: string, start: string, end: string, extra: Partial<CalendarEvent> = {}) {
  return { title, start: at(start), end: at(end), ...extra };
}

/** "task 09:00–09:30 Write": the day at a glance. */
function timeline(p: DayPlan): string[] {
  return p.blocks.map(
    (b) => `${b.kind} ${b.start.slice(11, 16)}–${b.end.slice(11, 16)} ${b.title}`,
  );
}

describe('plan-day', () => {
  describe('planDay', () => {
    it('places tasks around meetings, with buffers after them', () => {
      const write = makeTask({
        title: 'Write blog post',
        due: '2026-11-24',
        priority: 4,
        effort_minutes: 30,
      });
      const review = makeTask({ title: 'Review', effort_minutes: 60 });
      const p = plan({
        tasks: [review, write],
        events: [event('Standup', '09:00', '09:15'), event('1:1', '10:00', '10:30')],
      });
      expect(timeline(p)).toEqual([
        'event 09:00–09:15 Standup',
        'buffer 09:15–09:20 Buffer',
        'task 09:20–09:50 Write blog post',
        'event 10:00–10:30 1:1',
        'buffer 10:30–10:35 Buffer',
        'task 10:35–11:35 Review',
      ]);
      expect(p.blocks[2]).toMatchObject({
        task_id: write.id,
        score: 87.5,
        part: '1/1',
        why: 'Due today with high priority; fits before your 10:00 meeting',
      });
      expect(p.summary).toEqual({
        meeting_minutes: 45,
        focus_minutes: 90,
        free_minutes: 510 - 45 - 10 - 90,
        load_percent: Math.round((100 * (45 + 10 + 90)) / 510),
      });
      expect(p.unscheduled).toEqual([]);
      expect(p.top_tasks.map((t) => t.title)).toEqual(['Write blog post', 'Review']);
    });

    it('places overdue and due-today tasks before higher-scored ones without a deadline', () => {
      const due = makeTask({ title: 'Due', due: '2026-11-24', priority: 1, effort_minutes: 120 });
      const big = makeTask({ title: 'Big', priority: 5, effort_minutes: 15 });
      const p = plan({ tasks: [big, due] });
      expect(timeline(p)).toEqual(['task 09:00–11:00 Due', 'task 11:00–11:15 Big']);
    });

    it('tries the preferred part of the day first and falls back to the earliest gap', () => {
      const afternoon = makeTask({
        title: 'Calls',
        preferred_time: 'afternoon',
        effort_minutes: 30,
      });
      const morning = makeTask({ title: 'Think', preferred_time: 'morning', effort_minutes: 120 });
      const p = plan({
        tasks: [afternoon, morning],
        events: [event('All morning', '09:00', '11:00')],
        settings: { buffer_minutes: 0 },
      });
      expect(timeline(p)).toEqual([
        'event 09:00–11:00 All morning',
        'task 11:00–13:00 Think',
        'task 13:00–13:30 Calls',
      ]);
      expect(p.blocks[1]!.why).toContain('no room in the morning, so the first gap that fits');
      expect(p.blocks[2]!.why).toContain('in the afternoon, as you prefer');
      const evening = plan({ tasks: [makeTask({ title: 'Gym plan', preferred_time: 'evening' })] });
      expect(evening.blocks[0]!.why).toContain(
        'your evening is outside working hours, so the first gap that fits',
      );
    });

    it('ends a task with a due instant today by that instant, or leaves it out and at risk', () => {
      const later = makeTask({ title: 'By 10:30', due: at('10:30'), effort_minutes: 45 });
      const tight = makeTask({ title: 'By 9:30', due: at('09:30'), effort_minutes: 45 });
      const p = plan({ tasks: [later, tight], events: [event('Sync', '09:20', '09:35')] });
      expect(timeline(p)).toEqual([
        'event 09:20–09:35 Sync',
        'buffer 09:35–09:40 Buffer',
        'task 09:40–10:25 By 10:30',
      ]);
      expect(p.blocks[2]!.why).toBe('Due 10:30; finishes before it is due');
      const reason = 'due 09:30 today; only 20 of 45 min fit before then';
      expect(p.unscheduled).toEqual([
        { task_id: tight.id, title: 'By 9:30', cause: 'due_too_soon', reason },
      ]);
      expect(p.at_risk).toEqual([{ task_id: tight.id, title: 'By 9:30', reason }]);
    });

    it('splits a task only when no gap holds it, in chunks of at least 30 minutes', () => {
      const long = makeTask({ title: 'Long', effort_minutes: 150 });
      const p = plan({
        tasks: [long],
        settings: { buffer_minutes: 0 },
        events: [event('A', '10:40', '11:00'), event('B', '12:00', '16:50')],
      });
      expect(timeline(p)).toEqual([
        'task 09:00–10:40 Long',
        'event 10:40–11:00 A',
        'task 11:00–11:50 Long',
        'event 12:00–16:50 B',
      ]);
      expect(
        p.blocks.filter((b) => b.kind === 'task').map((b) => b.kind === 'task' && b.part),
      ).toEqual(['1/2', '2/2']);
      expect(p.blocks[0]!.why).toContain('part 1 of 2: no free gap holds all 2h 30m');
    });

    it('never makes a chunk shorter than the minimum, even when the minutes add up', () => {
      const task = makeTask({ title: 'Fifty', effort_minutes: 50 });
      const p = plan({
        tasks: [task],
        settings: { buffer_minutes: 0, working_hours: { start: '09:00', end: '10:10' } },
        events: [event('Gap', '09:40', '09:45')],
      });
      expect(p.blocks.filter((b) => b.kind === 'task')).toEqual([]);
      expect(p.unscheduled[0]).toMatchObject({
        cause: 'no_room',
        reason: 'needs 50 min; longest free gap 40 min',
      });
    });

    it('says when a task would have fitted but higher-ranked tasks took the time', () => {
      const first = makeTask({ title: 'First', priority: 5, effort_minutes: 400 });
      const second = makeTask({ title: 'Second', priority: 1, effort_minutes: 120 });
      const p = plan({ tasks: [second, first] });
      expect(p.unscheduled).toEqual([
        {
          task_id: second.id,
          title: 'Second',
          cause: 'no_room',
          reason: 'needs 120 min; only 110 min free after higher-ranked tasks',
        },
      ]);
    });

    it('assumes the default effort for a task without an estimate and says so', () => {
      const p = plan({
        tasks: [makeTask({ title: 'Vague' })],
        settings: { default_effort_minutes: 20 },
      });
      expect(timeline(p)).toEqual(['task 09:00–09:20 Vague']);
      expect(p.blocks[0]!.why).toMatch(/; 20 min assumed \(no estimate\)$/);
    });

    it('keeps lunch free and shows it as a block', () => {
      const p = plan({
        tasks: [makeTask({ title: 'Deep', effort_minutes: 240 })],
        settings: {
          lunch: { start: '12:00', end: '13:00' },
          working_hours: { start: '09:00', end: '17:00' },
        },
      });
      expect(timeline(p)).toEqual(['buffer 12:00–13:00 Lunch', 'task 13:00–17:00 Deep']);
      expect(p.blocks[1]!.why).toBe(
        'Next best by score (32.5); fits before your day ends at 17:00',
      );
    });
  });
});
