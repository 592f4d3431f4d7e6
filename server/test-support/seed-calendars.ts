import type { calendar_v3 } from '@googleapis/calendar';
import type { SeedCalendarEvent } from '@mindflow/shared/testing';

// The contract's seed events written the way each kind of calendar stores them, so every
// adapter is tested on what its real source would hand it.

/** The calendar owner the seeds' responses belong to. */
export const SEED_OWNER = 'me@example.com';
const ME = SEED_OWNER;
const PARTSTAT = {
  accepted: 'ACCEPTED',
  tentative: 'TENTATIVE',
  declined: 'DECLINED',
  needs_action: 'NEEDS-ACTION',
};

const utc = (iso: string) =>
  new Date(iso)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const date = (d: string) => d.replace(/-/g, '');

/** The seeds as an iCalendar feed, the way a calendar exports them. */
export function toIcs(events: SeedCalendarEvent[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//MindFlow tests//EN'];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.id}`, `SUMMARY:${e.title}`);
    if (e.all_day)
      lines.push(`DTSTART;VALUE=DATE:${date(e.start)}`, `DTEND;VALUE=DATE:${date(e.end)}`);
    else lines.push(`DTSTART:${utc(e.start)}`, `DTEND:${utc(e.end)}`);
    if (e.transparency) lines.push(`TRANSP:${e.transparency.toUpperCase()}`);
    if (e.response) lines.push(`ATTENDEE;PARTSTAT=${PARTSTAT[e.response]}:mailto:${ME}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

const STATUS = {
  accepted: 'accepted',
  tentative: 'tentative',
  declined: 'declined',
  needs_action: 'needsAction',
};

/**
 * The seeds as Google stores them: opaque is the default and left out; an all-day event
 * with no say is "transparent", as Google Calendar creates one; the user's answer is on
 * the attendee that is this calendar (`self`).
 */
export function toGoogle(e: SeedCalendarEvent): calendar_v3.Schema$Event {
  const transparency = e.transparency ?? (e.all_day ? 'transparent' : 'opaque');
  return {
    id: e.id,
    status: 'confirmed',
    summary: e.title,
    start: e.all_day ? { date: e.start } : { dateTime: e.start, timeZone: 'America/New_York' },
    end: e.all_day ? { date: e.end } : { dateTime: e.end, timeZone: 'America/New_York' },
    ...(transparency === 'transparent' ? { transparency } : {}),
    ...(e.response
      ? {
          organizer: { email: 'boss@example.com' },
          attendees: [
            { email: 'boss@example.com', organizer: true, responseStatus: 'accepted' },
            { email: ME, self: true, responseStatus: STATUS[e.response] },
          ],
        }
      : {}),
  };
}
