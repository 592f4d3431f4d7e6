import { describe, expect, it } from 'vitest';
import { makeTask } from '../testing/task-factory.ts';
import { intlTimeZone } from '../time/time-zone.intl.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import type { CalendarEvent } from './calendar-source.ts';
import type { DayPlan } from './day-plan.schema.ts';
import { planDay, type PlanDayInput } from './plan-day.ts';
import { resolvePlanSettings, type PlanSettingsInput } from './plan-settings.ts';

// Which calendar entries take time, and how the day's edges (now, days off, DST) shape it.
const NY = new ZonedCalendar(intlTimeZone, 'America/New_York');
const at = (time: string, date = '2026-11-24') => `${date}T${time}:00-05:00`;

function plan(input: Partial<Omit<PlanDayInput, 'settings'>> & { settings?: PlanSettingsInput }) {
  return planDay({
    date: '2026-11-24',
    now: Date.parse(at('07:30')),
    calendar: NY,
    tasks: [],
    ...input,
    settings: resolvePlanSettings({ buffer_minutes: 0, ...input.settings }),
  });
}

function event(title: string, start: string, end: string, extra: Partial<CalendarEvent> = {}) {
  return { title, start: at(start), end: at(end), ...extra };
}

function timeline(p: DayPlan): string[] {
  return p.blocks.map(
    (b) => `${b.kind} ${b.start.slice(11, 16)}–${b.end.slice(11, 16)} ${b.title}`,
  );
}

const hour = () => makeTask({ title: 'Hour', effort_minutes: 60 });

