import { randomUUID } from 'node:crypto';
import type { SqlClient } from '../db/sql-client.ts';
import { padded, perClient, placeholders, turnBatched } from '../db/turn-batch.ts';
import { hashToken, newToken, tokenHint } from './api-tokens.ts';
import { readSettings, UserSettings } from './user-settings.ts';

export interface User {
  id: string;
  email: string;
  created_at: string;
}

/** Who is calling: resolved from a Bearer token once per request. */
export interface Caller {
  user: User;
  settings: UserSettings;
  /**
   * Reads the revision of the user's tasks now. It moves with every write to them, from any
   * instance or the CLI (the schema's trigger), and keys the answer caches; read only by
   * what needs it, so a request that does not (a task by id, a write) costs no read.
   */
  taskRevision: () => Promise<number>;
  tokenId: string;
}

export interface TokenInfo {
  id: string;
  name: string;
  hint: string;
  created_at: string;
  last_used_at: string | null;
}

export type TokenKind = 'personal' | 'session';

interface CallerRow {
  token_id: string;
  expires_at: string | null;
  last_used_at: string | null;
  id: string;
  email: string;
  created_at: string;
  settings: string | null;
}

/**
 * The task revisions of these users, in one statement (a user who is gone is not in it).
 * Keys are padded to a power of two, so few statement texts are prepared.
 */
export async function taskRevisionsOf(
  db: SqlClient,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  const ids = padded(userIds);
  const rows = await db.all<{ id: string; task_revision: number }>(
    `SELECT id, task_revision FROM users WHERE id IN (${placeholders(ids.length)})`,
    ids,
  );
  return new Map(rows.map((r) => [r.id, Number(r.task_revision)]));
}

/** Every revision asked for in one turn, read by one statement (turn-batch.ts). */
const revisionReads = perClient((db) =>
  turnBatched<string, number>(
    (userId) => userId,
    (userIds) => taskRevisionsOf(db, userIds),
  ),
);

/** The revision of the user's tasks now (0 for a user who is gone): Caller.taskRevision. */
export async function taskRevisionOf(db: SqlClient, userId: string): Promise<number> {
  return (await revisionReads(db)(userId)) ?? 0;
}

/** Live tokens of each kind one user may hold, unless configured otherwise. */
export const DEFAULT_MAX_TOKENS_PER_USER = 100;

/** Minting a personal token past the per-user limit: the route answers 409 with this. */
export class TokenLimitError extends Error {
  readonly limit: number;
  constructor(limit: number) {
    super(
      `You have ${limit} API tokens, the most one account may have: revoke one you no longer ` +
        'use (DELETE /api/tokens/{id}) before creating another',
    );
    this.name = 'TokenLimitError';
    this.limit = limit;
  }
}

/**
 * How long a token's owner, settings and expiry are reused without reading the token again:
 * a token revoked or expired anywhere (any instance, the CLI) stops working within this.
 */
export const CALLER_CACHE_MS = 1_000;
const CALLER_CACHE_ENTRIES = 10_000;

interface CachedCaller {
  /** performance.now() when read: the cache ages in real time whatever clock tests inject. */
  readAt: number;
  expiresAt: number | null;
  caller: Caller;
}

// last_used_at is written at most this often, so reads stay reads.
const LAST_USED_GRANULARITY_MS = 60 * 60 * 1000;

/** Users, their settings and their API tokens, on the same SqlClient as the tasks. */
export class AccountRepository {
  private readonly db: SqlClient;
  private readonly clock: () => number;

  private readonly maxTokens: number;
  private readonly callers = new Map<string, CachedCaller>();
  private readonly callerCacheMs: number;

  constructor(
    db: SqlClient,
    clock: () => number = Date.now,
    limits: { maxTokensPerUser?: number; callerCacheMs?: number } = {},
  ) {
    this.db = db;
    this.clock = clock;
    this.maxTokens = limits.maxTokensPerUser ?? DEFAULT_MAX_TOKENS_PER_USER;
    this.callerCacheMs = limits.callerCacheMs ?? CALLER_CACHE_MS;
  }

  private now(): string {
    return new Date(this.clock()).toISOString();
  }

