import { parseDuration } from '../catalogue/operation-schemas.ts';
import { priorityCode, priorityLabel } from '../labels/priority-label.ts';
import { durationLabel } from '../planner/plan-text.ts';
import type { DayPlan } from '../planner/day-plan.schema.ts';
import { findDue } from '../quick-add/due-phrase.ts';
import type { Result } from '../service/result.ts';
import type { Task } from '../task/task.schema.ts';
import { addDays, isoWeekday } from '../time/civil-date.ts';
import { calendarOf, type EngineContext } from './assistant-context.ts';
import { runOp, type Steps } from './turn-steps.ts';
import type {
  ActionRecord,
  ConversationState,
  PlannedCall,
  TurnOutcome,
} from './conversation-state.ts';
import { parseIntent, type Intent, type ListFilter } from './intent-parser.ts';
import { applyCall, undoChanges } from './task-changes.ts';
import { matchTitle } from './title-match.ts';

// The assistant without a model: the intent parser's reading, carried out through the same
// catalogue operations as any client. It never guesses: an unclear task is asked about, a
// request it does not understand is answered with what it can do.

export const HELP_TEXT = [
  'I can:',
  '• tell you what to do next, and why ("what next?")',
  '• add a task ("add review Q3 metrics by Friday 3pm p1 45m #work")',
  '• mark one done ("done with the report")',
  '• snooze or postpone ("snooze the report until Friday", "push X to next week")',
  '• reschedule ("move X to Monday 3pm")',
  '• set priority, effort and tags ("make X p1", "X takes 2h", "tag X with #work")',
  '• delete a task (after you confirm)',
  '• list today, overdue, this week, #tag, or search ("search for dentist")',
  '• plan your day, and undo the last change',
].join('\n');

export const CANT_WITHOUT_MODEL = "I can't do that without an AI key; here is what I can.";

type Targeted = Extract<Intent, { target: string }>;

interface Turn {
  reply: string;
  actions: ActionRecord[];
  state: ConversationState;
  pending?: TurnOutcome['pending_action'];
}

