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
  /** Wall-clock time one read of one feed may spend expanding series (default 300 ms). */
  budgetMs?: number;
  /** Recurrence steps one read of one feed may take, over all its series (default 50,000). */
  maxSteps?: number;
}

// A feed is a user's input: 200 series that repeat every day since 1970 must not hold the
// event loop. Series are expanded from just before the window asked for (see startNear), and
// every read is bounded by steps and by time; what the bound cuts off is left out with a note.
const DEFAULT_BUDGET_MS = 300;
const DEFAULT_MAX_STEPS = 50_000;
const MAX_STEPS_PER_SERIES = 5_000;
const DAY_MS = 86_400_000;

const RESPONSES: Record<string, CalendarEvent['response']> = {
  ACCEPTED: 'accepted',
  TENTATIVE: 'tentative',
  DECLINED: 'declined',
  'NEEDS-ACTION': 'needs_action',
};

type Time = ICAL.Time;

/**
 * An event the feed holds but whose times cannot be read: the planner leaves it out and says
 * so in the plan's notes ("1 calendar event had unreadable times and was left out.").
 */
function unreadable(id: string, title: string | undefined): CalendarEvent {
  return { id, ...(title ? { title } : {}), start: 'unreadable', end: 'unreadable' };
}

/** The TZID a time was written with; ical.js keeps it even when no VTIMEZONE defines it. */
function tzidOf(time: Time): string | undefined {
  return (time as Time & { timezone?: string }).timezone;
}

const calendars = new Map<string, ZonedCalendar>();
/** One ZonedCalendar per zone, so its offset cache serves every occurrence of every feed. */
function calendarIn(zone: string): ZonedCalendar {
  let calendar = calendars.get(zone);
  if (!calendar) {
    if (calendars.size >= 500) calendars.clear();
    calendar = new ZonedCalendar(intlTimeZone, zone);
    calendars.set(zone, calendar);
  }
  return calendar;
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
  return (
    calendarIn(wallZone ?? userZone).instantAt(dateOf(time), time.hour * 60 + time.minute) +
    time.second * 1000
  );
}

