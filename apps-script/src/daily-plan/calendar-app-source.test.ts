import { CalendarEventSchema, type CalendarEvent } from '@mindflow/shared';
import { describe, expect, it } from 'vitest';
import { loadBundle, type LoadedBundle } from '@mindflow/apps-script-emulator';
import { HARNESS_CODE_JS } from '../../test-support/build-harness.ts';

const TEAM = 'team@group.calendar.google.com';
const HOLIDAYS = 'en.usa#holiday@group.v.calendar.google.com';
const ZONE = 'America/New_York';

interface Answer {
  events?: CalendarEvent[];
  warnings?: string[];
  error?: { name: string; message: string };
  failure?: string | null;
}

function setup(): LoadedBundle {
  const app = loadBundle(HARNESS_CODE_JS, { now: '2026-11-27T12:00:00Z' });
  const em = app.emulator;
  em.calendars.addCalendar({ id: TEAM, name: 'Team' });
  em.calendars.addCalendar({ id: HOLIDAYS, name: 'Holidays' });
  const at = (hhmm: string) => `2026-11-27T${hhmm}:00-05:00`;
  em.seedEvent({ title: 'Standup', start: at('09:00'), end: at('09:15'), myStatus: 'YES' });
  em.seedEvent({ title: 'Vendor pitch', start: at('10:00'), end: at('11:00'), myStatus: 'NO' });
  em.seedEvent({ title: 'Maybe lunch', start: at('12:00'), end: at('13:00'), myStatus: 'MAYBE' });
  em.seedEvent({ title: 'New invite', start: at('14:00'), end: at('14:30'), myStatus: 'INVITED' });
  em.seedEvent({
    title: 'Hold',
    start: at('15:00'),
    end: at('16:00'),
    transparency: 'TRANSPARENT',
  });
  em.seedEvent({ title: 'Offsite', start: '2026-11-27', allDay: true });
  em.seedEvent({ title: '', start: at('16:00'), end: at('16:30') });
  em.seedEvent({ title: 'Planning', start: at('11:00'), end: at('12:00'), calendarId: TEAM });
  // The same invitation on the team calendar: read once, with the user's own answer.
  em.seedEvent({
    id: 'shared@google.com',
    title: 'All hands',
    start: at('13:00'),
    end: at('13:30'),
    myStatus: 'YES',
  });
  em.seedEvent({
    id: 'shared@google.com',
    title: 'All hands',
    start: at('13:00'),
    end: at('13:30'),
    calendarId: TEAM,
    myStatus: 'INVITED',
  });
  em.seedEvent({ title: 'Thanksgiving', start: '2026-11-26', allDay: true, calendarId: HOLIDAYS });
  return app;
}

function listEvents(app: LoadedBundle, ids: string[] = [TEAM]): Answer {
  const json = app.run(
    'calendarEvents',
    '2026-11-27T05:00:00Z',
    '2026-11-28T05:00:00Z',
    ZONE,
    JSON.stringify(ids),
  );
  return JSON.parse(String(json)) as Answer;
}

const byTitle = (answer: Answer, title: string) =>
  answer.events?.filter((e) => (e.title ?? '') === title);

describe('calendar-app-source', () => {
  describe('CalendarAppSource.listEvents', () => {
    it('maps every event of the day to the port shape, valid by its schema', () => {
      const answer = listEvents(setup());
      expect(answer.warnings).toEqual([]);
      for (const e of answer.events ?? []) expect(CalendarEventSchema.parse(e)).toEqual(e);
      expect(byTitle(answer, 'Standup')).toEqual([
        {
          id: expect.any(String),
          title: 'Standup',
          start: '2026-11-27T09:00:00-05:00',
          end: '2026-11-27T09:15:00-05:00',
          all_day: false,
          transparency: 'opaque',
          response: 'accepted',
        },
      ]);
    });

    it("reads the user's answer from getMyStatus, declined and unanswered included", () => {
      const answer = listEvents(setup());
      const response = (title: string) => byTitle(answer, title)?.[0]?.response;
      expect(response('Standup')).toBe('accepted');
      expect(response('Vendor pitch')).toBe('declined');
      expect(response('Maybe lunch')).toBe('tentative');
      expect(response('New invite')).toBe('needs_action');
      expect(response('Planning')).toBe('organizer');
    });

    it('keeps free events, marked transparent, for the planner to skip', () => {
      expect(byTitle(listEvents(setup()), 'Hold')?.[0]?.transparency).toBe('transparent');
    });

    it('gives an all-day event as dates, the end exclusive', () => {
      expect(byTitle(listEvents(setup()), 'Offsite')?.[0]).toMatchObject({
        start: '2026-11-27',
        end: '2026-11-28',
        all_day: true,
      });
    });

    it('leaves an untitled event without a title (the plan shows it as busy)', () => {
      const untitled = byTitle(listEvents(setup()), '')?.[0];
      expect(untitled).toBeDefined();
      expect(untitled).not.toHaveProperty('title');
    });

    it('reads the chosen calendars besides the default, and no others', () => {
      const titles = (ids: string[]) => listEvents(setup(), ids).events?.map((e) => e.title);
      expect(titles([TEAM])).toContain('Planning');
      expect(titles([TEAM])).not.toContain('Thanksgiving');
      expect(titles([])).not.toContain('Planning');
    });

    it('lists an invitation found in two calendars once, with the default calendar’s answer', () => {
      expect(byTitle(listEvents(setup()), 'All hands')).toEqual([
        expect.objectContaining({ response: 'accepted' }),
      ]);
    });

    it('ignores the default calendar named among the chosen ones', () => {
      const app = setup();
      const answer = listEvents(app, [app.emulator.ownerEmail, TEAM]);
      expect(byTitle(answer, 'Standup')).toHaveLength(1);
    });

    it('leaves out a chosen calendar that is gone, with a warning for the plan', () => {
      const app = setup();
      app.emulator.calendars.removeCalendar(TEAM);
      const answer = listEvents(app);
      expect(byTitle(answer, 'Standup')).toHaveLength(1);
      expect(answer.warnings).toEqual([
        expect.stringContaining(`The calendar ${TEAM} is no longer available`),
      ]);
    });

    it('leaves out a chosen calendar that fails, naming it and the error', () => {
      const app = setup();
      app.emulator.calendars.fail(TEAM);
      const answer = listEvents(app);
      expect(byTitle(answer, 'Planning')).toEqual([]);
      expect(byTitle(answer, 'All hands')).toHaveLength(1);
      expect(answer.warnings).toEqual([
        expect.stringMatching(
          /^The calendar "Team" could not be read \(We're sorry, a server error/,
        ),
      ]);
    });

    it('throws CalendarUnavailableError when the default calendar fails', () => {
      const app = setup();
      app.emulator.calendars.fail(
        app.emulator.ownerEmail,
        'Service invoked too many times: calendar',
      );
      expect(listEvents(app)).toEqual({
        error: {
          name: 'CalendarUnavailableError',
          message:
            'Your default calendar could not be read: Service invoked too many times: calendar',
        },
        failure: 'Service invoked too many times: calendar',
      });
    });
  });
});
