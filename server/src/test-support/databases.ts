import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrateSchema } from '../db/schema-migrations.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { SqliteClient } from '../db/sql-client.sqlite.ts';
import { PgliteClient, PgPoolClient } from '../db/sql-client.postgres.ts';

// Real engines for adapter tests: a SQLite file, PGlite in-process, and — when CI (or a
// developer) provides one — a real PostgreSQL server.

export const REAL_PG_URL = process.env.MINDFLOW_TEST_PG_URL;
export const REAL_PG_SKIP_REASON =
  'set MINDFLOW_TEST_PG_URL=postgres://… to run these against a real PostgreSQL server';

export function tempDir(prefix = 'mindflow-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function openSqlite(path = join(tempDir(), 'mindflow.db')): Promise<SqlClient> {
  const db = new SqliteClient({ path });
  await migrateSchema(db);
  return db;
}

export async function openPglite(): Promise<SqlClient> {
  const db = new PgliteClient(await PGlite.create());
  await migrateSchema(db);
  return db;
}

export async function openRealPg(): Promise<SqlClient> {
  if (!REAL_PG_URL) throw new Error(REAL_PG_SKIP_REASON);
  const db = new PgPoolClient(REAL_PG_URL, { max: 4 });
  await migrateSchema(db);
  return db;
}

/** A bare user row, enough for a task store scoped to it. */
export async function insertUser(
  db: SqlClient,
  email = `${randomUUID()}@test.invalid`,
): Promise<string> {
  const id = randomUUID();
  await db.run('INSERT INTO users (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)', [
    id,
    email,
    '',
    new Date().toISOString(),
  ]);
  return id;
}
