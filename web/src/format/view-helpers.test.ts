import { describe, expect, it } from 'vitest';
import {
  intlTimeZone,
  ZonedCalendar,
  type QuickAddParse,
  type ScoreReasoning,
} from '@mindflow/shared';
import { quickAddChips } from './quick-add-chips.ts';
import { scoreBreakdown } from './score-breakdown.ts';
import { snoozeInput } from './snooze-choices.ts';

const calendar = new ZonedCalendar(intlTimeZone, 'America/New_York');
const now = Date.parse('2026-03-10T14:00:00Z'); // Tuesday

describe('quick-add-chips', () => {
  describe('quickAddChips', () => {
    it('shows every understood field, one chip per tag, in a stable order', () => {
      const parse: QuickAddParse = {
        fields: {
          title: 'Review Q3 metrics',
          due: '2026-03-13T15:00:00-04:00',
          priority: 5,
          effort_minutes: 90,
          tags: ['work', 'q3'],
          preferred_time: 'morning',
          repeat: 'FREQ=WEEKLY;BYDAY=MO',
        },
        tokens: [],
      };
      expect(quickAddChips(parse, calendar, now).map((c) => `${c.label}: ${c.value}`)).toEqual([
        'Title: Review Q3 metrics',
        'Due: Friday (Fri, Mar 13), 3:00 PM',
        'Priority: P1 highest',
        'Effort: 1 h 30 min',
        'Tag: #work',
        'Tag: #q3',
        'Best time: morning',
        expect.stringMatching(/^Repeats: /),
      ]);
    });
  });
});

describe('score-breakdown', () => {
  describe('scoreBreakdown', () => {
    const reasoning: ScoreReasoning = {
      deadline: 'tomorrow',
      deadline_urgency: 0.8,
      deadline_urgency_score: 32,
      priority: 4,
      priority_score: 40,
      effort_bonus: 0.5,
      effort_bonus_score: 5,
      time_of_day_multiplier: 1.1,
      context_multiplier: 1,
      total_score: 84.7,
      recommendation: '',
    };

    it('lists points, then multipliers, then the score', () => {
      expect(scoreBreakdown(reasoning)).toEqual([
        { factor: 'Deadline: Due tomorrow', effect: '+32' },
        { factor: 'Priority P2 high', effect: '+40' },
        { factor: 'Effort', effect: '+5' },
        { factor: 'Time of day', effect: '× 1.1' },
        { factor: 'Score', effect: '84.7 / 133' },
      ]);
    });

    it('shows the calendar factor only when it changed the score', () => {
      const rows = scoreBreakdown({ ...reasoning, context_multiplier: 0.8 });
      expect(rows[4]).toEqual({ factor: 'Free time now', effect: '× 0.8' });
    });
  });
});

describe('snooze-choices', () => {
  describe('snoozeInput', () => {
    it('snoozes an hour, to tomorrow, or to next Monday in the Sheet’s zone', () => {
      expect(snoozeInput('1h', calendar, now)).toEqual({ duration: '1h' });
      expect(snoozeInput('tomorrow', calendar, now)).toEqual({ until: '2026-03-11' });
      expect(snoozeInput('next_week', calendar, now)).toEqual({ until: '2026-03-16' });
      const sunday = Date.parse('2026-03-15T23:00:00Z');
      expect(snoozeInput('next_week', calendar, sunday)).toEqual({ until: '2026-03-16' });
      const monday = Date.parse('2026-03-16T15:00:00Z');
      expect(snoozeInput('next_week', calendar, monday)).toEqual({ until: '2026-03-23' });
    });
  });
});