  /** null when the email is taken. */
  async createUser(
    email: string,
    passwordHash: string,
    settings: Partial<UserSettings> = {},
  ): Promise<User | null> {
    const user: User = { id: randomUUID(), email: email.toLowerCase(), created_at: this.now() };
    const full = UserSettings.parse(settings);
    try {
      await this.db.batch([
        {
          sql: 'INSERT INTO users (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)',
          params: [user.id, user.email, passwordHash, user.created_at],
        },
        {
          sql: 'INSERT INTO user_settings (user_id, settings, updated_at) VALUES ($1, $2, $3)',
          params: [user.id, JSON.stringify(full), user.created_at],
        },
      ]);
    } catch (error) {
      if (/unique|duplicate key/i.test((error as Error).message)) return null;
      throw error;
    }
    return user;
  }

  async findByEmail(email: string): Promise<{ user: User; passwordHash: string } | null> {
    const rows = await this.db.all<User & { password_hash: string }>(
      'SELECT id, email, created_at, password_hash FROM users WHERE email = $1',
      [email.toLowerCase()],
    );
    const r = rows[0];
    return r
      ? {
          user: { id: r.id, email: r.email, created_at: r.created_at },
          passwordHash: r.password_hash,
        }
      : null;
  }

  async getUser(userId: string): Promise<{ user: User; settings: UserSettings } | null> {
    const rows = await this.db.all<User & { settings: string | null }>(
      `SELECT u.id, u.email, u.created_at, s.settings FROM users u
       LEFT JOIN user_settings s ON s.user_id = u.id WHERE u.id = $1`,
      [userId],
    );
    const r = rows[0];
    return r
      ? {
          user: { id: r.id, email: r.email, created_at: r.created_at },
          settings: readSettings(r.settings),
        }
      : null;
  }

  /**
   * The token's user and settings. The token's row (with the settings) is read at most once
   * a second (CALLER_CACHE_MS): a token revoked or a zone changed on another instance applies
   * within that, on this one at once (forgetCallers). The task revision, which keys the
   * answer caches, is read afresh by whatever needs it (Caller.taskRevision), so a user
   * always reads their own writes, made on any instance.
   */
  async findCaller(token: string): Promise<Caller | null> {
    const hash = hashToken(token);
    const hit = this.callers.get(hash);
    if (hit && performance.now() - hit.readAt < this.callerCacheMs) {
      if (hit.expiresAt !== null && hit.expiresAt <= this.clock()) return null;
      return hit.caller;
    }
    this.callers.delete(hash);
    return this.readCaller(hash);
  }

  /** The revision of the user's tasks now (0 for a user who is gone). */
  taskRevision(userId: string): Promise<number> {
    return taskRevisionOf(this.db, userId);
  }

  /** Forgets cached callers of this user (their settings or tokens changed here). */
  private forgetCallers(match: (c: CachedCaller) => boolean): void {
    for (const [hash, c] of this.callers) if (match(c)) this.callers.delete(hash);
  }

  private remember(hash: string, entry: CachedCaller): void {
    if (this.callerCacheMs <= 0) return;
    if (this.callers.size >= CALLER_CACHE_ENTRIES) {
      const oldest = this.callers.keys().next().value;
      if (oldest !== undefined) this.callers.delete(oldest);
    }
    this.callers.set(hash, entry);
  }

  /** One indexed read: the token's user and settings. */
  private async readCaller(hash: string): Promise<Caller | null> {
    const readAt = performance.now();
    const rows = await this.db.all<CallerRow>(
      `SELECT t.id AS token_id, t.expires_at, t.last_used_at, u.id, u.email, u.created_at,
              s.settings
       FROM api_tokens t JOIN users u ON u.id = t.user_id
       LEFT JOIN user_settings s ON s.user_id = u.id
       WHERE t.token_hash = $1`,
      [hash],
    );
    const r = rows[0];
    if (!r) return null;
    const now = this.clock();
    const expiresAt = r.expires_at === null ? null : Date.parse(r.expires_at);
    if (expiresAt !== null && expiresAt <= now) return null;
    if (r.last_used_at === null || now - Date.parse(r.last_used_at) > LAST_USED_GRANULARITY_MS) {
      await this.db.run('UPDATE api_tokens SET last_used_at = $1 WHERE id = $2', [
        this.now(),
        r.token_id,
      ]);
    }
    const userId = r.id;
    const caller: Caller = {
      user: { id: userId, email: r.email, created_at: r.created_at },
      settings: readSettings(r.settings),
      taskRevision: () => this.taskRevision(userId),
      tokenId: r.token_id,
    };
    this.remember(hash, { readAt, expiresAt, caller });
    return caller;
  }

