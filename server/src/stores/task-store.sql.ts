import { StoreLimitError, type Task, type TaskListQuery, type TaskStore } from '@mindflow/shared';
import { containsPattern, type SqlClient, type SqlValue } from '../db/sql-client.ts';
import { padded, perClient, placeholders, turnBatched } from '../db/turn-batch.ts';
import { taskRevisionOf } from '../accounts/account-repository.ts';
import {
  listableFromOpen,
  listFromSnapshot,
  OpenTaskSnapshots,
  Snapshot,
} from './open-task-snapshots.ts';

// One TaskStore for SQLite and PostgreSQL, scoped to one user: every statement carries
// user_id, so a caller can neither see nor touch another user's rows.

const COLUMNS =
  'id, title, description, status, priority, due, effort_minutes, preferred_time, tags, snoozed_until, repeat, created_at, updated_at, completed_at';

interface TaskRow {
  id: string;
  title: string;
  description: string | null;
  status: Task['status'];
  priority: number;
  due: string | null;
  effort_minutes: number | null;
  preferred_time: Task['preferred_time'];
  tags: string;
  snoozed_until: string | null;
  repeat: string | null;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

// Rows are written only from parsed Tasks (by this store or the migrate CLI, which parses
// its input), so reading maps columns back without re-validating every row: a full zod
// parse of 10,000 rows would cost more than the query.
export function taskFromRow(r: TaskRow): Task {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    status: r.status,
    priority: Number(r.priority),
    due: r.due,
    effort_minutes: r.effort_minutes === null ? null : Number(r.effort_minutes),
    preferred_time: r.preferred_time,
    tags: JSON.parse(r.tags) as string[],
    snoozed_until: r.snoozed_until,
    repeat: r.repeat,
    created_at: r.created_at,
    updated_at: r.updated_at,
    completed_at: r.completed_at,
  };
}

/** Search keys: lowercased in JavaScript, so SQL filters agree with the reference filter. */
function rowValues(t: Task): SqlValue[] {
  return [
    t.id,
    t.title,
    t.description,
    t.status,
    t.priority,
    t.due,
    t.effort_minutes,
    t.preferred_time,
    JSON.stringify(t.tags),
    t.snoozed_until,
    t.repeat,
    t.created_at,
    t.updated_at,
    t.completed_at,
    `,${t.tags.map((x) => x.toLowerCase()).join(',')},`,
    t.title.toLowerCase(),
    t.description?.toLowerCase() ?? null,
  ];
}

const INSERT_SQL = `INSERT INTO tasks (user_id, ${COLUMNS}, tag_key, title_key, description_key)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)`;

// The open-task limit, checked in the statement that writes: a new open task goes in only
// while fewer than $19 are open, by the count the tasks' triggers keep in the user's row
// (migration 50), one lookup however many tasks the user has. Integer columns are cast:
// PostgreSQL types a SELECT's parameters as text.
const OPEN_BELOW = (limit: string) => `(SELECT open_tasks FROM users WHERE id = $1) < ${limit}`;

const INSERT_LIMITED_SQL = `INSERT INTO tasks (user_id, ${COLUMNS}, tag_key, title_key, description_key)
  SELECT $1, $2, $3, $4, $5, CAST($6 AS INTEGER), $7, CAST($8 AS INTEGER), $9, $10, $11, $12,
    $13, $14, $15, $16, $17, $18
  WHERE $5 = 'completed' OR ${OPEN_BELOW('CAST($19 AS INTEGER)')}
  ON CONFLICT (user_id, id) DO NOTHING`;

const UPSERT_SQL = `${INSERT_SQL}
  ON CONFLICT (user_id, id) DO UPDATE SET ${[
    ...COLUMNS.split(', ').slice(1),
    'tag_key',
    'title_key',
    'description_key',
  ]
    .map((c) => `${c} = excluded.${c}`)
    .join(', ')}`;

const UPDATE_SQL = `UPDATE tasks SET ${[
  ...COLUMNS.split(', ').slice(1),
  'tag_key',
  'title_key',
  'description_key',
]
  .map((c, i) => `${c} = $${i + 3}`)
  .join(', ')}
  WHERE user_id = $1 AND id = $2 AND updated_at = $19`;

