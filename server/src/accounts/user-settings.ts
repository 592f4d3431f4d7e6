import { z } from 'zod';
import { intlTimeZone, PlanSettingsSchema, type PlanSettingsInput } from '@mindflow/shared';

// Per-user settings live in one JSON column validated by this schema, so a new setting is
// one field here with its default: no migration, and rows written before it read back with
// the default. The planning profile (working hours and days, lunch, buffers …) is the
// core's own PlanSettingsSchema, so the server and the add-on plan with the same rules.

export const TimeZoneName = z
  .string({ error: 'time_zone must be text' })
  .refine(
    (zone) => intlTimeZone.isValidZone(zone),
    'time_zone must be an IANA time zone like Europe/Berlin',
  );

/** When the morning email goes out: the user's local wall-clock time, in time_zone. */
export const DailyPlanSchedule = z.strictObject({
  /** Off until the user turns it on: an email nobody asked for is spam. */
  enabled: z.boolean({ error: 'enabled must be true or false' }).default(false),
  hour: z
    .int({ error: 'hour must be a whole hour 0–23' })
    .min(0, 'hour must be 0–23')
    .max(23, 'hour must be 0–23')
    .default(7),
  // Any minute: the scheduler looks every few minutes and sends at the first look after it.
  minute: z
    .int({ error: 'minute must be a whole minute 0–59' })
    .min(0, 'minute must be 0–59')
    .max(59, 'minute must be 0–59')
    .default(30),
});
export type DailyPlanSchedule = z.output<typeof DailyPlanSchedule>;

/**
 * An ICS feed's address. https only: the server fetches it, so plain http would let anyone
 * on the path rewrite a calendar. http://127.0.0.1 is the exception for local feeds and
 * tests; whether a loopback or private address may be fetched at all is decided at fetch
 * time (ics-url-source.ts), where the name is resolved.
 */
export function isAllowedIcsUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

export const CalendarSourceSetting = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('google'),
      /** The calendar's id: for someone's main calendar, their address. */
      calendar_id: z
        .string({ error: 'calendar_id must be text' })
        .trim()
        .min(1, 'calendar_id must not be empty')
        .max(255, 'calendar_id must be at most 255 characters'),
    }),
    z.strictObject({
      kind: z.literal('ics'),
      url: z
        .string({ error: 'url must be text' })
        .max(2000, 'url must be at most 2000 characters')
        .refine(isAllowedIcsUrl, 'url must be an https:// address of an iCalendar feed'),
    }),
  ],
  { error: "kind must be 'google' or 'ics'" },
);
export type CalendarSourceSetting = z.output<typeof CalendarSourceSetting>;

/** Each source is read for every plan; the bound keeps a plan to a few seconds. */
export const MAX_CALENDAR_SOURCES = 10;

export const UserSettings = z.object({
  time_zone: TimeZoneName.default('UTC'),
  /** The morning email: off by default, at 07:30 local time once turned on. */
  daily_plan: DailyPlanSchedule.default(DailyPlanSchedule.parse({})),
  /** The calendars every plan (API, preview, email) reads; the email goes to the account's email. */
  calendar_sources: z
    .array(CalendarSourceSetting)
    .max(MAX_CALENDAR_SOURCES, `calendar_sources: at most ${MAX_CALENDAR_SOURCES} calendars`)
    .default([]),
  ...PlanSettingsSchema.shape,
});
export type UserSettings = z.output<typeof UserSettings>;

const PLAN_KEYS = Object.keys(PlanSettingsSchema.shape) as (keyof PlanSettingsInput)[];

/** The planning profile the core's planner takes. */
export function planSettingsOf(settings: UserSettings): PlanSettingsInput {
  return Object.fromEntries(PLAN_KEYS.map((k) => [k, settings[k]])) as PlanSettingsInput;
}

/**
 * PATCH /api/me names any subset of the settings; unknown fields are refused. Values are
 * checked by parsing the merged settings with UserSettings, so each rule lives once.
 */
export const UserSettingsPatch = z
  .strictObject(
    Object.fromEntries(Object.keys(UserSettings.shape).map((k) => [k, z.unknown().optional()])),
  )
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one setting to change' });

// Settings are read on every request (they hold the zone); most users share a few JSON texts,
// so parsed values are remembered by text. The values are never mutated, only replaced.
const parsedByText = new Map<string, UserSettings>();

export function readSettings(json: string | null): UserSettings {
  const key = json ?? '';
  const known = parsedByText.get(key);
  if (known) return known;
  const settings = parseSettings(json);
  if (parsedByText.size >= 1000) parsedByText.clear();
  parsedByText.set(key, settings);
  return settings;
}

function parseSettings(json: string | null): UserSettings {
  let raw: unknown;
  try {
    raw = json ? JSON.parse(json) : {};
  } catch {
    raw = {};
  }
  const parsed = UserSettings.safeParse(raw);
  // A stored value that no longer validates (a zone removed from tzdata) falls back to defaults.
  return parsed.success ? parsed.data : UserSettings.parse({});
}

/**
 * The settings a PATCH asks for, over the current ones. Top-level fields are replaced;
 * daily_plan is merged, so `{"daily_plan":{"enabled":true}}` keeps the chosen time.
 */
export function patchedSettings(
  current: UserSettings,
  patch: Record<string, unknown>,
): Record<string, unknown> {
  const known = Object.fromEntries(Object.entries(patch).filter(([k]) => k in UserSettings.shape));
  const plan = known.daily_plan;
  if (typeof plan === 'object' && plan !== null && !Array.isArray(plan)) {
    known.daily_plan = { ...current.daily_plan, ...plan };
  }
  return { ...current, ...known };
}
