import { isDue, isInstant } from '../task/task-time.ts';
import { isInAcceptedYears } from '../time/civil-date.ts';
import {
  DESCRIPTION_MAX,
  PREFERRED_TIMES,
  TAG_RE,
  TASK_FIELDS,
  TASK_STATUSES,
  TITLE_MAX,
} from '../task/task-fields.ts';
import type { Task } from '../task/task.schema.ts';
import type { ColumnMap } from './task-columns.ts';

// The quick road for rows a program wrote (a CSV export): the Task schema's rules checked by
// hand, because loading zod and running it on 10,000 rows is most of what `mindflow rank`
// would spend. It says yes only when exactTask (task-row.ts) would return the same task, and
// null whenever it is not sure; callers then take the schema's road. A property test holds
// the two to the same answers.

// zod's z.uuid(): RFC 9562 versions 1–8, and the nil and max UUIDs.
const UUID =
  /^([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|ffffffff-ffff-ffff-ffff-ffffffffffff)$/;
// Text that a reader may treat specially (a spreadsheet formula, a quote that protects one)
// or that a store may not keep as written (a lone surrogate): left to the careful road.
const NOT_SURE_START = /^['=+\-@\t\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const STATUSES: ReadonlySet<string> = new Set(TASK_STATUSES);
const TIMES: ReadonlySet<string> = new Set(PREFERRED_TIMES);

const orNull = (cell: string | undefined): string | null =>
  cell === undefined || cell === '' ? null : cell;

function plainText(text: string | null): boolean {
  return text === null || (!NOT_SURE_START.test(text) && !LONE_SURROGATE.test(text));
}

function wholeNumberIn(text: string | null, min: number, max: number): number | null | false {
  if (text === null) return null;
  if (!/^\d{1,4}$/.test(text)) return false;
  const n = Number(text);
  return n >= min && n <= max ? n : false;
}

function validTask(t: Task, isRepeat: (repeat: string) => boolean): boolean {
  const trimmed = t.title.trim();
  return (
    UUID.test(t.id) &&
    trimmed.length >= 1 &&
    trimmed.length <= TITLE_MAX &&
    (t.description === null || t.description.length <= DESCRIPTION_MAX) &&
    STATUSES.has(t.status) &&
    (t.due === null || (isDue(t.due) && isInAcceptedYears(t.due))) &&
    (t.preferred_time === null || TIMES.has(t.preferred_time)) &&
    t.tags.every((tag) => TAG_RE.test(tag)) &&
    (t.snoozed_until === null ||
      (isInstant(t.snoozed_until) && isInAcceptedYears(t.snoozed_until))) &&
    (t.repeat === null || isRepeat(t.repeat)) &&
    isInstant(t.created_at) &&
    isInstant(t.updated_at) &&
    (t.completed_at === null || isInstant(t.completed_at))
  );
}

/** A row's task; 'blank' when every task column is empty (not a task, skipped); null if unsure. */
type Reader = (cells: readonly string[]) => Task | 'blank' | null;

/**
 * A reader of rows laid out as `columns`: the task a row of text cells holds exactly as
 * written, or null when it is not sure. For the rows it accepts, the answer equals
 * exactTask's. `isRepeat` is the schema's repeat rule (normalizeRepeat(r).ok), passed in so a
 * reader of files without repeats need not load the recurrence code; without it, a row with a
 * repeat is one it is not sure of.
 */
export function storedTaskReader(
  columns: ColumnMap,
  isRepeat: (repeat: string) => boolean = () => false,
): Reader {
  // Column positions looked up once, not per row and field.
  const at = TASK_FIELDS.map((f) => columns[f]);
  const [
    id,
    title,
    desc,
    status,
    priority,
    due,
    effort,
    time,
    tags,
    snoozed,
    repeat,
    created,
    updated,
    completed,
  ] = at;
  const cell = (cells: readonly string[], i: number | undefined): string | null =>
    i === undefined || i < 0 ? null : orNull(cells[i]);
  const present = at.filter((i) => i >= 0);
  const blank = (cells: readonly string[]) => present.every((i) => (cells[i] ?? '').trim() === '');
  return (cells) => {
    if (blank(cells)) return 'blank';
    const titleText = cell(cells, title);
    const description = cell(cells, desc);
    const tagText = cell(cells, tags);
    if (
      titleText === null ||
      !plainText(titleText) ||
      !plainText(description) ||
      !plainText(tagText)
    ) {
      return null;
    }
    const p = wholeNumberIn(cell(cells, priority), 1, 5);
    const minutes = wholeNumberIn(cell(cells, effort), 1, 1440);
    if (p === null || p === false || minutes === false) return null;
    const task: Task = {
      id: cell(cells, id) ?? '',
      title: titleText,
      description,
      status: cell(cells, status) as Task['status'],
      priority: p,
      due: cell(cells, due),
      effort_minutes: minutes,
      preferred_time: cell(cells, time) as Task['preferred_time'],
      tags: tagText === null ? [] : tagText.split(', ').filter(Boolean),
      snoozed_until: cell(cells, snoozed),
      repeat: cell(cells, repeat),
      created_at: cell(cells, created) ?? '',
      updated_at: cell(cells, updated) ?? '',
      completed_at: cell(cells, completed),
    };
    return validTask(task, isRepeat) ? task : null;
  };
}

/** storedTaskReader for one row. */
export function storedTaskFromRow(
  cells: readonly string[],
  columns: ColumnMap,
  isRepeat?: (repeat: string) => boolean,
): Task | 'blank' | null {
  return storedTaskReader(columns, isRepeat)(cells);
}
