import { z } from 'zod';
import { DayPlanSchema } from '../planner/day-plan.schema.ts';
import { ACCEPTED_YEARS_RULE, isCivilDate, isInAcceptedYears } from '../time/civil-date.ts';

// Input and output of getDailyPlan. The plan's own shape lives with the planner.

export const GetDailyPlanInput = z.strictObject({
  date: z
    .string()
    .refine(isCivilDate, 'date must be a date YYYY-MM-DD')
    .refine((s) => !isCivilDate(s) || isInAcceptedYears(s), {
      message: `date must be ${ACCEPTED_YEARS_RULE}`,
      params: { rule: 'range' },
    })
    .optional()
    .meta({ description: 'The day to plan, YYYY-MM-DD in your time zone (default: today).' }),
});

export const GetDailyPlanOutput = DayPlanSchema.extend({
  unscheduled_omitted: z
    .int()
    .optional()
    .meta({ description: 'How many unscheduled tasks were left off to keep the answer short.' }),
});
