import { describeCalendarSourceContract, type SeedCalendarEvent } from '@mindflow/shared/testing';
import { icsCalendarSource } from './ics-events.ts';

const ME = 'me@example.com';
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

describeCalendarSourceContract('ICS feed', (events) => ({
  source: icsCalendarSource(() => [toIcs(events)], { selfEmail: ME }),
}));
