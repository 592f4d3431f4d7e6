import express, { type RequestHandler } from 'express';
import cors from 'cors';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { RouteDoc } from '@mindflow/shared';
import type { AccountRepository } from '../accounts/account-repository.ts';
import { mcpSurface } from '../mcp/mcp-surface.ts';
import type { OAuthStore } from '../oauth/oauth-store.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import { accountRoutes } from './account.routes.ts';
import { API_ROUTE_DOCS } from './api-route-docs.ts';
import { authRoutes } from './auth.routes.ts';
import { authenticate } from './authenticate.ts';
import { chatRoutes, type ChatRouteDeps } from './chat.routes.ts';
import { jsonBody } from './json-body.ts';
import { errorHandler, routeNotFound } from './error-handler.ts';
import { sendError } from './http-errors.ts';
import { operationFastPath, operationRoutes } from './operation-routes.ts';
import { planEmailRoutes } from './plan-email.routes.ts';
import { apiRateLimit, authRateLimit, FailedAuthLimiter } from './rate-limits.ts';
import { httpLogger } from './request-logging.ts';
import { systemRoutes } from './system.routes.ts';
import { eventsRoutes } from '../events/events.routes.ts';
import { checkRoutes } from '../web/check.routes.ts';
import { dashboardStatic } from '../web/dashboard-static.ts';
import { dataRoutes } from '../web/data.routes.ts';
import { readCookie, SESSION_COOKIE, sessionCookieAuth } from '../web/session-cookie.ts';
import { publicSessionRoutes, sessionRoutes } from '../web/session.routes.ts';
import type { WebDeps } from '../web/web-routes.ts';

export interface AppSettings {
  publicUrl: string | null;
  corsOrigins: readonly string[];
  bodyLimit: string;
  rateLimitPerMinute: number;
  authRateLimitPer15Min: number;
  trustProxy: number;
  sessionTtlDays: number;
}

export interface AppDeps {
  accounts: AccountRepository;
  /** Runs the catalogue's operations as the caller: built once by main.ts (composeExecutor). */
  executor: OperationExecutor;
  /** Whether this server can read Google calendars (credentials or CALENDAR_API_URL). */
  googleCalendar: boolean;
  storeKind: string;
  logger: Logger;
  version: string;
  /** Resolves when the databases answer (for /health). */
  ping: () => Promise<void>;
  settings: AppSettings;
  /** More documented routes for /docs, from routers mounted beside these. */
  routeDocs?: readonly RouteDoc[];
  /** True once shutdown began: responses then ask clients to close keep-alive connections. */
  draining?: () => boolean;
  /** The assistant (POST /api/chat …): offline, or with a model when a key is set. */
  chat: ChatRouteDeps;
  /** The OAuth authorization server's state (connected apps); without it /mcp takes mf_ tokens only. */
  oauth?: OAuthStore;
  /** The dashboard's extras (live events, import, tests); absent: those answer 503. */
  web?: Partial<WebDeps>;
}

/**
 * A path whose percent-encoding does not decode (`/api/tasks/%`, `%ZZ`, a broken UTF-8
 * sequence) can name no resource: 400 with the error envelope, before authentication, where
 * the router would otherwise throw while reading its parameters.
 */
const refuseUndecodablePath: RequestHandler = (req, res, next) => {
  if (!req.path.includes('%')) return next();
  try {
    decodeURIComponent(req.path);
  } catch {
    const message = 'The path is not valid percent-encoding (a % must start %XX of UTF-8)';
    return sendError(res, {
      code: 'validation_failed',
      message,
      details: [{ field: 'path', rule: 'format', message }],
    });
  }
  next();
};

/**
 * helmet's headers, worked out once: with its defaults they are the same for every request,
 * so they are replayed rather than recomputed (a dozen header builds per request).
 */
function securityHeaders(): RequestHandler {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const probe = {
    setHeader: (name: string, value: string) => void set.push([name, String(value)]),
    removeHeader: (name: string) => void removed.push(name),
  };
  helmet()({} as never, probe as never, () => undefined);
  // Names in lower case, as HTTP compares them: Node lower-cases every name it is given to
  // key the header, and a name already in lower case is used as it is, not copied.
  const names = set.map(([name]) => name.toLowerCase());
  const values = set.map(([, value]) => value);
  const gone = removed.map((name) => name.toLowerCase());
  return (_req, res, next) => {
    for (let i = 0; i < names.length; i++) res.setHeader(names[i]!, values[i]!);
    for (let i = 0; i < gone.length; i++) res.removeHeader(gone[i]!);
    next();
  };
}

/**
 * CORS for the allow-listed browser origins. A request without an Origin header (a GPT
 * Action, a script, the CLI) is not a browser's cross-origin request: cors would answer it
 * with no header at all, so it skips the package's work.
 */
function corsFor(origins: readonly string[]): RequestHandler {
  const handler = cors({
    origin: (origin, done) =>
      done(null, origin !== undefined && origins.includes(origin) ? origin : false),
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'Idempotency-Key',
      'If-Match',
      'If-None-Match',
      'X-Request-ID',
    ],
    exposedHeaders: ['ETag', 'Location', 'X-Request-ID', 'Retry-After', 'Idempotent-Replayed'],
    maxAge: 600,
  });
  return (req, res, next) => (req.headers.origin === undefined ? next() : handler(req, res, next));
}

