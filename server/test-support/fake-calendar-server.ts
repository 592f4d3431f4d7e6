import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { listenOnFreePort } from '@mindflow/shared/testing';
import ICAL from 'ical.js';
import type { calendar_v3 } from '@googleapis/calendar';
import { addDays, intlTimeZone, isoUtc, ZonedCalendar } from '@mindflow/shared';

// A local stand-in for the Calendar v3 REST API's events.list, behaving like the real one
// where MindFlow depends on it: singleEvents expands a series (RRULE in its own time zone,
// exceptions moved or cancelled by recurringEventId + originalStartTime), orderBy=startTime
// only with singleEvents, timeMin/timeMax as RFC 3339 with an offset bounding the event's
// end and start, cancelled items hidden unless showDeleted (except a series' cancelled
// exceptions, which the real API lists when singleEvents is off), maxResults pages with an
// opaque nextPageToken tied to its query, dateTime written in the asked timeZone, Google's
// error shape, and 404 for a calendar that is not shared.

type GoogleEvent = calendar_v3.Schema$Event;

interface StoredCalendar {
  timeZone: string;
  events: GoogleEvent[];
}

class ApiError extends Error {
  readonly status: number;
  readonly reason: string;
  constructor(status: number, reason: string, message: string) {
    super(message);
    this.status = status;
    this.reason = reason;
  }
}

const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i;
const MAX_OCCURRENCES = 1000;

interface Placed {
  event: GoogleEvent;
  start: number;
  end: number;
}

export class FakeCalendarServer {
  readonly calendars = new Map<string, StoredCalendar>();
  /** The query string of every events.list call, in order. */
  readonly requests: URLSearchParams[] = [];
  private failures: { status: number; times: number } | null = null;
  private server: Server | null = null;

  addCalendar(id: string, events: GoogleEvent[], timeZone = 'America/New_York'): void {
    this.calendars.set(id, { timeZone, events });
  }

