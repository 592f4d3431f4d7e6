import {
  CalendarUnavailableError,
  fail,
  renderPlanEmail,
  TaskService,
  type CalendarSource,
  type OperationOutput,
  type PlanEmail,
  type Result,
  type TaskStore,
  type TimeZonePort,
} from '@mindflow/shared';
import type { User } from '../accounts/account-repository.ts';
import { planSettingsOf, type UserSettings } from '../accounts/user-settings.ts';
import type { UserCalendars } from '../calendar/user-calendars.ts';

export type DailyPlan = OperationOutput<'getDailyPlan'>;

export interface PlanFor {
  user: User;
  settings: UserSettings;
  store: TaskStore;
  now: number;
  /** getDailyPlan's input: {date?} as the API received it, validated by the catalogue. */
  input: unknown;
  onError?: (error: unknown, operation: string) => void;
}

export interface DailyPlansDeps {
  calendars: UserCalendars | null;
  newId: () => string;
  timeZone: TimeZonePort;
}

/** The link at the end of the email, and its words. */
export const DASHBOARD_LABEL = 'Open your MindFlow dashboard';
export const dashboardUrl = (baseUrl: string) => `${baseUrl.replace(/\/+$/, '')}/`;

/**
 * One way to plan a user's day, for GET /api/plan, the email preview and the morning
 * email: their tasks, their planning profile and every calendar they connected.
 */
export class DailyPlans {
  private readonly deps: DailyPlansDeps;

  constructor(deps: DailyPlansDeps) {
    this.deps = deps;
  }

  async plan(request: PlanFor): Promise<Result<DailyPlan>> {
    const { user, settings } = request;
    const source = this.deps.calendars?.forUser(user.email, settings.calendar_sources);
    // The service words a failed calendar for anyone; the user is owed which one and why.
    let calendarError: string | null = null;
    const watched: CalendarSource | undefined = source && {
      async listEvents(startMs, endMs, zone) {
        try {
          return await source.listEvents(startMs, endMs, zone);
        } catch (error) {
          if (error instanceof CalendarUnavailableError) calendarError = error.message;
          throw error;
        }
      },
    };
    const service = new TaskService({
      store: request.store,
      clock: () => request.now,
      newId: this.deps.newId,
      timeZone: this.deps.timeZone,
      zone: settings.time_zone,
      planning: { settings: planSettingsOf(settings), calendar: watched },
      ...(request.onError ? { onError: request.onError } : {}),
    });
    const result = await service.execute('getDailyPlan', request.input);
    if (!result.ok && result.error.code === 'unavailable' && calendarError !== null) {
      return fail('unavailable', result.error.message, {
        reason: 'calendar',
        calendar_error: calendarError,
      });
    }
    return result;
  }
}

/** The morning email of a plan, linking to the dashboard at `baseUrl`. */
export function planEmailOf(plan: DailyPlan, baseUrl: string): PlanEmail {
  return renderPlanEmail(plan, { appUrl: dashboardUrl(baseUrl), appLabel: DASHBOARD_LABEL });
}
