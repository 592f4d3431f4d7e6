import { OAUTH_SCHEMA } from '../oauth/oauth-schema.ts';
import type { Dialect, SqlClient } from './sql-client.ts';

// Ordered, append-only schema changes, one DDL text per dialect. Applied at boot; each runs
// in a transaction with its version row, and every statement tolerates a second run so two
// instances booting at once cannot fail on each other's half.

interface Migration {
  version: number;
  name: string;
  sql: Record<Dialect, string>;
}

// Text columns that are ordered or compared must sort by code point in PostgreSQL as they
// do in SQLite and in JavaScript, hence COLLATE "C".
const TASK_COLUMNS = (collate: string) => `
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  id TEXT${collate} NOT NULL,
  title TEXT NOT NULL,
  description TEXT,
  status TEXT NOT NULL,
  priority INTEGER NOT NULL,
  due TEXT${collate},
  effort_minutes INTEGER,
  preferred_time TEXT,
  tags TEXT NOT NULL,
  snoozed_until TEXT,
  repeat TEXT,
  created_at TEXT${collate} NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT,
  tag_key TEXT NOT NULL,
  title_key TEXT NOT NULL,
  description_key TEXT,
  PRIMARY KEY (user_id, id)`;

const COMMON = (collate: string) => `
CREATE TABLE IF NOT EXISTS users (
  id TEXT PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  task_revision INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS user_settings (
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  hint TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  last_used_at TEXT
);
CREATE INDEX IF NOT EXISTS api_tokens_user ON api_tokens (user_id, kind);
CREATE TABLE IF NOT EXISTS tasks (${TASK_COLUMNS(collate)});
CREATE INDEX IF NOT EXISTS tasks_user_order ON tasks (user_id, created_at, id);
CREATE INDEX IF NOT EXISTS tasks_user_status ON tasks (user_id, status);
CREATE TABLE IF NOT EXISTS idempotency_keys (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  status_code INTEGER,
  response_body TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, key)
);
`;

// The per-user revision moves in the same transaction as every task write, whoever writes
// (this server, another instance, the migrate CLI): a cached ranking is checked against it.
const SQLITE_TRIGGERS = ['INSERT', 'UPDATE', 'DELETE']
  .map(
    (event) => `
CREATE TRIGGER IF NOT EXISTS tasks_revision_${event.toLowerCase()} AFTER ${event} ON tasks
BEGIN
  UPDATE users SET task_revision = task_revision + 1
  WHERE id = ${event === 'DELETE' ? 'OLD' : 'NEW'}.user_id;
END;`,
  )
  .join('\n');

const POSTGRES_TRIGGERS = `
CREATE OR REPLACE FUNCTION bump_task_revision() RETURNS trigger AS $$
BEGIN
  UPDATE users SET task_revision = task_revision + 1
  WHERE id = (CASE WHEN TG_OP = 'DELETE' THEN OLD.user_id ELSE NEW.user_id END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE TRIGGER tasks_revision AFTER INSERT OR UPDATE OR DELETE ON tasks
  FOR EACH ROW EXECUTE FUNCTION bump_task_revision();
`;

// One row per user and local date the morning email is due: the claim that makes sending
// exactly-once across instances (see daily-plan/plan-email-ledger.ts).
const PLAN_EMAIL_LEDGER = (collate: string) => `
CREATE TABLE IF NOT EXISTS plan_email_ledger (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  local_date TEXT${collate} NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('claimed', 'sent', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT${collate},
  claimed_by TEXT,
  claimed_at TEXT${collate},
  sent_at TEXT,
  message_id TEXT,
  last_error TEXT,
  UNIQUE (user_id, local_date)
);
CREATE INDEX IF NOT EXISTS plan_email_ledger_date ON plan_email_ledger (local_date);
`;

// The assistant's conversations (issue 13): one row per user and conversation, the state as
// JSON (messages, the pending action, the last change's inverse), read back with its schema.
const CHAT_CONVERSATIONS = (collate: string) => `
CREATE TABLE IF NOT EXISTS chat_conversations (
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  id TEXT${collate} NOT NULL,
  state TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (user_id, id)
);
`;

const OPEN_TASK_INDEXES = `
CREATE INDEX IF NOT EXISTS tasks_user_open_order ON tasks (user_id, created_at, id)
  WHERE status <> 'completed';
DROP INDEX IF EXISTS tasks_user_status;
`;

// Each user's open tasks counted in their users row, by the same triggers that move the
// revision (same row, same transaction): the open-task limit a create checks was a COUNT
// over the user's open tasks, 6 ms of the event loop for a user near the 50,000 limit, on
// every one of their creates. The count is filled in once, by the instance that applies the
// migration (a second one, booting at the same time, finds the version row and leaves it).
const OPEN_TASK_COUNT_FILL = `
UPDATE users SET open_tasks = (
  SELECT COUNT(*) FROM tasks WHERE tasks.user_id = users.id AND tasks.status <> 'completed')
WHERE NOT EXISTS (SELECT 1 FROM schema_migrations WHERE version = 50);`;

const SQLITE_OPEN_TASK_COUNT = `
ALTER TABLE users ADD COLUMN open_tasks INTEGER NOT NULL DEFAULT 0;
${OPEN_TASK_COUNT_FILL}
${[
  ['INSERT', 'NEW', "(NEW.status <> 'completed')"],
  ['UPDATE', 'NEW', "(NEW.status <> 'completed') - (OLD.status <> 'completed')"],
  ['DELETE', 'OLD', "- (OLD.status <> 'completed')"],
]
  .map(
    ([event, row, change]) => `
