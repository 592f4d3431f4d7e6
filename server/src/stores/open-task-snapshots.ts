import type { ListCursor, Task, TaskListQuery } from '@mindflow/shared';

// A user's open tasks, held in memory at a known task revision, so that the reads most
// requests make (the first pages of the list, the ranking behind "what next") need no SQL
// scan after each write. The rule that keeps it exact:
//
// - A snapshot is the set of open tasks at revision R. It is made from a scan bracketed by
//   two reads of the revision that agree (no write of that user committed in between, on
//   any instance), and it is used only by a read that has just read R itself.
// - A write made here moves it from R to R + 1 only when the revision read after the write
//   is R + 1: the snapshot existed before the write began, so that one step is this write.
//   Anything else (a write elsewhere in between, two writes here at once) drops it, and the
//   next read scans again.
//
// Memory is bounded: a user with more open tasks than PER_USER is never held (ranking them
// streams pages from SQL, as before), and all snapshots together hold at most TOTAL tasks,
// the least recently used user going first.

export interface SnapshotLimits {
  /** Open tasks of one user above which no snapshot is kept. */
  perUser: number;
  /** Tasks held across every user. */
  total: number;
}

export const DEFAULT_SNAPSHOT_LIMITS: SnapshotLimits = { perUser: 2_000, total: 20_000 };

export class Snapshot {
  revision: number;
  private readonly tasks = new Map<string, Task>();
  /** The same tasks in list order, kept in order as tasks come and go. */
  private readonly ordered: Task[];

  constructor(revision: number, tasks: Iterable<Task>) {
    this.revision = revision;
    for (const t of tasks) this.tasks.set(t.id, frozen(t));
    this.ordered = [...this.tasks.values()].sort(byListOrder);
  }

  get size(): number {
    return this.tasks.size;
  }

  /** Every open task, in list order. */
  all(): readonly Task[] {
    return this.ordered;
  }

  /** A task as written: held while open, dropped once completed. */
  put(task: Task): void {
    this.remove(task.id);
    if (task.status === 'completed') return;
    const held = frozen(task);
    this.tasks.set(held.id, held);
    this.ordered.splice(this.position(held), 0, held);
  }

  remove(id: string): void {
    const held = this.tasks.get(id);
    if (!held) return;
    this.tasks.delete(id);
    this.ordered.splice(this.position(held), 1);
  }