/** Logging, security headers, CORS and the JSON body: what every request passes first. */
function commonMiddleware(app: express.Express, deps: AppDeps): RequestHandler {
  const s = deps.settings;
  return inSequence([
    httpLogger(app, deps.logger),
    refuseUndecodablePath,
    (_req, res, next) => {
      if (deps.draining?.()) res.setHeader('Connection', 'close');
      next();
    },
    securityHeaders(),
    corsFor(s.corsOrigins),
    jsonBody(s.bodyLimit),
  ]);
}

/**
 * Handlers run one after the other as one middleware: what Express's router does for a
 * list of them, without its per-layer path matching and bookkeeping, on the path every
 * request takes. An error (passed on or thrown) goes to the error handler, as there.
 */
function inSequence(handlers: readonly RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let i = 0;
    const step = (error?: unknown): void => {
      if (error !== undefined && error !== null) return next(error);
      const handler = handlers[i++];
      if (!handler) return next();
      try {
        const result = handler(req, res, step) as unknown;
        if (result instanceof Promise) result.catch(next);
      } catch (thrown) {
        next(thrown);
      }
    };
    step();
  };
}

/** Builds the Express app. It never listens: main.ts (or a test) does. */
export function createApp(deps: AppDeps): express.Express {
  const s = deps.settings;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', s.trustProxy);
  app.set('json spaces', 0);
  // Express would hash every JSON body for a weak ETag; tasks get a real one (their
  // updated_at) from their catalogue binding, which is what If-Match compares.
  app.set('etag', false);
  app.use(commonMiddleware(app, deps));

  const routeDocs = [...API_ROUTE_DOCS, ...(deps.routeDocs ?? [])];
  // Refused tokens per IP, one count for /api and /mcp alike.
  const failures = new FailedAuthLimiter(s.authRateLimitPer15Min, 15 * 60_000);
  const apiLimit = apiRateLimit(s.rateLimitPerMinute);
  const apiGuard = [
    sessionCookieAuth(s.publicUrl),
    authenticate(deps.accounts, failures),
    apiLimit,
  ] as const;
  // The task operations, found by one lookup before the routers below (which serve them
  // too, for what the lookup leaves alone): the same guard, the same handler.
  app.use(operationFastPath(deps.executor, { guard: apiGuard, others: routeDocs }));
  app.use(
    systemRoutes({
      version: deps.version,
      publicUrl: s.publicUrl,
      ping: deps.ping,
      storeKind: deps.storeKind,
      routeDocs: () => routeDocs,
    }),
  );
  // MCP for ChatGPT, Claude, Cursor, and the OAuth server that signs them in (server/src/mcp).
  const mcp = mcpSurface({
    accounts: deps.accounts,
    oauth: deps.oauth,
    executor: deps.executor,
    publicUrl: s.publicUrl,
    corsOrigins: s.corsOrigins,
    authRateLimitPer15Min: s.authRateLimitPer15Min,
    mcpLimit: apiRateLimit(s.rateLimitPerMinute),
    failures,
    // The dashboard's session cookie signs the consent page in (no password asked).
    sessionUser: async (req) => {
      const token = readCookie(req, SESSION_COOKIE);
      return token ? ((await deps.accounts.findCaller(token))?.user ?? null) : null;
    },
    version: deps.version,
    logger: deps.logger,
  });
  app.use(mcp.publicRouter);
  const web = deps.web ?? {};
  app.use(dashboardStatic(web.dashboardDir));
  const sessions = { sessionTtlMs: s.sessionTtlDays * 86_400_000, publicUrl: s.publicUrl };
  const signInLimit = authRateLimit(s.authRateLimitPer15Min);
  app.use('/api/auth', signInLimit);
  app.use('/api/session', (req, res, next) =>
    req.method === 'POST' ? signInLimit(req, res, next) : next(),
  );
  app.use(authRoutes(deps.accounts, sessions.sessionTtlMs));
  app.use(publicSessionRoutes(deps.accounts, sessions));
  app.use('/api', ...apiGuard);
  app.use(
    accountRoutes(deps.accounts, {
      googleCalendar: deps.googleCalendar,
      connectedApps: mcp.connectedApps,
    }),
  );
  app.use(mcp.apiRouter);
  app.use(sessionRoutes(deps.accounts, sessions));
  app.use(planEmailRoutes({ executor: deps.executor, publicUrl: s.publicUrl }));
  app.use(chatRoutes(deps.chat));
  app.use(eventsRoutes(web.events ?? null));
  app.use(dataRoutes({ stores: web.stores ?? null, sheets: web.sheets ?? null }));
  app.use(
    checkRoutes({
      calendars: web.calendars ?? null,
      mailer: web.mailer ?? null,
      executor: deps.executor,
      publicUrl: s.publicUrl,
    }),
  );
  app.use(operationRoutes(deps.executor));

  app.use(routeNotFound);
  app.use(errorHandler(s.bodyLimit));
  return app;
}
