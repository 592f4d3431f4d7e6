import { Router, type Request } from 'express';
import { planEmailOf, type DailyPlans } from '../daily-plan/daily-plans.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';
import { callerOf } from './authenticate.ts';
import { errorBody, sendError } from './http-errors.ts';

export interface PlanEmailRouteDeps {
  plans: DailyPlans;
  stores: TaskStoreFactory;
  clock: () => number;
  /** The dashboard's address in the link; without it, the request's own origin. */
  publicUrl: string | null;
}

/** Where the dashboard is, as the person asking reached this server. */
export function baseUrlOf(req: Request, publicUrl: string | null): string {
  return publicUrl ?? `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}

/**
 * GET /api/plan/email?date=&format=html|text: the morning email of that day as it would be
 * sent, HTML by default or its plain-text part. A preview: it sends nothing.
 */
export function planEmailRoutes(deps: PlanEmailRouteDeps): Router {
  const router = Router();
  router.get('/plan/email', async (req, res) => {
    const caller = callerOf(res);
    const { format = 'html', ...input } = req.query;
    if (format !== 'html' && format !== 'text') {
      return void res
        .status(400)
        .json(
          errorBody('validation_failed', "format must be 'html' or 'text'", [
            { field: 'format', rule: 'one_of', message: "format must be 'html' or 'text'" },
          ]),
        );
    }
    const result = await deps.plans.plan({
      user: caller.user,
      settings: caller.settings,
      store: deps.stores.forUser(caller),
      now: deps.clock(),
      input,
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
