import type { CalendarEvent, CalendarSource } from '@mindflow/shared';
import { CalendarUnavailableError } from '@mindflow/shared';
import type { CalendarSourceSetting } from '../accounts/user-settings.ts';
import {
  openCalendarApi,
  type CalendarApi,
  type CalendarConnection,
} from './google-calendar-api.ts';
import { googleCalendarSource, type GoogleSourceOptions } from './google-calendar-source.ts';
import { icsUrlCalendarSource, type IcsFetchOptions } from './ics-url-source.ts';

export interface UserCalendarsOptions {
  /** Google credentials or a local API; null: this server cannot read Google calendars. */
  google: CalendarConnection | null;
  ics?: IcsFetchOptions;
  googleSource?: GoogleSourceOptions;
}

/**
 * Builds one CalendarSource from a user's calendar_sources: every source is read at once
 * and a plan needs all of them, so one that fails makes the plan `unavailable`.
 */
export class UserCalendars {
  readonly googleAvailable: boolean;
  private readonly options: UserCalendarsOptions;
  private api: Promise<CalendarApi> | null = null;

  constructor(options: UserCalendarsOptions) {
    this.options = options;
    this.googleAvailable = options.google !== null;
  }

  private googleApi(): Promise<CalendarApi> {
    const connection = this.options.google;
    if (!connection) {
      return Promise.reject(
        new CalendarUnavailableError('this server has no Google credentials to read calendars'),
      );
    }
    this.api ??= openCalendarApi(connection);
    return this.api;
  }

  private sourceOf(setting: CalendarSourceSetting, email: string): CalendarSource {
    if (setting.kind === 'ics') {
      return icsUrlCalendarSource(setting.url, { ...this.options.ics, selfEmail: email });
    }
    return {
      listEvents: async (startMs, endMs, zone) => {
        const api = await this.googleApi();
        return googleCalendarSource(api, setting.calendar_id, this.options.googleSource).listEvents(
          startMs,
          endMs,
          zone,
        );
      },
    };
  }

  /** undefined when the user connected no calendar: plans then see no meetings. */
  forUser(email: string, settings: readonly CalendarSourceSetting[]): CalendarSource | undefined {
    if (settings.length === 0) return undefined;
    const sources = settings.map((s) => this.sourceOf(s, email));
    return {
      async listEvents(startMs, endMs, zone): Promise<CalendarEvent[]> {
        const lists = await Promise.all(sources.map((s) => s.listEvents(startMs, endMs, zone)));
        return lists.flat();
      },
    };
  }
}
