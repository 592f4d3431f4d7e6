import type { ZonedCalendar } from '../time/time-zone.ts';
import { parseDue, parseInstant } from '../task/task-time.ts';
import type { DeadlineCase } from '../scoring/score-reasoning.ts';
import type { Task } from '../task/task.schema.ts';
import { overlaps, type Interval } from './intervals.ts';
import type { Candidate, Placement } from './place-tasks.ts';
import { clockLabel, durationLabel, momentLabel } from './plan-text.ts';

// Every sentence the plan says about a task. Motion and Reclaim place work without saying
// why; here each block and each left-out task carries one deterministic line.

export interface ReasonContext {
  calendar: ZonedCalendar;
  date: string;
  /** "today", "tomorrow" or "on Thu 26 Nov": the plan's day seen from now. */
  dayWord: string;
  /** The day's working hours, null on a day off. */
  workingHours: Interval | null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DEADLINE_WORDS: Partial<Record<DeadlineCase, string>> = {
  overdue: 'overdue',
  today: 'due today',
  tomorrow: 'due tomorrow',
  this_week: 'due this week',
};

/** Why this task ranks where it does, in a few words. */
function rankPhrase(c: Candidate, ctx: ReasonContext): string {
  const r = c.scored.reasoning;
  const due = c.task.due === null ? null : parseDue(c.task.due);
  const lead =
    r.deadline === 'today' && due?.kind === 'instant'
      ? `due ${clockLabel(ctx.calendar, due.ms)}`
      : (DEADLINE_WORDS[r.deadline] ?? '');
  const priority = r.priority >= 5 ? 'top priority' : r.priority === 4 ? 'high priority' : '';
  let phrase = lead;
  if (priority) phrase = phrase ? `${phrase} with ${priority}` : priority;
  if (c.estimated && c.minutes <= 15) phrase = phrase ? `${phrase}, a quick win` : 'a quick win';
  return capitalize(phrase || `next best by score (${c.scored.score})`);
}

/** The one line on a task block: why this task, and why at this time. */
export function taskWhy(
  c: Candidate,
  placement: Placement,
  part: number,
  /** What follows the block: "your 11:00 meeting", "lunch at 12:00", "the end of your day …". */
  nextFixed: { at: number; text: string },
  ctx: ReasonContext,
): string {
  const pref = c.task.preferred_time;
  const end = placement.pieces[placement.pieces.length - 1]?.end ?? 0;
  let where: string;
  if (placement.mode === 'split') {
    where = `part ${part} of ${placement.pieces.length}: no free gap holds all ${durationLabel(c.minutes)}`;
  } else if (placement.mode === 'preferred') {
    where = `in the ${pref}, as you prefer`;
  } else if (pref) {
    const w = ctx.workingHours;
    const outside = w !== null && c.preferred !== null && !overlaps(c.preferred, w);
    where = outside
      ? `your ${pref} is outside working hours, so the first gap that fits`
      : `no room in the ${pref}, so the first gap that fits`;
  } else if (c.deadline !== null && end <= c.deadline && c.deadline < nextFixed.at) {
    where = 'finishes before it is due';
  } else if (c.wakesAt !== null && placement.pieces[0]?.start === c.wakesAt) {
    where = 'as soon as its snooze ends';
  } else {
    where = `fits before ${nextFixed.text}`;
  }
  const assumed = c.estimated ? '' : `; ${c.minutes} min assumed (no estimate)`;
  return `${rankPhrase(c, ctx)}; ${where}${assumed}`;
}

export interface Room {
  longest: number;
  total: number;
}

/**
 * Why an awake task found no room. When it would have fitted the empty day, the numbers are
 * what higher-ranked tasks left; otherwise they are the whole day's, which is the real limit.
 */
export function noRoomReason(
  c: Candidate,
  left: Room,
  emptyDay: Room,
  fitsEmptyDay: boolean,
  ctx: ReasonContext,
): string {
  const { calendar } = ctx;
  const need = c.minutes;
  const room = fitsEmptyDay ? left : emptyDay;
  const after = fitsEmptyDay ? ' after higher-ranked tasks' : '';
  const from =
    c.wakesAt === null ? '' : ` after its snooze ends at ${clockLabel(calendar, c.wakesAt)}`;
  if (c.deadline !== null) {
    const due = `due ${clockLabel(calendar, c.deadline)} ${ctx.dayWord}`;
    if (room.total === 0) return `${due}; no free time before then${after}`;
    if (room.total < need)
      return `${due}; only ${room.total} of ${need} min fit before then${after}`;
    return `${due}; needs ${need} min, longest free gap before then ${room.longest} min${after}`;
  }
  if (room.total === 0) return `needs ${need} min; no free time left${from}${after}`;
  if (room.total < need) return `needs ${need} min; only ${room.total} min free${from}${after}`;
  return `needs ${need} min; longest free gap ${room.longest} min${from}${after}`;
}

/** "snoozed until Thu 09:00", "snoozed with no end date". */
export function snoozeReason(task: Task, ctx: ReasonContext): string {
  const until = task.snoozed_until === null ? null : parseInstant(task.snoozed_until);
  if (until === null) return 'snoozed with no end date';
  return `snoozed until ${momentLabel(ctx.calendar, until, ctx.date)}`;
}
