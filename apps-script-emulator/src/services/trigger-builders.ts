import { API_LABEL, ApiObject, ServiceError, type EnumValue } from '../runtime/api-object.ts';
import { SpreadsheetApi } from '../spreadsheet/spreadsheet.ts';
import {
  EventType,
  TriggerSource,
  type ClockSchedule,
  type TriggerModel,
  type TriggerState,
} from './trigger-state.ts';

export class TriggerApi extends ApiObject {
  readonly [API_LABEL] = 'Trigger';
  readonly #model: TriggerModel;

  constructor(model: TriggerModel) {
    super();
    this.#model = model;
  }

  getHandlerFunction(): string {
    return this.#model.handlerFunction;
  }

  getEventType(): EnumValue {
    return this.#model.eventType;
  }

  getTriggerSource(): EnumValue {
    return this.#model.source;
  }

  getTriggerSourceId(): string | null {
    return this.#model.sourceId;
  }

  getUniqueId(): string {
    return this.#model.uniqueId;
  }
}

export interface TriggerContext {
  state: TriggerState;
  handler: string;
  ownerEmail: string;
}

const ALLOWED = { everyMinutes: [1, 5, 10, 15, 30], everyHours: [1, 2, 4, 6, 8, 12] } as const;

export class ClockTriggerBuilderApi extends ApiObject {
  readonly [API_LABEL] = 'ClockTriggerBuilder';
  readonly #ctx: TriggerContext;
  readonly #schedule: ClockSchedule = {};

  constructor(ctx: TriggerContext) {
    super();
    this.#ctx = ctx;
  }

  everyMinutes(n: number): this {
    if (!(ALLOWED.everyMinutes as readonly number[]).includes(n)) {
      throw new ServiceError(
        'The value passed to everyMinutes() must be one of 1, 5, 10, 15 or 30.',
      );
    }
    return this.#set({ everyMinutes: n });
  }

  everyHours(n: number): this {
    if (!(ALLOWED.everyHours as readonly number[]).includes(n)) {
      throw new ServiceError(
        'The value passed to everyHours() must be one of 1, 2, 4, 6, 8 or 12.',
      );
    }
    return this.#set({ everyHours: n });
  }

  everyDays(n: number): this {
    return this.#set({ everyDays: n });
  }

  everyWeeks(n: number): this {
    return this.#set({ everyWeeks: n });
  }

  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw new ServiceError('Invalid argument: hour');
    return this.#set({ atHour: hour });
  }

  nearMinute(minute: number): this {
    return this.#set({ nearMinute: minute });
  }

  onWeekDay(day: EnumValue): this {
    return this.#set({ onWeekDay: day.name() });
  }

  at(date: Date): this {
    return this.#set({ at: date.getTime() });
  }

  after(durationMilliseconds: number): this {
    return this.#set({ afterMs: durationMilliseconds });
  }

  inTimezone(timezone: string): this {
    return this.#set({ timeZone: timezone });
  }

  create(): TriggerApi {
    const s = this.#schedule;
    const recurring = s.everyMinutes ?? s.everyHours ?? s.everyDays ?? s.everyWeeks;
    if (recurring === undefined && s.at === undefined && s.afterMs === undefined) {
      throw new ServiceError(
        'The trigger needs a schedule: call everyDays(), everyHours(), at() or after().',
      );
    }
    if (s.atHour !== undefined && s.everyDays === undefined && s.everyWeeks === undefined) {
      throw new ServiceError('atHour() needs everyDays() or everyWeeks().');
    }
    const model = this.#ctx.state.add({
      handlerFunction: this.#ctx.handler,
      eventType: EventType.CLOCK,
      source: TriggerSource.CLOCK,
      sourceId: null,
      ownerEmail: this.#ctx.ownerEmail,
      schedule: { ...s },
    });
    return new TriggerApi(model);
  }

  #set(change: ClockSchedule): this {
    Object.assign(this.#schedule, change);
    return this;
  }
}

export class SpreadsheetTriggerBuilderApi extends ApiObject {
  readonly [API_LABEL] = 'SpreadsheetTriggerBuilder';
  readonly #ctx: TriggerContext;
  readonly #spreadsheetId: string;
  #event: EnumValue | null = null;

  constructor(ctx: TriggerContext, spreadsheetId: string) {
    super();
    this.#ctx = ctx;
    this.#spreadsheetId = spreadsheetId;
  }

  onOpen(): this {
    this.#event = EventType.ON_OPEN;
    return this;
  }

  onEdit(): this {
    this.#event = EventType.ON_EDIT;
    return this;
  }

  onChange(): this {
    this.#event = EventType.ON_CHANGE;
    return this;
  }

  onFormSubmit(): this {
    this.#event = EventType.ON_FORM_SUBMIT;
    return this;
  }

  create(): TriggerApi {
    if (!this.#event)
      throw new ServiceError('The trigger needs an event: call onOpen(), onEdit() or onChange().');
    const model = this.#ctx.state.add({
      handlerFunction: this.#ctx.handler,
      eventType: this.#event,
      source: TriggerSource.SPREADSHEETS,
      sourceId: this.#spreadsheetId,
      ownerEmail: this.#ctx.ownerEmail,
      schedule: null,
    });
    return new TriggerApi(model);
  }
}

export class TriggerBuilderApi extends ApiObject {
  readonly [API_LABEL] = 'TriggerBuilder';
  readonly #ctx: TriggerContext;

  constructor(ctx: TriggerContext) {
    super();
    this.#ctx = ctx;
  }

  timeBased(): ClockTriggerBuilderApi {
    return new ClockTriggerBuilderApi(this.#ctx);
  }

  forSpreadsheet(sheet: SpreadsheetApi | string): SpreadsheetTriggerBuilderApi {
    const id = sheet instanceof SpreadsheetApi ? sheet.getId() : String(sheet);
    return new SpreadsheetTriggerBuilderApi(this.#ctx, id);
  }
}
