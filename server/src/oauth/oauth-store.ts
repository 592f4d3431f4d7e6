import { randomBytes, randomUUID } from 'node:crypto';
import { taskRevisionOf, type Caller } from '../accounts/account-repository.ts';
import { hashToken } from '../accounts/api-tokens.ts';
import { readSettings } from '../accounts/user-settings.ts';
import type { SqlClient } from '../db/sql-client.ts';

// The authorization server's state, on the same SqlClient as the accounts: registered
// clients, grants (one per consent: a connected app), single-use codes and rotating tokens.
// Everything lives in the database, so any instance can finish a flow another one began.

export const CODE_TTL_MS = 10 * 60 * 1000;
export const ACCESS_TTL_MS = 60 * 60 * 1000;
export const REFRESH_TTL_MS = 90 * 24 * 60 * 60 * 1000;
// last_used_at is written at most this often, so a tool call stays one read.
const LAST_USED_GRANULARITY_MS = 60 * 60 * 1000;

/** What a connected app may do: read tasks; change tasks. */
export const SCOPES = ['tasks:read', 'tasks:write'] as const;
export type Scope = (typeof SCOPES)[number];

export interface StoredClient {
  client_id: string;
  client_name: string | null;
  metadata: Record<string, unknown>;
}

export interface ConnectedApp {
  id: string;
  name: string;
  scopes: string[];
  last_used_at: string | null;
  created_at: string;
}

export interface CodeGrant {
  grantId: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  codeChallenge: string;
  scopes: string[];
  resource: string | null;
  expired: boolean;
  used: boolean;
}

export interface IssuedTokens {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  refresh_token: string;
  scope: string;
}

export interface AccessGrant {
  caller: Caller;
  clientId: string;
  scopes: string[];
  resource: string | null;
  /** Seconds since the epoch. */
  expiresAt: number;
}

export type RefreshOutcome =
  | { kind: 'ok'; tokens: IssuedTokens }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'foreign_client' }
  /** The token was already exchanged: its whole family is now revoked. */
  | { kind: 'reused' };

const secret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;

interface AccessRow {
  expires_at: string;
  grant_id: string;
  client_id: string;
  scopes: string;
  resource: string | null;
  last_used_at: string | null;
  id: string;
  email: string;
  created_at: string;
  settings: string | null;
}

export class OAuthStore {
  private readonly db: SqlClient;
  private readonly clock: () => number;

  constructor(db: SqlClient, clock: () => number = Date.now) {
    this.db = db;
    this.clock = clock;
  }

  private iso(offsetMs = 0): string {
    return new Date(this.clock() + offsetMs).toISOString();
  }

  async saveClient(client: StoredClient): Promise<void> {
    await this.db.run(
      `INSERT INTO oauth_clients (client_id, client_name, metadata, created_at) VALUES ($1, $2, $3, $4)`,
      [client.client_id, client.client_name, JSON.stringify(client.metadata), this.iso()],
    );
  }

  async getClient(clientId: string): Promise<StoredClient | null> {
    const rows = await this.db.all<{
      client_id: string;
      client_name: string | null;
      metadata: string;
    }>('SELECT client_id, client_name, metadata FROM oauth_clients WHERE client_id = $1', [
      clientId,
    ]);
    const r = rows[0];
    return r
      ? {
          client_id: r.client_id,
          client_name: r.client_name,
          metadata: JSON.parse(r.metadata) as Record<string, unknown>,
        }
      : null;
  }

  /** A grant (what the person approved) and its first, single-use code. */
  async approve(input: {
    userId: string;
    clientId: string;
    scopes: readonly string[];
    resource: string | null;
    redirectUri: string;
    codeChallenge: string;
  }): Promise<{ grantId: string; code: string }> {
    const grantId = randomUUID();
    const code = secret('mfc_');
    await this.db.batch([
      {
        sql: `INSERT INTO oauth_grants (id, user_id, client_id, scopes, resource, created_at)
              VALUES ($1, $2, $3, $4, $5, $6)`,
        params: [
          grantId,
          input.userId,
          input.clientId,
          input.scopes.join(' '),
          input.resource,
          this.iso(),
        ],
      },
      {
        sql: `INSERT INTO oauth_codes (code_hash, grant_id, redirect_uri, code_challenge, expires_at)
              VALUES ($1, $2, $3, $4, $5)`,
        params: [
          hashToken(code),
          grantId,
          input.redirectUri,
          input.codeChallenge,
          this.iso(CODE_TTL_MS),
        ],
      },
    ]);
    return { grantId, code };
  }

