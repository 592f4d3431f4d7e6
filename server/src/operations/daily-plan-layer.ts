import type { DailyPlans } from '../daily-plan/daily-plans.ts';
import { executed, forOperation, type ExecutorLayer } from './operation-executor.ts';

/** getDailyPlan with the caller's planning profile and calendars: only a plan reads them. */
export function plannedWithCalendars(plans: DailyPlans): ExecutorLayer {
  return forOperation('getDailyPlan', async (call) =>
    executed(
      await plans.plan({
        user: call.caller.user,
        settings: call.caller.settings,
        store: call.store,
        now: call.now,
        input: call.input,
        onError: call.onError,
      }),
    ),
  );
}