// Reopening a completed task counts against the limit as a new one does.
const UPDATE_LIMITED_SQL = `${UPDATE_SQL}
  AND ($5 = 'completed' OR status <> 'completed' OR ${OPEN_BELOW('CAST($20 AS INTEGER)')})`;

interface TaskKey {
  userId: string;
  id: string;
}

const keyOf = (userId: string, id: string) => JSON.stringify([userId, id]);

/** Every task by id asked for in one turn, of any user, read by one statement (turn-batch.ts). */
const taskReads = perClient((db) =>
  turnBatched<TaskKey, TaskRow>(
    (k) => keyOf(k.userId, k.id),
    async (wanted) => {
      const keys = padded(wanted);
      const pairs = keys.map((_, i) => `(${placeholders(2, 2 * i + 1)})`).join(', ');
      const rows = await db.all<TaskRow & { user_id: string }>(
        `SELECT user_id, ${COLUMNS} FROM tasks WHERE (user_id, id) IN (VALUES ${pairs})`,
        keys.flatMap((k) => [k.userId, k.id]),
      );
      return new Map(rows.map((r) => [keyOf(r.user_id, r.id), r]));
    },
  ),
);

/** The open tasks a user may have, unless the server is configured otherwise. */
export const DEFAULT_MAX_OPEN_TASKS = 50_000;

export interface SqlTaskStoreOptions {
  /** Open (not completed) tasks per user; creating or reopening past it answers 409. */
  maxOpenTasks?: number;
  /**
   * Open tasks held in memory (open-task-snapshots.ts). Default: one set per client,
   * shared by every store on it; null: every read goes to SQL.
   */
  snapshots?: OpenTaskSnapshots | null;
}

const sharedSnapshots = perClient(() => new OpenTaskSnapshots());

/** The task in the shape taskFromRow reads it back, key order included. */
function asStored(t: Task): Task {
  return taskFromRow({ ...t, tags: JSON.stringify(t.tags) });
}

/** Rows per page of scanActive: well under a MB, and a few ms of ranking between yields. */
export const SCAN_PAGE = 500;

export class SqlTaskStore implements TaskStore {
  private readonly db: SqlClient;
  private readonly userId: string;

  private readonly maxOpenTasks: number;
  private readonly snapshots: OpenTaskSnapshots | null;

  constructor(db: SqlClient, userId: string, options: SqlTaskStoreOptions = {}) {
    this.db = db;
    this.userId = userId;
    this.maxOpenTasks = options.maxOpenTasks ?? DEFAULT_MAX_OPEN_TASKS;
    this.snapshots = options.snapshots === undefined ? sharedSnapshots(db) : options.snapshots;
  }

  private revision(): Promise<number> {
    return taskRevisionOf(this.db, this.userId);
  }

  /** The user's open tasks in memory, if held at the revision just read. */
  private async held(): Promise<Snapshot | undefined> {
    if (!this.snapshots?.current(this.userId)) return undefined;
    return this.snapshots.at(this.userId, await this.revision());
  }

  /**
   * For a user whose snapshot a write race dropped: scan and hold the open tasks again, so
   * that the lists after it are answered from memory (otherwise only the next ranking
   * would scan). Anyone else's list pages in SQL, as a page is cheaper than a scan.
   */
  private async rebuilt(): Promise<Snapshot | undefined> {
    if (!this.snapshots?.worthRebuilding(this.userId)) return undefined;
    const revision = await this.revision();
    await this.scanKeeping(revision, () => {});
    return this.snapshots.at(this.userId, revision);
  }

  /** What is held as a write begins, for wrote() to compare with. */
  private beforeWrite(): { snapshot: Snapshot; revision: number } | undefined {
    const snapshot = this.snapshots?.current(this.userId);
    return snapshot && { snapshot, revision: snapshot.revision };
  }

