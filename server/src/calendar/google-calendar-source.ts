import type { calendar_v3 } from '@googleapis/calendar';
import {
  CalendarUnavailableError,
  isCivilDate,
  isoUtc,
  parseInstant,
  type CalendarEvent,
  type CalendarSource,
} from '@mindflow/shared';
import type { CalendarApi } from './google-calendar-api.ts';

type GoogleEvent = calendar_v3.Schema$Event;

export interface GoogleSourceOptions {
  /** events.list's maxResults: Google's default (250) unless a test wants more pages. */
  pageSize?: number;
  /** A day with more events than pageSize × maxPages fails rather than plan around a part. */
  maxPages?: number;
}

const RESPONSES: Record<string, CalendarEvent['response']> = {
  accepted: 'accepted',
  tentative: 'tentative',
  declined: 'declined',
  needsAction: 'needs_action',
};

/** The calendar's own answer: `self` marks the attendee (or organizer) that is this calendar. */
function responseOf(item: GoogleEvent): CalendarEvent['response'] {
  const me = item.attendees?.find((a) => a.self);
  if (me) return RESPONSES[me.responseStatus ?? ''] ?? null;
  if (item.organizer?.self && item.attendees?.length) return 'organizer';
  return null;
}

function timeOf(time: calendar_v3.Schema$EventDateTime | undefined): string | null {
  if (time?.date && isCivilDate(time.date)) return time.date;
  const ms = time?.dateTime ? parseInstant(time.dateTime) : null;
  return ms === null ? null : isoUtc(ms);
}

/**
 * One events.list item as the planner's event, or null for what is not a meeting: a
 * cancelled instance, a working-location marker ("Home", "Office"), an item without times.
 * Google omits `transparency` when it is "opaque" (its default), so absent means busy here
 * — also for an all-day event, which Google Calendar itself creates as "transparent".
 */
export function eventFromGoogle(item: GoogleEvent): CalendarEvent | null {
  if (item.status === 'cancelled' || item.eventType === 'workingLocation') return null;
  const start = timeOf(item.start);
  const end = timeOf(item.end);
  if (start === null || end === null) return null;
  const allDay = isCivilDate(start);
  if (allDay !== isCivilDate(end)) return null;
  return {
    ...(item.id ? { id: item.id } : {}),
    ...(item.summary ? { title: item.summary } : {}),
    start,
    end,
    all_day: allDay,
    transparency: item.transparency === 'transparent' ? 'transparent' : 'opaque',
    response: responseOf(item),
  };
}

function statusOf(error: unknown): number | undefined {
  const e = error as { status?: number; response?: { status?: number } };
  return e.status ?? e.response?.status;
}

/** Why a read failed, in words a person can act on; never the token or the key. */
function reasonOf(error: unknown, calendarId: string): string {
  const status = statusOf(error);
  if (status === 404) {
    return `Google Calendar has no calendar ${calendarId} that MindFlow may read; share it with the server's service account`;
  }
  if (status === 401 || status === 403) {
    return `Google Calendar refused to show ${calendarId} (${status}); check that it is shared with the service account`;
  }
  if (status === 429) return `Google Calendar is rate-limiting reads of ${calendarId}`;
  const detail = error instanceof Error ? error.message : String(error);
  return `Google Calendar could not be read for ${calendarId}: ${status ? `${status} ` : ''}${detail}`;
}

/**
 * A CalendarSource over one Google calendar through events.list: recurring series come
 * expanded (singleEvents), in start order, page by page. Any failure — network, a calendar
 * no longer shared, too many pages — is CalendarUnavailableError: a plan that silently
 * missed meetings would be worse than no plan.
 */
export function googleCalendarSource(
  api: CalendarApi,
  calendarId: string,
  options: GoogleSourceOptions = {},
): CalendarSource {
  const pageSize = options.pageSize ?? 250;
  const maxPages = options.maxPages ?? 20;
  return {
    async listEvents(startMs, endMs, zone) {
      const out: CalendarEvent[] = [];
      let pageToken: string | undefined;
      for (let page = 0; page < maxPages; page++) {
        let data: calendar_v3.Schema$Events;
        try {
          ({ data } = await api.events.list({
            calendarId,
            timeMin: isoUtc(startMs),
            timeMax: isoUtc(endMs),
            singleEvents: true,
            orderBy: 'startTime',
            showDeleted: false,
            maxResults: pageSize,
            timeZone: zone,
            ...(pageToken ? { pageToken } : {}),
          }));
        } catch (error) {
          throw new CalendarUnavailableError(reasonOf(error, calendarId), { cause: error });
        }
        for (const item of data.items ?? []) {
          const event = eventFromGoogle(item);
          if (event) out.push(event);
        }
        pageToken = data.nextPageToken ?? undefined;
        if (!pageToken) return out;
      }
      throw new CalendarUnavailableError(
        `Google Calendar ${calendarId} has more than ${pageSize * maxPages} events that day`,
      );
    },
  };
}
