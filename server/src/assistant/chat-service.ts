import {
  cancelPendingAction,
  confirmPendingAction,
  emptyConversation,
  runAssistantTurn,
  type AssistantContext,
  type AssistantEvent,
  type ChatModel,
  type ConversationState,
  type TimeZonePort,
  type TurnOutcome,
} from '@mindflow/shared';
import type { Caller } from '../accounts/account-repository.ts';
import type { OperationExecutor } from '../operations/operation-executor.ts';
import type { ConversationStore } from './conversation-store.ts';

// The assistant on the server: the shared engine, its operations run by the executor as the
// caller (the same validation, isolation and caches as REST and MCP), its conversations
// stored per user. No HTTP here.

export interface ChatServiceDeps {
  executor: OperationExecutor;
  conversations: ConversationStore;
  /** null: the offline assistant answers (no OPENAI_API_KEY). */
  model: ChatModel | null;
  timeZone: TimeZonePort;
  clock: () => number;
  newId: () => string;
  onError?: (error: unknown, operation: string) => void;
}

export interface ChatAnswer {
  conversation_id: string;
  reply: string;
  actions: { operation: string; ok: boolean; summary: string; task_ids: string[] }[];
  pending_action?: { id: string; description: string };
}

export type ChatResult<T> =
  { ok: true; value: T } | { ok: false; code: 'not_found'; message: string };

export class ChatService {
  private readonly deps: ChatServiceDeps;

  constructor(deps: ChatServiceDeps) {
    this.deps = deps;
  }

  get usesModel(): boolean {
    return this.deps.model !== null;
  }

  private context(caller: Caller, emit?: (e: AssistantEvent) => void): AssistantContext {
    const { executor } = this.deps;
    return {
      run: async (name, input) => {
        // Each call sees the tasks as they are now: the caches read the caller's revision at
        // each call, and a write earlier in the turn moved it.
        const execution = await executor.run(caller, name, input, {
          ...(this.deps.onError ? { onError: this.deps.onError } : {}),
        });
        return execution.result;
      },
      model: this.deps.model,
      zone: caller.settings.time_zone,
      now: this.deps.clock(),
      timeZone: this.deps.timeZone,
      newId: this.deps.newId,
      ...(emit ? { emit } : {}),
    };
  }

  private async load(
    caller: Caller,
    id: string | undefined,
  ): Promise<ChatResult<{ id: string; state: ConversationState }>> {
    if (id === undefined)
      return { ok: true, value: { id: this.deps.newId(), state: emptyConversation() } };
    const found = await this.deps.conversations.get(caller.user.id, id);
    return found
      ? { ok: true, value: { id, state: found.state } }
      : { ok: false, code: 'not_found', message: `No conversation ${id}` };
  }

  private async finish(caller: Caller, id: string, outcome: TurnOutcome): Promise<ChatAnswer> {
    await this.deps.conversations.save(caller.user.id, id, outcome.state);
    return {
      conversation_id: id,
      reply: outcome.reply,
      actions: outcome.actions,
      ...(outcome.pending_action ? { pending_action: outcome.pending_action } : {}),
    };
  }

  /** Checks the conversation first, so a stream opens only for one that exists. */
  async open(caller: Caller, id: string | undefined) {
    return this.load(caller, id);
  }

  async turn(
    caller: Caller,
    conversation: { id: string; state: ConversationState },
    message: string,
    emit?: (e: AssistantEvent) => void,
  ): Promise<ChatAnswer> {
    const outcome = await runAssistantTurn(
      { message, state: conversation.state },
      this.context(caller, emit),
    );
    return this.finish(caller, conversation.id, outcome);
  }

  async answer(
    caller: Caller,
    conversationId: string,
    actionId: string,
    decision: 'confirm' | 'cancel',
  ): Promise<ChatResult<ChatAnswer>> {
    const loaded = await this.load(caller, conversationId);
    if (!loaded.ok) return loaded;
    const { state } = loaded.value;
    const answer =
      decision === 'confirm'
        ? await confirmPendingAction(state, actionId, this.context(caller))
        : cancelPendingAction(state, actionId);
    if (!answer.ok) {
      return {
        ok: false,
        code: 'not_found',
        message: `No pending action ${actionId} in this conversation`,
      };
    }
    return { ok: true, value: await this.finish(caller, conversationId, answer.outcome) };
  }

  async get(caller: Caller, id: string) {
    const found = await this.deps.conversations.get(caller.user.id, id);
    if (!found) return null;
    return {
      conversation_id: found.id,
      created_at: found.created_at,
      updated_at: found.updated_at,
      messages: found.state.messages
        .filter((m) => m.role === 'user' || (m.role === 'assistant' && m.content !== ''))
        .map((m) => ({ role: m.role, content: m.content })),
      pending_action: found.state.pending
        ? { id: found.state.pending.id, description: found.state.pending.description }
        : null,
    };
  }

  delete(caller: Caller, id: string): Promise<boolean> {
    return this.deps.conversations.delete(caller.user.id, id);
  }
}
