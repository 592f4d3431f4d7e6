import { ChatAnswerWireSchema, type ChatAction, type ChatAnswerWire } from '@mindflow/shared';

// What the chat panel talks to: one message in, the answer out, with streamed events on the
// way where the transport streams (the server's SSE) and the whole reply at once where it
// cannot (google.script.run).

export type { ChatAction };
export type ChatAnswer = ChatAnswerWire;

export interface ChatStreamHandlers {
  onText?(delta: string): void;
  onToolCall?(call: { name: string; arguments: unknown }): void;
  onToolResult?(result: ChatAction): void;
  onPendingAction?(pending: { id: string; description: string }): void;
}

export interface ChatClient {
  send(
    message: string,
    conversationId: string | undefined,
    on?: ChatStreamHandlers,
  ): Promise<ChatAnswer>;
  confirm(conversationId: string, actionId: string): Promise<ChatAnswer>;
  cancel(conversationId: string, actionId: string): Promise<ChatAnswer>;
}

/** An answer from the wire, checked; a broken one is an Error a person can read. */
export function readChatAnswer(raw: unknown): ChatAnswer {
  const parsed = ChatAnswerWireSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const message =
    typeof raw === 'object' && raw !== null && 'error' in raw
      ? String((raw as { error: { message?: unknown } }).error.message ?? 'the assistant failed')
      : 'the assistant sent an answer that could not be read';
  throw new Error(message);
}
