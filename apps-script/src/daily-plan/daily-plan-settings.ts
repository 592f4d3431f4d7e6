import { z } from 'zod';
import {
  fieldIssues,
  ok,
  PlanSettingsSchema,
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

/** Time-driven triggers run within ±15 minutes of nearMinute, so finer choices would be a promise we cannot keep. */
export const SEND_MINUTES = [0, 15, 30, 45] as const;
/** Calendars read for one plan: each is one CalendarApp call, and the trigger has 6 minutes. */
export const MAX_CALENDARS = 20;

// Google's calendar ids are an address-like string well under 255 characters; the bound
// keeps 20 of them inside Properties' 9 kB per value.
const CalendarId = z.string().trim().min(1, 'a calendar id cannot be empty').max(255);

export const DailyPlanSettingsSchema = PlanSettingsSchema.extend({
  /** Off until the user turns it on: an email nobody asked for is spam. */
  enabled: z.boolean().default(false),
  /** Local hour of the spreadsheet's zone. */
  hour: z.int().min(0).max(23).default(7),
  minute: z.literal(SEND_MINUTES, { error: 'minute must be 0, 15, 30 or 45' }).default(30),
  /** Read besides the default calendar, which is always read. */
  calendar_ids: z
    .array(CalendarId)
    .max(MAX_CALENDARS, `choose at most ${MAX_CALENDARS} calendars`)
    .default([])
    .transform((ids) => [...new Set(ids)]),
});
export type DailyPlanSettings = z.output<typeof DailyPlanSettingsSchema>;

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
