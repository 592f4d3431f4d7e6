import { z } from 'zod';
import { ACCEPTED_YEARS_RULE, isCivilDate, isInAcceptedYears } from '../time/civil-date.ts';
import { isDue, isInstant } from './task-time.ts';
import { normalizeRepeat } from '../recurrence/repeat-rule.ts';
import {
  dedupeTags,
  DESCRIPTION_MAX,
  PREFERRED_TIMES,
  TAG_RE,
  TAGS_MAX,
  TASK_FIELDS,
  TASK_STATUSES,
  TITLE_MAX,
} from './task-fields.ts';

// One snake_case shape on the wire, in the Sheet's header row and in database columns.

export {
  dedupeTags,
  DESCRIPTION_MAX,
  PREFERRED_TIMES,
  TAG_RE,
  TAGS_MAX,
  TASK_FIELDS,
  TASK_STATUSES,
  TITLE_MAX,
};

export const TaskStatus = z.enum(TASK_STATUSES, {
  error: `status must be one of ${TASK_STATUSES.join(', ')}`,
});
export const PreferredTime = z.enum(PREFERRED_TIMES, {
  error: `preferred_time must be one of ${PREFERRED_TIMES.join(', ')}`,
});

export const TaskId = z.uuid({ error: 'must be a UUID' });

const Title = z
  .string({ error: 'title must be text' })
  .trim()
  .min(1, 'title must not be empty')
  .max(TITLE_MAX, `title must be at most ${TITLE_MAX} characters`)
  .meta({ description: 'What to do, 1–200 characters.' });

const Description = z
  .string({ error: 'description must be text' })
  .max(DESCRIPTION_MAX, `description must be at most ${DESCRIPTION_MAX} characters`)
  .meta({ description: 'Details, up to 2000 characters.' });

const Priority = z
  .int({ error: 'priority must be a whole number from 1 to 5' })
  .min(1, 'priority must be at least 1')
  .max(5, 'priority must be at most 5')
  .meta({
    description: 'Importance 1 (lowest) to 5 (highest), default 3; people read 5 as P1 … 1 as P5.',
  });

export const DueText = z
  .string({ error: 'due must be text' })
  .refine(
    isDue,
    'due must be a date YYYY-MM-DD or a date-time with offset, e.g. 2026-11-27T15:00:00-05:00',
  )
  .refine((s) => !isDue(s) || isInAcceptedYears(s), {
    message: `due must be ${ACCEPTED_YEARS_RULE}`,
    params: { rule: 'range' },
  })
  .meta({
    description:
      'A date YYYY-MM-DD (due by the end of that day) or an ISO 8601 date-time with offset.',
  });

export const InstantText = z
  .string({ error: 'must be text' })
  .refine(isInstant, 'must be an ISO 8601 date-time with offset, e.g. 2026-11-27T15:00:00Z')
  .refine((s) => !isInstant(s) || isInAcceptedYears(s), {
    message: `must be ${ACCEPTED_YEARS_RULE}`,
    params: { rule: 'range' },
  });

const EffortMinutes = z
  .int({ error: 'effort_minutes must be a whole number of minutes' })
  .min(1, 'effort_minutes must be at least 1')
  .max(1440, 'effort_minutes must be at most 1440 (one day)')
  .meta({ description: 'Estimated effort in minutes, 1–1440.' });

const Tag = z
  .string({ error: 'a tag must be text' })
  .transform((t) => t.trim().replace(/^#/, ''))
  .refine((t) => TAG_RE.test(t), 'a tag must be one word of letters, digits, _ or -');

const Tags = z
  .array(Tag, { error: 'tags must be a list of words' })
  .max(TAGS_MAX, `at most ${TAGS_MAX} tags`)
  .transform(dedupeTags)
  .meta({ description: 'Labels, each one word (letters, digits, _ or -).' });

/** Accepts an RFC 5545 RRULE or a phrase like "every monday"; stores the RRULE. */
export const RepeatText = z
  .string({ error: 'repeat must be text' })
  .transform((text, ctx) => {
    const r = normalizeRepeat(text);
    if (r.ok) return r.rrule;
    ctx.addIssue({ code: 'custom', message: r.message });
    return z.NEVER;
  })
  .meta({
    description:
      'Recurrence as an RFC 5545 RRULE (FREQ=WEEKLY;BYDAY=MO) or a phrase like "every weekday", "every 2 weeks on friday", "monthly on the last day".',
  });

const IsoTimestamp = z.string().refine(isInstant, 'must be an ISO 8601 date-time with offset');

/** A stored task: every field present, null where unset. */
export const Task = z.strictObject({
  id: TaskId,
  title: Title,
  description: Description.nullable(),
  status: TaskStatus,
  priority: Priority,
  due: DueText.nullable(),
  effort_minutes: EffortMinutes.nullable(),
  preferred_time: PreferredTime.nullable(),
  tags: z.array(z.string().regex(TAG_RE)),
  snoozed_until: InstantText.nullable(),
  repeat: z
    .string()
    .refine((r) => normalizeRepeat(r).ok, 'repeat must be an RFC 5545 RRULE')
    .nullable(),
  created_at: IsoTimestamp,
  updated_at: IsoTimestamp,
  completed_at: IsoTimestamp.nullable(),
});
export type Task = z.infer<typeof Task>;

export const TaskCreateInput = z.strictObject({
  title: Title,
  description: Description.nullish(),
  status: z
    .enum(['pending', 'in_progress'], {
      error: 'status of a new task must be pending or in_progress',
    })
    .optional(),
  priority: Priority.optional(),
  due: DueText.nullish(),
  effort_minutes: EffortMinutes.nullish(),
  preferred_time: PreferredTime.nullish(),
  tags: Tags.optional(),
  repeat: RepeatText.nullish(),
});
export type TaskCreateInput = z.infer<typeof TaskCreateInput>;

/** Fields a patch may change; null clears an optional field. */
export const TaskPatchFields = {
  title: Title.optional(),
  description: Description.nullish(),
  status: TaskStatus.optional(),
  priority: Priority.optional(),
  due: DueText.nullish(),
  effort_minutes: EffortMinutes.nullish(),
  preferred_time: PreferredTime.nullish(),
  tags: Tags.optional(),
  snoozed_until: InstantText.nullish(),
  repeat: RepeatText.nullish(),
};
export const TaskPatch = z.strictObject(TaskPatchFields);
export type TaskPatch = z.infer<typeof TaskPatch>;

export function isDateOnly(due: string): boolean {
  return isCivilDate(due);
}