describe('plan-day', () => {
  describe('planDay with a calendar', () => {
    it('lets declined, free and all-day events through, and lists all-day ones as context', () => {
      const p = plan({
        tasks: [hour()],
        events: [
          event('Declined', '09:00', '10:00', { response: 'declined' }),
          event('Free', '09:00', '10:00', { transparency: 'transparent' }),
          { title: 'Birthday', start: '2026-11-24', end: '2026-11-25', all_day: true },
          { title: 'Declined trip', start: '2026-11-24', end: '2026-11-25', response: 'declined' },
        ],
      });
      expect(timeline(p)).toEqual(['task 09:00–10:00 Hour']);
      expect(p.all_day).toEqual([{ title: 'Birthday' }]);
    });

    it('blocks tentative and unanswered invitations and an all-day event marked busy', () => {
      const p = plan({
        tasks: [hour()],
        events: [
          event('Maybe', '09:00', '10:00', { response: 'tentative', id: 'e1' }),
          event('Invite', '10:00', '11:00', { response: 'needs_action' }),
        ],
      });
      expect(timeline(p)).toEqual([
        'event 09:00–10:00 Maybe',
        'event 10:00–11:00 Invite',
        'task 11:00–12:00 Hour',
      ]);
      expect(p.blocks[0]).toMatchObject({
        event_id: 'e1',
        why: expect.stringContaining('tentative'),
      });
      const away = plan({
        tasks: [hour()],
        events: [
          {
            title: 'Out of office',
            start: '2026-11-24',
            end: '2026-11-25',
            transparency: 'opaque',
          },
        ],
      });
      expect(timeline(away)).toEqual(['event 09:00–17:30 Out of office']);
      expect(away.all_day).toEqual([]);
      expect(away.unscheduled[0]!.reason).toBe('needs 60 min; no free time left');
    });

    it('merges back-to-back meetings, keeps overlapping ones, and buffers after the last', () => {
      const p = plan({
        settings: { buffer_minutes: 5 },
        events: [
          event('A', '09:00', '10:00'),
          event('B', '10:00', '10:30'),
          event('C', '10:15', '10:45'),
          event('D', '10:48', '11:00'),
        ],
      });
      expect(timeline(p)).toEqual([
        'event 09:00–10:00 A',
        'event 10:00–10:30 B',
        'event 10:15–10:45 C',
        'buffer 10:45–10:48 Buffer',
        'event 10:48–11:00 D',
        'buffer 11:00–11:05 Buffer',
      ]);
      expect(p.summary.meeting_minutes).toBe(105 + 12);
    });

    it('clips events to working hours and says when they really happen', () => {
      const p = plan({
        events: [event('Early', '08:00', '09:30'), event('Late', '17:00', '19:00')],
      });
      expect(timeline(p)).toEqual(['event 09:00–09:30 Early', 'event 17:00–17:30 Late']);
      expect(p.blocks[0]!.why).toBe('busy in your calendar (08:00–09:30)');
    });

    it('offers no gap shorter than the minimum block', () => {
      const p = plan({
        tasks: [makeTask({ title: 'Quick', effort_minutes: 5 })],
        events: [event('A', '09:10', '12:00')],
        settings: { min_block_minutes: 15 },
      });
      expect(timeline(p)).toEqual(['event 09:10–12:00 A', 'task 12:00–12:05 Quick']);
    });

    it('plans a day off with no blocks and says why', () => {
      const p = plan({
        date: '2026-11-28',
        tasks: [hour()],
        events: [event('Party', '10:00', '11:00')],
      });
      expect(p.working_day).toBe(false);
      expect(p.blocks).toEqual([]);
      expect(p.notes).toEqual(['Saturday is not one of your working days (Mon–Fri).']);
      expect(p.unscheduled[0]).toMatchObject({
        cause: 'not_working_day',
        reason: 'Sat 28 Nov is not a working day',
      });
    });

    it('starts today’s plan at the next whole minute from now, keeping earlier meetings in view', () => {
      const p = plan({
        now: Date.parse(at('10:14')) + 20_000,
        tasks: [hour()],
        events: [event('Standup', '09:00', '09:15')],
      });
      expect(timeline(p)).toEqual(['event 09:00–09:15 Standup', 'task 10:15–11:15 Hour']);
      expect(p.notes).toEqual(['Planned from 10:15, the time of this plan.']);
      const over = plan({ now: Date.parse(at('18:00')), tasks: [hour()] });
      expect(over.unscheduled[0]).toMatchObject({ cause: 'day_over' });
      expect(over.notes).toEqual(['Your working hours today are over, so no tasks are planned.']);
    });

    it('explains snoozed tasks, and wakes one whose snooze ends during the day', () => {
      const thursday = makeTask({
        title: 'Later',
        status: 'snoozed',
        snoozed_until: at('09:00', '2026-11-26'),
      });
      const forever = makeTask({ title: 'Someday', status: 'snoozed' });
      const afternoon = makeTask({
        title: 'At two',
        status: 'snoozed',
        snoozed_until: at('14:00'),
        effort_minutes: 30,
      });
      const done = makeTask({ title: 'Done', status: 'completed' });
      const p = plan({ tasks: [thursday, forever, afternoon, done] });
      expect(timeline(p)).toEqual(['task 14:00–14:30 At two']);
      expect(p.blocks[0]!.why).toContain('as soon as its snooze ends');
      expect(p.unscheduled.map((u) => [u.title, u.reason])).toEqual([
        ['Later', 'snoozed until Thu 09:00'],
        ['Someday', 'snoozed with no end date'],
      ]);
    });

    it('warns about overdue tasks even when planned, and due-today tasks that did not fit', () => {
      const overdue = makeTask({ title: 'Late', due: '2026-11-20', effort_minutes: 30 });
      const today = makeTask({ title: 'Today', due: '2026-11-24', effort_minutes: 600 });
      const p = plan({ tasks: [overdue, today] });
      expect(p.at_risk.map((r) => [r.title, r.reason])).toEqual([
        ['Late', 'overdue since Fri 20 Nov; planned 09:00–09:30'],
        ['Today', 'due today; needs 600 min; only 510 min free'],
      ]);
    });

    it('ranks a future day as of its own morning: "due today" means that day', () => {
      const thursday = makeTask({
        title: 'Thu',
        due: '2026-11-26',
        priority: 1,
        effort_minutes: 60,
      });
      const urgent = makeTask({ title: 'P5', priority: 5, effort_minutes: 15 });
      const p = plan({ date: '2026-11-26', tasks: [urgent, thursday] });
      expect(timeline(p)).toEqual(['task 09:00–10:00 Thu', 'task 10:00–10:15 P5']);
      expect(p.blocks[0]!.why).toMatch(/^Due today; /);
    });

    it('notes calendar events whose times cannot be read and leaves them out', () => {
      const p = plan({ events: [{ title: 'Broken', start: 'soon', end: at('10:00') }] });
      expect(p.blocks).toEqual([]);
      expect(p.notes).toEqual(['1 calendar event had unreadable times and was left out.']);
    });
  });
});
