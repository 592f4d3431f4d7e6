import type { DayPlan } from '../planner/day-plan.schema.ts';
import { renderPlanEmailHtml } from './plan-email-html.ts';
import { planEmailModel, type PlanEmailOptions } from './plan-email-model.ts';
import { renderPlanEmailText } from './plan-email-text.ts';

export { planEmailSubject, type PlanEmailOptions } from './plan-email-model.ts';

export interface PlanEmail {
  subject: string;
  /** One column with inline styles; every task and event value escaped. */
  html: string;
  /** The same content as plain text, for the multipart alternative. */
  text: string;
}

/**
 * The morning email of a day plan: one template for both hosts (MailApp in Apps Script,
 * SMTP on the server), which only add the recipient and send it.
 */
export function renderPlanEmail(plan: DayPlan, options: PlanEmailOptions): PlanEmail {
  const model = planEmailModel(plan, options);
  return {
    subject: model.subject,
    html: renderPlanEmailHtml(model),
    text: renderPlanEmailText(model),
  };
}