DROP TRIGGER IF EXISTS tasks_revision_${event!.toLowerCase()};
CREATE TRIGGER tasks_revision_${event!.toLowerCase()} AFTER ${event} ON tasks
BEGIN
  UPDATE users SET task_revision = task_revision + 1, open_tasks = open_tasks + ${change}
  WHERE id = ${row}.user_id;
END;`,
  )
  .join('\n')}`;

const POSTGRES_OPEN_TASK_COUNT = `
ALTER TABLE users ADD COLUMN IF NOT EXISTS open_tasks INTEGER NOT NULL DEFAULT 0;
${OPEN_TASK_COUNT_FILL}
CREATE OR REPLACE FUNCTION bump_task_revision() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    UPDATE users SET task_revision = task_revision + 1,
      open_tasks = open_tasks + (NEW.status <> 'completed')::int
    WHERE id = NEW.user_id;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE users SET task_revision = task_revision + 1,
      open_tasks = open_tasks + (NEW.status <> 'completed')::int - (OLD.status <> 'completed')::int
    WHERE id = NEW.user_id;
  ELSE
    UPDATE users SET task_revision = task_revision + 1,
      open_tasks = open_tasks - (OLD.status <> 'completed')::int
    WHERE id = OLD.user_id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'users, settings, tokens, tasks, idempotency keys',
    sql: {
      sqlite: COMMON('') + SQLITE_TRIGGERS,
      postgres: COMMON(' COLLATE "C"') + POSTGRES_TRIGGERS,
    },
  },
  {
    version: 2,
    name: 'plan email ledger',
    sql: { sqlite: PLAN_EMAIL_LEDGER(''), postgres: PLAN_EMAIL_LEDGER(' COLLATE "C"') },
  },
  {
    version: 10,
    name: 'assistant conversations',
    sql: { sqlite: CHAT_CONVERSATIONS(''), postgres: CHAT_CONVERSATIONS(' COLLATE "C"') },
  },
  {
    version: 20,
    name: 'OAuth clients, grants, codes and tokens (MCP sign-in)',
    sql: { sqlite: OAUTH_SCHEMA(''), postgres: OAUTH_SCHEMA(' COLLATE "C"') },
  },
  {
    // Live updates (server/src/events): every instance LISTENs, so a change made through
    // any of them reaches every open stream. SQLite has no NOTIFY; its instances poll.
    version: 30,
    name: 'notify task revisions',
    sql: {
      sqlite: 'SELECT 1;',
      postgres: `
CREATE OR REPLACE FUNCTION notify_task_revision() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('mindflow_task_revision', NEW.id || ' ' || NEW.task_revision);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
CREATE OR REPLACE TRIGGER users_task_revision_notify AFTER UPDATE OF task_revision ON users
  FOR EACH ROW WHEN (OLD.task_revision IS DISTINCT FROM NEW.task_revision)
  EXECUTE FUNCTION notify_task_revision();
`,
    },
  },
  {
    // The open tasks, indexed apart from the completed ones that pile up over the years:
    // a create's open-task count, the scan behind a ranking and the default list each read
    // every task the user ever had, so one long-lived account made every write of its own
    // slower without bound. Both engines use a partial index for a query whose WHERE
    // carries the index's own `status <> 'completed'` (task-store.sql.ts writes it so).
    // (user_id, status) served only those queries.
    version: 40,
    name: 'open tasks indexed apart',
    sql: {
      sqlite: OPEN_TASK_INDEXES,
      postgres: OPEN_TASK_INDEXES,
    },
  },
  {
    version: 50,
    name: 'open tasks counted per user',
    sql: { sqlite: SQLITE_OPEN_TASK_COUNT, postgres: POSTGRES_OPEN_TASK_COUNT },
  },
];

// One advisory lock serialises schema changes across instances booting together.
const LOCK_ID = 727274;

/** The versions applied to this database. */
async function appliedVersions(db: SqlClient): Promise<Set<number>> {
  const rows = await db.all<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((r) => Number(r.version)));
}

/**
 * Applies the migrations this database lacks; returns the versions applied. `through` stops
 * after that version (a test of a migration starts from the schema before it).
 */
export async function migrateSchema(
  db: SqlClient,
  options: { through?: number } = {},
): Promise<number[]> {
  // Under the same lock as the migrations: two PostgreSQL sessions creating one table at
  // the same instant can both pass IF NOT EXISTS and collide on the catalog.
  const create =
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL);';
  await db.exec(
    db.dialect === 'postgres'
      ? `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_ID}); ${create} COMMIT;`
      : create,
  );
  const done = await appliedVersions(db);
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (options.through !== undefined && m.version > options.through) break;
    if (done.has(m.version)) continue;
    const begin =
      db.dialect === 'sqlite'
        ? 'BEGIN IMMEDIATE;'
        : `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_ID});`;
    const at = new Date().toISOString();
    try {
      await db.exec(
        `${begin}\n${m.sql[db.dialect]}\nINSERT INTO schema_migrations (version, applied_at) VALUES (${m.version}, '${at}') ON CONFLICT DO NOTHING;\nCOMMIT;`,
      );
    } catch (error) {
      await db.exec('ROLLBACK').catch(() => undefined);
      // Another instance booting at the same time applied it after this one looked (SQLite
      // has no ADD COLUMN IF NOT EXISTS, so the second run of such a step fails): done.
      if ((await appliedVersions(db)).has(m.version)) continue;
      throw new Error(
        `schema migration ${m.version} (${m.name}) failed: ${(error as Error).message}`,
        {
          cause: error,
        },
      );
    }
    applied.push(m.version);
  }
  return applied;
}
