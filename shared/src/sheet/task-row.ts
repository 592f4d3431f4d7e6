import { Task, TAG_RE, PREFERRED_TIMES, dedupeTags } from '../task/task.schema.ts';
import { isoUtc, parseInstant } from '../task/task-time.ts';
import { priorityFromWord } from '../task/priority-words.ts';
import { normalizeRepeat } from '../recurrence/repeat-rule.ts';
import { isCivilDate, pad } from '../time/civil-date.ts';
import type { ZonedCalendar } from '../time/time-zone.ts';
import type { ColumnMap, TaskField } from './task-columns.ts';
import { TASK_FIELDS } from '../task/task.schema.ts';

/** A cell as Sheets (getValues), the Sheets API or a CSV file hands it over. */
export type Cell = string | number | boolean | Date | null | undefined;

export interface RowContext {
  /** The Sheet's zone: a typed date or date-time means wall-clock time there. */
  calendar: ZonedCalendar;
  now: number;
  newId: () => string;
}

export type RowRead =
  | { kind: 'blank' }
  | {
      kind: 'task';
      task: Task;
      warnings: string[];
      /** id or created_at was filled in */ touched: boolean;
    }
  | { kind: 'invalid'; warnings: string[] };

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

function text(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return isNaN(cell.getTime()) ? '' : cell.toISOString();
  return String(cell).trim();
}

