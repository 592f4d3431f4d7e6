import { PGlite } from '@electric-sql/pglite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTask } from '@mindflow/shared/testing';
import { StoreLimitError } from '@mindflow/shared';
import { tempDir } from '../../test-support/databases.ts';
import { SqlTaskStore } from '../stores/task-store.sql.ts';
import { MIGRATIONS, migrateSchema } from './schema-migrations.ts';
import { PgliteClient } from './sql-client.postgres.ts';
import type { SqlClient } from './sql-client.ts';
import { SqliteClient } from './sql-client.sqlite.ts';

// Migrations run on databases people already have: a step is tried from the schema before
// it, with data in it, and two instances booting at once on one new database both come up.

const engines: { name: string; open: () => Promise<[SqlClient, SqlClient]> }[] = [
  {
    name: 'SQLite (two connections to one file)',
    open: async () => {
      const path = join(tempDir(), 'mindflow.db');
      return [new SqliteClient({ path }), new SqliteClient({ path })];
    },
  },
  {
    name: 'PGlite (two clients on one database)',
    open: async () => {
      const pg = await PGlite.create();
      return [new PgliteClient(pg), new PgliteClient(pg)];
    },
  },
];

const latest = MIGRATIONS[MIGRATIONS.length - 1]!.version;

for (const engine of engines) {
  describe(`schema migrations on ${engine.name}`, () => {
    it('count each user’s open tasks from the tasks already there (migration 50)', async () => {
      const [db] = await engine.open();
      try {
        expect(await migrateSchema(db, { through: 40 })).not.toContain(50);
        const users = ['u-many', 'u-none', 'u-done'];
        for (const id of users) {
          await db.run(
            'INSERT INTO users (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)',
            [id, `${id}@test.invalid`, '', '2026-11-01T00:00:00.000Z'],
          );
        }
        // Written before the count existed, as an older server wrote them.
        const tasks: [string, string][] = [
          ['u-many', 'pending'],
          ['u-many', 'in_progress'],
          ['u-many', 'snoozed'],
          ['u-many', 'completed'],
          ['u-done', 'completed'],
        ];
        for (const [i, [user, status]] of tasks.entries()) {
          await db.run(
            `INSERT INTO tasks (user_id, id, title, status, priority, tags, created_at, updated_at,
               tag_key, title_key)
             VALUES ($1, $2, 't', $3, 3, '[]', $4, $4, ',,', 't')`,
            [user, `task-${i}`, status, `2026-11-0${i + 1}T00:00:00.000Z`],
          );
        }
        expect(await migrateSchema(db)).toEqual([50]);
        const rows = await db.all<{ id: string; open_tasks: number }>(
          'SELECT id, open_tasks FROM users ORDER BY id',
        );
        expect(rows.map((r) => [r.id, Number(r.open_tasks)])).toEqual([
          ['u-done', 0],
          ['u-many', 3],
          ['u-none', 0],
        ]);
        // The limit reads that count from then on.
        const store = new SqlTaskStore(db, 'u-many', { snapshots: null, maxOpenTasks: 4 });
        expect(await store.insert(makeTask())).toBe('ok');
        await expect(store.insert(makeTask())).rejects.toThrow(StoreLimitError);
      } finally {
        await db.close();
      }
    });

    it('bring two instances booting at once on one new database both up', async () => {
      const [a, b] = await engine.open();
      try {
        // Neither fails on the other's half (SQLite's ADD COLUMN cannot be run twice: the
        // instance that comes second finds the version recorded and goes on).
        const [ranA, ranB] = await Promise.all([migrateSchema(a), migrateSchema(b)]);
        const versions = MIGRATIONS.map((m) => m.version);
        expect(new Set([...ranA, ...ranB])).toEqual(new Set(versions));
        const recorded = await b.all<{ version: number }>(
          'SELECT version FROM schema_migrations ORDER BY version',
        );
        expect(recorded.map((r) => Number(r.version))).toEqual(versions);
        expect(versions.at(-1)).toBe(latest);
        // And the schema works from either side: a task written through one is counted.
        await a.run(
          'INSERT INTO users (id, email, password_hash, created_at) VALUES ($1, $2, $3, $4)',
          ['u', 'u@test.invalid', '', '2026-11-01T00:00:00.000Z'],
        );
        expect(await new SqlTaskStore(b, 'u', { snapshots: null }).insert(makeTask())).toBe('ok');
        const [row] = await a.all<{ open_tasks: number }>(
          "SELECT open_tasks FROM users WHERE id = 'u'",
        );
        expect(Number(row!.open_tasks)).toBe(1);
      } finally {
        await a.close();
        if (engine.name.startsWith('SQLite')) await b.close();
      }
    });
  });
}
