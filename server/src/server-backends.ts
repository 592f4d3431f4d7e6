import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config/env.ts';
import { migrateSchema } from './db/schema-migrations.ts';
import type { SqlClient } from './db/sql-client.ts';
import { SqliteClient } from './db/sql-client.sqlite.ts';
import { sqlTaskStores, type TaskStoreFactory } from './stores/task-store-factory.ts';

export interface Backends {
  /** Accounts, tokens, idempotency keys — and the tasks, unless they live in a Sheet. */
  db: SqlClient;
  stores: TaskStoreFactory;
  ping: () => Promise<void>;
  close: () => Promise<void>;
}

/** Opens the database the configuration names and applies pending schema migrations. */
export async function openBackends(config: Config): Promise<Backends> {
  let db: SqlClient;
  // pg and the Google client load only when configured: googleapis alone adds tens of MB
  // of resident memory to a server that does not use it.
  // Accounts live in PostgreSQL whenever DATABASE_URL is set, also beside a Sheet store.
  if (config.databaseUrl !== null && config.store !== 'sqlite') {
    const { PgPoolClient } = await import('./db/sql-client.postgres.ts');
    db = new PgPoolClient(config.databaseUrl!);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    db = new SqliteClient({ path: join(config.dataDir, 'mindflow.db') });
  }
  await migrateSchema(db);
  // With STORE=sheets the tasks live in the Sheet, a tab per user; accounts stay in SQL.
  let stores = sqlTaskStores(db, { maxOpenTasks: config.maxOpenTasksPerUser });
  if (config.store === 'sheets' && config.sheets) {
    const { openSheetsApi } = await import('./stores/sheets-api.ts');
    const { sheetsTaskStores } = await import('./stores/task-store.sheets.ts');
    stores = sheetsTaskStores(await openSheetsApi(config.sheets), config.sheets.spreadsheetId);
  }
  return {
    db,
    stores,
    ping: async () => {
      await Promise.all([db.ping(), stores.ping()]);
    },
    close: () => db.close(),
  };
}