function dateOf(time: Time): string {
  return `${String(time.year).padStart(4, '0')}-${String(time.month).padStart(2, '0')}-${String(time.day).padStart(2, '0')}`;
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

function spanOf(start: Time, end: Time, tzid: string | undefined, zone: string) {
  if (start.isDate) {
    const calendar = calendarIn(zone);
    return { startMs: calendar.startOfDay(dateOf(start)), endMs: calendar.startOfDay(dateOf(end)) };
  }
  const startMs = instantOf(start, tzid, zone);
  return { startMs, endMs: Math.max(startMs, instantOf(end, tzid, zone)) };
}

function toEvent(
  item: ICAL.Event,
  start: Time,
  end: Time,
  span: { startMs: number; endMs: number },
  options: IcsOptions,
): CalendarEvent | null {
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
  if (start.isDate) return { ...base, start: dateOf(start), end: dateOf(end), all_day: true };
  return { ...base, start: isoUtc(span.startMs), end: isoUtc(span.endMs), all_day: false };
}

/** A feed parsed once, ready to be read for any window (and cached per URL by the feed source). */
export interface ParsedIcs {
  /** Events that happen once, and moved instances whose series is not in the feed. */
  singles: ICAL.Event[];
  /** Recurring series, each with its own exceptions (same UID only: strictExceptions). */
  series: ICAL.Event[];
  /** Events whose DTSTART or DTEND cannot be read: left out, with a note. */
  unreadable: CalendarEvent[];
}

/** Reads the times of an event now, so one unreadable DTSTART fails that event, not the feed. */
function readable(component: ICAL.Component): ICAL.Event | null {
  try {
    const event = new ICAL.Event(component, { strictExceptions: true, exceptions: [] });
    if (!event.startDate) return null;
    void event.endDate;
    if (event.isRecurrenceException()) void event.recurrenceId.toString();
    if (event.isRecurring()) {
      for (const rule of component.getAllProperties('rrule')) void rule.getFirstValue();
      // EXDATE and RDATE times too, while the feed's own zones are registered.
      for (const name of ['exdate', 'rdate'])
        for (const p of component.getAllProperties(name)) void p.getValues();
      void event.iterator().next();
    }
    return event;
  } catch {
    return null;
  }
}

/**
 * Parses an iCalendar text. Only a text that is not iCalendar at all throws; a VTIMEZONE
 * without TZID is ignored and an event whose times cannot be read is left out with a note
 * (docs/PLANNING.md), so one bad entry does not hide a whole calendar.
 */
export function parseIcs(text: string): ParsedIcs {
  const root = new ICAL.Component(ICAL.parse(text));
  // ical.js resolves a TZID through one registry for the process. A feed's VTIMEZONEs are
  // registered only while its times are read (all at once, below, synchronously) and the
  // registry is put back after, so one user's feed cannot redefine another's zones.
  const replaced = new Map<string, ICAL.Timezone | null>();
  for (const tz of root.getAllSubcomponents('vtimezone')) {
    try {
      const zone = new ICAL.Timezone(tz);
      if (!replaced.has(zone.tzid)) {
        replaced.set(
          zone.tzid,
          ICAL.TimezoneService.has(zone.tzid) ? ICAL.TimezoneService.get(zone.tzid) : null,
        );
      }
      ICAL.TimezoneService.register(zone);
    } catch {
      // A VTIMEZONE without TZID names nothing: times that use its zone read as the TZID says.
    }
  }
  try {
    return readEvents(root);
  } finally {
    for (const [tzid, previous] of replaced) {
      if (previous) ICAL.TimezoneService.register(previous, tzid);
      else ICAL.TimezoneService.remove(tzid);
    }
  }
}

function readEvents(root: ICAL.Component): ParsedIcs {
  const masters = new Map<string, ICAL.Event>();
  const exceptions: ICAL.Event[] = [];
  const parsed: ParsedIcs = { singles: [], series: [], unreadable: [] };
  for (const component of root.getAllSubcomponents('vevent')) {
    const event = readable(component);
    if (!event) {
      const uid = String(component.getFirstPropertyValue('uid') ?? '');
      const title = component.getFirstPropertyValue('summary');
      parsed.unreadable.push(unreadable(uid, typeof title === 'string' ? title : undefined));
    } else if (event.isRecurrenceException()) exceptions.push(event);
    else if (event.isRecurring()) {
      masters.set(event.uid, event);
      parsed.series.push(event);
    } else parsed.singles.push(event);
  }
  for (const exception of exceptions) {
    const master = masters.get(exception.uid);
    if (master) master.relateException(exception);
    else parsed.singles.push(exception);
  }
  return parsed;
}

const PERIOD_SECONDS: Record<string, number> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: 86_400,
  WEEKLY: 7 * 86_400,
};

/**
 * Where to start expanding a series so that its first occurrences fall just before
 * `targetMs`, instead of stepping from a DTSTART decades ago. Only for rules whose pattern
 * repeats every period (SECONDLY to WEEKLY): DTSTART moves by whole periods of wall-clock
 * time, as the rule's own iterator steps, so every occurrence lands where the original rule
 * puts it. A COUNT is lowered by the periods skipped when each period has exactly one
 * occurrence (no BY parts); other COUNT rules and MONTHLY/YEARLY rules (at most a few
 * thousand steps in the accepted years) start at DTSTART. The moved DTSTART is itself
 * returned as an occurrence, and it lies before `targetMs`, so a DTSTART that the rule
 * would not produce never reaches the window.
 */
function startNear(
  event: ICAL.Event,
  dtstartMs: number,
  targetMs: number,
): { component: ICAL.Component; dtstart: Time } | 'over' | null {
  const rules = event.component.getAllProperties('rrule');
  if (rules.length !== 1 || targetMs <= dtstartMs) return null;
  const rule = rules[0]!.getFirstValue() as ICAL.Recur;
  const unit = rule.freq ? PERIOD_SECONDS[rule.freq] : undefined;
  if (unit === undefined) return null;
  const period = Math.max(1, rule.interval || 1) * unit;
  const steps = Math.floor((targetMs - dtstartMs) / 1000 / period);
  if (steps <= 0) return null;
  let component = event.component;
  if (rule.count) {
    if (Object.keys(rule.parts).length > 0) return null;
    const left = rule.count - steps;
    if (left <= 0) return 'over';
    component = new ICAL.Component(structuredClone(event.component.jCal));
    const shorter = rule.clone();
    shorter.count = left;
    component.getFirstProperty('rrule')!.setValue(shorter);
  }
  const dtstart = event.startDate.clone();
  if (unit >= 86_400) dtstart.adjust((steps * period) / 86_400, 0, 0, 0);
  else dtstart.adjust(0, 0, 0, steps * period);
  return { component, dtstart };
}

