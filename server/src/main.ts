import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import type { Server } from 'node:http';
import { AccountRepository } from './accounts/account-repository.ts';
import { UserCalendars } from './calendar/user-calendars.ts';
import { ConfigError, loadConfig } from './config/env.ts';
import { startPlanEmailService, type PlanEmailSchedule } from './daily-plan/plan-email-schedule.ts';
import { PlanEmailLedger } from './daily-plan/plan-email-ledger.ts';
import { BestTaskCache } from './http/best-task-cache.ts';
import { createApp } from './http/create-app.ts';
import { ListCache } from './http/list-cache.ts';
import { IdempotencyStore } from './http/idempotency.ts';
import { cachedTimeZone } from './http/cached-time-zone.ts';
import { createLogger } from './http/request-logging.ts';
import { openBackends } from './server-backends.ts';
import { addDays, intlTimeZone } from '@mindflow/shared';

// The composition root: configuration, adapters, listen, and a graceful stop on SIGTERM.

const version = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

async function start(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`mindflow server: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel, format: config.logFormat });
  const backends = await openBackends(config);
  let draining = false;
  const accounts = new AccountRepository(backends.db);
  const idempotency = new IdempotencyStore(backends.db);
  // Expired login sessions, idempotency keys and plan email ledger rows older than a month
  // are deleted at boot and then hourly.
  const ledger = new PlanEmailLedger(backends.db);
  const tidy = () =>
    Promise.all([
      accounts.deleteExpiredSessions(),
      idempotency.purgeExpired(),
      ledger.purgeBefore(addDays(new Date().toISOString().slice(0, 10), -31)),
    ]).catch((error: unknown) => logger.warn({ err: error }, 'cleanup failed; will retry'));
  await tidy();
  setInterval(() => void tidy(), 60 * 60 * 1000).unref();
  const calendars = new UserCalendars({
    google: config.calendar.google,
    ics: { allowPrivateHosts: config.calendar.icsAllowPrivateHosts },
  });
  const app = createApp({
    accounts,
    idempotency,
    stores: backends.stores,
    calendars,
    bestCache: new BestTaskCache(),
    listCache: new ListCache(),
    logger,
    clock: Date.now,
    newId: randomUUID,
    version,
    ping: backends.ping,
    settings: config,
    draining: () => draining,
  });

  let planEmails: PlanEmailSchedule | null = null;
  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
    const { mailer, smtpUrl, from, cron } = config.planEmail;
    if (mailer !== 'off') {
      if (!config.publicUrl && mailer === 'smtp') {
        logger.warn('PUBLIC_URL is not set: the plan email links to this server’s local address');
      }
      planEmails = startPlanEmailService({
        mailer,
        smtpUrl,
        from,
        cron,
        db: backends.db,
        stores: backends.stores,
        calendars,
        baseUrl: config.publicUrl ?? `http://${shown}:${port}`,
        instanceId: `${hostname()}#${process.pid}`,
        timeZone: cachedTimeZone(intlTimeZone),
        clock: Date.now,
        logger,
      });
    }
    logger.info(
      { store: config.store, dataDir: config.store === 'postgres' ? undefined : config.dataDir },
      'database ready',
    );
    logger.info(`MindFlow server ${version} listening on http://${shown}:${port} (docs: /docs)`);
  });
  server.keepAliveTimeout = 65_000;

  // Stop accepting, let in-flight requests finish, then close the database: a write that
  // was acknowledged has committed before its response was sent, so nothing acked is lost.
  const stop = (signal: string) => {
    if (draining) return;
    draining = true;
    logger.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => {
      logger.warn('shutdown timeout: closing remaining connections');
      server.closeAllConnections();
    }, config.shutdownTimeoutMs);
    force.unref();
    server.close(async () => {
      // A tick in progress finishes the users it started, so no claim is left for the lease.
      await planEmails?.stop();
      await backends.close();
      logger.info('stopped');
      logger.flush?.();
      process.exit(0);
    });
    // Keep-alive connections whose request was in flight become idle only later: close
    // them as they do, rather than waiting for the keep-alive timeout.
    server.closeIdleConnections();
    setInterval(() => server.closeIdleConnections(), 50).unref();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await start();
