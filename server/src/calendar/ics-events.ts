import ICAL from 'ical.js';
import {
  CalendarUnavailableError,
  intlTimeZone,
  isoUtc,
  ZonedCalendar,
  type CalendarEvent,
  type CalendarSource,
} from '@mindflow/shared';

export interface IcsOptions {
  /** The user's address: their PARTSTAT on an event becomes its `response`. */
  selfEmail?: string;
}

// A feed that repeats an event every minute for years must not hang the plan.
const MAX_OCCURRENCES = 5000;

const RESPONSES: Record<string, CalendarEvent['response']> = {
  ACCEPTED: 'accepted',
  TENTATIVE: 'tentative',
  DECLINED: 'declined',
  'NEEDS-ACTION': 'needs_action',
};

type Time = ICAL.Time;

/** The TZID a time was written with; ical.js keeps it even when no VTIMEZONE defines it. */
function tzidOf(time: Time): string | undefined {
  return (time as Time & { timezone?: string }).timezone;
}

/**
 * An ICAL time as an instant. TZIDs Intl knows (Google's feeds use IANA names) go through
 * our zone port; other TZIDs (Outlook's "W. Europe Standard Time") through the feed's own
 * VTIMEZONE; floating times are the user's wall clock.
 */
function instantOf(time: Time, tzid: string | undefined, userZone: string): number {
  const zone = time.zone;
  if (zone && zone.tzid === 'UTC') return time.toUnixTime() * 1000;
  const name = tzidOf(time) ?? (zone && zone.tzid !== 'floating' ? zone.tzid : undefined) ?? tzid;
  const wallZone = name && intlTimeZone.isValidZone(name) ? name : null;
  if (wallZone === null && zone && zone.tzid !== 'floating') return time.toUnixTime() * 1000;
  const calendar = new ZonedCalendar(intlTimeZone, wallZone ?? userZone);
  const date = `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
  return calendar.instantAt(date, time.hour * 60 + time.minute) + time.second * 1000;
}

function dateOf(time: Time): string {
  return `${time.year}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
}

function responseOf(event: ICAL.Event, selfEmail: string | undefined): CalendarEvent['response'] {
  if (!selfEmail) return null;
  const me = `mailto:${selfEmail.toLowerCase()}`;
  const organizer = String(event.component.getFirstPropertyValue('organizer') ?? '').toLowerCase();
  if (organizer === me) return 'organizer';
  for (const attendee of event.component.getAllProperties('attendee')) {
    if (String(attendee.getFirstValue()).toLowerCase() === me) {
      return (
        RESPONSES[String(attendee.getParameter('partstat') ?? 'NEEDS-ACTION').toUpperCase()] ?? null
      );
    }
  }
  return null;
}

function toEvent(
  item: ICAL.Event,
  start: Time,
  end: Time,
  tzid: string | undefined,
  zone: string,
  options: IcsOptions,
): { event: CalendarEvent; startMs: number; endMs: number } | null {
  if (String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED')
    return null;
  const transp = String(item.component.getFirstPropertyValue('transp') ?? '').toUpperCase();
  const base = {
    id: `${item.uid}@${start.toString()}`,
    ...(item.summary ? { title: item.summary } : {}),
    ...(transp
      ? { transparency: transp === 'TRANSPARENT' ? ('transparent' as const) : ('opaque' as const) }
      : {}),
    response: responseOf(item, options.selfEmail),
  };
  if (start.isDate) {
    const calendar = new ZonedCalendar(intlTimeZone, zone);
    const startMs = calendar.startOfDay(dateOf(start));
    const endMs = calendar.startOfDay(dateOf(end));
    return {
      event: { ...base, start: dateOf(start), end: dateOf(end), all_day: true },
      startMs,
      endMs,
    };
  }
  const startMs = instantOf(start, tzid, zone);
  const endMs = Math.max(startMs, instantOf(end, tzid, zone));
  return {
    event: { ...base, start: isoUtc(startMs), end: isoUtc(endMs), all_day: false },
    startMs,
    endMs,
  };
}

/**
 * The events of an iCalendar text that overlap [startMs, endMs): recurring series expanded
 * with their EXDATEs and moved or cancelled instances (RECURRENCE-ID) applied.
 */
export function eventsFromIcs(
  text: string,
  startMs: number,
  endMs: number,
  zone: string,
  options: IcsOptions = {},
) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const tz of root.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  const out: CalendarEvent[] = [];
  const keep = (e: ReturnType<typeof toEvent>) => {
    if (e && e.endMs > startMs && e.startMs < endMs) out.push(e.event);
  };
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = new ICAL.Event(component);
    if (event.isRecurrenceException()) continue; // applied through its series
    if (!event.startDate) continue;
    const tzid = tzidOf(event.startDate);
    if (!event.isRecurring()) {
      keep(toEvent(event, event.startDate, event.endDate ?? event.startDate, tzid, zone, options));
      continue;
    }
    const iterator = event.iterator();
    for (
      let i = 0, next = iterator.next();
      next && i < MAX_OCCURRENCES;
      i++, next = iterator.next()
    ) {
      const details = event.getOccurrenceDetails(next);
      const occurrence = toEvent(
        details.item,
        details.startDate,
        details.endDate,
        tzid,
        zone,
        options,
      );
      if (
        occurrence &&
        occurrence.startMs >= endMs &&
        details.recurrenceId.compare(details.startDate) === 0
      )
        break;
      keep(occurrence);
    }
  }
  return out;
}

/** A CalendarSource over ICS texts (files or fetched feeds); a text that cannot be parsed is `unavailable`. */
export function icsCalendarSource(
  load: () => Promise<string[]> | string[],
  options: IcsOptions = {},
): CalendarSource {
  return {
    async listEvents(startMs, endMs, zone) {
      const texts = await load();
      return texts.flatMap((text, i) => {
        try {
          return eventsFromIcs(text, startMs, endMs, zone, options);
        } catch (error) {
          throw new CalendarUnavailableError(
            `calendar feed ${i + 1} is not valid iCalendar: ${(error as Error).message}`,
            {
              cause: error,
            },
          );
        }
      });
    },
  };
}
