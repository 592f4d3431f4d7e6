import type { TaskStore } from '@mindflow/shared';
import type { Caller } from '../accounts/account-repository.ts';
import type { SqlClient } from '../db/sql-client.ts';
import { SqlTaskStore, type SqlTaskStoreOptions } from './task-store.sql.ts';

/** Builds the caller's TaskStore for one request. */
export interface TaskStoreFactory {
  readonly kind: 'sqlite' | 'postgres' | 'sheets';
  forUser(caller: Caller): TaskStore;
  /**
   * Whether every write to these tasks moves the user's task_revision, so derived answers
   * may be cached against it. Not for a Sheet: people edit it by hand.
   */
  readonly revisioned: boolean;
  /** Throws when the backend cannot be reached (for /health). */
  ping(): Promise<void>;
}

export function sqlTaskStores(db: SqlClient, options: SqlTaskStoreOptions = {}): TaskStoreFactory {
  return {
    kind: db.dialect,
    revisioned: true,
    forUser: (caller) => new SqlTaskStore(db, caller.user.id, options),
    ping: () => db.ping(),
  };
}