  async updateSettings(userId: string, settings: UserSettings): Promise<void> {
    await this.db.run(
      `INSERT INTO user_settings (user_id, settings, updated_at) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at`,
      [userId, JSON.stringify(settings), this.now()],
    );
    this.forgetCallers((c) => c.caller.user.id === userId);
  }

  /**
   * Issues a token; the plain token is returned here once and never stored. A user holds at
   * most `maxTokensPerUser` of each kind: a personal token past that throws TokenLimitError
   * (checked in the INSERT itself), and a sign-in past that ends the oldest sessions, so
   * signing in always works.
   */
  async issueToken(
    userId: string,
    kind: TokenKind,
    name: string,
    ttlMs: number | null = null,
  ): Promise<{ token: string; info: TokenInfo }> {
    const token = newToken();
    const info: TokenInfo = {
      id: randomUUID(),
      name,
      hint: tokenHint(token),
      created_at: this.now(),
      last_used_at: null,
    };
    if (kind === 'session') {
      await this.db.run(
        `DELETE FROM api_tokens WHERE user_id = $1 AND kind = 'session' AND id NOT IN (
           SELECT id FROM api_tokens WHERE user_id = $1 AND kind = 'session'
           ORDER BY created_at DESC, id DESC LIMIT CAST($2 AS INTEGER))`,
        [userId, this.maxTokens - 1],
      );
      this.forgetCallers((c) => c.caller.user.id === userId);
    }
    const inserted = await this.db.run(
      `INSERT INTO api_tokens (id, user_id, kind, name, token_hash, hint, created_at, expires_at)
       SELECT $1, $2, $3, $4, $5, $6, $7, $8
       WHERE (SELECT COUNT(*) FROM api_tokens WHERE user_id = $2 AND kind = $3)
         < CAST($9 AS INTEGER)`,
      [
        info.id,
        userId,
        kind,
        name,
        hashToken(token),
        info.hint,
        info.created_at,
        ttlMs === null ? null : new Date(this.clock() + ttlMs).toISOString(),
        this.maxTokens,
      ],
    );
    if (inserted === 0) throw new TokenLimitError(this.maxTokens);
    return { token, info };
  }

  async listTokens(userId: string): Promise<TokenInfo[]> {
    return this.db.all<TokenInfo>(
      `SELECT id, name, hint, created_at, last_used_at FROM api_tokens
       WHERE user_id = $1 AND kind = 'personal' ORDER BY created_at, id`,
      [userId],
    );
  }

  /** Revokes one of the user's personal tokens; false when it is not theirs or is gone. */
  async revokeToken(userId: string, tokenId: string): Promise<boolean> {
    const deleted = await this.db.run(
      `DELETE FROM api_tokens WHERE id = $1 AND user_id = $2 AND kind = 'personal'`,
      [tokenId, userId],
    );
    this.forgetCallers((c) => c.caller.tokenId === tokenId);
    return deleted > 0;
  }

  /** The stored password hash: '' for an account `mindflow migrate` created. */
  async passwordHashOf(userId: string): Promise<string | null> {
    const rows = await this.db.all<{ password_hash: string }>(
      'SELECT password_hash FROM users WHERE id = $1',
      [userId],
    );
    return rows[0]?.password_hash ?? null;
  }

  /** Sets the password and ends every session but `keepTokenId` (the one changing it). */
  async setPassword(userId: string, passwordHash: string, keepTokenId: string): Promise<void> {
    await this.db.batch([
      { sql: 'UPDATE users SET password_hash = $1 WHERE id = $2', params: [passwordHash, userId] },
      {
        sql: `DELETE FROM api_tokens WHERE user_id = $1 AND kind = 'session' AND id <> $2`,
        params: [userId, keepTokenId],
      },
    ]);
    this.forgetCallers((c) => c.caller.user.id === userId && c.caller.tokenId !== keepTokenId);
  }

  /** Ends one session (sign out); personal tokens are revoked with revokeToken. */
  async endSession(tokenId: string): Promise<void> {
    await this.db.run(`DELETE FROM api_tokens WHERE id = $1 AND kind = 'session'`, [tokenId]);
    this.forgetCallers((c) => c.caller.tokenId === tokenId);
  }

  async deleteExpiredSessions(): Promise<number> {
    return this.db.run(`DELETE FROM api_tokens WHERE kind = 'session' AND expires_at < $1`, [
      this.now(),
    ]);
  }
}