  /**
   * A write of at most one task, and what it does to the snapshot held (if it changed a
   * row). Where the client can read in the write's own transaction (SQLite), the revision
   * the write made is read there: the snapshot held at the revision before it steps to it,
   * however many other writes were in flight. Elsewhere, wrote() decides from a read after.
   */
  private async write(
    sql: string,
    params: readonly SqlValue[],
    change: (s: Snapshot) => void,
  ): Promise<number> {
    const snapshots = this.snapshots;
    if (snapshots && this.db.runReading) {
      const { changes, rows } = await this.db.runReading<{ task_revision: number }>(
        { sql, params },
        { sql: 'SELECT task_revision FROM users WHERE id = $1', params: [this.userId] },
      );
      const made = rows[0]?.task_revision;
      if (changes === 1 && made !== undefined) snapshots.madeRevision(this.userId, made, change);
      return changes;
    }
    const before = this.beforeWrite();
    const changes = await this.db.run(sql, params);
    if (changes === 1) await this.wrote(before, change);
    return changes;
  }

  /** After a write of one task here: step the snapshot forward, or drop it (see there). */
  private async wrote(
    before: { snapshot: Snapshot; revision: number } | undefined,
    change: (s: Snapshot) => void,
  ): Promise<void> {
    if (!this.snapshots?.current(this.userId)) return;
    this.snapshots.wrote(this.userId, before, await this.revision(), change);
  }

  private limitReached(): never {
    const limit = this.maxOpenTasks;
    throw new StoreLimitError(
      `You have ${limit.toLocaleString('en-US')} open tasks, the most one account may have: ` +
        'complete or delete some before adding more',
      { limit, setting: 'MAX_OPEN_TASKS_PER_USER' },
    );
  }

  async get(id: string): Promise<Task | null> {
    const row = await taskReads(this.db)({ userId: this.userId, id });
    // Each caller gets a Task of its own, even when a turn read its row for several.
    return row ? taskFromRow(row) : null;
  }

  async list(q: TaskListQuery): Promise<Task[]> {
    if (listableFromOpen(q)) {
      const held = (await this.held()) ?? (await this.rebuilt());
      if (held) return listFromSnapshot(held, q);
    }
    const params: SqlValue[] = [this.userId];
    const where = ['user_id = $1'];
    const param = (v: SqlValue) => `$${params.push(v)}`;
    if (q.statuses !== null) {
      // Written out, so the planner may use the open tasks' own index (migration 40).
      if (!q.statuses.includes('completed')) where.push(`status <> 'completed'`);
      where.push(`status IN (${q.statuses.map(param).join(', ')})`);
    }
    if (q.tag !== null) {
      where.push(`tag_key LIKE ${param(containsPattern(`,${q.tag.toLowerCase()},`))} ESCAPE '\\'`);
    }
    if (q.text !== null) {
      const p = param(containsPattern(q.text.toLowerCase()));
      where.push(`(title_key LIKE ${p} ESCAPE '\\' OR description_key LIKE ${p} ESCAPE '\\')`);
    }
    if (q.due_before !== null) where.push(`substr(due, 1, 10) < ${param(q.due_before)}`);
    if (q.due_after !== null) where.push(`substr(due, 1, 10) > ${param(q.due_after)}`);
    if (q.after !== null) {
      const c = param(q.after.created_at);
      where.push(`(created_at > ${c} OR (created_at = ${c} AND id > ${param(q.after.id)}))`);
    }
    const rows = await this.db.all<TaskRow>(
      `SELECT ${COLUMNS} FROM tasks WHERE ${where.join(' AND ')}
       ORDER BY created_at, id LIMIT ${param(q.limit)}`,
      params,
    );
    return rows.map(taskFromRow);
  }

  async listActive(): Promise<Task[]> {
    const held = await this.held();
    if (held) return [...held.all()];
    const rows = await this.db.all<TaskRow>(
      `SELECT ${COLUMNS} FROM tasks WHERE user_id = $1 AND status <> 'completed'`,
      [this.userId],
    );
    return rows.map(taskFromRow);
  }

  /**
   * The open tasks in pages of SCAN_PAGE, in list order (keyset): ranking
   * and planning hold one page at a time, however many tasks the user has. A write between
   * two pages shows a task as before or after it, never twice; the caches key on the
   * revision read before the scan, so such an answer is not kept past that write. Between
   * pages the event loop serves other requests.
   */
  async scanActive(visit: (page: readonly Task[]) => void): Promise<void> {
    const snapshots = this.snapshots;
    if (!snapshots) return this.scanSql(visit);
    const revision = await this.revision();
    const held = snapshots.at(this.userId, revision);
    if (held) {
      const all = held.all();
      for (let i = 0; i < all.length; i += SCAN_PAGE) visit(all.slice(i, i + SCAN_PAGE));
      return;
    }
    await this.scanKeeping(revision, visit);
  }

