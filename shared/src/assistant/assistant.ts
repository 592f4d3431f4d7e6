import type { AssistantContext } from './assistant-context.ts';
import type { ConversationState, TurnOutcome } from './conversation-state.ts';
import { goalTurn } from './goal-breakdown.ts';
import { parseIntent } from './intent-parser.ts';
import { modelTurn } from './model-turn.ts';
import { offlineTurn, undoLast } from './offline-turn.ts';
import { applyCall, undoChanges } from './task-changes.ts';

// The assistant's entry points, the same on every host: a turn, and the person's answer to
// a pending action. Hosts store the returned state and stream ctx.emit's events.

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

/** Runs one turn: with the model when there is one, else the offline assistant. */
export async function runAssistantTurn(
  input: TurnInput,
  ctx: AssistantContext,
): Promise<TurnOutcome> {
  const intent = parseIntent(input.message);
  // A new request sets aside any proposal that was waiting: it must be confirmed in its turn.
  const state: ConversationState = { ...input.state, pending: null };
  if (ctx.model === null || intent.intent === 'undo') {
    const t =
      intent.intent === 'undo'
        ? await undoLast(state, ctx)
        : await offlineTurn(input.message, state, ctx);
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
    if ('pending' in t && t.pending) ctx.emit?.({ type: 'pending_action', ...t.pending });
    return outcome({ ...t, state: withMessages });
  }
  const model = ctx.model;
  if (intent.intent === 'breakdown' && model.breakDownGoal) {
    return outcome(
      await goalTurn(intent.goal, state, ctx, {
        ...model,
        breakDownGoal: model.breakDownGoal.bind(model),
      }),
    );
  }
  return outcome(await modelTurn(input.message, state, ctx, model));
}

export type Answer = { ok: true; outcome: TurnOutcome } | { ok: false; reason: 'no_such_action' };

/** The person confirms: every proposed call runs, or none stays done. */
export async function confirmPendingAction(
  state: ConversationState,
  actionId: string,
  ctx: AssistantContext,
): Promise<Answer> {
  const pending = state.pending;
  if (!pending || pending.id !== actionId) return { ok: false, reason: 'no_such_action' };
  const done = [];
  const inverses = [];
  for (const call of pending.calls) {
    const applied = await applyCall(ctx.run, call);
    if (!applied.result.ok) {
      await undoChanges(ctx.run, { description: '', calls: inverses });
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

/** The person declines: nothing runs. */
export function cancelPendingAction(state: ConversationState, actionId: string): Answer {
  if (!state.pending || state.pending.id !== actionId)
    return { ok: false, reason: 'no_such_action' };
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
