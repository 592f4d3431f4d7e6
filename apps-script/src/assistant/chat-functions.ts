import {
  cancelPendingAction,
  confirmPendingActionSync,
  emptyConversation,
  readConversationState,
  runAssistantTurnSync,
  type ChatAnswerWire,
  type ConversationState,
  type SyncAssistantContext,
  type TurnOutcome,
} from '@mindflow/shared';
import { executeOperation } from '../execute-operation.ts';
import { appsScriptTimeZone } from '../time/utilities-time-zone.ts';
import { modelSettings, UrlFetchChatModel } from './url-fetch-chat-model.ts';

// The sidebar's "Ask" tab: google.script.run targets that run the shared assistant on the
// Sheet. Every operation goes through executeOperation (lock, audit, idempotency) as the
// sidebar's own do. A conversation lives in the user's cache for six hours.

const CACHE_SECONDS = 6 * 60 * 60;
const KEY = (id: string) => `mindflow.chat.${id}`;

type Failure = { ok: false; error: { code: string; message: string } };

function context(): SyncAssistantContext {
  const settings = modelSettings();
  return {
    run: (name, input) => executeOperation(name, input, { source: 'sidebar' }),
    model: settings ? new UrlFetchChatModel(settings) : null,
    zone: SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone(),
    now: Date.now(),
    timeZone: appsScriptTimeZone(),
    newId: () => Utilities.getUuid(),
  };
}

function load(id: string): ConversationState | null {
  const text = CacheService.getUserCache().get(KEY(id));
  if (text === null) return null;
  try {
    return readConversationState(JSON.parse(text));
  } catch {
    return null;
  }
}

function save(id: string, state: ConversationState): void {
  // A cache value holds 100 KB: keep the newest messages that fit.
  let kept = state;
  let text = JSON.stringify(kept);
  while (text.length > 90_000 && kept.messages.length > 2) {
    kept = { ...kept, messages: kept.messages.slice(Math.ceil(kept.messages.length / 4)) };
    text = JSON.stringify(kept);
  }
  CacheService.getUserCache().put(KEY(id), text, CACHE_SECONDS);
}

function answer(id: string, outcome: TurnOutcome): ChatAnswerWire {
  save(id, outcome.state);
  return {
    conversation_id: id,
    reply: outcome.reply,
    actions: outcome.actions,
    ...(outcome.pending_action ? { pending_action: outcome.pending_action } : {}),
  };
}

const gone = (what: string): Failure => ({
  ok: false,
  error: { code: 'not_found', message: `${what} is no longer there; start again` },
});

/** google.script.run target: one message to the assistant. */
export function chat(message: unknown, conversationId: unknown): ChatAnswerWire | Failure {
  if (typeof message !== 'string' || message.trim() === '' || message.length > 4000) {
    return {
      ok: false,
      error: { code: 'validation_failed', message: 'message must be 1–4000 characters of text' },
    };
  }
  const id =
    typeof conversationId === 'string' && conversationId !== ''
      ? conversationId
      : Utilities.getUuid();
  const state =
    typeof conversationId === 'string' && conversationId !== '' ? load(id) : emptyConversation();
  if (!state) return gone('That conversation');
  return answer(id, runAssistantTurnSync({ message: message.trim(), state }, context()));
}

function decide(
  conversationId: unknown,
  actionId: unknown,
  confirm: boolean,
): ChatAnswerWire | Failure {
  if (typeof conversationId !== 'string' || typeof actionId !== 'string')
    return gone('That action');
  const state = load(conversationId);
  if (!state) return gone('That conversation');
  const result = confirm
    ? confirmPendingActionSync(state, actionId, context())
    : cancelPendingAction(state, actionId);
  if (!result.ok) return gone('That action');
  return answer(conversationId, result.outcome);
}

/** google.script.run target: the person confirms the pending action. */
export function confirmChat(conversationId: unknown, actionId: unknown): ChatAnswerWire | Failure {
  return decide(conversationId, actionId, true);
}

/** google.script.run target: the person declines it. */
export function cancelChat(conversationId: unknown, actionId: unknown): ChatAnswerWire | Failure {
  return decide(conversationId, actionId, false);
}
