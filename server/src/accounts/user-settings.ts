import { z } from 'zod';
import { intlTimeZone } from '@mindflow/shared';

// Per-user settings live in one JSON column validated by this schema, so a new setting
// (calendar ids, plan preferences …) is one field here with its default: no migration, and
// rows written before it read back with the default.

const Clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time HH:MM, e.g. 09:00');

export const TimeZoneName = z
  .string({ error: 'time_zone must be text' })
  .refine(
    (zone) => intlTimeZone.isValidZone(zone),
    'time_zone must be an IANA time zone like Europe/Berlin',
  );

export const UserSettings = z.object({
  time_zone: TimeZoneName.default('UTC'),
  working_hours: z
    .object({ start: Clock, end: Clock })
    .refine((w) => w.start < w.end, {
      message: 'working_hours.start must be before end',
      path: ['end'],
    })
    .default({ start: '09:00', end: '17:00' }),
  daily_plan_hour: z
    .int({ error: 'daily_plan_hour must be a whole hour 0–23' })
    .min(0, 'daily_plan_hour must be 0–23')
    .max(23, 'daily_plan_hour must be 0–23')
    .default(8),
});
export type UserSettings = z.output<typeof UserSettings>;

/** PATCH /api/me: any subset of the settings; unknown fields are refused. */
export const UserSettingsPatch = z
  .strictObject({
    time_zone: TimeZoneName.optional(),
    working_hours: z.strictObject({ start: Clock, end: Clock }).optional(),
    daily_plan_hour: z
      .int()
      .min(0, 'daily_plan_hour must be 0–23')
      .max(23, 'daily_plan_hour must be 0–23')
      .optional(),
  })
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
