import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { StoreUnavailableError } from '@mindflow/shared';
import { tempDir } from '../../test-support/databases.ts';
import { SqliteClient } from './sql-client.sqlite.ts';

// Writes of one event-loop turn share one transaction (group commit); these tests check that
// each write still answers for itself, as if it had run alone.

const SCHEMA = `CREATE TABLE notes (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, grp INTEGER NOT NULL,
  hits INTEGER NOT NULL DEFAULT 0, pad BLOB)`;
const INSERT = 'INSERT INTO notes (name, grp) VALUES ($1, $2)';

describe('SqliteClient group commit', () => {
  let path: string;
  let db: SqliteClient;
  let others: SqliteClient[];

  beforeEach(async () => {
    path = join(tempDir(), 'mindflow.db');
    db = new SqliteClient({ path });
    await db.exec(SCHEMA);
    others = [];
  });
  afterEach(async () => {
    for (const c of [db, ...others]) await c.close();
  });

  /** Another connection to the same file, as a second server process would have. */
  function secondConnection(busyTimeoutMs?: number): SqliteClient {
    const other = new SqliteClient({ path, ...(busyTimeoutMs ? { busyTimeoutMs } : {}) });
    others.push(other);
    return other;
  }

  const names = async (client: SqliteClient = db) =>
    (await client.all<{ name: string }>('SELECT name FROM notes ORDER BY id')).map((r) => r.name);

  it('many writes of one turn, more than one group holds, all land and each gets its own count', async () => {
    const inserts = Array.from({ length: 600 }, (_, i) => db.run(INSERT, [`n${i}`, i % 3]));
    expect(await Promise.all(inserts)).toEqual(Array(600).fill(1));
    // Groups of 200 rows each: one update per group, then updates that match 0 rows.
    const updates = [0, 1, 2, 7].map((grp) =>
      db.run('UPDATE notes SET hits = hits + 1 WHERE grp = $1', [grp]),
    );
    expect(await Promise.all(updates)).toEqual([200, 200, 200, 0]);
    expect(await names()).toEqual(Array.from({ length: 600 }, (_, i) => `n${i}`));
  });

  it('refuses a write that would begin or end the transaction its group shares', async () => {
    const others = db.run(INSERT, ['kept', 0]);
    for (const sql of ['COMMIT', 'begin immediate', '  ROLLBACK', 'SAVEPOINT x', 'END']) {
      await expect(db.run(sql)).rejects.toThrow(/use batch\(\) or exec\(\)/);
    }
    expect(await others).toBe(1);
    expect(await names()).toEqual(['kept']);
  });

  it('a lone write is answered within one turn of the event loop', async () => {
    const write = db.run(INSERT, ['alone', 0]);
    const turnLater = new Promise<string>((resolve) => setImmediate(() => resolve('later')));
    expect(await Promise.race([write.then(() => 'write'), turnLater])).toBe('write');
  });

  it('a write that breaks a constraint fails alone; the other writes of its turn land', async () => {
    await db.run(INSERT, ['taken', 0]);
    const results = await Promise.allSettled([
      db.run(INSERT, ['a', 0]),
      db.run(INSERT, ['taken', 0]),
      db.run(INSERT, ['b', 0]),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const error = (results[1] as PromiseRejectedResult).reason;
    expect(error).not.toBeInstanceOf(StoreUnavailableError);
    expect(String(error)).toMatch(/UNIQUE/);
    expect(await names()).toEqual(['taken', 'a', 'b']);
  });

  it('a batch that fails is undone whole; the other writes of its turn land', async () => {
    await db.run(INSERT, ['taken', 0]);
    const [before, failed, after] = await Promise.allSettled([
      db.batch([{ sql: INSERT, params: ['batch ok 1', 1] }]),
      db.batch([
        { sql: INSERT, params: ['half', 2] },
        { sql: 'UPDATE notes SET hits = 99' },
        { sql: INSERT, params: ['taken', 2] },
      ]),
      db.run(INSERT, ['single', 3]),
    ]);
    expect(before).toEqual({ status: 'fulfilled', value: [1] });
    expect(failed.status).toBe('rejected');
    expect(after).toEqual({ status: 'fulfilled', value: 1 });
    expect(await names()).toEqual(['taken', 'batch ok 1', 'single']);
    expect(await db.all('SELECT DISTINCT hits FROM notes')).toEqual([{ hits: 0 }]);
  });

  it('another connection to the file sees every write once its promise resolved', async () => {
    const other = secondConnection();
    await Promise.all([
      db.run(INSERT, ['x', 0]),
      db.batch([
        { sql: INSERT, params: ['y', 0] },
        { sql: INSERT, params: ['z', 0] },
      ]),
    ]);
    expect(await names(other)).toEqual(['x', 'y', 'z']);
  });

  it('a write awaited then read back is seen by the same connection', async () => {
    await db.run(INSERT, ['mine', 0]);
    expect(await names()).toEqual(['mine']);
  });

  it('exec() after writes not yet awaited runs after them, even a script with its own transaction', async () => {
    const writes = [db.run(INSERT, ['early 1', 0]), db.run(INSERT, ['early 2', 0])];
    await db.exec(`BEGIN; UPDATE notes SET name = name || ' (seen)'; COMMIT;`);
    expect(await Promise.all(writes)).toEqual([1, 1]);
    expect(await names()).toEqual(['early 1 (seen)', 'early 2 (seen)']);
  });

  it('close() commits the writes still queued; later writes are refused as unavailable', async () => {
    const writes = [
      db.run(INSERT, ['last 1', 0]),
      db.batch([{ sql: INSERT, params: ['last 2', 0] }]),
    ];
    await db.close();
    expect(await Promise.all(writes)).toEqual([1, [1]]);
    await expect(db.run(INSERT, ['too late', 0])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await names(secondConnection())).toEqual(['last 1', 'last 2']);
  });

  it('while another connection holds the write lock, the whole group is refused as unavailable', async () => {
    const impatient = secondConnection(30);
    await db.exec('BEGIN IMMEDIATE');
    try {
      const results = await Promise.allSettled([
        impatient.run(INSERT, ['p', 0]),
        impatient.batch([{ sql: INSERT, params: ['q', 0] }]),
      ]);
      for (const r of results) {
        expect(r.status).toBe('rejected');
        expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StoreUnavailableError);
      }
    } finally {
      await db.exec('ROLLBACK');
    }
    expect(await impatient.run(INSERT, ['r', 0])).toBe(1);
    expect(await names()).toEqual(['r']);
  });

  it('a write that rolls its whole transaction back fails, and no write is acknowledged that did not land', async () => {
    await db.run(INSERT, ['taken', 0]);
    const attempted = ['before', 'batch', 'taken', 'after'];
    const results = await Promise.allSettled([
      db.run(INSERT, ['before', 0]),
      db.batch([{ sql: INSERT, params: ['batch', 0] }]),
      db.run('INSERT OR ROLLBACK INTO notes (name, grp) VALUES ($1, 0)', ['taken']),
      db.run(INSERT, ['after', 0]),
    ]);
    expect(results[2]!.status).toBe('rejected');
    const acknowledged = attempted.filter((_, i) => results[i]!.status === 'fulfilled');
    expect(await names(secondConnection())).toEqual(['taken', ...acknowledged]);
    expect(await db.run(INSERT, ['next turn', 0])).toBe(1);
  });

  it('when the disk fills up mid-group, no write is acknowledged that did not land', async () => {
    const [pages] = await db.all<{ page_count: number }>('PRAGMA page_count');
    await db.exec(`PRAGMA max_page_count = ${pages!.page_count + 3}`);
    const writes = [
      db.run(INSERT, ['small 1', 0]),
      db.run('INSERT INTO notes (name, grp, pad) VALUES ($1, 0, randomblob(200000))', ['huge']),
      db.run(INSERT, ['small 2', 0]),
      db.batch([{ sql: INSERT, params: ['small 3', 0] }]),
    ];
    const results = await Promise.allSettled(writes);
    expect(results[1]!.status).toBe('rejected');
    const acknowledged = ['small 1', 'huge', 'small 2', 'small 3'].filter(
      (_, i) => results[i]!.status === 'fulfilled',
    );
    expect(await names(secondConnection())).toEqual(acknowledged);
  });
});
