import { z } from 'zod';
import { isOperationName, type OperationName } from '../catalogue/operations.ts';
import { ChatMessageSchema } from './chat-model.ts';

// What a host stores per conversation, between turns: the messages, the change awaiting the
// person's consent, the inverse of the last change (for "undo") and the candidates of an
// open "which one?". Parsed whenever it is read back.

export const PlannedCallSchema = z.object({
  operation: z.string().refine(isOperationName, 'not a catalogue operation'),
  input: z.record(z.string(), z.unknown()),
});
export interface PlannedCall {
  operation: OperationName;
  input: Record<string, unknown>;
}

export const PendingActionSchema = z.object({
  id: z.string(),
  description: z.string(),
  calls: z.array(PlannedCallSchema),
  /** Tag and title of tasks a goal breakdown creates, for the reply after confirming. */
  kind: z.enum(['change', 'delete', 'goal']).default('change'),
});
export type PendingAction = Omit<z.infer<typeof PendingActionSchema>, 'calls'> & {
  calls: PlannedCall[];
};

export const UndoRecordSchema = z.object({
  description: z.string(),
  calls: z.array(PlannedCallSchema),
});
export type UndoRecord = Omit<z.infer<typeof UndoRecordSchema>, 'calls'> & {
  calls: PlannedCall[];
};

export const OpenChoiceSchema = z.object({
  /** The intent waiting for a task, with its other slots. */
  intent: z.record(z.string(), z.unknown()),
  candidates: z.array(z.object({ id: z.string(), title: z.string() })),
});
export type OpenChoice = z.infer<typeof OpenChoiceSchema>;

export const ConversationStateSchema = z.object({
  messages: z.array(ChatMessageSchema).default([]),
  pending: PendingActionSchema.nullable().default(null),
  last_change: UndoRecordSchema.nullable().default(null),
  choice: OpenChoiceSchema.nullable().default(null),
});
export type ConversationState = {
  messages: z.infer<typeof ChatMessageSchema>[];
  pending: PendingAction | null;
  last_change: UndoRecord | null;
  choice: OpenChoice | null;
};

export function emptyConversation(): ConversationState {
  return { messages: [], pending: null, last_change: null, choice: null };
}

/** A stored state read back; a damaged one starts afresh rather than failing the chat. */
export function readConversationState(json: unknown): ConversationState {
  const parsed = ConversationStateSchema.safeParse(json);
  return parsed.success ? (parsed.data as ConversationState) : emptyConversation();
}

/** What one action did, as the chat shows it (a chip that opens the tasks). */
export interface ActionRecord {
  operation: OperationName;
  ok: boolean;
  summary: string;
  task_ids: string[];
}

export type AssistantEvent =
  | { type: 'text'; delta: string }
  | { type: 'tool_call'; name: string; arguments: unknown }
  | { type: 'tool_result'; operation: string; ok: boolean; summary: string; task_ids: string[] }
  | { type: 'pending_action'; id: string; description: string };

export interface TurnOutcome {
  reply: string;
  actions: ActionRecord[];
  pending_action: { id: string; description: string } | null;
  state: ConversationState;
}
