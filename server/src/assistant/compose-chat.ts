import { randomUUID } from 'node:crypto';
import type { TimeZonePort } from '@mindflow/shared';
import type { Config } from '../config/env.ts';
import type { SqlClient } from '../db/sql-client.ts';
import type { ChatRouteDeps } from '../http/chat.routes.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import { ChatService } from './chat-service.ts';
import { ConversationStore } from './conversation-store.ts';
import { OpenAiChatModel } from './openai-chat-model.ts';

/** The assistant as main.ts and the test server build it: a model only with a key. */
export function composeChat(deps: {
  db: SqlClient;
  executor: OperationExecutor;
  timeZone: TimeZonePort;
  clock?: () => number;
  settings: Config['assistant'];
  onError?: (error: unknown, operation: string) => void;
}): ChatRouteDeps {
  const clock = deps.clock ?? Date.now;
  const openai = deps.settings.openai;
  return {
    service: new ChatService({
      executor: deps.executor,
      conversations: new ConversationStore(deps.db, clock),
      model: openai ? new OpenAiChatModel(openai) : null,
      timeZone: deps.timeZone,
      clock,
      newId: randomUUID,
      ...(deps.onError ? { onError: deps.onError } : {}),
    }),
    ratePerMinute: deps.settings.rateLimitPerMinute,
  };
}
