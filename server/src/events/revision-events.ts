import { taskRevisionsOf } from '../accounts/account-repository.ts';
import type { SqlClient } from '../db/sql-client.ts';
import type { Client as PgClient } from 'pg';

// Who should hear that a user's tasks changed. Every task write moves users.task_revision
// in the same transaction (a trigger), whoever wrote: this instance, another instance, the
// migrate CLI, the morning email's tick. So the revision is the one signal to watch:
// - on PostgreSQL, a trigger on users NOTIFYs `mindflow_task_revision` with
//   "<user id> <revision>" (schema migration 30), and every instance LISTENs: a change
//   made on any instance reaches every open stream at once;
// - everywhere, the instance also polls the revisions of the users it has streams for, a
//   cheap indexed read that covers SQLite (where another process may write the file) and
//   any notification lost while the listening connection was being re-established.

export const REVISION_CHANNEL = 'mindflow_task_revision';

export type RevisionListener = (revision: number) => void;

export interface RevisionEvents {
  /**
   * Calls `listener` with every revision of the user's tasks above `from` (the one the
   * subscriber already has), each at most once; returns unsubscribe.
   */
  subscribe(userId: string, from: number, listener: RevisionListener): () => void;
  close(): Promise<void>;
}

/** A LISTEN connection: where notifications come from, when the database has them. */
export interface NotificationSource {
  start(onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

interface Watch {
  revision: number | null;
  listeners: Set<RevisionListener>;
}

export interface RevisionEventsOptions {
  db: SqlClient;
  /** How often to read the watched users' revisions. */
  pollMs?: number;
  notifications?: NotificationSource | null;
  onError?: (error: unknown) => void;
}

export function revisionEvents(options: RevisionEventsOptions): RevisionEvents {
  const { db } = options;
  const pollMs = options.pollMs ?? 1000;
  const watches = new Map<string, Watch>();
  let timer: NodeJS.Timeout | null = null;
  let polling = false;
  let closed = false;

  function deliver(userId: string, revision: number): void {
    const watch = watches.get(userId);
    if (!watch || (watch.revision !== null && revision <= watch.revision)) return;
    watch.revision = revision;
    for (const listener of watch.listeners) listener(revision);
  }

  async function poll(): Promise<void> {
    if (polling || watches.size === 0) return;
    polling = true;
    try {
      const ids = [...watches.keys()];
      for (let i = 0; i < ids.length; i += 500) {
        const chunk = ids.slice(i, i + 500);
        for (const [id, revision] of await taskRevisionsOf(db, chunk)) deliver(id, revision);
      }
    } catch (error) {
      options.onError?.(error);
    } finally {
      polling = false;
    }
  }

  const listening = options.notifications
    ?.start((payload) => {
      const [userId, revision] = payload.split(' ');
      if (userId && revision) deliver(userId, Number(revision));
    })
    .catch((error: unknown) => options.onError?.(error));

  return {
    subscribe(userId, from, onRevision) {
      let last = from;
      const listener: RevisionListener = (revision) => {
        if (revision <= last) return;
        last = revision;
        onRevision(revision);
      };
      let watch = watches.get(userId);
      if (!watch) {
        watch = { revision: null, listeners: new Set() };
        watches.set(userId, watch);
      }
      watch.listeners.add(listener);
      if (!timer && !closed) {
        timer = setInterval(() => void poll(), pollMs);
        timer.unref();
      }
      void poll();
      return () => {
        const w = watches.get(userId);
        if (!w) return;
        w.listeners.delete(listener);
        if (w.listeners.size === 0) watches.delete(userId);
        if (watches.size === 0 && timer) {
          clearInterval(timer);
          timer = null;
        }
      };
    },
    async close() {
      closed = true;
      if (timer) clearInterval(timer);
      timer = null;
      watches.clear();
      await listening;
      await options.notifications?.close();
    },
  };
}

/** LISTEN on a connection of its own (pg), reconnecting after a drop. */
export function pgNotifications(connectionString: string): NotificationSource {
  let client: PgClient | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;
  return {
    async start(onPayload) {
      const { default: pg } = await import('pg');
      const connect = async (): Promise<void> => {
        if (stopped) return;
        const c = new pg.Client({ connectionString });
        c.on('notification', (msg) => {
          if (msg.channel === REVISION_CHANNEL && msg.payload) onPayload(msg.payload);
        });
        c.on('error', () => {
          void c.end().catch(() => undefined);
          if (client === c) client = null;
          if (!stopped) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
        });
        await c.connect();
        await c.query(`LISTEN ${REVISION_CHANNEL}`);
        client = c;
      };
      await connect();
    },
    async close() {
      stopped = true;
      if (retry) clearTimeout(retry);
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
