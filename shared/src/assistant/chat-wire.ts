import { z } from 'zod';

// The assistant's answer as every transport carries it: POST /api/chat's JSON and its SSE
// `done` event, and the add-on's chat functions through google.script.run. Clients parse it.

export const ChatActionSchema = z.object({
  operation: z.string(),
  ok: z.boolean(),
  summary: z.string(),
  task_ids: z.array(z.string()),
});
export type ChatAction = z.infer<typeof ChatActionSchema>;

export const PendingActionWireSchema = z.object({ id: z.string(), description: z.string() });

export const ChatAnswerWireSchema = z.object({
  conversation_id: z.string(),
  reply: z.string(),
  actions: z.array(ChatActionSchema),
  pending_action: PendingActionWireSchema.optional(),
});
export type ChatAnswerWire = z.infer<typeof ChatAnswerWireSchema>;

/** The add-on's server functions for the sidebar's "Ask" tab, with their arguments. */
export const CHAT_SIDEBAR_FUNCTIONS = {
  chat: ['message', 'conversation_id'],
  confirmChat: ['conversation_id', 'action_id'],
  cancelChat: ['conversation_id', 'action_id'],
} as const;
