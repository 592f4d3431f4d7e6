import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import { authorizationHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/authorize.js';
import { metadataHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/metadata.js';
import { clientRegistrationHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/register.js';
import { revocationHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/revoke.js';
import { tokenHandler } from '@modelcontextprotocol/sdk/server/auth/handlers/token.js';
import { createOAuthMetadata } from '@modelcontextprotocol/sdk/server/auth/router.js';
import type { AccountRepository, User } from '../accounts/account-repository.ts';
import { timingSafeEqual } from 'node:crypto';
import { verifyPassword } from '../accounts/passwords.ts';
import { csrfTokenOf, readCookie, SESSION_COOKIE } from '../web/session-cookie.ts';
import { errorPage } from './consent-page.ts';
import { requestedScopes, sendConsentPage, type MindFlowOAuthProvider } from './oauth-provider.ts';
import { baseUrlOf, hostGuard, type PublicOrigin } from './public-origin.ts';
import { SCOPES } from './oauth-store.ts';

// The authorization server's endpoints. The SDK's handlers answer the protocol (metadata,
// /authorize, /token, /register, /revoke); each is mounted at its own path here so /docs
// and the route test see every one. MindFlow adds what the SDK leaves to a server: an error
// page (never a redirect) for an unknown app or a redirect_uri that is not exactly one it
// registered, and the sign-in and consent form's handler.

export const MCP_PATH = '/mcp';

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
export const CONSENT_PATH = '/oauth/consent';

export interface OAuthRouteDeps {
  provider: MindFlowOAuthProvider;
  accounts: AccountRepository;
  origin: PublicOrigin;
  /** Requests per 15 minutes per IP on each endpoint (the SDK's limiter). */
  ratePer15Min: number;
  /**
   * Hook for web sessions: the user already signed in to MindFlow in this browser (a
   * session cookie), who then only has to approve. Without it the page asks for email and
   * password. A session-based approval must also check a CSRF token (the password is the
   * proof of intent today).
   */
  sessionUser?: (req: Request) => Promise<User | null>;
}

/** Runs an SDK handler (written to be app.use'd at its path) from a route at that path. */
function atPath(handler: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const original = req.url;
    const query = original.indexOf('?');
    req.url = query === -1 ? '/' : `/${original.slice(query)}`;
    handler(req, res, (error?: unknown) => {
      req.url = original;
      next(error);
    });
  };
}

/** One handler per public base URL (PUBLIC_URL, or this loopback server's own). */
function perBase(build: (base: URL) => RequestHandler, origin: PublicOrigin): RequestHandler {
  const built = new Map<string, RequestHandler>();
  return (req, res, next) => {
    const base = baseUrlOf(req, origin);
    let handler = built.get(base.href);
    if (!handler) {
      handler = atPath(build(base));
      built.set(base.href, handler);
    }
    handler(req, res, next);
  };
}

export function resourceUrlOf(base: URL): URL {
  return new URL(MCP_PATH, base);
}

const LOGIN_FAILED = 'The email or password is wrong';

const ClientParams = z.object({
  client_id: z.string().min(1).max(200),
  redirect_uri: z.string().max(2000).optional(),
});

const ConsentForm = z.object({
  code_challenge: z
    .string()
    .regex(/^[A-Za-z0-9._~-]{43,128}$/, 'code_challenge must be an S256 PKCE challenge'),
  code_challenge_method: z.literal('S256', {
    error: 'code_challenge_method must be S256',
  }),
  state: z.string().max(2000).optional(),
  scope: z.string().max(200).optional(),
  resource: z.url().max(2000).optional(),
  email: z.string().max(254).default(''),
  password: z.string().max(200).default(''),
  /** Present when the page was shown to someone signed in to the dashboard. */
  csrf: z.string().max(200).optional(),
  decision: z.enum(['allow', 'deny'], { error: 'decision must be allow or deny' }),
});

function errorRedirect(
  res: Response,
  redirectUri: string,
  error: string,
  description: string,
  state: string | undefined,
) {
  const url = new URL(redirectUri);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', description);
  if (state !== undefined) url.searchParams.set('state', state);
  res.redirect(302, url.href);
}

export function oauthRoutes(deps: OAuthRouteDeps): Router {
  const { provider, origin } = deps;
  const router = Router();
  const limit = { windowMs: 15 * 60_000, max: deps.ratePer15Min };
  const guard = hostGuard(origin);
  const form = express.urlencoded({ extended: false, limit: '20kb' });

  /** The app and its exact redirect_uri, or an error page: an unknown target gets no redirect. */
  const checkClient = async (req: Request, res: Response, params: unknown) => {
    const parsed = ClientParams.safeParse(params);
    const client = parsed.success
      ? await provider.clientsStore.getClient(parsed.data.client_id)
      : undefined;
    if (!parsed.success || !client) {
      res
        .status(400)
        .type('html')
        .send(errorPage('Unknown app', 'This app is not registered with MindFlow (client_id).'));
      return null;
    }
    const asked = parsed.data.redirect_uri;
    const registered = client.redirect_uris;
    const redirectUri = asked ?? (registered.length === 1 ? registered[0] : undefined);
    if (redirectUri === undefined || !registered.includes(redirectUri)) {
      res
        .status(400)
        .type('html')
        .send(
          errorPage(
            'Wrong return address',
            asked === undefined
              ? 'The app must say where to return (redirect_uri).'
              : `The app asked to return to ${asked}, which is not exactly an address it registered (redirect_uri).`,
          ),
        );
      return null;
    }
    return { client, redirectUri };
  };

  router.get(
    '/.well-known/oauth-authorization-server',
    guard,
    perBase(
      (base) =>
        metadataHandler(
          createOAuthMetadata({ provider, issuerUrl: base, scopesSupported: [...SCOPES] }),
        ),
      origin,
    ),
  );
  router.get(
    `/.well-known/oauth-protected-resource${MCP_PATH}`,
    guard,
    perBase(
      (base) =>
        metadataHandler({
          resource: resourceUrlOf(base).href,
          authorization_servers: [base.href],
          scopes_supported: [...SCOPES],
          bearer_methods_supported: ['header'],
          resource_name: 'MindFlow',
          resource_documentation: new URL('/docs', base).href,
        }),
      origin,
    ),
  );

  const authorize = atPath(authorizationHandler({ provider, rateLimit: limit }));
  // A person signed in to the dashboard (its session cookie) approves without a password;
  // the session's CSRF token goes into the form and must come back with the approval.
  const signedInAs = async (req: Request): Promise<{ user: User; csrf: string } | null> => {
    const token = readCookie(req, SESSION_COOKIE);
    const user = token ? ((await deps.sessionUser?.(req)) ?? null) : null;
    return token && user ? { user, csrf: csrfTokenOf(token) } : null;
  };
  const authorizeGuarded: RequestHandler = async (req, res, next) => {
    const params: unknown = req.method === 'POST' ? req.body : req.query;
    if (!(await checkClient(req, res, params))) return;
    const signed = await signedInAs(req);
    if (signed) res.locals.signedIn = { email: signed.user.email, csrf: signed.csrf };
    authorize(req, res, next);
  };
  router.get('/authorize', guard, authorizeGuarded);
  router.post('/authorize', guard, form, authorizeGuarded);
  router.post('/token', guard, atPath(tokenHandler({ provider, rateLimit: limit })));
  router.post(
    '/register',
    guard,
    atPath(
      clientRegistrationHandler({
        clientsStore: provider.clientsStore,
        rateLimit: limit,
        clientSecretExpirySeconds: 0,
      }),
    ),
  );
  router.post('/revoke', guard, atPath(revocationHandler({ provider, rateLimit: limit })));

  router.post(CONSENT_PATH, guard, form, async (req, res) => {
    const checked = await checkClient(req, res, req.body);
    if (!checked) return;
    const { client, redirectUri } = checked;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const parsed = ConsentForm.safeParse(body);
    const state = typeof body.state === 'string' ? body.state : undefined;
    if (!parsed.success) {
      const message = parsed.error.issues.map((i) => i.message).join('; ');
      return errorRedirect(res, redirectUri, 'invalid_request', message, state);
    }
    const f = parsed.data;
    const scopes = requestedScopes(f.scope?.split(' ').filter(Boolean));
    if (!scopes) {
      return errorRedirect(
        res,
        redirectUri,
        'invalid_scope',
        `scope: ask for ${SCOPES.join(' and/or ')}`,
        state,
      );
    }
    if (f.decision === 'deny') {
      return errorRedirect(res, redirectUri, 'access_denied', 'The person denied access', state);
    }
    const expected = resourceUrlOf(baseUrlOf(req, origin)).href;
    if (f.resource !== undefined && f.resource !== expected) {
      return errorRedirect(
        res,
        redirectUri,
        'invalid_target',
        `resource: this server is ${expected}`,
        state,
      );
    }
    let user: User | null;
    if (f.csrf !== undefined) {
      // Approval with the dashboard session: the form's token and the Origin must both be
      // this site's, or another site could approve in the person's name.
      const signed = await signedInAs(req);
      const own = baseUrlOf(req, origin).origin;
      if (!signed || !sameSecret(f.csrf, signed.csrf) || req.get('origin') !== own) {
        res
          .status(403)
          .type('html')
          .send(
            errorPage(
              'Approval refused',
              'This approval did not come from MindFlow’s own page for your session (csrf, Origin).',
            ),
          );
        return;
      }
      user = signed.user;
    } else {
      const found = await deps.accounts.findByEmail(f.email);
      const ok = await verifyPassword(f.password, found?.passwordHash ?? null);
      user = found && ok ? found.user : null;
    }
    if (!user) {
      return sendConsentPage(
        res,
        {
          clientId: client.client_id,
          clientName:
            (await provider.store.getClient(client.client_id))?.client_name ?? client.client_id,
          redirectUri,
          codeChallenge: f.code_challenge,
          state: f.state,
          scopes,
          resource: f.resource,
        },
        { status: 401, error: LOGIN_FAILED, email: f.email },
      );
    }
    const { code } = await provider.store.approve({
      userId: user.id,
      clientId: client.client_id,
      scopes,
      resource: f.resource ?? expected,
      redirectUri,
      codeChallenge: f.code_challenge,
    });
    const url = new URL(redirectUri);
    url.searchParams.set('code', code);
    if (f.state !== undefined) url.searchParams.set('state', f.state);
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(302, url.href);
  });

  return router;
}
