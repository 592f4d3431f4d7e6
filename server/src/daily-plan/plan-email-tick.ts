import type { Logger } from 'pino';
import type { TimeZonePort } from '@mindflow/shared';
import type { SqlClient } from '../db/sql-client.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';
import { planEmailOf, type DailyPlans } from './daily-plans.ts';
import { deliveryError, MailDeliveryError, senderDomain, type Mailer } from './mailer.ts';
import { claimable, type Claim, type PlanEmailLedger } from './plan-email-ledger.ts';
import { dueLocalDate, planEmailRecipients, type Recipient } from './plan-email-recipients.ts';

export interface PlanEmailTickDeps {
  db: SqlClient;
  ledger: PlanEmailLedger;
  plans: DailyPlans;
  stores: TaskStoreFactory;
  mailer: Mailer;
  /** The From address, for the Message-ID's domain. */
  from: string;
  /** The dashboard's base URL, for the link in the email. */
  baseUrl: string;
  /** Written into the claims this instance makes. */
  instanceId: string;
  timeZone: TimeZonePort;
  clock: () => number;
  logger: Logger;
  /** Emails one tick sends at most; the rest wait for the next tick. */
  maxPerTick?: number;
  /** Users planned and sent at once. */
  concurrency?: number;
  /** True once shutdown began: no further user is started. */
  stopping?: () => boolean;
}

export type DeliveryOutcome = 'sent' | 'retry' | 'gave_up' | 'taken';

export interface TickReport {
  /** Users whose email is due and not yet sent or held elsewhere. */
  due: number;
  /** Due users left for the next tick by maxPerTick. */
  deferred: number;
  outcomes: { userId: string; date: string; outcome: DeliveryOutcome }[];
}

interface Due extends Recipient {
  date: string;
}

/**
 * One run of the schedule: every user whose morning email is due gets it, once. Each user
 * is claimed in the ledger before anything is planned or sent, so of several instances
 * ticking together one does the work; a failure of one user is logged and never stops the
 * others.
 */
export async function runPlanEmailTick(deps: PlanEmailTickDeps): Promise<TickReport> {
  const now = deps.clock();
  const policy = deps.ledger.policy;
  const due: Due[] = [];
  for (const r of await planEmailRecipients(deps.db)) {
    const date = dueLocalDate(r.settings, now, deps.timeZone);
    if (date !== null) due.push({ ...r, date });
  }
  const dates = due.map((d) => d.date).sort();
  const rows = dates.length > 0 ? await deps.ledger.rowsBetween(dates[0]!, dates.at(-1)!) : null;
  const open = due.filter((d) => claimable(rows?.get(`${d.user.id}|${d.date}`), now, policy));
  const batch = open.slice(0, deps.maxPerTick ?? 200);
  const report: TickReport = {
    due: open.length,
    deferred: open.length - batch.length,
    outcomes: [],
  };
  const queue = [...batch];
  const worker = async () => {
    for (let next = queue.shift(); next && !deps.stopping?.(); next = queue.shift()) {
      const outcome = await deliverSafely(deps, next);
      if (outcome) report.outcomes.push({ userId: next.user.id, date: next.date, outcome });
    }
  };
  await Promise.all(Array.from({ length: deps.concurrency ?? 4 }, worker));
  if (report.deferred > 0) {
    deps.logger.warn({ deferred: report.deferred }, 'plan email: more due than one tick sends');
  }
  return report;
}

async function deliverSafely(deps: PlanEmailTickDeps, d: Due): Promise<DeliveryOutcome | null> {
  try {
    return await deliver(deps, d);
  } catch (error) {
    // The ledger itself failed (the database is down): the claim, if made, is retaken
    // after its lease.
    deps.logger.error({ err: error, userId: d.user.id, date: d.date }, 'plan email: ledger error');
    return null;
  }
}

async function deliver(deps: PlanEmailTickDeps, d: Due): Promise<DeliveryOutcome> {
  const log = deps.logger.child({ userId: d.user.id, date: d.date });
  const claim = await deps.ledger.claim(d.user.id, d.date, deps.instanceId, deps.clock());
  if (!claim) {
    log.debug('plan email: claimed by another instance, or done');
    return 'taken';
  }
  const result = await deps.plans.plan({
    user: d.user,
    settings: d.settings,
    store: deps.stores.forUser({
      user: d.user,
      settings: d.settings,
      taskRevision: () => Promise.resolve(0),
      tokenId: '',
    }),
    now: deps.clock(),
    input: { date: d.date },
    onError: (error, operation) => log.error({ err: error, operation }, 'operation failed'),
  });
  if (!result.ok) {
    const detail = (result.error.details as { calendar_error?: string } | undefined)
      ?.calendar_error;
    return failed(
      deps,
      log,
      claim,
      `no plan: ${result.error.message}${detail ? ` (${detail})` : ''}`,
      false,
    );
  }
  const email = planEmailOf(result.data, deps.baseUrl);
  let messageId: string;
  try {
    ({ messageId } = await deps.mailer.send({
      to: d.user.email,
      subject: email.subject,
      html: email.html,
      text: email.text,
      messageId: `<plan.${d.date}.${d.user.id}@${senderDomain(deps.from)}>`,
    }));
  } catch (error) {
    const e = error instanceof MailDeliveryError ? error : deliveryError(error);
    return failed(deps, log, claim, e.message, e.permanent);
  }
  if (!(await markSent(deps, claim, messageId))) {
    log.warn({ messageId }, 'plan email sent, but the claim had passed to another instance');
  } else {
    log.info(
      { messageId, attempt: claim.attempt, subject: email.subject, via: deps.mailer.kind },
      'plan email sent',
    );
  }
  return 'sent';
}

async function failed(
  deps: PlanEmailTickDeps,
  log: Logger,
  claim: Claim,
  reason: string,
  permanent: boolean,
): Promise<DeliveryOutcome> {
  const retryAt = await deps.ledger.markFailed(claim, reason, permanent, deps.clock());
  if (retryAt !== null) {
    log.warn(
      { attempt: claim.attempt, retryAt: new Date(retryAt).toISOString(), reason },
      'plan email failed; will retry',
    );
    return 'retry';
  }
  log.error(
    { attempt: claim.attempt, reason, permanent },
    permanent
      ? 'plan email refused for good; not retrying'
      : 'plan email failed too often; given up for the day',
  );
  return 'gave_up';
}

// The message has left: recording it must not fail on one dropped connection, or the lease
// would run out and another instance would send it again.
async function markSent(
  deps: PlanEmailTickDeps,
  claim: Claim,
  messageId: string,
): Promise<boolean> {
  const tries = 3;
  for (let attempt = 1; attempt < tries; attempt++) {
    try {
      return await deps.ledger.markSent(claim, messageId, deps.clock());
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
  return deps.ledger.markSent(claim, messageId, deps.clock());
}
