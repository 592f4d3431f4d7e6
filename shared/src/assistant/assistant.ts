import {
  engineContext,
  type AssistantContext,
  type EngineContext,
  type SyncAssistantContext,
} from './assistant-context.ts';
import type {
  ActionRecord,
  ConversationState,
  PlannedCall,
  TurnOutcome,
} from './conversation-state.ts';
import { goalTurn } from './goal-breakdown.ts';
import { parseIntent } from './intent-parser.ts';
import { modelTurn } from './model-turn.ts';
import { offlineTurn, undoLast } from './offline-turn.ts';
import { applyCall, undoChanges } from './task-changes.ts';
import { drive, driveSync, type Steps } from './turn-steps.ts';

// The assistant's entry points, the same on every host: a turn, and the person's answer to
// a pending action; each with promises (server, page) and synchronously (the add-on). Hosts
// store the returned state and stream ctx.emit's events.

export interface TurnInput {
  message: string;
  state: ConversationState;
}

function outcome(t: {
  reply: string;
  actions: TurnOutcome['actions'];
  state: ConversationState;
  pending?: TurnOutcome['pending_action'];
}): TurnOutcome {
  return { reply: t.reply, actions: t.actions, pending_action: t.pending ?? null, state: t.state };
}

function* turn(input: TurnInput, ctx: EngineContext): Steps<TurnOutcome> {
  const intent = parseIntent(input.message);
  // A new request sets aside any proposal that was waiting: it must be confirmed in its turn.
  const state: ConversationState = { ...input.state, pending: null };
  if (!ctx.hasModel || intent.intent === 'undo') {
    const t =
      intent.intent === 'undo'
        ? yield* undoLast(state)
        : yield* offlineTurn(input.message, state, ctx);
    const withMessages = {
      ...t.state,
      messages: [
        ...t.state.messages,
        { role: 'user' as const, content: input.message },
        { role: 'assistant' as const, content: t.reply },
      ],
    };
    ctx.emit?.({ type: 'text', delta: t.reply });
    for (const a of t.actions) ctx.emit?.({ type: 'tool_result', ...a });
    if (t.pending) ctx.emit?.({ type: 'pending_action', ...t.pending });
    return outcome({ ...t, state: withMessages });
  }
  if (intent.intent === 'breakdown' && ctx.canBreakDown) {
    return outcome(yield* goalTurn(intent.goal, state, ctx));
  }
  return outcome(yield* modelTurn(input.message, state, ctx));
}

/** Runs one turn: with the model when there is one, else the offline assistant. */
export function runAssistantTurn(input: TurnInput, ctx: AssistantContext): Promise<TurnOutcome> {
  return drive(turn(input, engineContext(ctx)), ctx);
}

/** The same turn on synchronous ports (Apps Script). */
export function runAssistantTurnSync(input: TurnInput, ctx: SyncAssistantContext): TurnOutcome {
  return driveSync(turn(input, engineContext(ctx)), ctx);
}

export type Answer = { ok: true; outcome: TurnOutcome } | { ok: false; reason: 'no_such_action' };

function* confirm(state: ConversationState, actionId: string): Steps<Answer> {
  const pending = state.pending;
  if (!pending || pending.id !== actionId) return { ok: false, reason: 'no_such_action' };
  const done: ActionRecord[] = [];
  const inverses: PlannedCall[] = [];
  for (const call of pending.calls) {
    const applied = yield* applyCall(call);
    if (!applied.result.ok) {
      yield* undoChanges({ description: '', calls: inverses });
      const text = `I could not do it: ${applied.action.summary}. Nothing was changed.`;
      return {
        ok: true,
        outcome: {
          reply: text,
          actions: [applied.action],
          pending_action: null,
          state: {
            ...state,
            pending: null,
            messages: [...state.messages, { role: 'assistant', content: text }],
          },
        },
      };
    }
    done.push(applied.action);
    if (applied.inverse) inverses.push(applied.inverse);
  }
  const text = `Done: ${done.map((a) => a.summary).join('; ')}.`;
  return {
    ok: true,
    outcome: {
      reply: text,
      actions: done,
      pending_action: null,
      state: {
        ...state,
        pending: null,
        last_change:
          inverses.length > 0
            ? { description: pending.description, calls: inverses }
            : state.last_change,
        messages: [...state.messages, { role: 'assistant', content: text }],
      },
    },
  };
}

/** The person confirms: every proposed call runs, or none stays done. */
export function confirmPendingAction(
  state: ConversationState,
  actionId: string,
  ctx: AssistantContext,
): Promise<Answer> {
  return drive(confirm(state, actionId), ctx);
}

export function confirmPendingActionSync(
  state: ConversationState,
  actionId: string,
  ctx: SyncAssistantContext,
): Answer {
  return driveSync(confirm(state, actionId), ctx);
}

/** The person declines: nothing runs. */
export function cancelPendingAction(state: ConversationState, actionId: string): Answer {
  if (!state.pending || state.pending.id !== actionId) {
    return { ok: false, reason: 'no_such_action' };
  }
  const text = `Cancelled: ${state.pending.description}. Nothing was changed.`;
  return {
    ok: true,
    outcome: {
      reply: text,
      actions: [],
      pending_action: null,
      state: {
        ...state,
        pending: null,
        messages: [...state.messages, { role: 'assistant', content: text }],
      },
    },
  };
}
