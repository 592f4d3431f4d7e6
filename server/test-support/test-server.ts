import { afterAll, beforeAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { Express } from 'express';
import { intlTimeZone } from '@mindflow/shared';
import { listenOnFreePort } from '@mindflow/shared/testing';
import { pino } from 'pino';
import { AccountRepository } from '../src/accounts/account-repository.ts';
import { composeChat } from '../src/assistant/compose-chat.ts';
import type { Config } from '../src/config/env.ts';
import { UserCalendars } from '../src/calendar/user-calendars.ts';
import type { SqlClient } from '../src/db/sql-client.ts';
import { DailyPlans } from '../src/daily-plan/daily-plans.ts';
import { createApp, type AppSettings } from '../src/http/create-app.ts';
import type { BestTaskCache } from '../src/operations/best-task-cache.ts';
import { cachedTimeZone } from '../src/operations/cached-time-zone.ts';
import { composeExecutor } from '../src/operations/compose-executor.ts';
import { IdempotencyStore } from '../src/operations/idempotency-store.ts';
import type { ListCache } from '../src/operations/list-cache.ts';
import type { OperationExecutor } from '../src/operations/operation-executor.ts';
import { OAuthStore } from '../src/oauth/oauth-store.ts';
import { sqlTaskStores, type TaskStoreFactory } from '../src/stores/task-store-factory.ts';
import { openSqlite } from './databases.ts';
import { revisionEvents, type RevisionEvents } from '../src/events/revision-events.ts';
import type { WebDeps } from '../src/web/web-routes.ts';

export interface TestServer {
  url: string;
  db: SqlClient;
  server: Server;
  /** The executor the routes run on, as main.ts composes it. */
  executor: OperationExecutor;
  app: Express;
  /** Registers a fresh user; answers its session token. */
  register(options?: {
    email?: string;
    time_zone?: string;
  }): Promise<{ token: string; user: Record<string, unknown> }>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  db?: SqlClient;
  stores?: TaskStoreFactory;
  /** Default: ICS feeds only, local addresses allowed (the tests' feed servers). */
  calendars?: UserCalendars | null;
  clock?: () => number;
  settings?: Partial<AppSettings>;
  bestCache?: BestTaskCache | null;
  listCache?: ListCache | null;
  /** Live tokens of each kind per user (default 100). */
  maxTokensPerUser?: number;
  /** Keep the database open on close (several servers on one database). */
  keepDb?: boolean;
  /** The assistant's settings; default: offline, 1000 messages a minute. */
  assistant?: Partial<Config['assistant']>;
  /** The dashboard's extras; default: live events polling every 200 ms, import/export. */
  web?: Partial<WebDeps>;
}

/** The real app on 127.0.0.1, port 0. */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = options.db ?? (await openSqlite());
  const clock = options.clock ?? Date.now;
  const calendars =
    options.calendars === undefined
      ? new UserCalendars({ google: null, ics: { allowPrivateHosts: true } })
      : options.calendars;
  const stores = options.stores ?? sqlTaskStores(db);
  const timeZone = cachedTimeZone(intlTimeZone);
  const executor = composeExecutor({
    stores,
    idempotency: new IdempotencyStore(db, clock),
    plans: new DailyPlans({ calendars, newId: randomUUID, timeZone }),
    clock,
    newId: randomUUID,
    timeZone,
    ...(options.bestCache !== undefined ? { bestCache: options.bestCache } : {}),
    ...(options.listCache !== undefined ? { listCache: options.listCache } : {}),
  });
  const events: RevisionEvents = revisionEvents({ db, pollMs: 200 });
  const app = createApp({
    web: { events, stores, calendars, ...options.web },
    accounts: new AccountRepository(db, clock, {
      ...(options.maxTokensPerUser ? { maxTokensPerUser: options.maxTokensPerUser } : {}),
    }),
    executor,
    googleCalendar: calendars?.googleAvailable ?? false,
    storeKind: stores.kind,
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    version: '0.0.0-test',
    ping: () => db.ping(),
    oauth: new OAuthStore(db, clock),
    settings: {
      publicUrl: null,
      corsOrigins: ['https://chat.openai.com'],
      bodyLimit: '100kb',
      rateLimitPerMinute: 100_000,
      authRateLimitPer15Min: 10_000,
      trustProxy: 0,
      sessionTtlDays: 30,
      ...options.settings,
    },
    chat: composeChat({
      db,
      executor,
      timeZone,
      clock,
      settings: { openai: null, rateLimitPerMinute: 1000, ...options.assistant },
    }),
  });
  const server = createServer(app);
  const url = `http://127.0.0.1:${await listenOnFreePort(server)}`;
  return {
    url,
    db,
    server,
    executor,
    app,
    async register(o = {}) {
      const res = await fetch(`${url}/api/auth/register`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: o.email ?? `${randomUUID()}@example.com`,
          password: 'correct horse battery',
          ...(o.time_zone ? { time_zone: o.time_zone } : {}),
        }),
      });
      if (res.status !== 201) throw new Error(`register failed: ${res.status} ${await res.text()}`);
      return (await res.json()) as { token: string; user: Record<string, unknown> };
    },
    async close() {
      await events.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.keepDb) await db.close();
    },
  };
}

/**
 * For a describe block: a test server started before its tests with one user registered,
 * closed after them. Read `ctx.server` and `ctx.token` inside the tests.
 */
export function serverWithUser(options: TestServerOptions = {}): {
  readonly server: TestServer;
  readonly token: string;
} {
  const ctx = {} as { server: TestServer; token: string };
  beforeAll(async () => {
    ctx.server = await startTestServer(options);
    ctx.token = (await ctx.server.register()).token;
  });
  afterAll(() => ctx.server.close());
  return ctx;
}