class Budget {
  private steps = 0;
  private readonly maxSteps: number;
  private readonly deadline: number;
  constructor(maxSteps: number, budgetMs: number) {
    this.maxSteps = maxSteps;
    this.deadline = performance.now() + budgetMs;
  }
  /** One more recurrence step; false once the read has used up its steps or its time. */
  step(): boolean {
    this.steps++;
    if (this.steps > this.maxSteps) return false;
    return (this.steps & 15) !== 0 || performance.now() < this.deadline;
  }
  get used() {
    return this.steps;
  }
}

function isException(series: ICAL.Event, occurrence: Time): boolean {
  return (
    occurrence.toString() in series.exceptions ||
    occurrence.convertToZone(ICAL.Timezone.utcTimezone).toString() in series.exceptions
  );
}

/** Adds a series' occurrences in the window to `keep`; false when the budget cut it short. */
function expandSeries(
  series: ICAL.Event,
  startMs: number,
  endMs: number,
  zone: string,
  options: IcsOptions,
  budget: Budget,
  keep: (e: CalendarEvent | null, span: { startMs: number; endMs: number }) => void,
): boolean {
  const tzid = tzidOf(series.startDate);
  // Moved or cancelled instances are read on their own: a move into the window counts
  // wherever its original time was, and a move out of it hides the original time.
  for (const exception of Object.values(series.exceptions)) {
    const end = exception.endDate ?? exception.startDate;
    const span = spanOf(exception.startDate, end, tzidOf(exception.startDate) ?? tzid, zone);
    keep(toEvent(exception, exception.startDate, end, span, options), span);
  }
  const first = spanOf(series.startDate, series.endDate ?? series.startDate, tzid, zone);
  const lead = Math.max(0, first.endMs - first.startMs) + 2 * DAY_MS;
  const near = startNear(series, first.startMs, startMs - lead);
  if (near === 'over') return true;
  const iterator = near
    ? new ICAL.RecurExpansion({ component: near.component, dtstart: near.dtstart })
    : series.iterator();
  for (let i = 0; ; i++) {
    if (i >= MAX_STEPS_PER_SERIES || !budget.step()) return false;
    const next = iterator.next();
    if (!next) return true;
    if (isException(series, next)) continue;
    const details = series.getOccurrenceDetails(next);
    const span = spanOf(details.startDate, details.endDate, tzid, zone);
    if (span.startMs >= endMs && details.item === series) return true;
    keep(toEvent(details.item, details.startDate, details.endDate, span, options), span);
  }
}

/**
 * The events of an iCalendar text (or a feed parsed with parseIcs) that overlap
 * [startMs, endMs): recurring series expanded with their EXDATEs and moved or cancelled
 * instances (RECURRENCE-ID, same UID) applied. Events whose times cannot be read, and series
 * the work bound cut short, come back as events with unreadable times, which the planner
 * leaves out and notes.
 */
export function eventsFromIcs(
  feed: string | ParsedIcs,
  startMs: number,
  endMs: number,
  zone: string,
  options: IcsOptions = {},
): CalendarEvent[] {
  const parsed = typeof feed === 'string' ? parseIcs(feed) : feed;
  const budget = new Budget(
    options.maxSteps ?? DEFAULT_MAX_STEPS,
    options.budgetMs ?? DEFAULT_BUDGET_MS,
  );
  const out: CalendarEvent[] = [...parsed.unreadable];
  const keep = (e: CalendarEvent | null, span: { startMs: number; endMs: number }) => {
    if (e && span.endMs > startMs && span.startMs < endMs) out.push(e);
  };
  for (const event of parsed.singles) {
    const end = event.endDate ?? event.startDate;
    const span = spanOf(event.startDate, end, tzidOf(event.startDate), zone);
    if (span.endMs > startMs && span.startMs < endMs)
      keep(toEvent(event, event.startDate, end, span, options), span);
  }
  for (const series of parsed.series) {
    if (!expandSeries(series, startMs, endMs, zone, options, budget, keep)) {
      out.push(unreadable(series.uid, series.summary || undefined));
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
        let parsed: ParsedIcs;
        try {
          parsed = parseIcs(text);
        } catch (error) {
          throw new CalendarUnavailableError(
            `calendar feed ${i + 1} is not valid iCalendar: ${(error as Error).message}`,
            { cause: error },
          );
        }
        return eventsFromIcs(parsed, startMs, endMs, zone, options);
      });
    },
  };
}
