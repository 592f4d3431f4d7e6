import type { ZonedCalendar } from '../time/time-zone.ts';
import { eventWhy } from './busy-events.ts';
import type { DayLayout } from './day-layout.ts';
import type { PlanBlock } from './day-plan.schema.ts';
import type { Interval } from './intervals.ts';
import type { Candidate, Placement } from './place-tasks.ts';
import { taskWhy, type ReasonContext } from './plan-reasons.ts';
import { clockLabel, momentLabel } from './plan-text.ts';

// The day as one list, in time order: meetings, the time kept free around them, and tasks.

const MINUTE_MS = 60_000;
// At the same start, the calendar's own entries come before what the planner added.
const KIND_ORDER = { event: 0, buffer: 1, task: 2 } as const;

interface Timed {
  start: number;
  end: number;
  block: PlanBlock;
}

export interface PlacedTask {
  candidate: Candidate;
  placement: Placement;
}

function nextFixed(
  after: number,
  layout: DayLayout,
  calendar: ZonedCalendar,
): { at: number; text: string } {
  const meeting = layout.busy.find((b) => b.start >= after);
  const lunch = layout.lunch.find((l) => l.start >= after);
  if (lunch && (!meeting || lunch.start < meeting.start)) {
    return { at: lunch.start, text: `lunch at ${clockLabel(calendar, lunch.start)}` };
  }
  if (meeting)
    return { at: meeting.start, text: `your ${clockLabel(calendar, meeting.start)} meeting` };
  const end = layout.window?.end ?? after;
  const midnight = calendar.local(end).minuteOfDay === 0;
  return { at: end, text: `your day ends at ${midnight ? 'midnight' : clockLabel(calendar, end)}` };
}

export function planBlocks(
  layout: DayLayout,
  placed: readonly PlacedTask[],
  ctx: ReasonContext,
): PlanBlock[] {
  const { calendar, date } = ctx;
  const at = (i: Interval) => ({
    start: calendar.formatInstant(i.start),
    end: calendar.formatInstant(i.end),
  });
  const timed: Timed[] = [];
  for (const { read, span } of layout.events) {
    const clipped = span.start !== read.span.start || span.end !== read.span.end;
    const whole = `${momentLabel(calendar, read.span.start, date)}–${momentLabel(calendar, read.span.end, date)}`;
    const why = clipped && !read.allDay ? `${eventWhy(read)} (${whole})` : eventWhy(read);
    const id = read.event.id === undefined ? {} : { event_id: read.event.id };
    timed.push({
      ...span,
      block: { kind: 'event', ...at(span), title: read.event.title || 'Busy', why, ...id },
    });
  }
  for (const b of layout.buffers) {
    const minutes = Math.round((b.end - b.start) / MINUTE_MS);
    const why = `${minutes} min after a meeting`;
    timed.push({ ...b, block: { kind: 'buffer', ...at(b), title: 'Buffer', why } });
  }
  for (const l of layout.lunch) {
    timed.push({
      ...l,
      block: { kind: 'buffer', ...at(l), title: 'Lunch', why: 'your lunch break' },
    });
  }
  for (const { candidate: c, placement: p } of placed) {
    const last = p.pieces[p.pieces.length - 1] as Interval;
    const fixed = nextFixed(last.end, layout, calendar);
    p.pieces.forEach((piece, i) => {
      timed.push({
        ...piece,
        block: {
          kind: 'task',
          ...at(piece),
          task_id: c.task.id,
          title: c.task.title,
          why: taskWhy(c, p, i + 1, fixed, ctx),
          score: c.scored.score,
          part: `${i + 1}/${p.pieces.length}`,
        },
      });
    });
  }
  // Array.prototype.sort is stable, so events keep their own order at equal keys.
  timed.sort(
    (a, b) =>
      a.start - b.start || KIND_ORDER[a.block.kind] - KIND_ORDER[b.block.kind] || a.end - b.end,
  );
  return timed.map((t) => t.block);
}
