import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import type { Logger } from 'pino';
import { addDays, intlTimeZone, type TimeZonePort } from '@mindflow/shared';
import { AccountRepository } from './accounts/account-repository.ts';
import { composeChat } from './assistant/compose-chat.ts';
import { UserCalendars } from './calendar/user-calendars.ts';
import { ConfigError, loadConfig, loadEnvFileIfPresent, type Config } from './config/env.ts';
import { DailyPlans } from './daily-plan/daily-plans.ts';
import { startPlanEmailService, type PlanEmailSchedule } from './daily-plan/plan-email-schedule.ts';
import { PlanEmailLedger } from './daily-plan/plan-email-ledger.ts';
import { gracefulShutdown } from './graceful-shutdown.ts';
import { createApp } from './http/create-app.ts';
import { logMailer, smtpMailer } from './daily-plan/mailer.ts';
import { pgNotifications, revisionEvents } from './events/revision-events.ts';
import type { WebDeps } from './web/web-routes.ts';
import { createLogger } from './http/request-logging.ts';
import { cachedTimeZone } from './operations/cached-time-zone.ts';
import { composeExecutor } from './operations/compose-executor.ts';
import { OAuthStore } from './oauth/oauth-store.ts';
import { IdempotencyStore } from './operations/idempotency-store.ts';
import { openBackends, type Backends } from './server-backends.ts';

// The composition root: configuration, adapters, the executor, listen, and a graceful stop
// on SIGTERM. Everything long-lived is built here once.

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

/** One sentence on stderr, then exit: what a person starting the server reads first. */
function exitWith(code: number, sentence: string): never {
  process.stderr.write(`mindflow server: ${sentence}\n`);
  process.exit(code);
}

