import type { Task, TaskListQuery, TaskStore } from '@mindflow/shared';
import { containsPattern, type SqlClient, type SqlValue } from '../db/sql-client.ts';

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

export class SqlTaskStore implements TaskStore {
  private readonly db: SqlClient;
  private readonly userId: string;

  constructor(db: SqlClient, userId: string) {
    this.db = db;
    this.userId = userId;
  }

  async get(id: string): Promise<Task | null> {
    const rows = await this.db.all<TaskRow>(
      `SELECT ${COLUMNS} FROM tasks WHERE user_id = $1 AND id = $2`,
      [this.userId, id],
    );
    return rows[0] ? taskFromRow(rows[0]) : null;
  }

  async list(q: TaskListQuery): Promise<Task[]> {
    const params: SqlValue[] = [this.userId];
    const where = ['user_id = $1'];
    const param = (v: SqlValue) => `$${params.push(v)}`;
    if (q.statuses !== null) where.push(`status IN (${q.statuses.map(param).join(', ')})`);
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
    const rows = await this.db.all<TaskRow>(
      `SELECT ${COLUMNS} FROM tasks WHERE user_id = $1 AND status <> 'completed'`,
      [this.userId],
    );
    return rows.map(taskFromRow);
  }

  async insert(task: Task): Promise<'ok' | 'conflict'> {
    const changed = await this.db.run(`${INSERT_SQL} ON CONFLICT (user_id, id) DO NOTHING`, [
      this.userId,
      ...rowValues(task),
    ]);
    return changed === 1 ? 'ok' : 'conflict';
  }

  async update(task: Task, expectedUpdatedAt: string): Promise<'ok' | 'not_found' | 'conflict'> {
    const [, ...rest] = rowValues(task);
    const changed = await this.db.run(UPDATE_SQL, [
      this.userId,
      task.id,
      ...rest,
      expectedUpdatedAt,
    ]);
    if (changed === 1) return 'ok';
    const exists = await this.db.all('SELECT 1 AS one FROM tasks WHERE user_id = $1 AND id = $2', [
      this.userId,
      task.id,
    ]);
    return exists.length > 0 ? 'conflict' : 'not_found';
  }

  async delete(id: string): Promise<boolean> {
    return (
      (await this.db.run('DELETE FROM tasks WHERE user_id = $1 AND id = $2', [this.userId, id])) > 0
    );
  }

  async upsertMany(tasks: readonly Task[]): Promise<void> {
    if (tasks.length === 0) return;
    await this.db.batch(
      tasks.map((t) => ({ sql: UPSERT_SQL, params: [this.userId, ...rowValues(t)] })),
    );
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
