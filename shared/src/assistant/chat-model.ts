import { z } from 'zod';
import type { JsonSchema } from '../openapi/json-schema.ts';
import type { OperationName } from '../catalogue/operations.ts';
import type { Result } from '../service/result.ts';

// The assistant's two ports. A ChatModel answers a conversation, maybe with tool calls (the
// server adapts the openai SDK, the add-on UrlFetchApp); a RunOperation runs one catalogue
// operation as the person (the server's executor, the add-on's router). The engine itself
// does no I/O.

export const ToolCallSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** As the model sent it: JSON text, perhaps malformed. */
  arguments: z.string(),
});
export type ToolCall = z.infer<typeof ToolCallSchema>;

export const ChatMessageSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('system'), content: z.string() }),
  z.object({ role: z.literal('user'), content: z.string() }),
  z.object({
    role: z.literal('assistant'),
    content: z.string(),
    tool_calls: z.array(ToolCallSchema).optional(),
  }),
  z.object({ role: z.literal('tool'), tool_call_id: z.string(), content: z.string() }),
]);
export type ChatMessage = z.infer<typeof ChatMessageSchema>;

/**
 * A message as the Chat Completions API takes it: an assistant's tool calls as
 * `{id, type: 'function', function: {name, arguments}}` (its empty text as null), a tool's
 * answer with its call's id. Both hosts send these (the server through the openai SDK, the
 * add-on through UrlFetchApp).
 */
export function chatCompletionMessage(m: ChatMessage): Record<string, unknown> {
  if (m.role === 'tool') return { role: 'tool', tool_call_id: m.tool_call_id, content: m.content };
  if (m.role === 'assistant' && m.tool_calls && m.tool_calls.length > 0) {
    return {
      role: 'assistant',
      content: m.content === '' ? null : m.content,
      tool_calls: m.tool_calls.map((c) => ({
        id: c.id,
        type: 'function',
        function: { name: c.name, arguments: c.arguments },
      })),
    };
  }
  return { role: m.role, content: m.content };
}

/** A catalogue operation as the model sees it. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: JsonSchema;
}

export interface ChatRequest {
  messages: readonly ChatMessage[];
  tools: readonly ToolSpec[];
  /** Text as it streams; adapters that cannot stream call it once with the whole text. */
  onText?: (delta: string) => void;
}

export interface ChatReply {
  content: string;
  tool_calls: ToolCall[];
}

/** Steps of a goal, as the model returns them through structured output. */
export const GoalStepsSchema = z.object({
  goal: z.string().describe('The goal in a few words, without its deadline.'),
  steps: z
    .array(
      z.object({
        title: z.string().describe('One concrete action, starting with a verb.'),
        effort_minutes: z.number().int().describe('Estimated effort in minutes, 5 to 480.'),
      }),
    )
    .describe('3 to 8 steps in the order they should be done.'),
});
export type GoalSteps = z.infer<typeof GoalStepsSchema>;

export interface ChatModel {
  /** One completion. Throws ChatModelError when the model cannot answer. */
  complete(request: ChatRequest): Promise<ChatReply>;
  /** The steps of a goal through structured output; absent when the adapter cannot. */
  breakDownGoal?(goal: string, context: { today: string; zone: string }): Promise<GoalSteps>;
}

/** The model failed (network, quota, timeout, nonsense): the turn stops and says so. */
export class ChatModelError extends Error {
  override name = 'ChatModelError';
}

export type RunOperation = (name: OperationName, input: unknown) => Promise<Result<unknown>>;
