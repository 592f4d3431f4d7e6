import type { TimeZonePort } from '../time/time-zone.ts';
import { ZonedCalendar } from '../time/time-zone.ts';
import type { ChatModel, RunOperation } from './chat-model.ts';
import type { AssistantEvent } from './conversation-state.ts';

/** What one turn runs with: the host's ports, the person's zone and the one "now". */
export interface AssistantContext {
  /** Runs a catalogue operation as the person (validation, isolation and audit included). */
  run: RunOperation;
  /** null: the offline assistant answers. */
  model: ChatModel | null;
  zone: string;
  now: number;
  timeZone: TimeZonePort;
  newId: () => string;
  /** Streamed events (text deltas, tool calls and results, the pending action). */
  emit?: (event: AssistantEvent) => void;
}

export function calendarOf(ctx: AssistantContext): ZonedCalendar {
  return new ZonedCalendar(ctx.timeZone, ctx.zone);
}

/** At most 8 tool steps a turn: a model that keeps calling tools is stopped, not obeyed. */
export const MAX_TOOL_STEPS = 8;
