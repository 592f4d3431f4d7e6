import { afterEach, describe, expect, it } from 'vitest';
import type { CalendarEvent, CalendarSource } from '../planner/calendar-source.ts';
import type { Awaitable } from '../service/task-store.ts';

/** An event as a test describes it; each adapter's factory writes it in its own form. */
export interface SeedCalendarEvent {
  id: string;
  title: string;
  /** ISO with offset, or YYYY-MM-DD for an all-day event. */
  start: string;
  /** Exclusive; for an all-day event the day after its last day. */
  end: string;
  all_day?: boolean;
  transparency?: 'opaque' | 'transparent';
  response?: 'accepted' | 'tentative' | 'declined' | 'needs_action';
}

export interface CalendarFixture {
  source: CalendarSource;
  cleanup?: () => Awaitable<void>;
}

const ZONE = 'America/New_York';
const at = (time: string, day = '2026-11-25') => `${day}T${time}:00-05:00`;

const SEEDS: SeedCalendarEvent[] = [
  { id: 'standup', title: 'Standup', start: at('09:00'), end: at('09:15'), response: 'accepted' },
  {
    id: 'pitch',
    title: 'Vendor pitch',
    start: at('10:00'),
    end: at('11:00'),
    response: 'declined',
  },
  {
    id: 'maybe',
    title: 'Maybe lunch',
    start: at('12:00'),
    end: at('13:00'),
    response: 'tentative',
  },
  { id: 'hold', title: 'Hold', start: at('15:00'), end: at('16:00'), transparency: 'transparent' },
  { id: 'offsite', title: 'Offsite', start: '2026-11-25', end: '2026-11-26', all_day: true },
  { id: 'late', title: 'Late call', start: at('23:30'), end: at('00:30', '2026-11-26') },
  {
    id: 'yesterday',
    title: 'Yesterday',
    start: at('09:00', '2026-11-24'),
    end: at('10:00', '2026-11-24'),
  },
  {
    id: 'tomorrow',
    title: 'Tomorrow',
    start: at('09:00', '2026-11-26'),
    end: at('10:00', '2026-11-26'),
  },
];

const byTitle = (events: CalendarEvent[]) => new Map(events.map((e) => [e.title ?? '', e]));

/**
 * What every CalendarSource adapter (CalendarApp, the Calendar API, ICS) must do, so the
 * planner blocks the same time whatever calendar a user connects. `makeSource` gets the
 * events to serve, in the user's zone America/New_York.
 */
export function describeCalendarSourceContract(
  name: string,
  makeSource: (events: SeedCalendarEvent[], zone: string) => Awaitable<CalendarFixture>,
): void {
  describe(`CalendarSource contract: ${name}`, () => {
    let fixture: CalendarFixture | undefined;
    afterEach(async () => {
      await fixture?.cleanup?.();
    });
    const listDay = async (events: SeedCalendarEvent[], day = '2026-11-25') => {
      fixture = await makeSource(events, ZONE);
      return fixture.source.listEvents(
        Date.parse(at('00:00', day)),
        Date.parse(`${day}T24:00:00-05:00`),
        ZONE,
      );
    };

    it('returns the events overlapping the range at their exact instants', async () => {
      const events = byTitle(await listDay(SEEDS));
      expect([...events.keys()].sort()).toEqual([
        'Hold',
        'Late call',
        'Maybe lunch',
        'Offsite',
        'Standup',
        'Vendor pitch',
      ]);
      const standup = events.get('Standup')!;
      expect([Date.parse(standup.start), Date.parse(standup.end)]).toEqual([
        Date.parse(at('09:00')),
        Date.parse(at('09:15')),
      ]);
      expect(standup.all_day ?? false).toBe(false);
      expect(Date.parse(events.get('Late call')!.end)).toBe(Date.parse(at('00:30', '2026-11-26')));
    });

    it('passes on the user’s answer and free/busy, leaving the decision to the planner', async () => {
      const events = byTitle(await listDay(SEEDS));
      expect(events.get('Vendor pitch')!.response).toBe('declined');
      expect(events.get('Maybe lunch')!.response).toBe('tentative');
      expect(events.get('Standup')!.response).toBe('accepted');
      expect(events.get('Hold')!.transparency).toBe('transparent');
    });

    it('gives all-day events as dates with an exclusive end', async () => {
      const offsite = byTitle(await listDay(SEEDS)).get('Offsite')!;
      expect(offsite).toMatchObject({ all_day: true, start: '2026-11-25', end: '2026-11-26' });
    });

    it('keeps wall-clock times across a DST change', async () => {
      const seeds: SeedCalendarEvent[] = [
        {
          id: 'dst',
          title: 'After the change',
          start: '2026-11-01T09:00:00-05:00',
          end: '2026-11-01T10:00:00-05:00',
        },
      ];
      fixture = await makeSource(seeds, ZONE);
      const [event] = await fixture.source.listEvents(
        Date.parse('2026-11-01T00:00:00-04:00'),
        Date.parse('2026-11-02T00:00:00-05:00'),
        ZONE,
      );
      expect(Date.parse(event!.start)).toBe(Date.parse('2026-11-01T14:00:00Z'));
    });
  });
}
