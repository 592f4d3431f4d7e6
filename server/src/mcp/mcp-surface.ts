import { Router, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { AccountRepository } from '../accounts/account-repository.ts';
import type { FailedAuthLimiter } from '../http/rate-limits.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import { connectedAppRoutes } from '../oauth/connected-apps.routes.ts';
import { MindFlowOAuthProvider, verifyPersonalToken } from '../oauth/oauth-provider.ts';
import { oauthRoutes, type OAuthRouteDeps } from '../oauth/oauth-routes.ts';
import type { ConnectedApp, OAuthStore } from '../oauth/oauth-store.ts';
import { publicOrigin } from '../oauth/public-origin.ts';
import { mcpRoutes } from './mcp-routes.ts';

// MindFlow for assistants: /mcp, the OAuth authorization server that signs them in, and the
// account's list of connected apps — composed once, for createApp to mount.

export interface McpSurfaceDeps {
  accounts: AccountRepository;
  /** The authorization server's state; without it /mcp takes personal mf_ tokens only. */
  oauth: OAuthStore | undefined;
  executor: OperationExecutor;
  publicUrl: string | null;
  corsOrigins: readonly string[];
  authRateLimitPer15Min: number;
  /** Per-token limit on /mcp (the API's RATE_LIMIT_PER_MINUTE limiter). */
  mcpLimit?: RequestHandler;
  /** Refused tokens per IP, shared with /api. */
  failures?: FailedAuthLimiter;
  version: string;
  logger?: Logger;
  clock?: () => number;
  sessionUser?: OAuthRouteDeps['sessionUser'];
}

export interface McpSurface {
  /** /mcp, /.well-known/…, /authorize, /token, /register, /revoke, /oauth/consent. */
  publicRouter: Router;
  /** /api/connected-apps, to mount behind the API's authentication. */
  apiRouter: Router;
  /** The user's connected apps, for /api/me. */
  connectedApps: (userId: string) => Promise<ConnectedApp[]>;
}

export function mcpSurface(deps: McpSurfaceDeps): McpSurface {
  const origin = publicOrigin(deps.publicUrl, deps.corsOrigins);
  const clock = deps.clock ?? Date.now;
  const provider = deps.oauth
    ? new MindFlowOAuthProvider({ store: deps.oauth, accounts: deps.accounts, clock })
    : null;
  // /mcp's own router, the OAuth routes after its routes: every tool call passes here, and
  // need not go through another router, nor be tried against the OAuth routes.
  const publicRouter = mcpRoutes({
    executor: deps.executor,
    origin,
    verify: (token, resource) =>
      provider
        ? provider.verifyAccessToken(token, resource)
        : verifyPersonalToken(deps.accounts, token, clock),
    version: deps.version,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.mcpLimit ? { limit: deps.mcpLimit } : {}),
    ...(deps.failures ? { failures: deps.failures } : {}),
  });
  if (provider) {
    publicRouter.use(
      oauthRoutes({
        provider,
        accounts: deps.accounts,
        origin,
        ratePer15Min: deps.authRateLimitPer15Min,
        ...(deps.sessionUser ? { sessionUser: deps.sessionUser } : {}),
      }),
    );
  }
  const store = deps.oauth;
  return {
    publicRouter,
    apiRouter: store ? connectedAppRoutes(store) : Router(),
    connectedApps: (userId) => (store ? store.connectedApps(userId) : Promise.resolve([])),
  };
}
