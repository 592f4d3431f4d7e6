import pg from 'pg';
import type { PGlite } from '@electric-sql/pglite';
import { StoreUnavailableError } from '@mindflow/shared';
import type { SqlClient, SqlRow, SqlStatement, SqlValue } from './sql-client.ts';

/** The part of pg.Pool, a pg.PoolClient and PGlite this client needs. */
interface Queryable {
  query(
    sql: string,
    params?: unknown[],
  ): Promise<{ rows: unknown[]; affectedRows?: number; rowCount?: number | null }>;
}

function affected(result: { affectedRows?: number; rowCount?: number | null }): number {
  return result.rowCount ?? result.affectedRows ?? 0;
}

// Connection-level failures: the caller may retry, so they become `unavailable` (503).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'ETIMEDOUT',
  'EPIPE',
]);

function translate(error: unknown): unknown {
  const code = (error as { code?: string }).code ?? '';
  const message = error instanceof Error ? error.message : '';
  if (
    UNAVAILABLE_CODES.has(code) ||
    code.startsWith('08') || // connection exception
    code.startsWith('57P') || // admin shutdown, cannot connect now
    code === '53300' || // too many connections
    /Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end|PGlite is closed/i.test(
      message,
    )
  ) {
    return new StoreUnavailableError('the database is unreachable', { cause: error });
  }
  return error;
}

abstract class PostgresBase implements SqlClient {
  readonly dialect = 'postgres';
  protected abstract queryable(): Queryable;
  protected abstract transaction<T>(work: (q: Queryable) => Promise<T>): Promise<T>;
  abstract close(): Promise<void>;

  async all<T extends object = SqlRow>(
    sql: string,
    params: readonly SqlValue[] = [],
  ): Promise<T[]> {
    try {
      return (await this.queryable().query(sql, [...params])).rows as T[];
    } catch (error) {
      throw translate(error);
    }
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    try {
      return affected(await this.queryable().query(sql, [...params]));
    } catch (error) {
      throw translate(error);
    }
  }

  async batch(statements: readonly SqlStatement[]): Promise<number[]> {
    try {
      return await this.transaction(async (q) => {
        const changes: number[] = [];
        for (const s of statements)
          changes.push(affected(await q.query(s.sql, [...(s.params ?? [])])));
        return changes;
      });
    } catch (error) {
      throw translate(error);
    }
  }

  async exec(script: string): Promise<void> {
    try {
      await this.execScript(script);
    } catch (error) {
      throw translate(error);
    }
  }

  protected abstract execScript(script: string): Promise<void>;

  async ping(): Promise<void> {
    await this.all('SELECT 1');
  }
}

/** A real PostgreSQL server through a pg connection pool. */
export class PgPoolClient extends PostgresBase {
  private readonly pool: pg.Pool;

  constructor(connectionString: string, options: { max?: number } = {}) {
    super();
    this.pool = new pg.Pool({
      connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection must not crash the process; the next query
    // reconnects or reports `unavailable`.
    this.pool.on('error', () => undefined);
  }

  protected queryable(): Queryable {
    return this.pool;
  }

  protected async transaction<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  protected async execScript(script: string): Promise<void> {
    await this.pool.query(script);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** PostgreSQL compiled to WASM, in-process: the same SQL engine for tests and the CLI. */
export class PgliteClient extends PostgresBase {
  private readonly db: PGlite;

  constructor(db: PGlite) {
    super();
    this.db = db;
  }

  protected queryable(): Queryable {
    return this.db;
  }

  protected transaction<T>(work: (q: Queryable) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(tx));
  }

  protected async execScript(script: string): Promise<void> {
    await this.db.exec(script);
  }

  async close(): Promise<void> {
    if (!this.db.closed) await this.db.close();
  }
}
