import { z } from 'zod';
import { defineRoute, ErrorBodySchema, type RouteDoc } from '@mindflow/shared';

// The assistant's routes as /docs shows them (handlers in chat.routes.ts).

const ConversationId = z.string().min(1).max(100).meta({ description: 'From an earlier answer.' });

export const ChatRequestBody = z.strictObject({
  message: z
    .string({ error: 'message must be text' })
    .trim()
    .min(1, 'message must not be empty')
    .max(4000, 'message must be at most 4000 characters')
    .meta({ description: 'What the person says, e.g. "what should I do next?"' }),
  conversation_id: ConversationId.optional(),
});

export const ChatDecisionBody = z.strictObject({
  conversation_id: ConversationId,
  action_id: z.string().min(1).max(100).meta({ description: 'pending_action.id' }),
});

const Action = z.object({
  operation: z.string(),
  ok: z.boolean(),
  summary: z.string(),
  task_ids: z.array(z.string()),
});
const Pending = z.object({ id: z.string(), description: z.string() });

export const ChatAnswerSchema = z.object({
  conversation_id: z.string(),
  reply: z.string(),
  actions: z.array(Action).meta({ description: 'The changes made, with the tasks they touched.' }),
  pending_action: Pending.optional().meta({
    description: 'A delete, or a change to several tasks, waiting for /api/chat/confirm.',
  }),
});

export const ConversationSchema = z.object({
  conversation_id: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant']), content: z.string() })),
  pending_action: Pending.nullable(),
});

const errors = { default: { description: 'An error with a stable code', schema: ErrorBodySchema } };
const IdParams = z.strictObject({ id: ConversationId });

export const CHAT_ROUTES = {
  chat: defineRoute({
    method: 'POST',
    path: '/api/chat',
    operationId: 'chat',
    summary: 'Talk to the assistant',
    description:
      'One message to the assistant, which acts through the catalogue. With Accept: text/event-stream the answer streams as events text, tool_call, tool_result, pending_action, done; otherwise one JSON answer.',
    tag: 'Assistant',
    auth: true,
    body: ChatRequestBody,
    responses: {
      '200': { description: 'The reply and the actions taken', schema: ChatAnswerSchema },
      ...errors,
    },
  }),
  confirm: defineRoute({
    method: 'POST',
    path: '/api/chat/confirm',
    operationId: 'confirmChatAction',
    summary: 'Confirm a pending action',
    description: 'The person agrees to the pending action: its changes run, all or none.',
    tag: 'Assistant',
    auth: true,
    body: ChatDecisionBody,
    responses: { '200': { description: 'What was done', schema: ChatAnswerSchema }, ...errors },
    consequential: true,
  }),
  cancel: defineRoute({
    method: 'POST',
    path: '/api/chat/cancel',
    operationId: 'cancelChatAction',
    summary: 'Cancel a pending action',
    description: 'The person declines the pending action: nothing changes.',
    tag: 'Assistant',
    auth: true,
    body: ChatDecisionBody,
    responses: {
      '200': { description: 'Nothing was changed', schema: ChatAnswerSchema },
      ...errors,
    },
  }),
  get: defineRoute({
    method: 'GET',
    path: '/api/chat/:id',
    operationId: 'getConversation',
    summary: 'Read a conversation',
    description: 'The messages of one of your conversations and its pending action, if any.',
    tag: 'Assistant',
    auth: true,
    params: IdParams,
    responses: {
      '200': { description: 'The conversation', schema: ConversationSchema },
      ...errors,
    },
  }),
  delete: defineRoute({
    method: 'DELETE',
    path: '/api/chat/:id',
    operationId: 'deleteConversation',
    summary: 'Delete a conversation',
    description: 'Forget one of your conversations. Tasks it changed stay as they are.',
    tag: 'Assistant',
    auth: true,
    params: IdParams,
    responses: { '204': { description: 'Deleted' }, ...errors },
  }),
} satisfies Record<string, RouteDoc>;
