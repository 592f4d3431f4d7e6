import { z } from 'zod';

// A person's planning profile: stored per user by the host (the Sheet's settings, a DB row)
// and parsed with PlanSettingsSchema at that boundary. Field names are the wire names.

const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;

/** Minutes since midnight of "HH:MM" ("24:00" is the end of the day), or null. */
export function clockMinutes(text: string): number | null {
  if (!CLOCK_RE.test(text)) return null;
  return Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
}

const Clock = z
  .string()
  .refine((s) => clockMinutes(s) !== null, 'must be a time HH:MM, 00:00 to 24:00');

const TimeRange = z
  .strictObject({ start: Clock, end: Clock })
  .refine((r) => (clockMinutes(r.start) ?? 0) < (clockMinutes(r.end) ?? 0), {
    message: 'start must be before end (ranges across midnight are not supported)',
    path: ['end'],
  });
export type TimeRange = z.infer<typeof TimeRange>;

const Minutes = (max: number) => z.int().min(0).max(max);

export const PlanSettingsSchema = z.strictObject({
  working_hours: TimeRange.default({ start: '09:00', end: '17:30' }),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  working_days: z
    .array(z.int().min(1).max(7))
    .max(7)
    .default([1, 2, 3, 4, 5])
    .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
  /** Kept free like a meeting, without a buffer after it. */
  lunch: TimeRange.nullable().default(null),
  /** Kept free after every meeting, so tasks never start the minute a call ends. */
  buffer_minutes: Minutes(120).default(5),
  /** What a task without an estimate is planned as. */
  default_effort_minutes: z.int().min(1).max(1440).default(30),
  /** Free gaps shorter than this are not offered to tasks. */
  min_block_minutes: z.int().min(1).max(240).default(15),
  /** A split task's parts are never shorter than this. */
  min_chunk_minutes: z.int().min(5).max(480).default(30),
});
export type PlanSettings = z.output<typeof PlanSettingsSchema>;
/** What a host may pass: any subset, the rest defaulted. */
export type PlanSettingsInput = z.input<typeof PlanSettingsSchema>;

export const DEFAULT_PLAN_SETTINGS: PlanSettings = PlanSettingsSchema.parse({});

/**
 * A full profile from any subset, validated: hosts call this once when they load a user's
 * settings. Throws a ZodError on an invalid profile, which is a configuration bug.
 */
export function resolvePlanSettings(input: PlanSettingsInput = {}): PlanSettings {
  return PlanSettingsSchema.parse(input);
}

let defaults: PlanSettings | undefined;

/**
 * The settings when none are given, worked out once (a TaskService is made per request, and
 * parsing the defaults each time was a noticeable part of a cheap one). Frozen, since every
 * caller shares it.
 */
export function defaultPlanSettings(): PlanSettings {
  return (defaults ??= deepFreeze(resolvePlanSettings()));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
