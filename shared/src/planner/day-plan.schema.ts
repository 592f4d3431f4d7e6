import { z } from 'zod';

// The plan of one day as every surface shows it: the JSON of GET /api/plan and `--json`,
// the morning email's input, the GPT's "plan my day". Times are ISO 8601 with the user's
// offset on that instant, so the wall-clock time can be read straight off the string.

const Instant = z.string().meta({ description: 'ISO 8601 with the offset of the user zone.' });

const EventBlock = z.object({
  kind: z.literal('event'),
  start: Instant,
  end: Instant,
  title: z.string(),
  why: z.string(),
  event_id: z.string().optional(),
});

const TaskBlock = z.object({
  kind: z.literal('task'),
  start: Instant,
  end: Instant,
  task_id: z.string(),
  title: z.string(),
  why: z.string().meta({ description: 'One line: why this task, and why at this time.' }),
  score: z.number(),
  part: z.string().meta({ description: '"1/1", or "2/3" for the second of three chunks.' }),
});

const BufferBlock = z.object({
  kind: z.literal('buffer'),
  start: Instant,
  end: Instant,
  title: z.string(),
  why: z.string(),
});

export const PlanBlockSchema = z.discriminatedUnion('kind', [EventBlock, TaskBlock, BufferBlock]);
export type PlanBlock = z.infer<typeof PlanBlockSchema>;
export type EventBlock = z.infer<typeof EventBlock>;
export type TaskBlock = z.infer<typeof TaskBlock>;
export type BufferBlock = z.infer<typeof BufferBlock>;

export const UNSCHEDULED_CAUSES = [
  'snoozed',
  'not_working_day',
  'day_over',
  'no_room',
  'due_too_soon',
] as const;
export type UnscheduledCause = (typeof UNSCHEDULED_CAUSES)[number];

export const UnscheduledTaskSchema = z.object({
  task_id: z.string(),
  title: z.string(),
  reason: z.string(),
  cause: z.enum(UNSCHEDULED_CAUSES),
});
export type UnscheduledTask = z.infer<typeof UnscheduledTaskSchema>;

export const AtRiskTaskSchema = z.object({
  task_id: z.string(),
  title: z.string(),
  reason: z.string(),
});
export type AtRiskTask = z.infer<typeof AtRiskTaskSchema>;

export const TopTaskSchema = z.object({
  task_id: z.string(),
  title: z.string(),
  priority: z.int().meta({ description: 'As stored, 1–5; 5 is the most important (shown as P1).' }),
  score: z.number(),
  recommendation: z.string(),
  start: Instant.nullable().meta({ description: 'When its first block starts; null if unplaced.' }),
});
export type TopTask = z.infer<typeof TopTaskSchema>;

export const PlanSummarySchema = z.object({
  meeting_minutes: z.int().meta({ description: 'Busy calendar time inside working hours.' }),
  focus_minutes: z.int().meta({ description: 'Time planned for tasks.' }),
  free_minutes: z.int().meta({ description: 'Working time from the plan start left unused.' }),
  load_percent: z
    .int()
    .meta({ description: 'Share of the working time from the plan start that is taken.' }),
});
export type PlanSummary = z.infer<typeof PlanSummarySchema>;

export const DayPlanSchema = z.object({
  date: z.string(),
  time_zone: z.string(),
  working_day: z.boolean(),
  working_hours: z.object({ start: z.string(), end: z.string() }),
  generated_at: Instant,
  notes: z.array(z.string()).meta({ description: 'Day-level explanations, e.g. a day off.' }),
  all_day: z.array(z.object({ title: z.string(), event_id: z.string().optional() })),
  blocks: z.array(PlanBlockSchema).meta({ description: 'The whole day in time order.' }),
  unscheduled: z.array(UnscheduledTaskSchema),
  at_risk: z.array(AtRiskTaskSchema),
  top_tasks: z.array(TopTaskSchema).meta({ description: 'The three best tasks, best first.' }),
  summary: PlanSummarySchema,
});
export type DayPlan = z.infer<typeof DayPlanSchema>;
