import { gasEnum, ServiceError, type EnumValue } from '../runtime/api-object.ts';

export const AuthMode = gasEnum(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL'] as const);
export const EventType = gasEnum([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
] as const);
export const TriggerSource = gasEnum([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
] as const);
export const WeekDay = gasEnum([
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const);

// Apps Script allows 20 triggers per user per script.
export const MAX_TRIGGERS_PER_USER = 20;

export interface ClockSchedule {
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  everyWeeks?: number;
  atHour?: number;
  nearMinute?: number;
  onWeekDay?: string;
  at?: number;
  afterMs?: number;
  timeZone?: string;
}

export interface TriggerModel {
  uniqueId: string;
  handlerFunction: string;
  eventType: EnumValue;
  source: EnumValue;
  sourceId: string | null;
  ownerEmail: string;
  schedule: ClockSchedule | null;
}

/** Installed triggers, kept across executions; tests fire them through the loader. */
export class TriggerState {
  readonly triggers: TriggerModel[] = [];
  private counter = 0;

  add(trigger: Omit<TriggerModel, 'uniqueId'>): TriggerModel {
    const mine = this.triggers.filter((t) => t.ownerEmail === trigger.ownerEmail);
    if (mine.length >= MAX_TRIGGERS_PER_USER) {
      throw new ServiceError(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    this.counter += 1;
    const model = { ...trigger, uniqueId: String(1_000_000 + this.counter) };
    this.triggers.push(model);
    return model;
  }

  remove(uniqueId: string): void {
    const i = this.triggers.findIndex((t) => t.uniqueId === uniqueId);
    if (i >= 0) this.triggers.splice(i, 1);
  }

  find(idOrHandler: string): TriggerModel | undefined {
    return this.triggers.find(
      (t) => t.uniqueId === idOrHandler || t.handlerFunction === idOrHandler,
    );
  }
}
