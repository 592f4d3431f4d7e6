import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyConversation } from '@mindflow/shared';
import type { SqlClient } from '../db/sql-client.ts';
import { insertUser, SHARED_DATABASES } from '../../test-support/databases.ts';
import { ConversationStore } from './conversation-store.ts';

// Migration 10 on every engine: conversations saved, read back, isolated and deleted.

for (const engine of SHARED_DATABASES) {
  describe.skipIf(engine.skip !== undefined)(`ConversationStore on ${engine.name}`, () => {
    let a: SqlClient;
    let b: SqlClient;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({
        handles: [a, b],
        close,
      } = await engine.open());
    });
    afterAll(() => close?.());

    it('reads back what another connection saved, only for its owner, and forgets it on delete', async () => {
      const [alice, bob] = [await insertUser(a), await insertUser(a)];
      const one = new ConversationStore(a);
      const two = new ConversationStore(b);
      const state = {
        ...emptyConversation(),
        messages: [
          { role: 'user' as const, content: 'delete the draft' },
          { role: 'assistant' as const, content: 'Delete “Draft”? Confirm or cancel.' },
        ],
        pending: {
          id: 'p1',
          description: 'Delete “Draft”',
          kind: 'delete' as const,
          calls: [{ operation: 'deleteTask' as const, input: { id: 'x' } }],
        },
      };
      await one.save(alice, 'c1', state);
      await one.save(alice, 'c1', { ...state, pending: null });
      expect((await two.get(alice, 'c1'))?.state).toEqual({ ...state, pending: null });
      expect(await two.get(bob, 'c1')).toBeNull();
      expect(await two.delete(bob, 'c1')).toBe(false);
      expect(await two.delete(alice, 'c1')).toBe(true);
      expect(await one.get(alice, 'c1')).toBeNull();
    });
  });
}
