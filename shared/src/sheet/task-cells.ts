import type { Task } from '../task/task.schema.ts';
import { TAG_RE, PREFERRED_TIMES, dedupeTags } from '../task/task.schema.ts';
import { isoUtc, parseInstant } from '../task/task-time.ts';
import { priorityFromWord } from '../task/priority-words.ts';
import { isCivilDate, isInAcceptedYears, pad } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';

// Reading one cell of a hand-typed row leniently: each reader answers the value, null for
// an empty cell, or undefined when the cell cannot be read (the row then warns and uses
// the field's default).

/** A cell as Sheets (getValues), the Sheets API or a CSV file hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface RowContext {
  /** The Sheet's zone: a typed date or date-time means wall-clock time there. */
  calendar: ZonedCalendar;
  now: number;
  newId: () => string;
}

const STATUS_WORDS: Record<string, Task['status']> = {
  pending: 'pending',
  todo: 'pending',
  'to do': 'pending',
  open: 'pending',
  in_progress: 'in_progress',
  'in progress': 'in_progress',
  doing: 'in_progress',
  started: 'in_progress',
  completed: 'completed',
  complete: 'completed',
  done: 'completed',
  snoozed: 'snoozed',
};

export function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).trim();
}

export function isBlank(cell: Cell): boolean {
  return text(cell) === '';
}

/** A Date from a Sheet cell: midnight means a date, anything else a moment in the zone. */
function dateCell(cell: Date, ctx: RowContext, dateOnlyAtMidnight: boolean): string {
  const local = ctx.calendar.local(cell.getTime());
  if (dateOnlyAtMidnight && local.minuteOfDay === 0 && local.second === 0) return local.date;
  return ctx.calendar.formatInstant(cell.getTime());
}

/** 11/27/2026 (the US form Sheets shows) → 2026-11-27. */
function usDate(value: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  if (!m) return null;
  const iso = `${m[3]}-${pad(Number(m[1]), 2)}-${pad(Number(m[2]), 2)}`;
  return isCivilDate(iso) ? iso : null;
}

/** A due the model accepts (1970–2199), else undefined: read as "not a date". */
export function readDue(cell: Cell, ctx: RowContext): string | null | undefined {
  const due = readAnyDue(cell, ctx);
  return typeof due === 'string' && !isInAcceptedYears(due) ? undefined : due;
}

function readAnyDue(cell: Cell, ctx: RowContext): string | null | undefined {
  if (cell instanceof Date) return dateCell(cell, ctx, true);
  const v = text(cell);
  if (v === '') return null;
  if (isCivilDate(v) || parseInstant(v) !== null) return v;
  const us = usDate(v);
  if (us) return us;
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})$/.exec(v);
  if (local && isCivilDate(local[1]!)) {
    return ctx.calendar.formatInstant(
      ctx.calendar.instantAt(local[1]!, Number(local[2]) * 60 + Number(local[3])),
    );
  }
  return undefined;
}

export function readInstant(cell: Cell, ctx: RowContext): string | null | undefined {
  if (cell instanceof Date) return isoUtc(cell.getTime());
  const v = text(cell);
  if (v === '') return null;
  const ms = parseInstant(v);
  if (ms !== null) return isoUtc(ms);
  const date = isCivilDate(v) ? v : usDate(v);
  return date ? isoUtc(ctx.calendar.startOfDay(date)) : undefined;
}

/** A snooze end the model accepts (1970–2199), else undefined: read as "not a date-time". */
export function readSnoozeEnd(cell: Cell, ctx: RowContext): string | null | undefined {
  const at = readInstant(cell, ctx);
  return typeof at === 'string' && !isInAcceptedYears(at) ? undefined : at;
}

export function readEffort(cell: Cell): number | null | undefined {
  const v = text(cell).toLowerCase();
  if (v === '') return null;
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hrs?|hours?)?$/.exec(v);
  if (!m) return undefined;
  const minutes = Math.round(Number(m[1]) * (m[2]?.startsWith('h') ? 60 : 1));
  return minutes >= 1 && minutes <= 1440 ? minutes : undefined;
}

export function readTags(cell: Cell): { tags: string[]; bad: string[] } {
  const words = text(cell)
    .split(/[,\s]+/)
    .map((w) => w.replace(/^#/, ''))
    .filter(Boolean);
  return {
    tags: dedupeTags(words.filter((w) => TAG_RE.test(w))),
    bad: words.filter((w) => !TAG_RE.test(w)),
  };
}

export function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined || cell === '') return null;
  return String(cell);
}

export function wholeNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  const s = cellText(cell);
  if (s === null) return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** A status word ("done", "in progress", "todo"), or pending; the warning when unknown. */
export function readStatus(cell: Cell): { status: Task['status']; unknown: boolean } {
  const said = text(cell).toLowerCase().replace(/_/g, ' ');
  const word = (w: string) =>
    Object.prototype.hasOwnProperty.call(STATUS_WORDS, w) ? STATUS_WORDS[w] : undefined;
  const status = word(said) ?? word(said.replace(/ /g, '_'));
  return { status: status ?? 'pending', unknown: said !== '' && status === undefined };
}

/** 1–5, p1–p5 or a word; 3 when empty; null when unreadable. */
export function readPriority(cell: Cell): number | null {
  return isBlank(cell) ? 3 : priorityFromWord(text(cell));
}

export function readPreferredTime(cell: Cell): Task['preferred_time'] | undefined {
  const said = text(cell).toLowerCase();
  if (said === '') return null;
  return (PREFERRED_TIMES as readonly string[]).includes(said)
    ? (said as Task['preferred_time'])
    : undefined;
}
