import type { Task } from '../task/task.schema.ts';

/** A store method may answer synchronously (Apps Script, memory) or with a promise (SQL). */
export type Awaitable<T> = T | Promise<T>;

export interface ListCursor {
  created_at: string;
  id: string;
}

/** What `TaskStore.list` is asked for. Every filter is optional (null). */
export interface TaskListQuery {
  /** Statuses to include; null for any. */
  statuses: readonly Task['status'][] | null;
  /** Tasks carrying this tag (case-insensitive). */
  tag: string | null;
  /** Case-insensitive substring of title or description. */
  text: string | null;
  /** Calendar dates: the date written in `due` must be strictly before / after it. */
  due_before: string | null;
  due_after: string | null;
  /** Only tasks after this position in (created_at, id) order. */
  after: ListCursor | null;
  limit: number;
}

/**
 * The port every task store implements (memory, Sheet, SQLite, PostgreSQL, Sheets API).
 * A store holds one user's tasks; hosts scope it before handing it to the service.
 * Writes compare-and-swap on `updated_at`, so two writers never silently overwrite each other.
 */
export interface TaskStore {
  get(id: string): Awaitable<Task | null>;
  /** Tasks matching the query in (created_at, id) order, at most `limit`. */
  list(query: TaskListQuery): Awaitable<Task[]>;
  /** Every task that is not completed, in any order: the input of ranking. */
  listActive(): Awaitable<Task[]>;
  /**
   * Optional, for stores that may hold more open tasks than fit in memory at once (SQL): the
   * same tasks as listActive, handed to `visit` a page at a time. Ranking and planning keep
   * only what they need from each page, so their memory is bounded by the page size.
   */
  scanActive?(visit: (page: readonly Task[]) => void): Promise<void>;
  /** 'conflict' when a task with this id exists already. */
  insert(task: Task): Awaitable<'ok' | 'conflict'>;
  /** Replaces the task if its stored `updated_at` still equals `expectedUpdatedAt`. */
  update(task: Task, expectedUpdatedAt: string): Awaitable<'ok' | 'not_found' | 'conflict'>;
  /** True when a task was deleted. */
  delete(id: string): Awaitable<boolean>;
  /** Inserts or replaces by id, as they are: the migration path. */
  upsertMany(tasks: readonly Task[]): Awaitable<void>;
}
