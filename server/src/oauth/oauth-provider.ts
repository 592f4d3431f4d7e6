import type { Response } from 'express';
import type { OAuthRegisteredClientsStore } from '@modelcontextprotocol/sdk/server/auth/clients.js';
import {
  InvalidClientMetadataError,
  InvalidGrantError,
  InvalidTokenError,
  InvalidTargetError,
} from '@modelcontextprotocol/sdk/server/auth/errors.js';
import type {
  AuthorizationParams,
  OAuthServerProvider,
} from '@modelcontextprotocol/sdk/server/auth/provider.js';
import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type {
  OAuthClientInformationFull,
  OAuthTokenRevocationRequest,
  OAuthTokens,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import type { AccountRepository, Caller } from '../accounts/account-repository.ts';
import { TOKEN_PREFIX } from '../accounts/api-tokens.ts';
import {
  consentPage,
  type ConsentPageOptions,
  type ConsentRequest,
  type SignedIn,
} from './consent-page.ts';
import { SCOPES, type OAuthStore } from './oauth-store.ts';

// MindFlow as its own OAuth 2.1 authorization server, behind the SDK's handlers: they parse
// and answer the protocol (PKCE S256 checked by the token handler against
// challengeForAuthorizationCode); this provider keeps the state and the rules.

/** What a verified Bearer token carries to the MCP handler. */
export interface McpAuthExtra extends Record<string, unknown> {
  caller: Caller;
}

/** Redirect URIs a public client may register: https, or http on a loopback address. */
export function redirectUriIssue(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return `redirect_uris: ${uri} is not a URL`;
  }
  if (url.hash) return `redirect_uris: ${uri} must not have a fragment`;
  if (url.protocol === 'https:') return null;
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && loopback) return null;
  return `redirect_uris: ${uri} must use https (or http on localhost, 127.0.0.1 or [::1])`;
}

/** The scopes asked for, or both when none is named; null when one is unknown. */
export function requestedScopes(scope: readonly string[] | undefined): string[] | null {
  const asked = scope && scope.length > 0 ? scope : [...SCOPES];
  return asked.every((s) => (SCOPES as readonly string[]).includes(s))
    ? SCOPES.filter((s) => asked.includes(s))
    : null;
}

/** The client's display name: what it registered, or its redirect host. */
export function clientName(client: OAuthClientInformationFull): string {
  const name = client.client_name?.trim();
  if (name) return name.slice(0, 100);
  const first = client.redirect_uris[0];
  return first ? new URL(first).host : client.client_id;
}

/** The consent page may only be left by posting to itself and being sent to the client. */
export function consentPolicy(redirectUri: string): string {
  const origin = new URL(redirectUri).origin;
  return `default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self' ${origin}; frame-ancestors 'none'; base-uri 'none'; object-src 'none'`;
}

export function sendConsentPage(
  res: Response,
  request: ConsentRequest,
  options: ConsentPageOptions & { status?: number } = {},
): void {
  res
    .status(options.status ?? 200)
    .setHeader('Content-Security-Policy', consentPolicy(request.redirectUri))
    .setHeader('Cache-Control', 'no-store')
    .type('html')
    .send(consentPage(request, options));
}

/** A personal (or session) mf_ token: its user, with both scopes. */
export async function verifyPersonalToken(
  accounts: AccountRepository,
  token: string,
  clock: () => number = Date.now,
): Promise<AuthInfo> {
  const caller = await accounts.findCaller(token);
  if (!caller) throw new InvalidTokenError('The token is unknown, revoked or expired');
  return {
    token,
    clientId: 'personal-token',
    scopes: [...SCOPES],
    // Personal tokens need not expire; the SDK's middleware wants a time all the same.
    expiresAt: Math.floor(clock() / 1000) + 3600,
    extra: { caller } satisfies McpAuthExtra,
  };
}

export class MindFlowOAuthProvider implements OAuthServerProvider {
  readonly store: OAuthStore;
  private readonly accounts: AccountRepository;
  private readonly clock: () => number;

  constructor(deps: { store: OAuthStore; accounts: AccountRepository; clock?: () => number }) {
    this.store = deps.store;
    this.accounts = deps.accounts;
    this.clock = deps.clock ?? Date.now;
  }

  get clientsStore(): OAuthRegisteredClientsStore {
    return {
      getClient: async (clientId) => {
        const stored = await this.store.getClient(clientId);
        return stored ? (stored.metadata as OAuthClientInformationFull) : undefined;
      },
      // Public clients only: whatever auth method was asked, no secret is issued, so no
      // secret has to be stored; PKCE is what protects the code.
      registerClient: async (client) => {
        const full = client as OAuthClientInformationFull;
        if (full.redirect_uris.length === 0) {
          throw new InvalidClientMetadataError('redirect_uris: register at least one');
        }
        for (const uri of full.redirect_uris) {
          const issue = redirectUriIssue(uri);
          if (issue) throw new InvalidClientMetadataError(issue);
        }
        const grantTypes = full.grant_types ?? ['authorization_code', 'refresh_token'];
        const unsupported = grantTypes.filter(
          (g) => g !== 'authorization_code' && g !== 'refresh_token',
        );
        if (unsupported.length > 0) {
          throw new InvalidClientMetadataError(
            `grant_types: ${unsupported.join(', ')} is not supported (authorization_code, refresh_token)`,
          );
        }
        const { client_secret: _secret, client_secret_expires_at: _expires, ...rest } = full;
        const stored: OAuthClientInformationFull = {
          ...rest,
          token_endpoint_auth_method: 'none',
          grant_types: grantTypes,
          response_types: ['code'],
        };
        await this.store.saveClient({
          client_id: stored.client_id,
          client_name: clientName(stored),
          metadata: stored as unknown as Record<string, unknown>,
        });
        return stored;
      },
    };
  }

