import { z } from 'zod';
import {
  DueText,
  InstantText,
  Task,
  TaskCreateInput,
  TaskId,
  TaskPatchFields,
} from '../task/task.schema.ts';
import { ACCEPTED_YEARS_RULE, isCivilDate, isInAcceptedYears } from '../time/civil-date.ts';
import { isInstant } from '../task/task-time.ts';
import { scoreOnScale } from '../labels/score-scale.ts';

// Input and output schemas of the catalogue's operations. Inputs reject unknown fields.

export const IdInput = z.strictObject({ id: TaskId.meta({ description: 'The task id.' }) });

export const CompleteTaskInput = z.strictObject({
  id: TaskId.meta({ description: 'The task id.' }),
  expected_due: DueText.nullable().optional().meta({
    description:
      'The due of the occurrence you are completing, as you were shown it. A recurring task moves on only from that occurrence; completing it again changes nothing and answers the same.',
  }),
  expected_updated_at: InstantText.optional().meta({
    description:
      'The task’s updated_at as you last saw it; if it changed since, nothing is completed (409, or 412 with If-Match).',
  }),
});

export const CreateTaskInput = TaskCreateInput;

export const QuickAddInput = z.strictObject({
  text: z
    .string({ error: 'text must be text' })
    .trim()
    .min(1, 'text must not be empty')
    .max(1000, 'text must be at most 1000 characters')
    .meta({
      description:
        'One line, Todoist-style: "Review Q3 metrics by Friday 3pm p1 45m #work @morning every monday".',
    }),
  dry_run: z
    .boolean({ error: 'dry_run must be true or false' })
    .optional()
    .meta({ description: 'Only show what was understood; save nothing.' }),
});

const DateText = z
  .string()
  .refine(isCivilDate, 'must be a date YYYY-MM-DD')
  .refine((s) => !isCivilDate(s) || isInAcceptedYears(s), {
    message: `must be ${ACCEPTED_YEARS_RULE}`,
    params: { rule: 'range' },
  })
  .meta({ description: 'A date YYYY-MM-DD.' });

export const LIST_LIMIT_MAX = 100;

/** A page size; query strings carry it as text, hence the coercion. */
function limitOf(description: string) {
  return z.coerce
    .number({ error: 'limit must be a number' })
    .int('limit must be a whole number')
    .min(1, 'limit must be at least 1')
    .max(LIST_LIMIT_MAX, `limit must be at most ${LIST_LIMIT_MAX}`)
    .optional()
    .meta({ description });
}

export const ListTasksInput = z.strictObject({
  status: z
    .string({ error: 'status must be text' })
    .regex(
      /^(all|open|(pending|in_progress|completed|snoozed)(,(pending|in_progress|completed|snoozed))*)$/,
      'status must be open, all, or a comma-separated list of pending, in_progress, completed, snoozed',
    )
    .optional()
    .meta({
      description:
        'open (default: everything not completed), all, or a comma-separated list of statuses.',
    }),
  tag: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .optional()
    .meta({ description: 'Only tasks with this tag.' }),
  q: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'Text to find in title or description.' }),
  due_before: DateText.optional(),
  due_after: DateText.optional(),
  limit: limitOf('Page size, 1–100 (default 50).'),
  cursor: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .meta({ description: 'next_cursor of the previous page.' }),
});

export const UpdateTaskInput = z.strictObject({
  id: TaskId,
  expected_updated_at: InstantText.optional().meta({
    description: 'Fail with conflict if the task changed since this updated_at.',
  }),
  ...TaskPatchFields,
});

const DURATION_RE = /^(\d{1,4})\s*(m|min|mins|minutes?|h|hours?|d|days?|w|weeks?)$/i;

/** '2h' → 7 200 000 ms; null when it is not a duration of up to a year. */
export function parseDuration(text: string): number | null {
  const m = DURATION_RE.exec(text.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? 'm').toLowerCase()[0];
  const minutes = unit === 'm' ? n : unit === 'h' ? n * 60 : unit === 'd' ? n * 1440 : n * 10080;
  return minutes >= 1 && minutes <= 366 * 1440 ? minutes * 60_000 : null;
}

export const SnoozeTaskInput = z
  .strictObject({
    id: TaskId,
    until: z
      .string()
      .refine(
        (s) => isCivilDate(s) || isInstant(s),
        'until must be a date YYYY-MM-DD or a date-time with offset',
      )
      .refine((s) => !(isCivilDate(s) || isInstant(s)) || isInAcceptedYears(s), {
        message: `until must be ${ACCEPTED_YEARS_RULE}`,
        params: { rule: 'range' },
      })
      .optional()
      .meta({ description: 'Snooze until this date (start of day) or date-time.' }),
    duration: z
      .string()
      .refine(
        (s) => parseDuration(s) !== null,
        'duration must look like 30m, 2h, 3d or 1w (up to a year)',
      )
      .optional()
      .meta({ description: 'Snooze for this long: 30m, 2h, 3d, 1w.' }),
  })
  .refine((v) => (v.until === undefined) !== (v.duration === undefined), {
    message: 'give exactly one of until or duration',
    path: ['until'],
  });

export const RankTasksInput = z.strictObject({
  limit: limitOf('How many of the best tasks to return, 1–100 (default 20).'),
});

export const EmptyInput = z.strictObject({});

export const ScoreReasoningSchema = z.object({
  deadline: z.enum(['overdue', 'today', 'tomorrow', 'this_week', 'later', 'none']),
  deadline_urgency: z.number(),
  deadline_urgency_score: z.number(),
  priority: z.number(),
  priority_score: z.number(),
  effort_bonus: z.number(),
  effort_bonus_score: z.number(),
  time_of_day_multiplier: z.number(),
  context_multiplier: z.number(),
  total_score: z.number(),
  recommendation: z.string(),
});

export const ScoredTaskSchema = z.object({
  task: Task,
  score: z.number().meta({
    description: `Higher is better, at most ${scoreOnScale(0).max}; show it with that scale ("107 / ${scoreOnScale(0).max}").`,
  }),
  reasoning: ScoreReasoningSchema,
});

/** getBestTask when no task is open, or every open one is snoozed: 200 with the reason. */
export const NothingToDoSchema = z.object({
  task: z.null(),
  reason: z
    .string()
    .meta({ description: 'Why there is nothing to do, e.g. "Nothing open — add a task".' }),
});

export const BestTaskOutput = z.union([ScoredTaskSchema, NothingToDoSchema]);

export const TaskListOutput = z.object({
  tasks: z.array(Task),
  next_cursor: z.string().nullable(),
});

export const QuickAddOutput = z.object({
  task: Task,
  saved: z.boolean(),
  understood: z.array(
    z.object({
      kind: z.string(),
      text: z.string(),
      value: z.union([z.string(), z.number()]).optional(),
    }),
  ),
});

export const CompleteTaskOutput = z.object({
  task: Task,
  recurring: z.boolean(),
  previous_due: z.string().nullable(),
  next_due: z.string().nullable(),
});

export const DeleteTaskOutput = z.object({ id: z.string(), deleted: z.literal(true) });

export const RankTasksOutput = z.object({
  ranked: z.array(ScoredTaskSchema),
  total: z.number(),
  evaluated_at: z.string(),
  time_zone: z.string(),
});
