import type { SqlClient } from '../db/sql-client.ts';

// The send ledger: one row per (user, local date), the UNIQUE key that makes the morning
// email exactly-once however many instances run the schedule. An instance claims the row
// with one atomic upsert before it plans and sends; only the instance whose claim returned
// a row may send. A failed send gives the row back with a time after which a later tick
// may claim it again; a claim whose instance died is reclaimed after the lease.
//
// The one window left is an instance dying after the SMTP server accepted the message and
// before the row says `sent`: after the lease another instance sends again. The Message-ID
// is the same for every attempt of one (user, date), so mail clients that collapse
// duplicates (Gmail does) show one.

export type LedgerStatus = 'claimed' | 'sent' | 'failed';

export interface LedgerRow {
  user_id: string;
  local_date: string;
  status: LedgerStatus;
  attempts: number;
  next_attempt_at: string | null;
  claimed_by: string | null;
  claimed_at: string | null;
  sent_at: string | null;
  message_id: string | null;
  last_error: string | null;
}

export interface LedgerPolicy {
  /** A claim older than this belongs to an instance that died; others may take it over. */
  leaseMs: number;
  /** Attempts per (user, date), counting crashed ones; then the day is given up. */
  maxAttempts: number;
  /** The wait after the first failure; it doubles with each further one… */
  firstBackoffMs: number;
  /** …up to this. */
  maxBackoffMs: number;
}

export const DEFAULT_LEDGER_POLICY: LedgerPolicy = {
  leaseMs: 10 * 60_000,
  maxAttempts: 6,
  firstBackoffMs: 60_000,
  maxBackoffMs: 60 * 60_000,
};

/** A successful claim: the fencing token every later write of this attempt must match. */
export interface Claim {
  userId: string;
  localDate: string;
  attempt: number;
  claimedBy: string;
}

const iso = (ms: number) => new Date(ms).toISOString();
const COLUMNS = `user_id, local_date, status, attempts, next_attempt_at, claimed_by, claimed_at,
  sent_at, message_id, last_error`;
// pg answers INTEGER columns as numbers, but keep it explicit for every engine.
const withNumbers = (r: LedgerRow): LedgerRow => ({ ...r, attempts: Number(r.attempts) });

/** Failure n (1-based) waits first × 2^(n−1), capped. */
export function backoffMs(policy: LedgerPolicy, attempt: number): number {
  return Math.min(policy.maxBackoffMs, policy.firstBackoffMs * 2 ** Math.max(0, attempt - 1));
}

/** Whether a row (or its absence) lets a claim at `now` succeed: the claim's own rule, read-only. */
export function claimable(row: LedgerRow | undefined, now: number, policy: LedgerPolicy): boolean {
  if (!row) return true;
  if (row.attempts >= policy.maxAttempts) return false;
  if (row.status === 'failed')
    return row.next_attempt_at !== null && row.next_attempt_at <= iso(now);
  if (row.status === 'claimed') return (row.claimed_at ?? '') <= iso(now - policy.leaseMs);
  return false;
}

export class PlanEmailLedger {
  readonly policy: LedgerPolicy;
  private readonly db: SqlClient;

  constructor(db: SqlClient, policy: LedgerPolicy = DEFAULT_LEDGER_POLICY) {
    this.db = db;
    this.policy = policy;
  }

  /**
   * Claims (user, date) for `instance`, in one statement: a new row, a failed one whose
   * wait is over, or a claim past its lease. null when another instance holds it, it was
   * sent, or it was given up. Both engines run an upsert on one row atomically, so two
   * instances claiming at once get one row between them.
   */
  async claim(
    userId: string,
    localDate: string,
    instance: string,
    now: number,
  ): Promise<Claim | null> {
    const rows = await this.db.all<{ attempts: number }>(
      `INSERT INTO plan_email_ledger (user_id, local_date, status, attempts, claimed_by, claimed_at)
       VALUES ($1, $2, 'claimed', 1, $3, $4)
       ON CONFLICT (user_id, local_date) DO UPDATE SET
         status = 'claimed',
         attempts = plan_email_ledger.attempts + 1,
         claimed_by = excluded.claimed_by,
         claimed_at = excluded.claimed_at,
         next_attempt_at = NULL
       WHERE plan_email_ledger.attempts < $6 AND (
         (plan_email_ledger.status = 'failed' AND plan_email_ledger.next_attempt_at IS NOT NULL
           AND plan_email_ledger.next_attempt_at <= $4)
         OR (plan_email_ledger.status = 'claimed' AND plan_email_ledger.claimed_at <= $5))
       RETURNING attempts`,
      [
        userId,
        localDate,
        instance,
        iso(now),
        iso(now - this.policy.leaseMs),
        this.policy.maxAttempts,
      ],
    );
    const row = rows[0];
    return row ? { userId, localDate, attempt: Number(row.attempts), claimedBy: instance } : null;
  }

  /** false when the claim was lost (its lease ran out and another instance took it). */
  async markSent(claim: Claim, messageId: string, now: number): Promise<boolean> {
    return (
      (await this.db.run(
        `UPDATE plan_email_ledger
         SET status = 'sent', sent_at = $3, message_id = $4, next_attempt_at = NULL, last_error = NULL
         WHERE user_id = $1 AND local_date = $2 AND status = 'claimed'
           AND claimed_by = $5 AND attempts = $6`,
        [claim.userId, claim.localDate, iso(now), messageId, claim.claimedBy, claim.attempt],
      )) > 0
    );
  }

  /**
   * Gives the claim back as failed. A transient failure may be claimed again after the
   * backoff; a permanent one, or the last allowed attempt, never: next_attempt_at stays null.
   * Answers when a retry may happen, or null for none.
   */
  async markFailed(
    claim: Claim,
    error: string,
    permanent: boolean,
    now: number,
  ): Promise<number | null> {
    const retryAt =
      permanent || claim.attempt >= this.policy.maxAttempts
        ? null
        : now + backoffMs(this.policy, claim.attempt);
    await this.db.run(
      `UPDATE plan_email_ledger SET status = 'failed', next_attempt_at = $3, last_error = $4
       WHERE user_id = $1 AND local_date = $2 AND status = 'claimed'
         AND claimed_by = $5 AND attempts = $6`,
      [
        claim.userId,
        claim.localDate,
        retryAt === null ? null : iso(retryAt),
        error.slice(0, 1000),
        claim.claimedBy,
        claim.attempt,
      ],
    );
    return retryAt;
  }

  /** The rows of local dates first…last (inclusive), keyed `user_id|local_date`. */
  async rowsBetween(first: string, last: string): Promise<Map<string, LedgerRow>> {
    const rows = await this.db.all<LedgerRow>(
      `SELECT ${COLUMNS} FROM plan_email_ledger WHERE local_date >= $1 AND local_date <= $2`,
      [first, last],
    );
    return new Map(rows.map((r) => [`${r.user_id}|${r.local_date}`, withNumbers(r)]));
  }

  async row(userId: string, localDate: string): Promise<LedgerRow | undefined> {
    const rows = await this.db.all<LedgerRow>(
      `SELECT ${COLUMNS} FROM plan_email_ledger WHERE user_id = $1 AND local_date = $2`,
      [userId, localDate],
    );
    return rows[0] && withNumbers(rows[0]);
  }

  /** Rows of dates before `localDate`: the ledger only needs the last few days. */
  async purgeBefore(localDate: string): Promise<number> {
    return this.db.run('DELETE FROM plan_email_ledger WHERE local_date < $1', [localDate]);
  }
}
