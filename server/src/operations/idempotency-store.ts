import { createHash } from 'node:crypto';
import type { SqlClient } from '../db/sql-client.ts';

// The first answer to (user, idempotency key) is stored and replayed to a retry with the
// same request; the same key with a different request is a conflict. A claim row is
// written before the work, so two concurrent retries cannot both write.

export type Claim =
  | { kind: 'new' }
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'mismatch' }
  | { kind: 'in_progress' };

// A claim whose request died with its process is taken over after this long.
const STALE_CLAIM_MS = 60_000;
// Keys are remembered this long, like Stripe's.
const KEY_TTL_MS = 24 * 60 * 60 * 1000;

export function requestHash(parts: unknown): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

interface KeyRow {
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

export class IdempotencyStore {
  private readonly db: SqlClient;
  private readonly clock: () => number;

  constructor(db: SqlClient, clock: () => number = Date.now) {
    this.db = db;
    this.clock = clock;
  }

  async claim(userId: string, key: string, hash: string): Promise<Claim> {
    const now = this.clock();
    const at = new Date(now).toISOString();
    const inserted = await this.db.run(
      `INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, key) DO NOTHING`,
      [userId, key, hash, at],
    );
    if (inserted === 1) return { kind: 'new' };
    const row = (
      await this.db.all<KeyRow>(
        'SELECT request_hash, status_code, response_body, created_at FROM idempotency_keys WHERE user_id = $1 AND key = $2',
        [userId, key],
      )
    )[0];
    if (!row) return this.claim(userId, key, hash);
    const age = now - Date.parse(row.created_at);
    const stale = age > KEY_TTL_MS || (row.status_code === null && age > STALE_CLAIM_MS);
    if (stale) {
      // Take it over only if nobody else did meanwhile (compare-and-swap on created_at).
      const taken = await this.db.run(
        `UPDATE idempotency_keys SET request_hash = $1, status_code = NULL, response_body = NULL, created_at = $2
         WHERE user_id = $3 AND key = $4 AND created_at = $5`,
        [hash, at, userId, key, row.created_at],
      );
      return taken === 1 ? { kind: 'new' } : { kind: 'in_progress' };
    }
    if (row.request_hash !== hash) return { kind: 'mismatch' };
    if (row.status_code === null) return { kind: 'in_progress' };
    return {
      kind: 'replay',
      status: Number(row.status_code),
      body: JSON.parse(row.response_body ?? 'null'),
    };
  }

  async complete(userId: string, key: string, status: number, body: unknown): Promise<void> {
    await this.db.run(
      'UPDATE idempotency_keys SET status_code = $1, response_body = $2 WHERE user_id = $3 AND key = $4',
      [status, JSON.stringify(body), userId, key],
    );
  }

  /** Forgets keys past their lifetime; answers how many. */
  async purgeExpired(): Promise<number> {
    const before = new Date(this.clock() - KEY_TTL_MS).toISOString();
    return this.db.run('DELETE FROM idempotency_keys WHERE created_at < $1', [before]);
  }

  /** Forgets a claim whose request failed on our side, so a retry runs again. */
  async release(userId: string, key: string): Promise<void> {
    await this.db.run(
      'DELETE FROM idempotency_keys WHERE user_id = $1 AND key = $2 AND status_code IS NULL',
      [userId, key],
    );
  }
}