  async codeGrant(code: string): Promise<CodeGrant | null> {
    const rows = await this.db.all<{
      grant_id: string;
      client_id: string;
      user_id: string;
      redirect_uri: string;
      code_challenge: string;
      scopes: string;
      resource: string | null;
      expires_at: string;
      used_at: string | null;
      revoked_at: string | null;
    }>(
      `SELECT c.grant_id, g.client_id, g.user_id, c.redirect_uri, c.code_challenge, g.scopes,
              g.resource, c.expires_at, c.used_at, g.revoked_at
       FROM oauth_codes c JOIN oauth_grants g ON g.id = c.grant_id WHERE c.code_hash = $1`,
      [hashToken(code)],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      grantId: r.grant_id,
      clientId: r.client_id,
      userId: r.user_id,
      redirectUri: r.redirect_uri,
      codeChallenge: r.code_challenge,
      scopes: r.scopes.split(' ').filter(Boolean),
      resource: r.resource,
      expired: Date.parse(r.expires_at) <= this.clock(),
      used: r.used_at !== null || r.revoked_at !== null,
    };
  }

  /** Spends a code: true for the one caller that spent it first. */
  async spendCode(code: string): Promise<boolean> {
    return (
      (await this.db.run(
        'UPDATE oauth_codes SET used_at = $1 WHERE code_hash = $2 AND used_at IS NULL',
        [this.iso(), hashToken(code)],
      )) === 1
    );
  }

  /** A fresh access token (≤ 1 h) and refresh token in the grant's family. */
  async issueTokens(grantId: string, scopes: readonly string[]): Promise<IssuedTokens> {
    const access = secret('mfa_');
    const refresh = secret('mfr_');
    const now = this.iso();
    await this.db.batch([
      {
        sql: `INSERT INTO oauth_tokens (token_hash, grant_id, kind, created_at, expires_at)
              VALUES ($1, $2, 'access', $3, $4)`,
        params: [hashToken(access), grantId, now, this.iso(ACCESS_TTL_MS)],
      },
      {
        sql: `INSERT INTO oauth_tokens (token_hash, grant_id, kind, created_at, expires_at)
              VALUES ($1, $2, 'refresh', $3, $4)`,
        params: [hashToken(refresh), grantId, now, this.iso(REFRESH_TTL_MS)],
      },
    ]);
    return {
      access_token: access,
      token_type: 'bearer',
      expires_in: ACCESS_TTL_MS / 1000,
      refresh_token: refresh,
      scope: scopes.join(' '),
    };
  }

  /**
   * Rotates a refresh token: the old one is spent, a new pair is issued in the same family.
   * A spent token presented again means it leaked: the whole family is revoked.
   */
  async refresh(refreshToken: string, clientId: string): Promise<RefreshOutcome> {
    const rows = await this.db.all<{
      grant_id: string;
      client_id: string;
      scopes: string;
      expires_at: string;
      used_at: string | null;
      revoked_at: string | null;
    }>(
      `SELECT t.grant_id, g.client_id, g.scopes, t.expires_at, t.used_at, g.revoked_at
       FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id
       WHERE t.token_hash = $1 AND t.kind = 'refresh'`,
      [hashToken(refreshToken)],
    );
    const r = rows[0];
    if (!r || r.revoked_at !== null) return { kind: 'unknown' };
    if (r.client_id !== clientId) return { kind: 'foreign_client' };
    if (r.used_at !== null) {
      await this.revokeGrant(r.grant_id);
      return { kind: 'reused' };
    }
    if (Date.parse(r.expires_at) <= this.clock()) return { kind: 'expired' };
    const spent = await this.db.run(
      `UPDATE oauth_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL`,
      [this.iso(), hashToken(refreshToken)],
    );
    if (spent !== 1) {
      // Another request spent it between our read and write: a race is a reuse too.
      await this.revokeGrant(r.grant_id);
      return { kind: 'reused' };
    }
    const scopes = r.scopes.split(' ').filter(Boolean);
    return { kind: 'ok', tokens: await this.issueTokens(r.grant_id, scopes) };
  }

