import { Task, TASK_FIELDS } from '../task/task.schema.ts';
import { isoUtc } from '../task/task-time.ts';
import { normalizeRepeat } from '../recurrence/repeat-rule.ts';
import type { ColumnMap, TaskField } from './task-columns.ts';
import {
  cellText,
  isBlank,
  readDue,
  readEffort,
  readInstant,
  readSnoozeEnd,
  readPreferredTime,
  readPriority,
  readStatus,
  readTags,
  text,
  wholeNumber,
  type Cell,
  type RowContext,
} from './task-cells.ts';

export type { Cell, RowContext } from './task-cells.ts';

export type RowRead =
  | { kind: 'blank' }
  | {
      kind: 'task';
      task: Task;
      warnings: string[];
      /** id or created_at was filled in */ touched: boolean;
    }
  | { kind: 'invalid'; warnings: string[] };

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

type CellOf = (field: TaskField) => Cell;
type Warn = (field: TaskField, message: string) => void;

/** Every field but the id and the timestamps, each with its default when unreadable. */
function readFields(cell: CellOf, ctx: RowContext, warn: Warn) {
  const { status, unknown } = readStatus(cell('status'));
  if (unknown) warn('status', `"${text(cell('status'))}" is not a status; read as pending`);
  const priority = readPriority(cell('priority'));
  if (priority === null) {
    const said = text(cell('priority'));
    warn('priority', `"${said}" is not a priority (1–5, p1–p5, high, low); read as 3`);
  }
  const due = readDue(cell('due'), ctx);
  if (due === undefined) warn('due', `"${text(cell('due'))}" is not a date; ignored`);
  const effort = readEffort(cell('effort_minutes'));
  if (effort === undefined)
    warn('effort_minutes', `"${text(cell('effort_minutes'))}" is not 1–1440 minutes; ignored`);
  const preferred = readPreferredTime(cell('preferred_time'));
  if (preferred === undefined) {
    const said = text(cell('preferred_time')).toLowerCase();
    warn('preferred_time', `"${said}" is not morning, afternoon or evening`);
  }
  const { tags, bad } = readTags(cell('tags'));
  if (bad.length > 0)
    warn('tags', `ignored ${bad.map((b) => `"${b}"`).join(', ')}: a tag is one word`);
  const snoozed = readSnoozeEnd(cell('snoozed_until'), ctx);
  if (snoozed === undefined)
    warn('snoozed_until', `"${text(cell('snoozed_until'))}" is not a date-time; ignored`);
  const repeatText = text(cell('repeat'));
  const repeat = repeatText === '' ? null : normalizeRepeat(repeatText);
  if (repeat && !repeat.ok) warn('repeat', repeat.message);
  return {
    description: text(cell('description')).slice(0, 2000) || null,
    status,
    priority: priority ?? 3,
    due: due ?? null,
    effort_minutes: effort ?? null,
    preferred_time: preferred ?? null,
    tags: tags.slice(0, 20),
    snoozed_until: snoozed ?? null,
    repeat: repeat && repeat.ok ? repeat.rrule : null,
  };
}

/** The timestamps, filling in what a hand-typed row lacks (then the row is touched). */
function readStamps(cell: CellOf, ctx: RowContext, status: Task['status']) {
  const created = readInstant(cell('created_at'), ctx);
  const createdAt = created ?? isoUtc(ctx.now);
  const completed = readInstant(cell('completed_at'), ctx) ?? null;
  const completedAt = status === 'completed' && completed === null ? isoUtc(ctx.now) : completed;
  return {
    stamps: {
      created_at: createdAt,
      updated_at: readInstant(cell('updated_at'), ctx) ?? createdAt,
      completed_at: completedAt,
    },
    touched: !created || completedAt !== completed,
  };
}

/**
 * Reads one row sensibly: hand-typed rows (no id, dates typed as dates, priority "high" or
 * "p1", blank status) become tasks; a malformed cell becomes a warning for this row and
 * the field's default, never an exception.
 */
export function readTaskRow(row: readonly Cell[], columns: ColumnMap, ctx: RowContext): RowRead {
  const cell: CellOf = (f) => (columns[f] >= 0 ? row[columns[f]] : undefined);
  if (TASK_FIELDS.every((f) => isBlank(cell(f)))) return { kind: 'blank' };
  const exact = exactTask(row, columns);
  if (exact) return { kind: 'task', task: exact, warnings: [], touched: false };
  const title = text(cell('title'));
  if (title === '')
    return { kind: 'invalid', warnings: ['title: is empty, so the row is not a task yet'] };
  const warnings: string[] = [];
  const warn: Warn = (field, message) => warnings.push(`${field}: ${message}`);
  const typedId = text(cell('id'));
  const fields = readFields(cell, ctx, warn);
  const { stamps, touched } = readStamps(cell, ctx, fields.status);
  if (title.length > 200) warn('title', 'longer than 200 characters; cut');
  const candidate = {
    id: typedId === '' ? ctx.newId() : typedId,
    title: title.slice(0, 200),
    ...fields,
    ...stamps,
  };
  const parsed = Task.safeParse(candidate);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    return { kind: 'invalid', warnings: [...warnings, ...issues] };
  }
  return { kind: 'task', task: parsed.data, warnings, touched: touched || typedId === '' };
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