function configOrExit(): Config {
  // The repository's .env, when there is one; nothing is said when there is none.
  loadEnvFileIfPresent(new URL('../../.env', import.meta.url));
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`mindflow server: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

/** The most telling code in an error and its causes (ECONNREFUSED, ENOTFOUND, 28P01 …). */
function reasonOf(error: unknown): string {
  for (let e = error as (Error & { code?: string; errors?: Error[] }) | undefined; e;) {
    const inner = e.errors?.[0] as (Error & { code?: string }) | undefined;
    if (inner?.code) return inner.code;
    if (e.code) return e.code;
    if (!e.cause) return e.message;
    e = e.cause as typeof e;
  }
  return String(error);
}

/** DATA_DIR as a directory SQLite can use, or one sentence naming the variable and exit 2. */
function checkDataDir(dir: string): void {
  try {
    if (!statSync(dir, { throwIfNoEntry: false })?.isDirectory())
      mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR') {
      exitWith(
        2,
        `DATA_DIR ${dir} is a file (or lies under one), not a directory; set DATA_DIR to a directory.`,
      );
    }
    exitWith(
      2,
      `DATA_DIR ${dir} cannot be created (${code ?? reasonOf(error)}); create it yourself or set DATA_DIR to a writable directory.`,
    );
  }
}

const DATABASE_DEADLINE_MS = 15_000;

/** The database, or one sentence naming the variable that points at it and exit 2. */
async function backendsOrExit(config: Config): Promise<Backends> {
  const postgres = config.databaseUrl !== null && config.store !== 'sqlite';
  if (!postgres) checkDataDir(config.dataDir);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer in ${DATABASE_DEADLINE_MS / 1000} s`)),
      DATABASE_DEADLINE_MS,
    );
  });
  try {
    return await Promise.race([openBackends(config), deadline]);
  } catch (error) {
    if (postgres) {
      const where = config.databaseUrl!.replace(/\/\/[^@/]*@/, '//…@');
      exitWith(
        2,
        `DATABASE_URL ${where} could not be reached (${reasonOf(error)}); check that PostgreSQL is running there and the URL, user and password are right.`,
      );
    }
    exitWith(
      2,
      `DATA_DIR ${config.dataDir} could not hold the database (${reasonOf(error)}); set DATA_DIR to a writable directory.`,
    );
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Expired sessions, idempotency keys, OAuth codes and tokens, and month-old email ledger
 * rows: at boot, then hourly.
 */
async function startTidying(
  backends: Backends,
  accounts: AccountRepository,
  idempotency: IdempotencyStore,
  logger: Logger,
) {
  const ledger = new PlanEmailLedger(backends.db);
  const oauth = new OAuthStore(backends.db);
  const tidy = () =>
    Promise.all([
      accounts.deleteExpiredSessions(),
      idempotency.purgeExpired(),
      oauth.purgeExpired(),
      ledger.purgeBefore(addDays(new Date().toISOString().slice(0, 10), -31)),
    ]).catch((error: unknown) => logger.warn({ err: error }, 'cleanup failed; will retry'));
  await tidy();
  setInterval(() => void tidy(), 60 * 60 * 1000).unref();
}

interface Running {
  config: Config;
  backends: Backends;
  calendars: UserCalendars;
  timeZone: TimeZonePort;
  logger: Logger;
}

/** The morning email, when a mailer is configured; it links to PUBLIC_URL or this server. */
function startPlanEmails(run: Running, localUrl: string): PlanEmailSchedule | null {
  const { config, logger } = run;
  const { mailer, smtpUrl, from, cron } = config.planEmail;
  if (mailer === 'off') return null;
  if (!config.publicUrl && mailer === 'smtp') {
    logger.warn('PUBLIC_URL is not set: the plan email links to this server’s local address');
  }
  return startPlanEmailService({
    mailer,
    smtpUrl,
    from,
    cron,
    db: run.backends.db,
    stores: run.backends.stores,
    calendars: run.calendars,
    baseUrl: config.publicUrl ?? localUrl,
    instanceId: `${hostname()}#${process.pid}`,
    timeZone: run.timeZone,
    clock: Date.now,
    logger,
  });
}

/** Everything long-lived, built once: accounts, calendars, one zone cache, one executor. */
function composeServices(config: Config, backends: Backends) {
  const calendars = new UserCalendars({
    google: config.calendar.google,
    ics: { allowPrivateHosts: config.calendar.icsAllowPrivateHosts },
  });
  // One zone-offset cache and one planner for the process: every request shares them.
  const timeZone = cachedTimeZone(intlTimeZone);
  const idempotency = new IdempotencyStore(backends.db);
  const executor = composeExecutor({
    stores: backends.stores,
    idempotency,
    plans: new DailyPlans({ calendars, newId: randomUUID, timeZone }),
    clock: Date.now,
    newId: randomUUID,
    timeZone,
  });
  return {
    accounts: new AccountRepository(backends.db, Date.now, {
      maxTokensPerUser: config.maxTokensPerUser,
    }),
    calendars,
    timeZone,
    idempotency,
    executor,
  };
}

/** The dashboard's extras: live events (LISTEN/NOTIFY on PostgreSQL), test email, Sheet import. */
function webDeps(
  config: Config,
  backends: Backends,
  calendars: UserCalendars,
  logger: Logger,
): WebDeps {
  const { mailer, smtpUrl, from } = config.planEmail;
  const usesPostgres = backends.db.dialect === 'postgres' && config.databaseUrl !== null;
  return {
    events: revisionEvents({
      db: backends.db,
      pollMs: usesPostgres ? 5000 : 1000,
      notifications: usesPostgres ? pgNotifications(config.databaseUrl!) : null,
      onError: (error) => logger.warn({ err: error }, 'live updates: reading revisions failed'),
    }),
    stores: backends.stores,
    calendars,
    sheets: config.sheets ?? config.calendar.google,
    mailer:
      mailer === 'off'
        ? null
        : {
            mailer:
              mailer === 'smtp' ? smtpMailer({ url: smtpUrl!, from }) : logMailer(logger, from),
            from,
          },
  };
}

async function start(): Promise<void> {
  const config = configOrExit();
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const backends = await backendsOrExit(config);
  const { accounts, calendars, timeZone, idempotency, executor } = composeServices(
    config,
    backends,
  );
  await startTidying(backends, accounts, idempotency, logger);
  const shutdown = gracefulShutdown({ logger, timeoutMs: config.shutdownTimeoutMs });
  const web = webDeps(config, backends, calendars, logger);
  const app = createApp({
    web,
    accounts,
    executor,
    googleCalendar: calendars.googleAvailable,
    storeKind: backends.stores.kind,
    logger,
    version,
    ping: backends.ping,
    settings: config,
    draining: shutdown.draining,
    chat: composeChat({ db: backends.db, executor, timeZone, settings: config.assistant }),
    oauth: new OAuthStore(backends.db),
  });

  let planEmails: PlanEmailSchedule | null = null;
  const server: Server = app.listen(config.port, config.host, (error?: Error) => {
    if (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const where = `${config.host}:${config.port}`;
      exitWith(
        1,
        code === 'EADDRINUSE'
          ? `port ${config.port} on ${config.host} is already in use; stop what is listening there or set PORT to a free port.`
          : code === 'EACCES'
            ? `not allowed to listen on ${where}; use a PORT above 1023 or run with the needed rights.`
            : `cannot listen on ${where} (${code ?? error.message}); check HOST and PORT.`,
      );
    }
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    planEmails = startPlanEmails(
      { config, backends, calendars, timeZone, logger },
      `http://${shown}:${port}`,
    );
    logger.info(
      { store: config.store, dataDir: config.store === 'postgres' ? undefined : config.dataDir },
      'database ready',
    );
    logger.info(`MindFlow server ${version} listening on http://${shown}:${port} (docs: /docs)`);
  });
  server.keepAliveTimeout = 65_000;
  shutdown.watch(server, async () => {
    // A tick in progress finishes the users it started, so no claim is left for the lease.
    await planEmails?.stop();
    await web.events?.close();
    web.mailer?.mailer.close();
    await backends.close();
  });
}

await start();