function* openTasks(): Steps<Task[]> {
  const tasks: Task[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 5; page++) {
    const r = yield* runOp('listTasks', {
      status: 'open',
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    if (!r.ok) break;
    const d = r.data as { tasks: Task[]; next_cursor: string | null };
    tasks.push(...d.tasks);
    if (!d.next_cursor) break;
    cursor = d.next_cursor;
  }
  return tasks;
}

function dueText(when: string, ctx: EngineContext): string | null {
  const words = when.split(/\s+/).filter(Boolean);
  return (
    findDue(
      words,
      words.map(() => true),
      { now: ctx.now, calendar: calendarOf(ctx) },
    )?.due ?? null
  );
}

/** "2 hours", "an hour", "3d" → "2h", "1h", "3d"; null when it is not a span of time. */
function durationText(when: string): string | null {
  const t = when.replace(/^(an?|one)\s+/, '1 ').replace(/\s+/g, '');
  const m = /^(\d{1,4})(m|min|mins|minutes?|h|hrs?|hours?|d|days?|w|weeks?)$/.exec(t);
  if (!m) return null;
  const text = `${m[1]}${m[2]![0]}`;
  return parseDuration(text) === null ? null : text;
}

function taskLine(t: Task): string {
  const bits = [priorityCode(t.priority)];
  if (t.due) bits.push(`due ${t.due}`);
  if (t.effort_minutes) bits.push(durationLabel(t.effort_minutes));
  if (t.tags.length > 0) bits.push(t.tags.map((x) => `#${x}`).join(' '));
  return `• ${t.title} (${bits.join(', ')})`;
}

/** The call a targeted intent makes once its task is known; null with a reason otherwise. */
function callFor(intent: Targeted, task: Task, ctx: EngineContext): PlannedCall | string {
  const id = task.id;
  switch (intent.intent) {
    case 'done':
      return { operation: 'completeTask', input: { id } };
    case 'delete':
      return { operation: 'deleteTask', input: { id } };
    case 'snooze': {
      const duration = durationText(intent.when);
      if (duration) return { operation: 'snoozeTask', input: { id, duration } };
      const until = dueText(intent.when, ctx);
      return until
        ? { operation: 'snoozeTask', input: { id, until } }
        : `I couldn't read “${intent.when}” as a time. Try "until Friday" or "for 2 hours".`;
    }
    case 'reschedule': {
      const due = dueText(intent.when, ctx);
      return due
        ? { operation: 'updateTask', input: { id, due } }
        : `I couldn't read “${intent.when}” as a date. Try "to Monday 3pm".`;
    }
    case 'priority':
      return { operation: 'updateTask', input: { id, priority: intent.priority } };
    case 'effort':
      return { operation: 'updateTask', input: { id, effort_minutes: intent.minutes } };
    case 'tag':
      return { operation: 'updateTask', input: { id, tags: [...task.tags, ...intent.tags] } };
    case 'untag':
      return {
        operation: 'updateTask',
        input: { id, tags: task.tags.filter((t) => !intent.tags.includes(t.toLowerCase())) },
      };
  }
}

function* applyTargeted(
  intent: Targeted,
  task: Task,
  state: ConversationState,
  ctx: EngineContext,
): Steps<Turn> {
  const call = callFor(intent, task, ctx);
  const base = { ...state, choice: null };
  if (typeof call === 'string') return { reply: call, actions: [], state: base };
  if (call.operation === 'deleteTask') {
    const pending = {
      id: ctx.newId(),
      description: `Delete “${task.title}”`,
      calls: [call],
      kind: 'delete' as const,
    };
    return {
      reply: `Delete “${task.title}” for good? Confirm to delete it, or cancel.`,
      actions: [],
      state: { ...base, pending },
      pending: { id: pending.id, description: pending.description },
    };
  }
  const applied = yield* applyCall(call);
  if (!applied.result.ok)
    return { reply: applied.action.summary, actions: [applied.action], state: base };
  return {
    reply: `${applied.action.summary}.`,
    actions: [applied.action],
    state: {
      ...base,
      last_change: applied.inverse
        ? { description: applied.action.summary, calls: [applied.inverse] }
        : state.last_change,
    },
  };
}

function* targeted(intent: Targeted, state: ConversationState, ctx: EngineContext): Steps<Turn> {
  const match = matchTitle(intent.target, yield* openTasks());
  if (match.kind === 'none') {
    return { reply: `I found no open task like “${intent.target}”.`, actions: [], state };
  }
  if (match.kind === 'many') {
    const list = match.tasks.map((t, i) => `${i + 1}. ${t.title}`).join('\n');
    return {
      reply: `Which one do you mean?\n${list}\n(Answer with the number.)`,
      actions: [],
      state: {
        ...state,
        choice: { intent, candidates: match.tasks.map((t) => ({ id: t.id, title: t.title })) },
      },
    };
  }
  return yield* applyTargeted(intent, match.task, state, ctx);
}

function* chosen(index: number, state: ConversationState, ctx: EngineContext): Steps<Turn> {
  const choice = state.choice;
  if (!choice) return { reply: `${CANT_WITHOUT_MODEL}\n${HELP_TEXT}`, actions: [], state };
  const picked = choice.candidates.at(index > 0 ? index - 1 : index);
  if (!picked || index === 0) {
    return { reply: `Pick a number from 1 to ${choice.candidates.length}.`, actions: [], state };
  }
  const read = yield* runOp('getTask', { id: picked.id });
  if (!read.ok)
    return { reply: `“${picked.title}” is gone.`, actions: [], state: { ...state, choice: null } };
  return yield* applyTargeted(choice.intent as Targeted, read.data as Task, state, ctx);
}

function listQuery(filter: ListFilter, value: string | undefined, ctx: EngineContext) {
  const today = calendarOf(ctx).localDate(ctx.now);
  switch (filter) {
    case 'today':
      return {
        input: { due_after: addDays(today, -1), due_before: addDays(today, 1) },
        what: 'due today',
      };
    case 'tomorrow':
      return { input: { due_after: today, due_before: addDays(today, 2) }, what: 'due tomorrow' };
    case 'overdue':
      return { input: { due_before: today }, what: 'overdue' };
    case 'week':
      return {
        input: { due_after: addDays(today, -1), due_before: addDays(today, 8 - isoWeekday(today)) },
        what: 'due this week',
      };
    case 'tag':
      return { input: { tag: value }, what: `tagged #${value}` };
    case 'search':
      return { input: { q: value }, what: `matching “${value}”` };
    case 'all':
      return { input: {}, what: 'open' };
  }
}

function* listed(intent: Extract<Intent, { intent: 'list' }>, ctx: EngineContext): Steps<string> {
  const q = listQuery(intent.filter, intent.value, ctx);
  const r = yield* runOp('listTasks', { ...q.input, limit: 20 });
  if (!r.ok) return r.error.message;
  const tasks = (r.data as { tasks: Task[] }).tasks;
  if (tasks.length === 0) return `Nothing ${q.what}.`;
  return `${tasks.length} task${tasks.length === 1 ? '' : 's'} ${q.what}:\n${tasks.map(taskLine).join('\n')}`;
}

function planText(plan: DayPlan, ctx: EngineContext): string {
  const cal = calendarOf(ctx);
  const hhmm = (iso: string) => {
    const l = cal.local(Date.parse(iso));
    return `${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
  };
  const lines = plan.blocks
    .filter((b) => b.kind !== 'buffer')
    .map(
      (b) => `${hhmm(b.start)}–${hhmm(b.end)} ${b.title}${b.kind === 'task' ? ` — ${b.why}` : ''}`,
    );
  if (lines.length === 0) return `Nothing planned for ${plan.date}.`;
  return `Your plan for ${plan.date}:\n${lines.join('\n')}`;
}

function* answerRead(intent: Intent, ctx: EngineContext): Steps<string> {
  if (intent.intent === 'next') {
    const r = yield* runOp('getBestTask', {});
    if (!r.ok) return r.error.message;
    const d = r.data as {
      task: Task | null;
      reason?: string;
      reasoning?: { recommendation: string };
    };
    if (!d.task) return d.reason ?? 'Nothing open — add a task.';
    return `Next: “${d.task.title}” (${priorityLabel(d.task.priority)}${d.task.due ? `, due ${d.task.due}` : ''}).\nWhy: ${d.reasoning?.recommendation ?? ''}`;
  }
  if (intent.intent === 'plan') {
    const date =
      intent.when === 'tomorrow' ? addDays(calendarOf(ctx).localDate(ctx.now), 1) : undefined;
    const r: Result<unknown> = yield* runOp('getDailyPlan', date ? { date } : {});
    return r.ok ? planText(r.data as DayPlan, ctx) : r.error.message;
  }
  if (intent.intent === 'list') return yield* listed(intent, ctx);
  return `${CANT_WITHOUT_MODEL}\n${HELP_TEXT}`;
}

/** One turn of the offline assistant. */
export function* offlineTurn(
  message: string,
  state: ConversationState,
  ctx: EngineContext,
): Steps<Turn> {
  const intent = parseIntent(message);
  const cleared = intent.intent === 'choose' ? state : { ...state, choice: null };
  switch (intent.intent) {
    case 'choose':
      return yield* chosen(intent.index, state, ctx);
    case 'add': {
      const applied = yield* applyCall({
        operation: 'quickAddTask',
        input: { text: intent.text },
      });
      return {
        reply: applied.result.ok ? `${applied.action.summary}.` : applied.action.summary,
        actions: [applied.action],
        state: {
          ...cleared,
          last_change: applied.inverse
            ? { description: applied.action.summary, calls: [applied.inverse] }
            : cleared.last_change,
        },
      };
    }
    case 'undo':
      return yield* undoLast(cleared);
    case 'help':
      return { reply: HELP_TEXT, actions: [], state: cleared };
    case 'breakdown':
      return {
        reply: `${CANT_WITHOUT_MODEL} Breaking a goal into steps needs one.\n${HELP_TEXT}`,
        actions: [],
        state: cleared,
      };
    case 'done':
    case 'delete':
    case 'snooze':
    case 'reschedule':
    case 'priority':
    case 'effort':
    case 'tag':
    case 'untag':
      return yield* targeted(intent, cleared, ctx);
    default:
      return { reply: yield* answerRead(intent, ctx), actions: [], state: cleared };
  }
}

export function* undoLast(state: ConversationState): Steps<Turn> {
  if (!state.last_change) return { reply: 'There is nothing to undo.', actions: [], state };
  const actions = yield* undoChanges(state.last_change);
  const ok = actions.every((a) => a.ok);
  return {
    reply: ok
      ? `Undone: ${state.last_change.description}.`
      : `I could not undo all of it: ${actions.find((a) => !a.ok)?.summary ?? ''}`,
    actions,
    state: { ...state, last_change: null },
  };
}
