import {
  cancelPendingAction,
  confirmPendingAction,
  emptyConversation,
  intlTimeZone,
  runAssistantTurn,
  type AssistantContext,
  type ConversationState,
  type TaskService,
  type TurnOutcome,
} from '@mindflow/shared';
import type { ChatAnswer, ChatClient } from './chat-client.ts';

// The offline assistant in the page itself, over a TaskService: demos and the browser
// tests. The same engine the server and the add-on run.

export function memoryChatClient(
  service: TaskService,
  options: { zone: string; clock: () => number },
): ChatClient {
  const conversations = new Map<string, ConversationState>();
  let next = 0;
  const ctx = (): AssistantContext => ({
    run: (name, input) => service.execute(name, input),
    model: null,
    zone: options.zone,
    now: options.clock(),
    timeZone: intlTimeZone,
    newId: () => `local-${++next}`,
  });
  const answer = (id: string, o: TurnOutcome): ChatAnswer => {
    conversations.set(id, o.state);
    return {
      conversation_id: id,
      reply: o.reply,
      actions: o.actions,
      ...(o.pending_action ? { pending_action: o.pending_action } : {}),
    };
  };
  const decide = async (id: string, actionId: string, confirm: boolean) => {
    const state = conversations.get(id) ?? emptyConversation();
    const r = confirm
      ? await confirmPendingAction(state, actionId, ctx())
      : cancelPendingAction(state, actionId);
    if (!r.ok) throw new Error('That action is no longer pending');
    return answer(id, r.outcome);
  };
  return {
    async send(message, conversationId, on = {}) {
      const id = conversationId ?? `conversation-${++next}`;
      const state = conversations.get(id) ?? emptyConversation();
      const o = await runAssistantTurn(
        { message, state },
        {
          ...ctx(),
          emit: (e) => {
            if (e.type === 'text') on.onText?.(e.delta);
            else if (e.type === 'tool_result') on.onToolResult?.(e);
            else if (e.type === 'pending_action') on.onPendingAction?.(e);
          },
        },
      );
      return answer(id, o);
    },
    confirm: (id, actionId) => decide(id, actionId, true),
    cancel: (id, actionId) => decide(id, actionId, false),
  };
}
