import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { neededInCi } from '@mindflow/shared/testing';
import { migrateSchema } from '../src/db/schema-migrations.ts';
import type { SqlClient } from '../src/db/sql-client.ts';
import { SqliteClient } from '../src/db/sql-client.sqlite.ts';
import { PgliteClient, PgPoolClient } from '../src/db/sql-client.postgres.ts';

// Real engines for adapter tests: a SQLite file, PGlite in-process, and a real PostgreSQL
// server, which CI always provides (.ci/run) and a developer may (else those tests skip).

export const REAL_PG_URL = process.env.MINDFLOW_TEST_PG_URL;
export const REAL_PG_SKIP_REASON =
  'set MINDFLOW_TEST_PG_URL=postgres://… to run these against a real PostgreSQL server';
neededInCi('a PostgreSQL server', REAL_PG_URL ? null : REAL_PG_SKIP_REASON);

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

/**
 * Two handles on one database, as two server instances have: two connections to one SQLite
 * file, two clients over one PGlite (which runs their statements one at a time, as a server
 * would interleave them), or two pools on a real PostgreSQL server — there in a schema of
 * their own, so what other runs left in the test database cannot leak in.
 */
export interface SharedDatabase {
  name: string;
  open: () => Promise<{ handles: [SqlClient, SqlClient]; close: () => Promise<void> }>;
  skip?: string;
}

const closeAll = (handles: SqlClient[], after?: () => Promise<void>) => async () => {
  for (const h of handles.reverse()) await h.close();
  await after?.();
};

async function realPgSchemaPair(): Promise<Awaited<ReturnType<SharedDatabase['open']>>> {
  if (!REAL_PG_URL) throw new Error(REAL_PG_SKIP_REASON);
  const schema = `mindflow_test_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  const admin = new PgPoolClient(REAL_PG_URL, { max: 1 });
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const url = new URL(REAL_PG_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const a = new PgPoolClient(url.toString(), { max: 4 });
  await migrateSchema(a);
  const b = new PgPoolClient(url.toString(), { max: 4 });
  return {
    handles: [a, b],
    close: closeAll([a, b], async () => {
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    }),
  };
}

export const SHARED_DATABASES: SharedDatabase[] = [
  {
    name: 'SQLite (two connections to one file)',
    open: async () => {
      const path = join(tempDir(), 'mindflow.db');
      const a = await openSqlite(path);
      const b = new SqliteClient({ path });
      return { handles: [a, b], close: closeAll([a, b]) };
    },
  },
  {
    name: 'PGlite (two clients on one database)',
    open: async () => {
      const pg = await PGlite.create();
      const a = new PgliteClient(pg);
      await migrateSchema(a);
      const b = new PgliteClient(pg);
      // Both wrap one PGlite: closing it once closes both.
      return { handles: [a, b], close: () => a.close() };
    },
  },
  {
    name: 'PostgreSQL (two pools on one server)',
    open: realPgSchemaPair,
    ...(REAL_PG_URL ? {} : { skip: REAL_PG_SKIP_REASON }),
  },
];
