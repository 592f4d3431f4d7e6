import { Router, type Request } from 'express';
import { z } from 'zod';
import { defineRoute, ErrorBodySchema, GetDailyPlanInput, type RouteDoc } from '@mindflow/shared';
import { planEmailOf } from '../daily-plan/daily-plans.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import { mountRoute } from './api-route.ts';
import { callerOf } from './authenticate.ts';
import { sendError } from './http-errors.ts';

export interface PlanEmailRouteDeps {
  executor: OperationExecutor;
  /** The dashboard's address in the link; without it, the request's own origin. */
  publicUrl: string | null;
}

/** Where the dashboard is, as the person asking reached this server. */
export function baseUrlOf(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

export const PLAN_EMAIL_ROUTE = defineRoute({
  method: 'GET',
  path: '/api/plan/email',
  operationId: 'previewPlanEmail',
  summary: 'Preview the morning email',
  description:
    'The morning email of a day as it would be sent, HTML by default or its plain-text part. Sends nothing.',
  tag: 'Plan',
  auth: true,
  query: GetDailyPlanInput.extend({
    format: z
      .enum(['html', 'text'], { error: "format must be 'html' or 'text'" })
      .default('html')
      .meta({ description: 'html (default) or text.' }),
  }),
  responses: {
    '200': { description: 'The email', contentType: 'text/html' },
    default: { description: 'An error with a stable code', schema: ErrorBodySchema },
  },
}) satisfies RouteDoc;

/** GET /api/plan/email: the plan the API would answer, as the email the schedule would send. */
export function planEmailRoutes(deps: PlanEmailRouteDeps): Router {
  const router = Router();
  mountRoute(router, PLAN_EMAIL_ROUTE, async ({ query }, req, res) => {
    const { format, ...input } = query;
    const { result } = await deps.executor.run(callerOf(res), 'getDailyPlan', input, {
      onError: (error, operation) => req.log.error({ err: error, operation }, 'operation failed'),
    });
    if (!result.ok) return sendError(res, result.error);
    const email = planEmailOf(result.data, baseUrlOf(req, deps.publicUrl));
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'text') res.type('text/plain; charset=utf-8').send(email.text);
    else res.type('text/html; charset=utf-8').send(email.html);
  });
  return router;
}
