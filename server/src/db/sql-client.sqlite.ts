import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { StoreUnavailableError } from '@mindflow/shared';
import type { SqlClient, SqlRow, SqlStatement, SqlValue } from './sql-client.ts';

export interface SqliteOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** How long a writer waits for another connection's lock before giving up. */
  busyTimeoutMs?: number;
}

/** Most writes committed together; past this the rest wait for the next group. */
const MAX_GROUP = 256;

/** A run() or batch() waiting for its group's transaction. */
interface GroupMember {
  /** Runs the member's statements inside the open group transaction. */
  write: () => unknown;
  resolve: (value: never) => void;
  reject: (error: unknown) => void;
}

/** What a member's write gave, held until the group's COMMIT decides whether it stands. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/**
 * node:sqlite is synchronous: a read (all(), ping()) or a script (exec()) finishes before
 * the next request runs. Writes are committed in groups: run() and batch() calls made
 * during one event-loop turn are queued and run together in setImmediate, inside one
 * BEGIN IMMEDIATE … COMMIT, so their lock round trips and the WAL frames of the pages
 * they all touch (the users row, index pages) are paid once per group rather than once
 * per write. Each member still answers alone: a statement that fails is rolled back by
 * SQLite on its own and rejects only its member; a batch runs inside a SAVEPOINT, so it
 * lands or is undone whole. Nothing resolves before the COMMIT succeeded, and when the
 * whole transaction is lost (disk full, I/O error, busy) every member is rejected, so no
 * write is acknowledged that was rolled back. A group runs within one callback, so no
 * read or script ever runs inside its transaction; exec() and close() first commit what
 * is queued, which keeps call order. WAL lets other processes (a second server, the
 * migrate CLI) read while this one writes.
 */
