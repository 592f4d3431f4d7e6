import { fail, type Result, type TaskServiceDeps, type TimeZonePort } from '@mindflow/shared';
import { CalendarAppSource } from './calendar-app-source.ts';
import { planningSettings, type LoadedSettings } from './daily-plan-settings.ts';

/**
 * What getDailyPlan needs beyond the Sheet, from the user's daily plan settings: their
 * working hours and their calendars. Used by every plan the add-on makes (email, sidebar,
 * GPT), so they all show the same day.
 */
export class PlanContext {
  readonly planning: NonNullable<TaskServiceDeps['planning']>;
  private readonly source: CalendarAppSource;
  private readonly problem: string | null;

  constructor(loaded: LoadedSettings, timeZone: TimeZonePort) {
    this.source = new CalendarAppSource({ calendarIds: loaded.settings.calendar_ids, timeZone });
    this.problem = loaded.problem;
    this.planning = { settings: planningSettings(loaded.settings), calendar: this.source };
  }

  /**
   * The plan with what it could not take into account added to its notes: calendars left
   * out, settings that could not be read. The core's plan cannot know these.
   */
  annotate(result: Result<unknown>): Result<unknown> {
    if (!result.ok) {
      // The service words an unreadable calendar for anyone; keep CalendarApp's own reason.
      const failure = this.source.failure;
      if (failure === null || result.error.code !== 'unavailable') return result;
      return fail('unavailable', result.error.message, {
        reason: 'calendar',
        calendar_error: failure,
      });
    }
    const extra = [...this.source.warnings, ...(this.problem ? [this.problem] : [])];
    if (extra.length === 0) return result;
    const plan = result.data as { notes: string[] };
    return { ok: true, data: { ...plan, notes: [...plan.notes, ...extra] } };
  }
}
