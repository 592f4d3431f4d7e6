import { existsSync } from 'node:fs';
import type { Task, TaskListQuery, TaskStore } from '@mindflow/shared';
import { AccountRepository } from '../accounts/account-repository.ts';
import { migrateSchema } from '../db/schema-migrations.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { SqliteClient } from '../db/sql-client.sqlite.ts';
import { PgPoolClient } from '../db/sql-client.postgres.ts';
import { openSheetsApi, type SheetsConnection } from '../stores/sheets-api.ts';
import { SheetsTaskStore } from '../stores/task-store.sheets.ts';
import { SqlTaskStore } from '../stores/task-store.sql.ts';
import { readTasksCsvFile, writeTasksCsvFile } from '../csv/task-csv.ts';

/** Where tasks are migrated from or to. */
export interface TaskEndpoint {
  label: string;
  /** Every task of the user. */
  readAll(): Promise<Task[]>;
  /** Inserts or replaces by id. */
  upsert(tasks: readonly Task[]): Promise<void>;
  /** Warnings about rows that could not be read as tasks. */
  problems(): string[];
  /** Rows read with a fallback value (a priority read as 3, a date ignored): copied, said apart. */
  warnings?(): string[];
  close(): Promise<void>;
  /** Said once when the endpoint had to create something (an account). */
  notice?: string;
}

export type EndpointSpec =
  | { kind: 'sheets'; spreadsheetId: string; tab: string }
  | { kind: 'csv'; file: string }
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; url: string };

/** sheets:ID[#Tab] | csv:FILE | sqlite:PATH | postgres://… */
export function parseEndpointSpec(spec: string): EndpointSpec | null {
  if (/^postgres(ql)?:\/\//.test(spec)) return { kind: 'postgres', url: spec };
  const m = /^(sheets|csv|sqlite):(.+)$/.exec(spec);
  if (!m) return null;
  if (m[1] === 'sheets') {
    const [id, tab] = m[2]!.split('#');
    return /^[\w-]{10,}$/.test(id ?? '')
      ? { kind: 'sheets', spreadsheetId: id!, tab: tab || 'Tasks' }
      : null;
  }
  return m[1] === 'csv' ? { kind: 'csv', file: m[2]! } : { kind: 'sqlite', file: m[2]! };
}

const ALL_PAGE = 1000;

/** Every task of a store (any status), read page by page in the store's order. */
export async function readAllTasks(store: TaskStore): Promise<Task[]> {
  const out: Task[] = [];
  let after: TaskListQuery['after'] = null;
  for (;;) {
    const page = await store.list({
      statuses: null,
      tag: null,
      text: null,
      due_before: null,
      due_after: null,
      after,
      limit: ALL_PAGE,
    });
    out.push(...page);
    if (page.length < ALL_PAGE) return out;
    const last = page[page.length - 1]!;
    after = { created_at: last.created_at, id: last.id };
  }
}

/** A user's tasks in a MindFlow database (SQLite or PostgreSQL). */
export async function sqlEndpoint(
  db: SqlClient,
  label: string,
  email: string,
  role: 'source' | 'target',
): Promise<TaskEndpoint> {
  await migrateSchema(db);
  const accounts = new AccountRepository(db);
  let notice: string | undefined;
  let found = await accounts.findByEmail(email);
  if (!found && role === 'source') {
    await db.close();
    throw new Error(`${label} has no account ${email}`);
  }
  if (!found) {
    // A migrated account has no password yet; it gets a personal token to use right away.
    const user = await accounts.createUser(email, '');
    const { token } = await accounts.issueToken(user!.id, 'personal', 'migration');
    found = { user: user!, passwordHash: '' };
    notice = `created account ${email} in ${label}; its API token (shown once): ${token}`;
  }
  const store = new SqlTaskStore(db, found.user.id);
  return {
    label,
    ...(notice ? { notice } : {}),
    readAll: () => readAllTasks(store),
    upsert: (tasks) => store.upsertMany(tasks),
    problems: () => [],
    close: () => db.close(),
  };
}

export function sheetsEndpoint(store: SheetsTaskStore, label: string): TaskEndpoint {
  return {
    label,
    readAll: () =>
      store.list({
        statuses: null,
        tag: null,
        text: null,
        due_before: null,
        due_after: null,
        after: null,
        limit: Number.MAX_SAFE_INTEGER,
      }),
    upsert: (tasks) => store.upsertMany(tasks),
    problems: () => [],
    close: async () => undefined,
  };
}

export function csvEndpoint(file: string): TaskEndpoint {
  let problems: string[] = [];
  let warnings: string[] = [];
  return {
    label: `csv:${file}`,
    async readAll() {
      const read = await readTasksCsvFile(file);
      problems = read.problems;
      warnings = read.warnings;
      return read.tasks;
    },
    warnings: () => warnings,
    async upsert(tasks) {
      const byId = new Map((await readTasksCsvFile(file)).tasks.map((t) => [t.id, t]));
      for (const t of tasks) byId.set(t.id, t);
      await writeTasksCsvFile(file, [...byId.values()]);
    },
    problems: () => problems,
    close: async () => undefined,
  };
}

/** A target that does not exist yet, for a dry run. */
export function emptyEndpoint(label: string): TaskEndpoint {
  return {
    label,
    readAll: async () => [],
    upsert: () => Promise.reject(new Error('a dry run writes nothing')),
    problems: () => [],
    close: async () => undefined,
  };
}

export async function openEndpoint(
  spec: EndpointSpec,
  email: string,
  role: 'source' | 'target',
  sheets: SheetsConnection,
): Promise<TaskEndpoint> {
  switch (spec.kind) {
    case 'csv':
      if (role === 'source' && !existsSync(spec.file))
        throw new Error(`csv:${spec.file} does not exist`);
      return csvEndpoint(spec.file);
    case 'sqlite':
      if (role === 'source' && !existsSync(spec.file))
        throw new Error(`sqlite:${spec.file} does not exist`);
      return sqlEndpoint(new SqliteClient({ path: spec.file }), `sqlite:${spec.file}`, email, role);
    case 'postgres':
      return sqlEndpoint(
        new PgPoolClient(spec.url, { max: 2 }),
        spec.url.replace(/\/\/[^@/]*@/, '//…@'),
        email,
        role,
      );
    case 'sheets':
      return sheetsEndpoint(
        new SheetsTaskStore(await openSheetsApi(sheets), spec.spreadsheetId, spec.tab),
        `sheets:${spec.spreadsheetId}#${spec.tab}`,
      );
  }
}
