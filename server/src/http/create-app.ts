import express, { type NextFunction, type Request, type Response } from 'express';
import { intlTimeZone } from '@mindflow/shared';
import cors from 'cors';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { AccountRepository } from '../accounts/account-repository.ts';
import type { UserCalendars } from '../calendar/user-calendars.ts';
import { DailyPlans } from '../daily-plan/daily-plans.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';
import { accountRoutes } from './account.routes.ts';
import { authRoutes } from './auth.routes.ts';
import { authenticate } from './authenticate.ts';
import type { BestTaskCache } from './best-task-cache.ts';
import { errorBody, sendError } from './http-errors.ts';
import type { IdempotencyStore } from './idempotency.ts';
import type { ListCache } from './list-cache.ts';
import { operationRoutes } from './operation-routes.ts';
import { planEmailRoutes } from './plan-email.routes.ts';
import { apiRateLimit, authRateLimit, badTokenRateLimit } from './rate-limits.ts';
import { httpLogger } from './request-logging.ts';
import { systemRoutes } from './system.routes.ts';
import { cachedTimeZone } from './cached-time-zone.ts';

export interface AppDeps {
  accounts: AccountRepository;
  idempotency: IdempotencyStore;
  stores: TaskStoreFactory;
  /** Reads users' calendars for their plans; null: plans see no meetings. */
  calendars: UserCalendars | null;
  bestCache: BestTaskCache | null;
  listCache: ListCache | null;
  logger: Logger;
  clock: () => number;
  newId: () => string;
  version: string;
  /** Resolves when the databases answer (for /health). */
  ping: () => Promise<void>;
  settings: {
    publicUrl: string | null;
    corsOrigins: readonly string[];
    bodyLimit: string;
    rateLimitPerMinute: number;
    authRateLimitPer15Min: number;
    trustProxy: number;
    sessionTtlDays: number;
  };
  /** True once shutdown began: responses then ask clients to close keep-alive connections. */
  draining?: () => boolean;
}

/** Builds the Express app. It never listens: main.ts (or a test) does. */
export function createApp(deps: AppDeps): express.Express {
  const s = deps.settings;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', s.trustProxy);
  app.set('json spaces', 0);
  // Express would hash every JSON body for a weak ETag; tasks get a real one (their
  // updated_at) from the operation routes, which is what If-Match compares.
  app.set('etag', false);

  app.use(httpLogger(deps.logger));
  app.use((_req, res, next) => {
    if (deps.draining?.()) res.setHeader('Connection', 'close');
    next();
  });
  app.use(helmet());
  app.use(
    cors({
      origin: (origin, done) =>
        done(
          null,
          origin === undefined || s.corsOrigins.includes(origin) ? (origin ?? false) : false,
        ),
      allowedHeaders: [
        'Authorization',
        'Content-Type',
        'Idempotency-Key',
        'If-Match',
        'X-Request-ID',
      ],
      exposedHeaders: ['ETag', 'X-Request-ID', 'Retry-After', 'Idempotent-Replayed'],
      maxAge: 600,
    }),
  );
  app.use(express.json({ limit: s.bodyLimit }));

  app.use(
    systemRoutes({
      version: deps.version,
      publicUrl: s.publicUrl,
      ping: deps.ping,
      storeKind: deps.stores.kind,
    }),
  );
  app.use(
    '/api/auth',
    authRateLimit(s.authRateLimitPer15Min),
    authRoutes(deps.accounts, s.sessionTtlDays * 86_400_000),
  );
  app.use(
    '/api',
    badTokenRateLimit(s.authRateLimitPer15Min),
    authenticate(deps.accounts),
    apiRateLimit(s.rateLimitPerMinute),
  );
  app.use(
    '/api',
    accountRoutes(deps.accounts, { googleCalendar: deps.calendars?.googleAvailable ?? false }),
  );
  const plans = new DailyPlans({
    calendars: deps.calendars,
    newId: deps.newId,
    timeZone: cachedTimeZone(intlTimeZone),
  });
  app.use(
    '/api',
    planEmailRoutes({ plans, stores: deps.stores, clock: deps.clock, publicUrl: s.publicUrl }),
  );
  app.use(
    operationRoutes({
      stores: deps.stores,
      idempotency: deps.idempotency,
      clock: deps.clock,
      newId: deps.newId,
      bestCache: deps.bestCache,
      listCache: deps.listCache,
      plans,
    }),
  );

  app.use((req, res) => {
    sendError(res, { code: 'not_found', message: `No route ${req.method} ${req.path}` });
  });
  // Express 5 forwards rejected promises here. Body-parser errors carry their own status.
  app.use((error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = error as { status?: number; type?: string; name?: string };
    if (e.type === 'entity.too.large') {
      return void res
        .status(413)
        .json(
          errorBody('validation_failed', `The body is larger than ${s.bodyLimit}`, [
            { field: '', rule: 'max_size', message: `The body must be at most ${s.bodyLimit}` },
          ]),
        );
    }
    if (
      e.type === 'entity.parse.failed' ||
      e.type === 'encoding.unsupported' ||
      e.type === 'charset.unsupported'
    ) {
      return void res
        .status(400)
        .json(
          errorBody('validation_failed', 'The body is not valid JSON', [
            { field: '', rule: 'json', message: 'The body is not valid JSON' },
          ]),
        );
    }
    if (e.name === 'StoreUnavailableError') {
      res.setHeader('Retry-After', '5');
      return sendError(res, {
        code: 'unavailable',
        message: 'The database is unavailable right now; try again shortly',
      });
    }
    req.log.error({ err: error }, 'unhandled error');
    sendError(res, {
      code: 'internal',
      message: 'Something went wrong on our side; the error has been logged',
    });
  });
  return app;
}
