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

export const UserSettings = z.object({
  time_zone: TimeZoneName.default('UTC'),
  /** The local hour the daily plan is prepared (and later e-mailed). */
  daily_plan_hour: z
    .int({ error: 'daily_plan_hour must be a whole hour 0–23' })
    .min(0, 'daily_plan_hour must be 0–23')
    .max(23, 'daily_plan_hour must be 0–23')
    .default(8),
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