function isBlank(cell: Cell): boolean {
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

function readDue(cell: Cell, ctx: RowContext): string | null | undefined {
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

function readInstant(cell: Cell, ctx: RowContext): string | null | undefined {
  if (cell instanceof Date) return isoUtc(cell.getTime());
  const v = text(cell);
  if (v === '') return null;
  const ms = parseInstant(v);
  if (ms !== null) return isoUtc(ms);
  const date = isCivilDate(v) ? v : usDate(v);
  return date ? isoUtc(ctx.calendar.startOfDay(date)) : undefined;
}

function readEffort(cell: Cell): number | null | undefined {
  const v = text(cell).toLowerCase();
  if (v === '') return null;
  const m = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hrs?|hours?)?$/.exec(v);
  if (!m) return undefined;
  const minutes = Math.round(Number(m[1]) * (m[2]?.startsWith('h') ? 60 : 1));
  return minutes >= 1 && minutes <= 1440 ? minutes : undefined;
}

function readTags(cell: Cell): { tags: string[]; bad: string[] } {
  const words = text(cell)
    .split(/[,\s]+/)
    .map((w) => w.replace(/^#/, ''))
    .filter(Boolean);
  return {
    tags: dedupeTags(words.filter((w) => TAG_RE.test(w))),
    bad: words.filter((w) => !TAG_RE.test(w)),
  };
}

function cellText(cell: Cell): string | null {
  if (cell === null || cell === undefined || cell === '') return null;
  return String(cell);
}

function wholeNumber(cell: Cell): number | null {
  if (typeof cell === 'number') return cell;
  const s = cellText(cell);
  if (s === null) return null;
  return /^\d+$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * The task a row holds verbatim, or null when it is not a complete, valid task as a program
 * writes one. Such rows must come back exactly as written (a snooze until 08:00+05:30 stays
 * +05:30, a title keeps its spaces), so they skip the lenient reading below.
 */
export function exactTask(cells: readonly Cell[], columns: ColumnMap): Task | null {
  const raw = (f: TaskField): Cell => (columns[f] >= 0 ? cells[columns[f]] : undefined);
  // A date typed into a cell is a Date: its meaning depends on the zone, so it is read leniently.
  for (const f of TASK_FIELDS) if (raw(f) instanceof Date) return null;
  const candidate = {
    id: cellText(raw('id')),
    title: cellText(raw('title')) ?? '',
    description: cellText(raw('description')),
    status: cellText(raw('status')),
    priority: wholeNumber(raw('priority')),
    due: cellText(raw('due')),
    effort_minutes: wholeNumber(raw('effort_minutes')),
    preferred_time: cellText(raw('preferred_time')),
    tags: (cellText(raw('tags')) ?? '').split(', ').filter(Boolean),
    snoozed_until: cellText(raw('snoozed_until')),
    repeat: cellText(raw('repeat')),
    created_at: cellText(raw('created_at')),
    updated_at: cellText(raw('updated_at')),
    completed_at: cellText(raw('completed_at')),
  };
  // Validated by the schema, but kept as written (the schema would trim the title).
  return Task.safeParse(candidate).success ? (candidate as Task) : null;
}

/**
 * Reads one row sensibly: hand-typed rows (no id, dates typed as dates, priority "high" or
 * "p1", blank status) become tasks; a malformed cell becomes a warning for this row and
 * the field's default, never an exception.
 */
export function readTaskRow(row: readonly Cell[], columns: ColumnMap, ctx: RowContext): RowRead {
  const cell = (f: TaskField): Cell => (columns[f] >= 0 ? row[columns[f]] : undefined);
  if (TASK_FIELDS.every((f) => isBlank(cell(f)))) return { kind: 'blank' };
  const exact = exactTask(row, columns);
  if (exact) return { kind: 'task', task: exact, warnings: [], touched: false };
  const warnings: string[] = [];
  const warn = (field: TaskField, message: string) => warnings.push(`${field}: ${message}`);
  const title = text(cell('title'));
  if (title === '')
    return { kind: 'invalid', warnings: ['title: is empty, so the row is not a task yet'] };

  let touched = false;
  let id = text(cell('id'));
  if (id === '') {
    id = ctx.newId();
    touched = true;
  }
  const statusText = text(cell('status')).toLowerCase().replace(/_/g, ' ');
  const status: Task['status'] =
    STATUS_WORDS[statusText] ?? STATUS_WORDS[statusText.replace(/ /g, '_')] ?? 'pending';
  if (
    statusText !== '' &&
    !(statusText in STATUS_WORDS) &&
    !(statusText.replace(/ /g, '_') in STATUS_WORDS)
  ) {
    warn('status', `"${text(cell('status'))}" is not a status; read as pending`);
  }
  const priorityCell = cell('priority');
  const priority = isBlank(priorityCell) ? 3 : priorityFromWord(text(priorityCell));
  if (priority === null)
    warn(
      'priority',
      `"${text(priorityCell)}" is not a priority (1–5, p1–p5, high, low); read as 3`,
    );
  const due = readDue(cell('due'), ctx);
  if (due === undefined) warn('due', `"${text(cell('due'))}" is not a date; ignored`);
  const effort = readEffort(cell('effort_minutes'));
  if (effort === undefined)
    warn('effort_minutes', `"${text(cell('effort_minutes'))}" is not 1–1440 minutes; ignored`);
  const pref = text(cell('preferred_time')).toLowerCase();
  const preferred = (PREFERRED_TIMES as readonly string[]).includes(pref)
    ? (pref as Task['preferred_time'])
    : null;
  if (pref !== '' && preferred === null)
    warn('preferred_time', `"${pref}" is not morning, afternoon or evening`);
  const { tags, bad } = readTags(cell('tags'));
  if (bad.length > 0)
    warn('tags', `ignored ${bad.map((b) => `"${b}"`).join(', ')}: a tag is one word`);
  const snoozed = readInstant(cell('snoozed_until'), ctx);
  if (snoozed === undefined)
    warn('snoozed_until', `"${text(cell('snoozed_until'))}" is not a date-time; ignored`);
  const repeatText = text(cell('repeat'));
  const repeat = repeatText === '' ? null : normalizeRepeat(repeatText);
  if (repeat && !repeat.ok) warn('repeat', repeat.message);

  const created = readInstant(cell('created_at'), ctx);
  const createdAt = created ?? isoUtc(ctx.now);
  if (!created) touched = true;
  const updatedAt = readInstant(cell('updated_at'), ctx) ?? createdAt;
  let completedAt = readInstant(cell('completed_at'), ctx) ?? null;
  if (status === 'completed' && completedAt === null) {
    completedAt = isoUtc(ctx.now);
    touched = true;
  }

  const candidate = {
    id,
    title: title.slice(0, 200),
    description: text(cell('description')).slice(0, 2000) || null,
    status,
    priority: priority ?? 3,
    due: due ?? null,
    effort_minutes: effort ?? null,
    preferred_time: preferred,
    tags: tags.slice(0, 20),
    snoozed_until: snoozed ?? null,
    repeat: repeat && repeat.ok ? repeat.rrule : null,
    created_at: createdAt,
    updated_at: updatedAt,
    completed_at: completedAt,
  };
  if (title.length > 200) warn('title', 'longer than 200 characters; cut');
  const parsed = Task.safeParse(candidate);
  if (!parsed.success) {
    return {
      kind: 'invalid',
      warnings: [
        ...warnings,
        ...parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      ],
    };
  }
  return { kind: 'task', task: parsed.data, warnings, touched };
}

/** The cells of a task in the Sheet's column order; other columns keep what `base` holds. */
export function writeTaskRow(
  task: Task,
  columns: ColumnMap,
  width: number,
  base: readonly Cell[] = [],
): Cell[] {
  const row: Cell[] = Array.from({ length: width }, (_, i) => base[i] ?? '');
  for (const field of TASK_FIELDS)
    if (columns[field] >= 0) row[columns[field]] = cellOf(task, field);
  return row;
}

function cellOf(task: Task, field: TaskField): string | number {
  const v = task[field];
  if (v === null) return '';
  if (field === 'tags') return (v as string[]).join(', ');
  return typeof v === 'number' ? v : String(v);
}
