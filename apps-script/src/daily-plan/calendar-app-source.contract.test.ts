import { describeCalendarSourceContract, type SeedCalendarEvent } from '@mindflow/shared/testing';
import type { CalendarEvent } from '@mindflow/shared';
import { loadBundle } from '@mindflow/apps-script-emulator';
import { HARNESS_CODE_JS } from '../../test-support/build-harness.ts';

const STATUS = {
  accepted: 'YES',
  tentative: 'MAYBE',
  declined: 'NO',
  needs_action: 'INVITED',
} as const;

// The shared CalendarSource contract on the real CalendarAppSource, run inside the emulator
// over CalendarApp as Apps Script would run it.
describeCalendarSourceContract('CalendarApp (emulator)', (seeds: SeedCalendarEvent[]) => {
  const app = loadBundle(HARNESS_CODE_JS, { now: '2026-11-20T12:00:00Z' });
  for (const s of seeds) {
    app.emulator.seedEvent({
      id: s.id,
      title: s.title,
      start: s.start,
      end: s.end,
      ...(s.all_day ? { allDay: true } : {}),
      ...(s.response ? { myStatus: STATUS[s.response] } : {}),
      ...(s.transparency
        ? { transparency: s.transparency === 'transparent' ? 'TRANSPARENT' : 'OPAQUE' }
        : {}),
    });
  }
  return {
    source: {
      listEvents(startMs, endMs, zone) {
        const answer = JSON.parse(
          String(
            app.run(
              'calendarEvents',
              new Date(startMs).toISOString(),
              new Date(endMs).toISOString(),
              zone,
              '[]',
            ),
          ),
        ) as { events?: CalendarEvent[]; error?: { message: string } };
        if (!answer.events) throw new Error(answer.error?.message ?? 'no events');
        return answer.events;
      },
    },
  };
});
