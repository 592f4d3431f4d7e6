import { DatabaseSync, type StatementSync } from 'node:sqlite';
import { StoreUnavailableError } from '@mindflow/shared';
import type { SqlClient, SqlRow, SqlStatement, SqlValue } from './sql-client.ts';

export interface SqliteOptions {
  /** A file path, or ':memory:'. */
  path: string;
  /** How long a writer waits for another connection's lock before giving up. */
  busyTimeoutMs?: number;
}

/**
 * node:sqlite is synchronous: every call finishes before the next request runs, which is
 * why a batch is a real transaction on a connection shared by all requests. WAL lets other
 * processes (a second server, the migrate CLI) read while this one writes.
 */
export class SqliteClient implements SqlClient {
  readonly dialect = 'sqlite';
  private readonly db: DatabaseSync;
  private readonly statements = new Map<string, StatementSync>();
  private readonly columnNames = new Map<StatementSync, string[]>();

  constructor(options: SqliteOptions) {
    this.db = new DatabaseSync(options.path, {
      timeout: options.busyTimeoutMs ?? 5000,
      enableForeignKeyConstraints: true,
    });
    if (options.path !== ':memory:') this.db.exec('PRAGMA journal_mode = WAL');
    // NORMAL is durable in WAL mode against process crashes (the case graceful shutdown and
    // kill -9 cover); only an OS crash could lose the last transactions.
    this.db.exec('PRAGMA synchronous = NORMAL');
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
    return this.guard(() => {
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
    });
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.guard(() => Number(this.prepare(sql).run(...params).changes));
  }

  batch(statements: readonly SqlStatement[]): Promise<number[]> {
    return this.guard(() => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const changes = statements.map((s) =>
          Number(this.prepare(s.sql).run(...(s.params ?? [])).changes),
        );
        this.db.exec('COMMIT');
        return changes;
      } catch (error) {
        this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  exec(script: string): Promise<void> {
    return this.guard(() => this.db.exec(script));
  }

  ping(): Promise<void> {
    return this.guard(() => {
      this.prepare('SELECT 1').get();
    });
  }

  close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
    return Promise.resolve();
  }
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
