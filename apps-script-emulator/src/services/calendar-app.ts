import { API_LABEL, ApiObject, ServiceError, type EnumValue } from '../runtime/api-object.ts';
import { wallClock, instantFromWall } from '../time/zoned.ts';
import {
  EventTransparency,
  EventType,
  GuestStatus,
  type CalendarEventModel,
  type CalendarModel,
  type CalendarState,
} from './calendar-state.ts';

export class CalendarEventApi extends ApiObject {
  readonly [API_LABEL] = 'CalendarEvent';
  readonly #event: CalendarEventModel;

  constructor(event: CalendarEventModel) {
    super();
    this.#event = event;
  }

  getId(): string {
    return this.#event.id;
  }

  getTitle(): string {
    return this.#event.title;
  }

  getDescription(): string {
    return this.#event.description;
  }

  getLocation(): string {
    return this.#event.location;
  }

  getStartTime(): Date {
    return new Date(this.#event.start);
  }

  getEndTime(): Date {
    return new Date(this.#event.end);
  }

  isAllDayEvent(): boolean {
    return this.#event.allDay;
  }

  getAllDayStartDate(): Date {
    return new Date(this.#event.start);
  }

  getAllDayEndDate(): Date {
    return new Date(this.#event.end);
  }

  getMyStatus(): EnumValue {
    return this.#event.myStatus;
  }

  getTransparency(): EnumValue {
    return this.#event.transparency;
  }

  getEventType(): EnumValue {
    return this.#event.eventType;
  }

  getOriginalCalendarId(): string {
    return this.#event.calendarId;
  }

  isRecurringEvent(): boolean {
    return false;
  }
}

export class CalendarApi extends ApiObject {
  readonly [API_LABEL] = 'Calendar';
  readonly #calendar: CalendarModel;
  readonly #primary: boolean;

  constructor(calendar: CalendarModel, primary: boolean) {
    super();
    this.#calendar = calendar;
    this.#primary = primary;
  }

  getId(): string {
    return this.#calendar.id;
  }

  getName(): string {
    return this.#calendar.name;
  }

  getTimeZone(): string {
    return this.#calendar.timeZone;
  }

  isOwnedByMe(): boolean {
    return this.#calendar.ownedByMe;
  }

  isMyPrimaryCalendar(): boolean {
    return this.#primary;
  }

  isHidden(): boolean {
    return false;
  }

  isSelected(): boolean {
    return true;
  }

  /** Events that start in, end in or span [startTime, endTime), earliest first. */
  getEvents(
    startTime: Date,
    endTime: Date,
    options: { max?: number; search?: string } = {},
  ): CalendarEventApi[] {
    if (this.#calendar.failure !== null) throw new ServiceError(this.#calendar.failure);
    const from = startTime.getTime();
    const to = endTime.getTime();
    const needle = options.search?.toLowerCase();
    const found = this.#calendar.events
      .filter((e) => e.start < to && (e.end > from || (e.start === e.end && e.start >= from)))
      .filter((e) => !needle || `${e.title} ${e.description}`.toLowerCase().includes(needle))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    return found.slice(0, options.max ?? found.length).map((e) => new CalendarEventApi(e));
  }

  /** The calendar day (in the calendar's zone) that contains `date`. */
  getEventsForDay(date: Date): CalendarEventApi[] {
    const zone = this.#calendar.timeZone;
    const w = wallClock(date.getTime(), zone);
    const start = instantFromWall(zone, w.year, w.month, w.day);
    const end = instantFromWall(zone, w.year, w.month, w.day + 1);
    return this.getEvents(new Date(start), new Date(end));
  }

  getEventById(iCalId: string): CalendarEventApi | null {
    const event = this.#calendar.events.find((e) => e.id === iCalId);
    return event ? new CalendarEventApi(event) : null;
  }
}

export class CalendarAppApi extends ApiObject {
  readonly [API_LABEL] = 'CalendarApp';
  readonly GuestStatus = GuestStatus;
  readonly EventTransparency = EventTransparency;
  readonly EventType = EventType;
  readonly #state: CalendarState;

  constructor(state: CalendarState) {
    super();
    this.#state = state;
  }

  getDefaultCalendar(): CalendarApi {
    return this.#wrap(this.#state.defaultCalendar());
  }

  getCalendarById(id: string): CalendarApi | null {
    const calendar = this.#state.calendars.get(id);
    return calendar ? this.#wrap(calendar) : null;
  }

  getAllCalendars(): CalendarApi[] {
    this.#state.defaultCalendar();
    return [...this.#state.calendars.values()].map((c) => this.#wrap(c));
  }

  getAllOwnedCalendars(): CalendarApi[] {
    return this.getAllCalendars().filter((c) => c.isOwnedByMe());
  }

  getCalendarsByName(name: string): CalendarApi[] {
    return this.getAllCalendars().filter((c) => c.getName() === name);
  }

  getEvents(startTime: Date, endTime: Date): CalendarEventApi[] {
    return this.getDefaultCalendar().getEvents(startTime, endTime);
  }

  getEventsForDay(date: Date): CalendarEventApi[] {
    return this.getDefaultCalendar().getEventsForDay(date);
  }

  #wrap(calendar: CalendarModel): CalendarApi {
    return new CalendarApi(calendar, calendar === this.#state.defaultCalendar());
  }
}
