import {
  DailyPlanSettingsSchema,
  MAX_CALENDARS,
  SEND_MINUTES,
  type DailyPlanSettings,
  fieldIssues,
  ok,
  validationFailed,
  type PlanSettingsInput,
  type Result,
} from '@mindflow/shared';

// The daily plan email's settings, one JSON value in the *User* Properties: the email goes to
// the person who turned it on, the trigger runs as them and reads their calendars, so each
// person who shares the Sheet has settings (and calendar ids) of their own. Document
// Properties would let one collaborator's calendar choice apply to another's account.

/** User Properties key of the settings (JSON). */
export const DAILY_PLAN_SETTINGS_PROPERTY = 'DAILY_PLAN_SETTINGS';
/** User Properties key of the local date the scheduled email last went out (YYYY-MM-DD). */
export const DAILY_PLAN_LAST_SENT_PROPERTY = 'DAILY_PLAN_LAST_SENT';

// The schema is the dialog's wire contract, so it lives in shared/ (DAILY_PLAN_FUNCTIONS).
export { DailyPlanSettingsSchema, MAX_CALENDARS, SEND_MINUTES, type DailyPlanSettings };

export const DEFAULT_DAILY_PLAN_SETTINGS: DailyPlanSettings = DailyPlanSettingsSchema.parse({});

/** The planner's part of the settings, for TaskServiceDeps.planning. */
export function planningSettings(settings: DailyPlanSettings): PlanSettingsInput {
  const { enabled: _e, hour: _h, minute: _m, calendar_ids: _c, ...planning } = settings;
  return planning;
}

/** "07:30" */
export function sendTimeLabel(settings: Pick<DailyPlanSettings, 'hour' | 'minute'>): string {
  return `${String(settings.hour).padStart(2, '0')}:${String(settings.minute).padStart(2, '0')}`;
}

/** Validates what the dialog sent: every broken rule names its field. */
export function parseDailyPlanSettings(input: unknown): Result<DailyPlanSettings> {
  const parsed = DailyPlanSettingsSchema.safeParse(input ?? {});
  return parsed.success ? ok(parsed.data) : validationFailed(fieldIssues(parsed.error));
}

export interface LoadedSettings {
  settings: DailyPlanSettings;
  /** Set when the stored value could not be read: the defaults stand in, and plans say so. */
  problem: string | null;
}

export function loadDailyPlanSettings(
  props = PropertiesService.getUserProperties(),
): LoadedSettings {
  const stored = props.getProperty(DAILY_PLAN_SETTINGS_PROPERTY);
  if (stored === null) return { settings: DEFAULT_DAILY_PLAN_SETTINGS, problem: null };
  const parsed = parseStored(stored);
  if (parsed?.ok) return { settings: parsed.data, problem: null };
  return {
    settings: DEFAULT_DAILY_PLAN_SETTINGS,
    problem:
      'Your daily plan settings could not be read, so default working hours were used; save them again in MindFlow › Daily plan settings.',
  };
}

function parseStored(stored: string): Result<DailyPlanSettings> | null {
  try {
    return parseDailyPlanSettings(JSON.parse(stored));
  } catch {
    return null;
  }
}

export function storeDailyPlanSettings(
  settings: DailyPlanSettings,
  props = PropertiesService.getUserProperties(),
): void {
  props.setProperty(DAILY_PLAN_SETTINGS_PROPERTY, JSON.stringify(settings));
}
