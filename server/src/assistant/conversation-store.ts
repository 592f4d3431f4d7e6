import { emptyConversation, readConversationState, type ConversationState } from '@mindflow/shared';
import type { SqlClient } from '../db/sql-client.ts';

// Conversations per user, on the same database as the tasks. Every query names the user, so
// one person's conversation is not found for another (like a task).

export interface StoredConversation {
  id: string;
  state: ConversationState;
  created_at: string;
  updated_at: string;
}

interface Row {
  id: string;
  state: string;
  created_at: string;
  updated_at: string;
}

export class ConversationStore {
  private readonly db: SqlClient;
  private readonly clock: () => number;

  constructor(db: SqlClient, clock: () => number = Date.now) {
    this.db = db;
    this.clock = clock;
  }

  async get(userId: string, id: string): Promise<StoredConversation | null> {
    const rows = await this.db.all<Row>(
      'SELECT id, state, created_at, updated_at FROM chat_conversations WHERE user_id = $1 AND id = $2',
      [userId, id],
    );
    const r = rows[0];
    if (!r) return null;
    let json: unknown;
    try {
      json = JSON.parse(r.state);
    } catch {
      json = emptyConversation();
    }
    return { ...r, state: readConversationState(json) };
  }

  async save(userId: string, id: string, state: ConversationState): Promise<void> {
    const at = new Date(this.clock()).toISOString();
    await this.db.run(
      `INSERT INTO chat_conversations (user_id, id, state, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $4)
       ON CONFLICT (user_id, id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at`,
      [userId, id, JSON.stringify(state), at],
    );
  }

  async delete(userId: string, id: string): Promise<boolean> {
    return (
      (await this.db.run('DELETE FROM chat_conversations WHERE user_id = $1 AND id = $2', [
        userId,
        id,
      ])) > 0
    );
  }
}
