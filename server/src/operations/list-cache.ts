import { jsonOf, ok, type Result } from '@mindflow/shared';
import { forOperation, type ExecutorLayer } from './operation-executor.ts';

// listTasks depends on nothing but the user's tasks and the query: no clock, no zone. So its
// answer, serialised once, can be replayed for as long as the user's task_revision (which
// every write moves, whichever instance made it) has not changed. Lists are most of the
// traffic, and between two writes a user tends to read the same page again.
//
// A page is held as its UTF-8 bytes, not as a string: a hit is written to the socket as it
// is (a 50-task page is about 17 KB, and a string is measured and encoded again for every
// answer), and the bytes live outside the JavaScript heap, so the garbage collector neither
// copies them while young nor marks them once old. Pages are replaced after every write of
// their user; as strings they were most of what the collector had to move.

interface UserLists {
  revision: number;
  pages: Map<string, Buffer>;
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

export class ListCache {
  private readonly users = new Map<string, UserLists>();
  private readonly maxBytes: number;
  private bytes = 0;
  hits = 0;
  misses = 0;

  /** Bounded by the bytes held, not the number of entries. */
  constructor(maxBytes = 16 * 1024 * 1024) {
    this.maxBytes = maxBytes;
  }

  /** The same query however its parameters were ordered. */
  static key(input: Record<string, unknown>): string {
    return JSON.stringify(Object.entries(input).sort(([a], [b]) => (a < b ? -1 : 1)));
  }

  get(userId: string, revision: number, key: string): Buffer | undefined {
    const lists = this.users.get(userId);
    const page = lists && lists.revision === revision ? lists.pages.get(key) : undefined;
    if (page === undefined) this.misses++;
    else this.hits++;
    return page;
  }

  set(userId: string, revision: number, key: string, page: Buffer): void {
    let lists = this.users.get(userId);
    if (lists && lists.revision !== revision) {
      this.forget(userId, lists);
      lists = undefined;
    }
    if (!lists) {
      lists = { revision, pages: new Map(), bytes: 0 };
      this.users.set(userId, lists);
    }
    const size = page.length;
    lists.pages.set(key, page);
    lists.bytes += size;
    this.bytes += size;
    // Oldest users first; Map iteration follows insertion order.
    for (const [id, other] of this.users) {
      if (this.bytes <= this.maxBytes) break;
      this.forget(id, other);
    }
  }

  private forget(userId: string, lists: UserLists): void {
    this.bytes -= lists.bytes;
    this.users.delete(userId);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * JSON.stringify of a page, byte for byte, with each task's JSON made once (jsonOf): tasks
 * held in memory are frozen, and the same task shows on page after page.
 */
export function pageJson(data: unknown): string {
  if (!isPlainObject(data)) return JSON.stringify(data);
  const keys = Object.keys(data);
  const tasks = data.tasks;
  if (keys.length !== 2 || keys[0] !== 'tasks' || keys[1] !== 'next_cursor') {
    return JSON.stringify(data);
  }
  const cursor = data.next_cursor;
  if (typeof cursor !== 'string' && cursor !== null) return JSON.stringify(data);
  if (!Array.isArray(tasks) || tasks.some((t) => !isPlainObject(t))) return JSON.stringify(data);
  return `{"tasks":[${tasks.map(jsonOf).join(',')}],"next_cursor":${JSON.stringify(cursor)}}`;
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
    const fresh = pageBytes(pageJson(execution.result.data));
    cache.set(user.id, taskRevision, key, fresh);
    return { ...execution, json: fresh };
  });
}
