import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config/env.ts';
import { migrateSchema } from './db/schema-migrations.ts';
import type { SqlClient } from './db/sql-client.ts';
import { SqliteClient } from './db/sql-client.sqlite.ts';
import { PgPoolClient } from './db/sql-client.postgres.ts';
import { openSheetsApi } from './stores/sheets-api.ts';
import { sheetsTaskStores } from './stores/task-store.sheets.ts';
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
  if (config.store === 'postgres') {
    db = new PgPoolClient(config.databaseUrl!);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    db = new SqliteClient({ path: join(config.dataDir, 'mindflow.db') });
  }
  await migrateSchema(db);
  // With STORE=sheets the tasks live in the Sheet (a tab per user) and accounts in SQLite.
  const stores =
    config.store === 'sheets' && config.sheets
      ? sheetsTaskStores(await openSheetsApi(config.sheets), config.sheets.spreadsheetId)
      : sqlTaskStores(db);
  return {
    db,
    stores,
    ping: async () => {
      await Promise.all([db.ping(), stores.ping()]);
    },
    close: () => db.close(),
  };
}
