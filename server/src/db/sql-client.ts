// One small interface over SQLite (node:sqlite), PostgreSQL (pg) and PGlite, so one set of
// SQL stores serves every engine. SQL is written once with $1, $2 … placeholders; each
// client adapts them. Only features both engines share are used (ON CONFLICT, RETURNING,
// substr, LIKE … ESCAPE); the DDL is the one place the dialects differ.

export type SqlValue = string | number | null;
export type SqlRow = Record<string, SqlValue>;
export type Dialect = 'sqlite' | 'postgres';

export interface SqlStatement {
  sql: string;
  params?: readonly SqlValue[];
}

export interface SqlClient {
  readonly dialect: Dialect;
  /** Rows of a query. */
  all<T extends object = SqlRow>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Rows affected by a write. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /**
   * A write, then a query in the same transaction right after it: the query sees what the
   * write left and nothing any other writer did since. Only where that costs nothing extra
   * (SQLite, whose writes already share a transaction per turn); elsewhere undefined, and
   * callers do without. The write's outcome is the write's alone: a query that fails gives
   * no rows.
   */
  runReading?<T extends object = SqlRow>(
    write: SqlStatement,
    read: SqlStatement,
  ): Promise<{ changes: number; rows: T[] }>;
  /**
   * Runs the statements in one transaction, in order. A plain list rather than a callback,
   * so the SQLite client can run it synchronously: no other request's statement can slip
   * into the transaction of a shared connection between two awaits.
   */
  batch(statements: readonly SqlStatement[]): Promise<number[]>;
  /** A script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
  /** Cheap round trip for /health. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** `LIKE` pattern matching `text` anywhere, with %, _ and \ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