  /** Where `task` is, or would go, in list order (binary search). */
  private position(task: ListCursor): number {
    let lo = 0;
    let hi = this.ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (byListOrder(this.ordered[mid]!, task) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

export class OpenTaskSnapshots {
  private readonly users = new Map<string, Snapshot>();
  /**
   * Users whose snapshot a write race dropped (not the size bound, not the LRU), with the
   * tasks it held: a list that misses rebuilds theirs rather than paging in SQL until the
   * next ranking does. Bounded like the snapshots: oldest first.
   */
  private readonly raced = new Map<string, number>();
  private readonly limits: SnapshotLimits;
  private held = 0;

  constructor(limits: SnapshotLimits = DEFAULT_SNAPSHOT_LIMITS) {
    this.limits = limits;
  }

  /** The user's snapshot, if it is exactly the open tasks at `revision`. */
  at(userId: string, revision: number): Snapshot | undefined {
    const s = this.users.get(userId);
    if (!s || s.revision !== revision) return undefined;
    // Most recently used last: Map iteration follows insertion order.
    this.users.delete(userId);
    this.users.set(userId, s);
    return s;
  }

  /** Whatever is held for the user, to compare with after a write. */
  current(userId: string): Snapshot | undefined {
    return this.users.get(userId);
  }

  /** Whether a scan of `count` open tasks may be kept. */
  fits(count: number): boolean {
    return count <= this.limits.perUser;
  }

  /** Whether a list that missed should scan to hold this user again (see `raced`). */
  worthRebuilding(userId: string): boolean {
    const size = this.raced.get(userId);
    return size !== undefined && this.fits(size);
  }

  keep(userId: string, snapshot: Snapshot): void {
    this.raced.delete(userId);
    if (!this.fits(snapshot.size)) return;
    this.drop(userId);
    this.users.set(userId, snapshot);
    this.held += snapshot.size;
    this.trim();
  }

  /**
   * After a write here that changed one task: `before` is what was held when the write
   * began, `revision` the one read after it committed. The snapshot steps forward only if
   * nothing else can have happened in between; otherwise it goes.
   */
  wrote(
    userId: string,
    before: { snapshot: Snapshot; revision: number } | undefined,
    revision: number,
    change: (s: Snapshot) => void,
  ): void {
    const s = this.users.get(userId);
    if (!s || s.revision >= revision) return;
    if (before && s === before.snapshot && s.revision === before.revision) {
      if (revision === before.revision + 1) return this.step(userId, s, revision, change);
    }
    this.dropRaced(userId, s);
  }

  /** The one write from s.revision to `revision` applied to `s`. */
  private step(userId: string, s: Snapshot, revision: number, change: (s: Snapshot) => void) {
    this.held -= s.size;
    change(s);
    s.revision = revision;
    this.held += s.size;
    if (!this.fits(s.size)) this.drop(userId);
    this.trim();
  }

  /** Drops a snapshot a write overtook, remembering to hold the user again (`raced`). */
  private dropRaced(userId: string, s: Snapshot): void {
    this.raced.delete(userId);
    this.raced.set(userId, s.size);
    if (this.raced.size > this.limits.total) this.raced.delete(this.raced.keys().next().value!);
    this.drop(userId);
  }

  /**
   * After a write here that changed one task and, read in its own transaction, made
   * `revision`: the snapshot at the revision just before is the state this write started
   * from, so it steps forward exactly, whenever and however it was made. One older than
   * that missed a write and goes; a newer one already holds this write.
   */
  madeRevision(userId: string, revision: number, change: (s: Snapshot) => void): void {
    const s = this.users.get(userId);
    if (!s || s.revision >= revision) return;
    if (s.revision === revision - 1) return this.step(userId, s, revision, change);
    this.dropRaced(userId, s);
  }

  drop(userId: string): void {
    const s = this.users.get(userId);
    if (!s) return;
    this.held -= s.size;
    this.users.delete(userId);
  }

  /** Tasks held now, for tests and metrics. */
  get heldTasks(): number {
    return this.held;
  }

  private trim(): void {
    for (const [userId] of this.users) {
      if (this.held <= this.limits.total) return;
      this.drop(userId);
    }
  }
}

/**
 * Whether `list` can answer `q` from the open tasks alone, exactly as the SQL would: only
 * open statuses, and no filter but the cursor. (Tag and text filters stay in SQL, whose
 * matching on the search keys is the one the API documents.)
 */
export function listableFromOpen(q: TaskListQuery): boolean {
  return (
    q.statuses !== null &&
    !q.statuses.includes('completed') &&
    q.tag === null &&
    q.text === null &&
    q.due_before === null &&
    q.due_after === null
  );
}

/** `list` over a snapshot: the same tasks, in the same order, as the SQL statement. */
export function listFromSnapshot(s: Snapshot, q: TaskListQuery): Task[] {
  const statuses = q.statuses ?? [];
  const out: Task[] = [];
  for (const t of s.all()) {
    if (out.length >= q.limit) break;
    if (!statuses.includes(t.status)) continue;
    if (q.after !== null && byListOrder(t, q.after) <= 0) continue;
    out.push(t);
  }
  return out;
}

/**
 * (created_at, id) as SQL orders them: by code point, as SQLite's BINARY and PostgreSQL's
 * "C" collations do (JavaScript's < compares UTF-16 units, which differs past U+FFFF).
 */
export function byListOrder(a: ListCursor, b: ListCursor): number {
  return byCodePoint(a.created_at, b.created_at) || byCodePoint(a.id, b.id);
}

function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates (astral code points) rank above U+E000–U+FFFF, as their code points do. */
function codePointRank(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

/** Held tasks are shared by every reader: frozen, so no reader can change another's. */
function frozen(t: Task): Task {
  if (Object.isFrozen(t)) return t;
  return Object.freeze({ ...t, tags: Object.freeze([...t.tags]) as string[] });
}