  /** The next `times` calls answer `status` (Google's error body), then calls succeed again. */
  failNext(status: number, times = 1): void {
    this.failures = { status, times };
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.handle(req, res));
    return `http://127.0.0.1:${await listenOnFreePort(this.server)}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://fake');
    try {
      const match = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(url.pathname);
      if (req.method !== 'GET' || !match) throw new ApiError(404, 'notFound', 'Not Found');
      this.requests.push(url.searchParams);
      if (this.failures && this.failures.times > 0) {
        this.failures.times--;
        const status = this.failures.status;
        throw new ApiError(
          status,
          status === 429 ? 'rateLimitExceeded' : 'backendError',
          'Injected failure',
        );
      }
      const body = this.list(decodeURIComponent(match[1]!), url.searchParams);
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(JSON.stringify(body));
    } catch (error) {
      const e =
        error instanceof ApiError ? error : new ApiError(500, 'backendError', String(error));
      res.writeHead(e.status, { 'content-type': 'application/json; charset=UTF-8' });
      res.end(
        JSON.stringify({
          error: {
            code: e.status,
            message: e.message,
            errors: [{ domain: 'global', reason: e.reason, message: e.message }],
          },
        }),
      );
    }
  }

  private list(calendarId: string, q: URLSearchParams): calendar_v3.Schema$Events {
    const calendar = this.calendars.get(calendarId);
    if (!calendar) throw new ApiError(404, 'notFound', 'Not Found');
    const single = q.get('singleEvents') === 'true';
    const showDeleted = q.get('showDeleted') === 'true';
    const orderBy = q.get('orderBy');
    if (orderBy === 'startTime' && !single) {
      throw new ApiError(
        400,
        'badRequest',
        'The requested ordering is not available for the particular query.',
      );
    }
    const bound = (name: string) => {
      const text = q.get(name);
      if (text === null) return null;
      if (!RFC3339.test(text)) throw new ApiError(400, 'badRequest', 'Bad Request');
      return Date.parse(text);
    };
    const timeMin = bound('timeMin');
    const timeMax = bound('timeMax');
    if (timeMin !== null && timeMax !== null && timeMax < timeMin) {
      throw new ApiError(400, 'timeRangeEmpty', 'The specified time range is empty.');
    }
    const maxResults = Number(q.get('maxResults') ?? 250);
    if (!Number.isInteger(maxResults) || maxResults < 1) {
      throw new ApiError(400, 'invalid', 'Invalid value for: maxResults');
    }
    const zone = calendar.timeZone;
    const placed = (single ? this.expand(calendar, timeMax) : this.raw(calendar)).filter(
      (p) =>
        (showDeleted || p.event.status !== 'cancelled' || (!single && p.event.recurringEventId)) &&
        (timeMin === null || p.end > timeMin) &&
        (timeMax === null || p.start < timeMax),
    );
    if (orderBy === 'startTime') placed.sort((a, b) => a.start - b.start || a.end - b.end);
    const queryKey = [...q.entries()]
      .filter(([k]) => k !== 'pageToken')
      .map(([k, v]) => `${k}=${v}`)
      .sort()
      .join('&');
    const offset = this.pageOffset(q.get('pageToken'), queryKey);
    const page = placed.slice(offset, offset + Math.min(maxResults, 2500));
    const next = offset + page.length < placed.length ? offset + page.length : null;
    const view = new ZonedCalendar(intlTimeZone, q.get('timeZone') ?? zone);
    return {
      kind: 'calendar#events',
      summary: calendarId,
      timeZone: zone,
      items: page.map((p) => written(p.event, view)),
      ...(next === null
        ? {}
        : {
            nextPageToken: Buffer.from(JSON.stringify({ offset: next, queryKey })).toString(
              'base64url',
            ),
          }),
    };
  }

  private pageOffset(token: string | null, queryKey: string): number {
    if (token === null) return 0;
    try {
      const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as {
        offset: number;
        queryKey: string;
      };
      if (parsed.queryKey === queryKey) return parsed.offset;
    } catch {
      // fall through: Google answers 400 for a token it did not issue for this query
    }
    throw new ApiError(400, 'invalid', 'Invalid page token value.');
  }

  /** Without singleEvents a series is one item, spanning its first to its last instance. */
  private raw(calendar: StoredCalendar): Placed[] {
    return calendar.events.map((event) => {
      const placed = placeOf(event, calendar.timeZone);
      if (!event.recurrence?.length) return placed;
      const last = instancesOf(event, calendar.timeZone, null).at(-1);
      return { ...placed, end: last ? instantOf(last.end!, calendar.timeZone) : placed.end };
    });
  }

  /** Single events and every instance of each series, exceptions applied. */
  private expand(calendar: StoredCalendar, timeMax: number | null): Placed[] {
    const zone = calendar.timeZone;
    const exceptions = new Map<string, GoogleEvent>();
    for (const e of calendar.events) {
      if (e.recurringEventId && e.originalStartTime) {
        exceptions.set(`${e.recurringEventId}|${originalKey(e.originalStartTime, zone)}`, e);
      }
    }
    const out: Placed[] = [];
    for (const event of calendar.events) {
      if (event.recurringEventId) continue; // placed through its series
      if (!event.recurrence?.length) {
        out.push(placeOf(event, zone));
        continue;
      }
      for (const instance of instancesOf(event, zone, timeMax)) {
        const key = `${event.id}|${originalKey(instance.originalStartTime!, zone)}`;
        const replaced = exceptions.get(key);
        out.push(placeOf(replaced ? { ...replaced, id: instance.id } : instance, zone));
      }
    }
    return out;
  }
}

function instantOf(time: calendar_v3.Schema$EventDateTime, zone: string): number {
  if (time.date) return new ZonedCalendar(intlTimeZone, zone).startOfDay(time.date);
  return Date.parse(time.dateTime!);
}

function placeOf(event: GoogleEvent, zone: string): Placed {
  return { event, start: instantOf(event.start!, zone), end: instantOf(event.end!, zone) };
}

function originalKey(time: calendar_v3.Schema$EventDateTime, zone: string): number {
  return instantOf(time, zone);
}

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The series' instances, in the series' own zone so 09:00 stays 09:00 across DST. */
function instancesOf(
  master: GoogleEvent,
  calendarZone: string,
  timeMax: number | null,
): GoogleEvent[] {
  const allDay = Boolean(master.start!.date);
  const zone = master.start!.timeZone ?? calendarZone;
  const wall = new ZonedCalendar(intlTimeZone, zone);
  const startMs = instantOf(master.start!, zone);
  const durationMs = instantOf(master.end!, zone) - startMs;
  const local = wall.local(startMs);
  const first = ICAL.Time.fromData({
    year: local.year,
    month: local.month,
    day: local.day,
    hour: local.hour,
    minute: local.minute,
    second: 0,
    isDate: allDay,
  });
  const rule = master.recurrence!.find((r) => r.startsWith('RRULE:'))!.slice('RRULE:'.length);
  const iterator = ICAL.Recur.fromString(rule).iterator(first);
  const out: GoogleEvent[] = [];
  for (
    let next = iterator.next(), i = 0;
    next && i < MAX_OCCURRENCES;
    next = iterator.next(), i++
  ) {
    const date = `${next.year}-${String(next.month).padStart(2, '0')}-${String(next.day).padStart(2, '0')}`;
    const at = wall.instantAt(date, next.hour * 60 + next.minute);
    if (timeMax !== null && at >= timeMax) break;
    const { recurrence: _r, ...rest } = master;
    const startTime = allDay ? { date } : { dateTime: isoUtc(at), timeZone: zone };
    out.push({
      ...rest,
      id: `${master.id}_${allDay ? date.replace(/-/g, '') : compact(isoUtc(at))}`,
      recurringEventId: master.id,
      originalStartTime: startTime,
      start: startTime,
      end: allDay
        ? { date: addDays(date, Math.round(durationMs / 86_400_000)) }
        : { dateTime: isoUtc(at + durationMs), timeZone: zone },
    });
  }
  return out;
}

/** An event as the API writes it: dateTime with the offset of the asked zone. */
function written(event: GoogleEvent, view: ZonedCalendar): GoogleEvent {
  const time = (t: calendar_v3.Schema$EventDateTime | undefined) =>
    t?.dateTime ? { ...t, dateTime: view.formatInstant(Date.parse(t.dateTime)) } : t;
  return {
    kind: 'calendar#event',
    ...event,
    start: time(event.start),
    end: time(event.end),
    ...(event.originalStartTime ? { originalStartTime: time(event.originalStartTime) } : {}),
  };
}