  /**
   * scanSql, holding what it read as the snapshot at `revision` (read just before) if the
   * revision has not moved during the scan and the user fits.
   */
  private async scanKeeping(
    revision: number,
    visit: (page: readonly Task[]) => void,
  ): Promise<void> {
    const snapshots = this.snapshots!;
    let seen: Task[] | null = [];
    await this.scanSql((page) => {
      visit(page);
      if (seen && snapshots.fits(seen.length + page.length)) seen.push(...page);
      else seen = null;
    });
    if (seen && (await this.revision()) === revision) {
      snapshots.keep(this.userId, new Snapshot(revision, seen));
    }
  }

  private async scanSql(visit: (page: readonly Task[]) => void): Promise<void> {
    // Keyset on (created_at, id), the open tasks' own index (migration 40); created_at
    // never changes, so a task moves neither forward nor back between two pages.
    let after = ['', ''];
    for (;;) {
      const rows = await this.db.all<TaskRow>(
        `SELECT ${COLUMNS} FROM tasks WHERE user_id = $1 AND status <> 'completed'
           AND (created_at, id) > ($2, $3)
         ORDER BY created_at, id LIMIT ${SCAN_PAGE}`,
        [this.userId, ...after],
      );
      if (rows.length === 0) return;
      visit(rows.map(taskFromRow));
      if (rows.length < SCAN_PAGE) return;
      const last = rows[rows.length - 1]!;
      after = [last.created_at, last.id];
      // node:sqlite answers synchronously, so awaiting it never lets I/O in: yield to the
      // event loop between pages, so other users' requests are served while a long list
      // is ranked.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async insert(task: Task): Promise<'ok' | 'conflict'> {
    const changed = await this.write(
      INSERT_LIMITED_SQL,
      [this.userId, ...rowValues(task), this.maxOpenTasks],
      (s) => s.put(asStored(task)),
    );
    if (changed === 1) return 'ok';
    if (await this.exists(task.id)) return 'conflict';
    return this.limitReached();
  }

  private async exists(id: string): Promise<boolean> {
    const rows = await this.db.all('SELECT 1 AS one FROM tasks WHERE user_id = $1 AND id = $2', [
      this.userId,
      id,
    ]);
    return rows.length > 0;
  }

  async update(task: Task, expectedUpdatedAt: string): Promise<'ok' | 'not_found' | 'conflict'> {
    const [, ...rest] = rowValues(task);
    const changed = await this.write(
      UPDATE_LIMITED_SQL,
      [this.userId, task.id, ...rest, expectedUpdatedAt, this.maxOpenTasks],
      (s) => s.put(asStored(task)),
    );
    if (changed === 1) return 'ok';
    const rows = await this.db.all<{ updated_at: string }>(
      'SELECT updated_at FROM tasks WHERE user_id = $1 AND id = $2',
      [this.userId, task.id],
    );
    if (rows.length === 0) return 'not_found';
    // The row is there as expected, so only the limit refused it.
    return rows[0]!.updated_at === expectedUpdatedAt ? this.limitReached() : 'conflict';
  }

  async delete(id: string): Promise<boolean> {
    const deleted = await this.write(
      'DELETE FROM tasks WHERE user_id = $1 AND id = $2',
      [this.userId, id],
      (s) => s.remove(id),
    );
    return deleted > 0;
  }

  async upsertMany(tasks: readonly Task[]): Promise<void> {
    if (tasks.length === 0) return;
    await this.db.batch(
      tasks.map((t) => ({ sql: UPSERT_SQL, params: [this.userId, ...rowValues(t)] })),
    );
    // Many revisions at once: the next read scans again.
    this.snapshots?.drop(this.userId);
  }

  /** How many tasks this user has: the migrate CLI's count check. */
  async count(): Promise<number> {
    const rows = await this.db.all<{ n: number | string }>(
      'SELECT CAST(COUNT(*) AS INTEGER) AS n FROM tasks WHERE user_id = $1',
      [this.userId],
    );
    return Number(rows[0]?.n ?? 0);
  }
}
