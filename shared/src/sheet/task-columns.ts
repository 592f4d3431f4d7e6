import type { Task } from '../task/task.schema.ts';
import { TASK_FIELDS } from '../task/task-fields.ts';

export type TaskField = keyof Task;

/** Where each task field sits in a header row (−1: absent). Other columns are the user's own. */
export type ColumnMap = Record<TaskField, number>;

export type ColumnLookup =
  { ok: true; columns: ColumnMap; width: number } | { ok: false; missing: TaskField[] };

/** "Effort minutes", "effort_minutes" and "EFFORT-MINUTES" all name the same column. */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/**
 * Finds every task field's column by its header name, so people may reorder columns or add
 * their own. Missing headers are reported by name: the Sheet needs repair.
 */
export function locateColumns(
  headerRow: readonly unknown[],
  required: readonly TaskField[] = TASK_FIELDS,
): ColumnLookup {
  const index = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  const missing: TaskField[] = [];
  const columns = {} as ColumnMap;
  for (const field of TASK_FIELDS) {
    const at = index.get(field);
    if (at === undefined && required.includes(field)) missing.push(field);
    columns[field] = at ?? -1;
  }
  return missing.length > 0
    ? { ok: false, missing }
    : { ok: true, columns, width: headerRow.length };
}

/** Columns holding text that must never be read as a formula or a number by Sheets. */
export const TEXT_FIELDS: readonly TaskField[] = [
  'id',
  'title',
  'description',
  'status',
  'due',
  'preferred_time',
  'tags',
  'snoozed_until',
  'repeat',
  'created_at',
  'updated_at',
  'completed_at',
];