  /** Shows the sign-in and consent page; its form posts to /oauth/consent. */
  authorize(
    client: OAuthClientInformationFull,
    params: AuthorizationParams,
    res: Response,
  ): Promise<void> {
    const scopes = requestedScopes(params.scopes);
    const request: ConsentRequest = {
      clientId: client.client_id,
      clientName: clientName(client),
      redirectUri: params.redirectUri,
      codeChallenge: params.codeChallenge,
      state: params.state,
      scopes: scopes ?? [],
      resource: params.resource?.href,
    };
    if (!scopes) {
      const url = new URL(params.redirectUri);
      url.searchParams.set('error', 'invalid_scope');
      url.searchParams.set('error_description', `scope: ask for ${SCOPES.join(' and/or ')}`);
      if (params.state !== undefined) url.searchParams.set('state', params.state);
      res.redirect(302, url.href);
      return Promise.resolve();
    }
    // Who is signed in to the dashboard, if anyone: found by the /authorize route.
    const signedIn = res.locals.signedIn as SignedIn | undefined;
    sendConsentPage(res, request, { signedIn });
    return Promise.resolve();
  }

  async challengeForAuthorizationCode(
    client: OAuthClientInformationFull,
    code: string,
  ): Promise<string> {
    const grant = await this.store.codeGrant(code);
    if (!grant || grant.clientId !== client.client_id) {
      throw new InvalidGrantError('code: unknown, or issued to another client');
    }
    return grant.codeChallenge;
  }

  async exchangeAuthorizationCode(
    client: OAuthClientInformationFull,
    code: string,
    _codeVerifier?: string,
    redirectUri?: string,
    resource?: URL,
  ): Promise<OAuthTokens> {
    const grant = await this.store.codeGrant(code);
    if (!grant || grant.clientId !== client.client_id) {
      throw new InvalidGrantError('code: unknown, or issued to another client');
    }
    if (grant.used) {
      // A code presented twice leaked: whatever it was exchanged for is revoked (OAuth 2.1 §4.1.3).
      await this.store.revokeGrant(grant.grantId);
      throw new InvalidGrantError('code: already used; the tokens issued for it are revoked');
    }
    if (grant.expired) throw new InvalidGrantError('code: expired (codes live 10 minutes)');
    if (redirectUri !== grant.redirectUri) {
      throw new InvalidGrantError('redirect_uri: must be exactly the one sent to /authorize');
    }
    if (resource && grant.resource && resource.href !== grant.resource) {
      throw new InvalidTargetError('resource: must be the one sent to /authorize');
    }
    if (!(await this.store.spendCode(code))) {
      await this.store.revokeGrant(grant.grantId);
      throw new InvalidGrantError('code: already used; the tokens issued for it are revoked');
    }
    return this.store.issueTokens(grant.grantId, grant.scopes);
  }

  async exchangeRefreshToken(
    client: OAuthClientInformationFull,
    refreshToken: string,
  ): Promise<OAuthTokens> {
    const outcome = await this.store.refresh(refreshToken, client.client_id);
    switch (outcome.kind) {
      case 'ok':
        return outcome.tokens;
      case 'reused':
        throw new InvalidGrantError(
          'refresh_token: already used; every token of this connection is now revoked — connect again',
        );
      case 'expired':
        throw new InvalidGrantError('refresh_token: expired — connect again');
      case 'foreign_client':
      case 'unknown':
        throw new InvalidGrantError('refresh_token: unknown, revoked or issued to another client');
    }
  }

  /** An OAuth access token, or a personal mf_ token: both act as their user. */
  async verifyAccessToken(token: string, resource?: string): Promise<AuthInfo> {
    if (token.startsWith(TOKEN_PREFIX))
      return verifyPersonalToken(this.accounts, token, this.clock);
    const grant = await this.store.verifyAccess(token);
    if (!grant) throw new InvalidTokenError('The token is unknown, revoked or expired');
    if (resource !== undefined && grant.resource !== null && grant.resource !== resource) {
      throw new InvalidTokenError(`The token was issued for ${grant.resource}, not ${resource}`);
    }
    return {
      token,
      clientId: grant.clientId,
      scopes: grant.scopes,
      expiresAt: grant.expiresAt,
      ...(grant.resource ? { resource: new URL(grant.resource) } : {}),
      extra: { caller: grant.caller } satisfies McpAuthExtra,
    };
  }

  async revokeToken(
    client: OAuthClientInformationFull,
    request: OAuthTokenRevocationRequest,
  ): Promise<void> {
    await this.store.revokeToken(request.token, client.client_id);
  }
}
