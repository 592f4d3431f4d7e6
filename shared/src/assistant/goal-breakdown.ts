import { parseQuickAdd } from '../quick-add/quick-add.ts';
import { dueLocalDate } from '../task/task-time.ts';
import { addDays, daysBetween } from '../time/civil-date.ts';
import { calendarOf, type EngineContext } from './assistant-context.ts';
import { breakDown, type Steps } from './turn-steps.ts';
import { ChatModelError, type GoalSteps } from './chat-model.ts';
import type { ConversationState, PendingAction, PlannedCall } from './conversation-state.ts';
import type { ModelTurn } from './model-turn.ts';

// "Break down 'launch the newsletter by Friday'": the model names the steps (structured
// output), this spreads their dues before the goal's deadline, and the person confirms
// before anything is created. The tasks share a tag naming the goal.

const MAX_STEPS = 8;
const DEFAULT_DAYS = 7;

/** "Launch the newsletter!" → "launch-the-newsletter" (a valid tag, ≤ 40 characters). */
export function goalTag(goal: string): string {
  const slug = goal
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'goal' : slug;
}

/** Dues from today up to the day before the deadline, evenly, in the steps' order. */
export function spreadDues(today: string, deadline: string, count: number): string[] {
  const span = Math.max(0, daysBetween(today, deadline) - 1);
  return Array.from({ length: count }, (_, i) =>
    addDays(today, count === 1 ? span : Math.round(((i + 1) * span) / count)),
  );
}

export function goalCalls(
  steps: GoalSteps['steps'],
  options: { tag: string; today: string; deadline: string },
): PlannedCall[] {
  const usable = steps.filter((s) => s.title.trim() !== '').slice(0, MAX_STEPS);
  const dues = spreadDues(options.today, options.deadline, usable.length);
  return usable.map((s, i) => ({
    operation: 'createTask',
    input: {
      title: s.title.trim().slice(0, 200),
      effort_minutes: Math.min(480, Math.max(5, Math.round(s.effort_minutes))),
      due: dues[i],
      tags: [options.tag],
    },
  }));
}

export function* goalTurn(
  goalText: string,
  state: ConversationState,
  ctx: EngineContext,
): Steps<ModelTurn> {
  const calendar = calendarOf(ctx);
  const today = calendar.localDate(ctx.now);
  const parsed = parseQuickAdd(goalText, { now: ctx.now, calendar });
  const goal = parsed.fields.title || goalText;
  const deadline = parsed.fields.due
    ? (dueLocalDate(parsed.fields.due, calendar) ?? addDays(today, DEFAULT_DAYS))
    : addDays(today, DEFAULT_DAYS);
  const user = { role: 'user' as const, content: `Break down: ${goalText}` };
  let steps: GoalSteps;
  try {
    steps = yield* breakDown(goal, { today, zone: ctx.zone });
  } catch (error) {
    const why = error instanceof ChatModelError ? error.message : 'it did not answer';
    const text = `Sorry, the AI model failed (${why}). Nothing was changed; please try again.`;
    return {
      reply: text,
      actions: [],
      state: {
        ...state,
        messages: [...state.messages, user, { role: 'assistant', content: text }],
      },
    };
  }
  const tag = goalTag(goal);
  const calls = goalCalls(steps.steps, { tag, today, deadline });
  if (calls.length === 0) {
    const text = `The model gave no steps for “${goal}”. Try saying more about the goal.`;
    return {
      reply: text,
      actions: [],
      state: {
        ...state,
        messages: [...state.messages, user, { role: 'assistant', content: text }],
      },
    };
  }
  const lines = calls.map(
    (c, i) =>
      `${i + 1}. ${String(c.input.title)} (${String(c.input.effort_minutes)}m, due ${String(c.input.due)})`,
  );
  const pending: PendingAction = {
    id: ctx.newId(),
    description: `Create ${calls.length} tasks for “${goal}” (#${tag}), due by ${deadline}`,
    calls,
    kind: 'goal',
  };
  const text = `Here is a plan for “${goal}” by ${deadline}:\n${lines.join('\n')}\nConfirm to create these tasks tagged #${tag}, or cancel.`;
  ctx.emit?.({ type: 'text', delta: text });
  ctx.emit?.({ type: 'pending_action', id: pending.id, description: pending.description });
  return {
    reply: text,
    actions: [],
    state: {
      ...state,
      pending,
      choice: null,
      messages: [...state.messages, user, { role: 'assistant', content: text }],
    },
    pending: { id: pending.id, description: pending.description },
  };
}
