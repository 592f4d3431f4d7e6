import { schedule } from 'node-cron';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import type { UserCalendars } from '../calendar/user-calendars.ts';
import { DailyPlans } from './daily-plans.ts';
import { logMailer, smtpMailer } from './mailer.ts';
import { PlanEmailLedger } from './plan-email-ledger.ts';
import { runPlanEmailTick, type PlanEmailTickDeps, type TickReport } from './plan-email-tick.ts';

export const DEFAULT_PLAN_EMAIL_CRON = '*/5 * * * *';

export interface PlanEmailSchedule {
  /** Stops the schedule, lets a tick in progress finish its current users, then resolves. */
  stop(): Promise<void>;
}

/**
 * Runs `tick` on the cron expression. The expression is read in UTC: in a zone with DST an
 * "every 5 minutes" schedule pauses for the repeated hour of a fall-back night, and each
 * user's own zone is handled by the tick anyway. A tick still running when the next is due
 * makes that one skip (noOverlap), so ticks never pile up.
 */
export function startPlanEmailSchedule(options: {
  cron: string;
  tick: () => Promise<TickReport>;
  logger: Logger;
}): PlanEmailSchedule {
  let running: Promise<unknown> | null = null;
  const task = schedule(
    options.cron,
    async () => {
      const run = options.tick().then(
        (report) => {
          if (report.outcomes.length > 0 || report.deferred > 0) {
            const count = (o: string) => report.outcomes.filter((x) => x.outcome === o).length;
            options.logger.info(
              {
                sent: count('sent'),
                retry: count('retry'),
                gaveUp: count('gave_up'),
                taken: count('taken'),
                deferred: report.deferred,
              },
              'plan email tick',
            );
          }
        },
        (error: unknown) => options.logger.error({ err: error }, 'plan email tick failed'),
      );
      running = run;
      await run;
      running = null;
    },
    {
      name: 'plan-email',
      timezone: 'UTC',
      noOverlap: true,
      // node-cron's own notices (a missed or overlapping run) go to our log, not the console.
      logger: {
        info: (message) => options.logger.debug(message),
        debug: (message) => options.logger.debug(String(message)),
        warn: (message) => options.logger.warn(message),
        error: (message, err) => options.logger.error({ err }, String(message)),
      },
    },
  );
  return {
    async stop() {
      await task.destroy();
      await running;
    },
  };
}

export interface PlanEmailServiceOptions extends Omit<
  PlanEmailTickDeps,
  'mailer' | 'ledger' | 'plans' | 'stopping'
> {
  mailer: 'smtp' | 'log';
  smtpUrl: string | null;
  cron: string;
  calendars: UserCalendars;
}

/** The morning email, as main.ts runs it: the mailer, the ledger and the schedule. */
export function startPlanEmailService(options: PlanEmailServiceOptions): PlanEmailSchedule {
  const mailer =
    options.mailer === 'smtp'
      ? smtpMailer({ url: options.smtpUrl!, from: options.from })
      : logMailer(options.logger, options.from);
  let stopping = false;
  const deps: PlanEmailTickDeps = {
    ...options,
    mailer,
    ledger: new PlanEmailLedger(options.db),
    plans: new DailyPlans({
      calendars: options.calendars,
      newId: randomUUID,
      timeZone: options.timeZone,
    }),
    stopping: () => stopping,
  };
  const schedule = startPlanEmailSchedule({
    cron: options.cron,
    tick: () => runPlanEmailTick(deps),
    logger: options.logger,
  });
  options.logger.info(
    { cron: options.cron, mailer: mailer.kind, instance: options.instanceId },
    'plan email schedule started',
  );
  return {
    async stop() {
      stopping = true;
      await schedule.stop();
      mailer.close();
    },
  };
}
