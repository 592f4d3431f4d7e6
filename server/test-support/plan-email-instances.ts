import { randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { intlTimeZone, type Task } from '@mindflow/shared';
import { makeTask } from '@mindflow/shared/testing';
import { AccountRepository } from '../src/accounts/account-repository.ts';
import type { UserSettings } from '../src/accounts/user-settings.ts';
import type { UserCalendars } from '../src/calendar/user-calendars.ts';
import { DailyPlans } from '../src/daily-plan/daily-plans.ts';
import { smtpMailer } from '../src/daily-plan/mailer.ts';
import { PlanEmailLedger, type LedgerPolicy } from '../src/daily-plan/plan-email-ledger.ts';
import type { PlanEmailTickDeps } from '../src/daily-plan/plan-email-tick.ts';
import type { SqlClient } from '../src/db/sql-client.ts';
import { sqlTaskStores } from '../src/stores/task-store-factory.ts';
import { SqlTaskStore } from '../src/stores/task-store.sql.ts';

export const TEST_FROM = 'MindFlow <plan@mindflow.test>';
export const TEST_BASE_URL = 'https://mindflow.example.com';

/** What one server instance runs for the schedule, on its own database handle and SMTP connection. */
export function planEmailInstance(
  db: SqlClient,
  options: {
    name: string;
    smtpUrl: string;
    clock: () => number;
    calendars?: UserCalendars | null;
    policy?: LedgerPolicy;
    maxPerTick?: number;
  },
): PlanEmailTickDeps {
  return {
    db,
    ledger: new PlanEmailLedger(db, options.policy),
    plans: new DailyPlans({
      calendars: options.calendars ?? null,
      newId: randomUUID,
      timeZone: intlTimeZone,
    }),
    stores: sqlTaskStores(db),
    mailer: smtpMailer({ url: options.smtpUrl, from: TEST_FROM }),
    from: TEST_FROM,
    baseUrl: TEST_BASE_URL,
    instanceId: options.name,
    timeZone: intlTimeZone,
    clock: options.clock,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    ...(options.maxPerTick ? { maxPerTick: options.maxPerTick } : {}),
  };
}

/** A user with these settings and tasks; answers the user id. */
export async function addPlanUser(
  db: SqlClient,
  options: {
    email?: string;
    settings: Partial<UserSettings>;
    tasks?: Partial<Task>[];
  },
): Promise<{ id: string; email: string }> {
  const email = options.email ?? `${randomUUID()}@example.com`;
  const user = await new AccountRepository(db).createUser(email, 'x', options.settings);
  if (!user) throw new Error(`user ${email} exists`);
  const store = new SqlTaskStore(db, user.id);
  for (const t of options.tasks ?? []) await store.insert(makeTask({ id: randomUUID(), ...t }));
  return { id: user.id, email: user.email };
}