  /** The caller behind a live access token: one indexed read. */
  async verifyAccess(token: string): Promise<AccessGrant | null> {
    const rows = await this.db.all<AccessRow>(
      `SELECT t.expires_at, t.grant_id, g.client_id, g.scopes, g.resource, g.last_used_at,
              u.id, u.email, u.created_at, s.settings
       FROM oauth_tokens t JOIN oauth_grants g ON g.id = t.grant_id
       JOIN users u ON u.id = g.user_id
       LEFT JOIN user_settings s ON s.user_id = u.id
       WHERE t.token_hash = $1 AND t.kind = 'access' AND g.revoked_at IS NULL`,
      [hashToken(token)],
    );
    const r = rows[0];
    if (!r) return null;
    const now = this.clock();
    const expiresMs = Date.parse(r.expires_at);
    if (expiresMs <= now) return null;
    if (r.last_used_at === null || now - Date.parse(r.last_used_at) > LAST_USED_GRANULARITY_MS) {
      await this.db.run('UPDATE oauth_grants SET last_used_at = $1 WHERE id = $2', [
        this.iso(),
        r.grant_id,
      ]);
    }
    return {
      caller: {
        user: { id: r.id, email: r.email, created_at: r.created_at },
        settings: readSettings(r.settings),
        taskRevision: () => taskRevisionOf(this.db, r.id),
        tokenId: `grant:${r.grant_id}`,
      },
      clientId: r.client_id,
      scopes: r.scopes.split(' ').filter(Boolean),
      resource: r.resource,
      expiresAt: Math.floor(expiresMs / 1000),
    };
  }

  /**
   * RFC 7009: an access token is revoked alone; a refresh token takes its family with it.
   * A token that is unknown, or another client's, is ignored (the RFC answers 200 anyway).
   */
  async revokeToken(token: string, clientId: string): Promise<void> {
    const rows = await this.db.all<{ grant_id: string; kind: string; client_id: string }>(
      `SELECT t.grant_id, t.kind, g.client_id FROM oauth_tokens t
       JOIN oauth_grants g ON g.id = t.grant_id WHERE t.token_hash = $1`,
      [hashToken(token)],
    );
    const r = rows[0];
    if (!r || r.client_id !== clientId) return;
    if (r.kind === 'refresh') {
      await this.revokeGrant(r.grant_id);
    } else {
      await this.db.run('DELETE FROM oauth_tokens WHERE token_hash = $1', [hashToken(token)]);
    }
  }

  /** Revokes a grant: its codes and tokens stop working at once. */
  async revokeGrant(grantId: string, userId?: string): Promise<boolean> {
    const owner = userId === undefined ? '' : ' AND user_id = $3';
    const params = userId === undefined ? [this.iso(), grantId] : [this.iso(), grantId, userId];
    const [revoked] = await this.db.batch([
      {
        sql: `UPDATE oauth_grants SET revoked_at = $1 WHERE id = $2 AND revoked_at IS NULL${owner}`,
        params,
      },
      {
        sql: `DELETE FROM oauth_tokens WHERE grant_id = $1 AND EXISTS
              (SELECT 1 FROM oauth_grants g WHERE g.id = $1 AND g.revoked_at IS NOT NULL)`,
        params: [grantId],
      },
    ]);
    return (revoked ?? 0) > 0;
  }

  /** The apps that can act for the user: grants not revoked whose tokens were issued. */
  async connectedApps(userId: string): Promise<ConnectedApp[]> {
    const rows = await this.db.all<{
      id: string;
      client_name: string | null;
      client_id: string;
      scopes: string;
      last_used_at: string | null;
      created_at: string;
    }>(
      `SELECT g.id, c.client_name, c.client_id, g.scopes, g.last_used_at, g.created_at
       FROM oauth_grants g JOIN oauth_clients c ON c.client_id = g.client_id
       WHERE g.user_id = $1 AND g.revoked_at IS NULL
         AND EXISTS (SELECT 1 FROM oauth_tokens t WHERE t.grant_id = g.id)
       ORDER BY g.created_at, g.id`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.client_name ?? r.client_id,
      scopes: r.scopes.split(' ').filter(Boolean),
      last_used_at: r.last_used_at,
      created_at: r.created_at,
    }));
  }

  /** Codes and access tokens past their time, and refresh tokens spent a day ago. */
  async purgeExpired(): Promise<void> {
    const now = this.iso();
    await this.db.batch([
      { sql: 'DELETE FROM oauth_codes WHERE expires_at < $1', params: [now] },
      { sql: 'DELETE FROM oauth_tokens WHERE expires_at < $1', params: [now] },
    ]);
  }
}
