import type { SqlClient } from './sql-client.ts';

// Under load the server handles dozens of requests per turn of the event loop (about forty
// at 50 connections), and most of them start with the same small read: the user's task
// revision, or one task by id. On SQLite each statement pays its own read transaction (two
// fcntl calls on the WAL index, more than the lookup itself); on PostgreSQL each pays a
// round trip. So reads of one kind asked for during a turn are answered together, by one
// statement in the check phase (setImmediate) that follows.
//
// Freshness is kept: that statement runs after every request of the turn has arrived, so
// it sees every write acknowledged before any of them was sent, on any instance. Equal
// keys asked for in one turn share one answer, which is as fresh for each of them.

interface Waiter<V> {
  resolve: (value: V | undefined) => void;
  reject: (error: unknown) => void;
}

interface Pending<K, V> {
  key: K;
  waiters: Waiter<V>[];
}

/** Keys per statement; a larger turn runs several. Sizes are padded to powers of two. */
export const MAX_BATCH = 256;

/**
 * A read of one key, batched with the others asked for in the same turn. `load` reads a
 * chunk of distinct keys and answers by `id(key)`; a key it does not answer is undefined.
 */
export function turnBatched<K, V>(
  id: (key: K) => string,
  load: (keys: readonly K[]) => Promise<ReadonlyMap<string, V>>,
): (key: K) => Promise<V | undefined> {
  let pending = new Map<string, Pending<K, V>>();

  async function flush(): Promise<void> {
    const batch = [...pending.values()];
    pending = new Map();
    for (let i = 0; i < batch.length; i += MAX_BATCH) {
      const chunk = batch.slice(i, i + MAX_BATCH);
      try {
        const found = await load(chunk.map((p) => p.key));
        for (const p of chunk) {
          const value = found.get(id(p.key));
          for (const w of p.waiters) w.resolve(value);
        }
      } catch (error) {
        for (const p of chunk) for (const w of p.waiters) w.reject(error);
      }
    }
  }

  return (key) =>
    new Promise<V | undefined>((resolve, reject) => {
      if (pending.size === 0) setImmediate(() => void flush());
      const k = id(key);
      const p = pending.get(k);
      if (p) p.waiters.push({ resolve, reject });
      else pending.set(k, { key, waiters: [{ resolve, reject }] });
    });
}

/**
 * `count` keys padded to the next power of two by repeating the last: a handful of
 * statement texts (1, 2, 4 … MAX_BATCH) serve every batch, so each is prepared once.
 */
export function padded<K>(keys: readonly K[]): K[] {
  let size = 1;
  while (size < keys.length) size *= 2;
  const out = [...keys];
  while (out.length < size) out.push(keys[keys.length - 1]!);
  return out;
}

/** `$first, $first+1 …` for `count` values. */
export function placeholders(count: number, first = 1): string {
  return Array.from({ length: count }, (_, i) => `$${first + i}`).join(', ');
}

/**
 * One batcher per client and kind of read, shared by everything that reads through that
 * client (each request builds its own store and Caller).
 */
export function perClient<T>(make: (db: SqlClient) => T): (db: SqlClient) => T {
  const made = new WeakMap<SqlClient, T>();
  return (db) => {
    let batcher = made.get(db);
    if (batcher === undefined) {
      batcher = make(db);
      made.set(db, batcher);
    }
    return batcher;
  };
}
