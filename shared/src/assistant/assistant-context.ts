import type { OperationName } from '../catalogue/operations.ts';
import type { Result } from '../service/result.ts';
import type { TimeZonePort } from '../time/time-zone.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import type { ChatModel, ChatReply, ChatRequest, GoalSteps, RunOperation } from './chat-model.ts';
import type { AssistantEvent } from './conversation-state.ts';

/** What every turn knows, whatever the host: the person's zone, the one "now", ids, events. */
export interface TurnInfo {
  zone: string;
  now: number;
  timeZone: TimeZonePort;
  newId: () => string;
  /** Streamed events (text deltas, tool calls and results, the pending action). */
  emit?: (event: AssistantEvent) => void;
}

/** A host with promises: the server and the page. */
export interface AssistantContext extends TurnInfo {
  /** Runs a catalogue operation as the person (validation, isolation and audit included). */
  run: RunOperation;
  /** null: the offline assistant answers. */
  model: ChatModel | null;
}

/** The same model, answering at once (Apps Script's UrlFetchApp). */
export interface SyncChatModel {
  complete(request: ChatRequest): ChatReply;
  breakDownGoal?(goal: string, context: { today: string; zone: string }): GoalSteps;
}

/** A host without promises: the add-on. */
export interface SyncAssistantContext extends TurnInfo {
  run: (name: OperationName, input: unknown) => Result<unknown>;
  model: SyncChatModel | null;
}

/** What the engine itself sees: the turn's facts and what the model can do. */
export interface EngineContext extends TurnInfo {
  hasModel: boolean;
  canBreakDown: boolean;
}

export function engineContext(ctx: AssistantContext | SyncAssistantContext): EngineContext {
  const { zone, now, timeZone, newId, emit } = ctx;
  return {
    zone,
    now,
    timeZone,
    newId,
    ...(emit ? { emit } : {}),
    hasModel: ctx.model !== null,
    canBreakDown: typeof ctx.model?.breakDownGoal === 'function',
  };
}

export function calendarOf(ctx: TurnInfo): ZonedCalendar {
  return new ZonedCalendar(ctx.timeZone, ctx.zone);
}

/** At most 8 tool steps a turn: a model that keeps calling tools is stopped, not obeyed. */
export const MAX_TOOL_STEPS = 8;
