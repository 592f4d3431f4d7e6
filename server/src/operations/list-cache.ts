import { hasFixedJson, jsonOf, ok, type Result } from '@mindflow/shared';
import { forOperation, type ExecutorLayer } from './operation-executor.ts';

// listTasks depends on nothing but the user's tasks and the query: no clock, no zone. So its
// answer, serialised once, can be replayed for as long as the user's task_revision (which
// every write moves, whichever instance made it) has not changed. Lists are most of the
// traffic, and between two writes a user tends to read the same page again.
//
// A page is held as its UTF-8 bytes, not as a string: a hit is written to the socket as it
// is (a 50-task page is about 17 KB, and a string is measured and encoded again for every
// answer), and the bytes live outside the JavaScript heap, so the garbage collector neither
// copies them while young nor marks them once old. As strings, the pages made again after
// every write of their user were most of what the collector had to move.

// A write moves the revision, but most writes leave a given page as it was: a task created
// is listed after the open tasks already there, and a task completed further down does not
// show on the first page. So a page at an older revision is kept beside the cache's answers,
// never sent, and when the page made at the new revision lists the very same frozen tasks
// (jsonOf: their JSON cannot change) with the same cursor, its bytes are the old page's and
// the old buffer is kept. The page is still made at the new revision; only its bytes are
// not made again, which spares the collector the replaced buffers (external memory that
// only a major collection returns).

interface Page {
  revision: number;
  bytes: Buffer;
  /** The page's tasks when every one has a fixed JSON (hasFixedJson), else null. */
  tasks: readonly object[] | null;
  cursor: string | null;
}

interface UserLists {
  pages: Map<string, Page>;
  bytes: number;
}

/**
 * A page's bytes in a buffer of their own: Buffer.from would cut a small page from the
 * shared 8 KB pool, and a cached slice keeps its whole pool alive.
 */
export function pageBytes(json: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json));
  bytes.write(json);
  return bytes;
}

/** A page's parts, when it is the usual `{ tasks, next_cursor }` of plain objects. */
function pageParts(
  data: unknown,
): { tasks: Record<string, unknown>[]; cursor: string | null } | null {
  if (!isPlainObject(data)) return null;
  const keys = Object.keys(data);
  if (keys.length !== 2 || keys[0] !== 'tasks' || keys[1] !== 'next_cursor') return null;
  const { tasks, next_cursor: cursor } = data;
  if (typeof cursor !== 'string' && cursor !== null) return null;
  if (!Array.isArray(tasks) || tasks.some((t) => !isPlainObject(t))) return null;
  return { tasks: tasks as Record<string, unknown>[], cursor };
}

/** The same frozen tasks, in the same order, with the same cursor: the same bytes. */
function samePage(old: Page, tasks: readonly object[], cursor: string | null): boolean {
  if (old.tasks === null || old.cursor !== cursor || old.tasks.length !== tasks.length) {
    return false;
  }
  for (let i = 0; i < tasks.length; i++) if (old.tasks[i] !== tasks[i]) return false;
  return true;
}

export class ListCache {
  private readonly users = new Map<string, UserLists>();
  private readonly maxBytes: number;
  private bytes = 0;
  hits = 0;
  misses = 0;
  /** Pages made at a new revision whose bytes were the old page's. */
  kept = 0;

  /** Bounded by the bytes held, not the number of entries. */
  constructor(maxBytes = 16 * 1024 * 1024) {
    this.maxBytes = maxBytes;
  }

  /** The same query however its parameters were ordered. */
  static key(input: Record<string, unknown>): string {
    return JSON.stringify(Object.entries(input).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  get(userId: string, revision: number, key: string): Buffer | undefined {
    const page = this.users.get(userId)?.pages.get(key);
    if (page === undefined || page.revision !== revision) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    return page.bytes;
  }

  /**
   * Holds the page made at `revision` from `data`, and returns its bytes: the page held
   * for the key at an older revision when it lists the same frozen tasks, else new ones.
   */
  put(userId: string, revision: number, key: string, data: unknown): Buffer {
    let lists = this.users.get(userId);
    if (!lists) {
      lists = { pages: new Map(), bytes: 0 };
      this.users.set(userId, lists);
    }
    const old = lists.pages.get(key);
    const parts = pageParts(data);
    if (old && parts && old.revision <= revision && samePage(old, parts.tasks, parts.cursor)) {
      old.revision = revision;
      this.kept++;
      return old.bytes;
    }
    const bytes = pageBytes(parts ? pageOf(parts.tasks, parts.cursor) : JSON.stringify(data));
    // A request that read an older revision and finished late does not replace a newer page.
    if (old && old.revision > revision) return bytes;
    const fixed = parts !== null && parts.tasks.every(hasFixedJson);
    const page: Page = {
      revision,
      bytes,
      tasks: fixed ? parts.tasks : null,
      cursor: parts?.cursor ?? null,
    };
    if (old) {
      lists.bytes -= old.bytes.length;
      this.bytes -= old.bytes.length;
    }
    lists.pages.set(key, page);
    lists.bytes += bytes.length;
    this.bytes += bytes.length;
    // Oldest users first; Map iteration follows insertion order.
    for (const [id, other] of this.users) {
      if (this.bytes <= this.maxBytes) break;
      this.bytes -= other.bytes;
      this.users.delete(id);
    }
    return bytes;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A page's JSON from its tasks, each task's JSON made once (jsonOf). */
function pageOf(tasks: readonly object[], cursor: string | null): string {
  return `{"tasks":[${tasks.map(jsonOf).join(',')}],"next_cursor":${JSON.stringify(cursor)}}`;
}

/**
 * JSON.stringify of a page, byte for byte, with each task's JSON made once (jsonOf): tasks
 * held in memory are frozen, and the same task shows on page after page.
 */
export function pageJson(data: unknown): string {
  const parts = pageParts(data);
  return parts ? pageOf(parts.tasks, parts.cursor) : JSON.stringify(data);
}

/** listTasks through the cache, serialised once: a hit is sent as the JSON it was. */
export function cachedLists(cache: ListCache): ExecutorLayer {
  return forOperation('listTasks', async (call, next) => {
    if (!isPlainObject(call.input)) return next(call);
    const { user } = call.caller;
    const taskRevision = await call.caller.taskRevision();
    const key = ListCache.key(call.input);
    const page = cache.get(user.id, taskRevision, key);
    if (page !== undefined) {
      let parsed: Result<unknown> | undefined;
      return {
        replayed: false,
        json: page,
        // Parsed only for a caller that wants the value rather than the JSON.
        get result() {
          return (parsed ??= ok(JSON.parse(page.toString()) as unknown));
        },
      };
    }
    const execution = await next(call);
    if (!execution.result.ok) return execution;
    const bytes = cache.put(user.id, taskRevision, key, execution.result.data);
    return { ...execution, json: bytes };
  });
}