export class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private readonly columnNames = new Map<StatementSync, string[]>();
  private queue: GroupMember[] = [];
  private scheduled: NodeJS.Immediate | null = null;

  constructor(options: SqliteOptions) {
    this.db = new DatabaseSync(options.path, {
      timeout: options.busyTimeoutMs ?? 5000,
      enableForeignKeyConstraints: true,
    });
    if (options.path !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL');
    // NORMAL is durable in WAL mode against process crashes (the case graceful shutdown and
    // kill -9 cover); only an OS crash could lose the last transactions.
    this.db.exec('PRAGMA synchronous = NORMAL');
    // A checkpoint copies each page once however often the WAL holds it, and a busy user's
    // pages (their index leaves, the users row) are written again and again: 4,000 pages
    // (16 MB) of WAL between checkpoints rather than SQLite's 1,000 copies a quarter as
    // many pages per write (about 17 % less CPU per write, measured), for a few more ms
    // of one commit every few seconds.
    if (options.path !== ':memory:') this.db.exec('PRAGMA wal_autocheckpoint = 4000');
  }

  private prepare(sql: string): StatementSync {
    let statement = this.statements.get(sql);
    if (!statement) {
      // SQLite reads ?1 as the first bound value, as PostgreSQL reads $1.
      statement = this.db.prepare(sql.replace(/\$(\d+)/g, '?$1'));
      this.statements.set(sql, statement);
    }
    return statement;
  }

  private guard<T>(work: () => T): Promise<T> {
    try {
      return Promise.resolve(work());
    } catch (error) {
      return Promise.reject(translate(error));
    }
  }

  all<T extends object = SqlRow>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.guard(() => this.rowsOf<T>(sql, params));
  }

  private rowsOf<T extends object>(sql: string, params: readonly SqlValue[]): T[] {
    // Rows come back as arrays and become plain objects here: about a third cheaper than
    // node:sqlite's own null-prototype row objects, and every row shares one shape.
    const statement = this.prepare(sql);
    let names = this.columnNames.get(statement);
    if (!names) {
      statement.setReturnArrays(true);
      names = statement.columns().map((c) => c.name);
      this.columnNames.set(statement, names);
    }
    const rows = statement.all(...params) as unknown as SqlValue[][];
    const out: T[] = new Array(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const values = rows[r]!;
      const row: Record<string, SqlValue> = {};
      for (let c = 0; c < names.length; c++) row[names[c]!] = values[c]!;
      out[r] = row as T;
    }
    return out;
  }

  /** The write as a member of its group, and the query right after it inside the group. */
  runReading<T extends object = SqlRow>(
    write: SqlStatement,
    read: SqlStatement,
  ): Promise<{ changes: number; rows: T[] }> {
    const refused = refuseTransactionControl('runReading', write.sql);
    if (refused) return refused;
    return this.enqueue(() => {
      const changes = this.runOne(write);
      // The write stands whatever the query does: a query that fails answers no rows
      // rather than failing a write that will be committed.
      let rows: T[] = [];
      try {
        rows = this.rowsOf<T>(read.sql, read.params ?? []);
      } catch {
        // no rows
      }
      return { changes, rows };
    });
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    // A write runs inside its group's transaction: one that ends or begins a transaction
    // would commit or break the other writes of the group.
    const refused = refuseTransactionControl('run', sql);
    if (refused) return refused;
    return this.enqueue(() => this.runOne({ sql, params }));
  }

  batch(statements: readonly SqlStatement[]): Promise<number[]> {
    return this.enqueue(() => this.inSavepoint(() => statements.map((s) => this.runOne(s))));
  }

  private runOne(statement: SqlStatement): number {
    return Number(this.prepare(statement.sql).run(...(statement.params ?? [])).changes);
  }

  /** Queues a write for this turn's group; the first one of a turn schedules the group. */
  private enqueue<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ write, resolve: resolve as (value: never) => void, reject });
      this.scheduled ??= setImmediate(() => this.commitNextGroup());
    });
  }

  /** One group per turn, so a long queue leaves reads room between its groups. */
  private commitNextGroup(): void {
    this.scheduled = null;
    this.commitGroup(this.queue.splice(0, MAX_GROUP));
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.commitNextGroup());
  }

  /** Commits everything queued now, before a script or close() that must come after it. */
  private flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = null;
    while (this.queue.length > 0) this.commitGroup(this.queue.splice(0, MAX_GROUP));
  }

  private commitGroup(group: GroupMember[]): void {
    if (group.length === 0) return;
    try {
      this.db.exec('BEGIN IMMEDIATE');
    } catch (error) {
      rejectAll(group, error);
      return;
    }
    const outcomes: Outcome[] = [];
    for (const member of group) {
      try {
        outcomes.push({ ok: true, value: member.write() });
      } catch (error) {
        // SQLite undid just this statement and kept the transaction open — unless the
        // error (disk full, I/O, busy) rolled all of it back, and with it every member.
        if (!this.db.isTransaction) {
          rejectAll(group, error);
          return;
        }
        outcomes.push({ ok: false, error });
      }
    }
    try {
      this.db.exec('COMMIT');
    } catch (error) {
      this.rollbackIfOpen();
      rejectAll(group, error);
      return;
    }
    group.forEach((member, i) => settle(member, outcomes[i]!));
  }

  /** A batch is all or nothing even inside a group that commits its neighbours. */
  private inSavepoint<T>(work: () => T): T {
    this.db.exec('SAVEPOINT batch');
    try {
      const result = work();
      this.db.exec('RELEASE batch');
      return result;
    } catch (error) {
      this.undoSavepoint();
      throw error;
    }
  }

  private undoSavepoint(): void {
    if (!this.db.isTransaction) return; // the whole group is gone already
    try {
      this.db.exec('ROLLBACK TO batch');
      this.db.exec('RELEASE batch');
    } catch {
      // Half a batch must never be committed: give the whole group up instead.
      this.rollbackIfOpen();
    }
  }

  private rollbackIfOpen(): void {
    try {
      if (this.db.isTransaction) this.db.exec('ROLLBACK');
    } catch {
      // Nothing more to undo: SQLite ends a transaction it cannot roll back.
    }
  }

  exec(script: string): Promise<void> {
    return this.guard(() => {
      this.flush();
      this.db.exec(script);
    });
  }

  ping(): Promise<void> {
    return this.guard(() => {
      this.prepare('SELECT 1').get();
    });
  }

  close(): Promise<void> {
    // Queued writes were not acknowledged yet: commit them rather than drop them.
    if (this.db.isOpen) {
      this.flush();
      this.db.close();
    }
    return Promise.resolve();
  }
}

function settle(member: GroupMember, outcome: Outcome): void {
  if (outcome.ok) member.resolve(outcome.value as never);
  else member.reject(translate(outcome.error));
}

function rejectAll(group: readonly GroupMember[], error: unknown): void {
  const translated = translate(error);
  for (const member of group) member.reject(translated);
}

const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/**
 * A write runs inside its group's shared transaction: one that ends or begins a transaction
 * would commit or break the other writes of the group, so it is refused, naming the way.
 */
function refuseTransactionControl(method: string, sql: string): Promise<never> | null {
  if (!TRANSACTION_CONTROL.test(sql)) return null;
  return Promise.reject(
    new Error(`${method}() takes one statement of a group; use batch() or exec() for: ${sql}`),
  );
}

function translate(error: unknown): unknown {
  const code = (error as { errcode?: number; code?: string }).errcode;
  // SQLITE_BUSY (5) and SQLITE_LOCKED (6): another writer held the lock past the timeout.
  if (code === 5 || code === 6) {
    return new StoreUnavailableError('the database is busy', { cause: error });
  }
  if ((error as { code?: string }).code === 'ERR_INVALID_STATE') {
    return new StoreUnavailableError('the database is closed', { cause: error });
  }
  return error;
}
