import { locateColumns, storedTaskReader, type Task } from '@mindflow/shared';
import { restoreRecord } from './csv-cells.ts';
import { forEachCsvRecord } from './csv-records.ts';

// The quick road for a CSV file a program wrote (every row a complete task, as the add-on's
// export and `migrate --to csv:` write them): no zod, no csv-parse, and each task handed on
// as it is read, so a caller that keeps the best ten keeps ten. When any row is not plainly
// a task the road ends, and readTasksCsv (task-csv.ts) reads the file leniently instead: the
// same tasks for the same rows, and what it has to say about the others.

export interface StoredTaskOptions {
  /** Whether a repeat is valid; without it a row with a repeat ends the quick road. */
  isRepeat?: (repeat: string) => boolean;
}

/** Visits each task of `text` in order; false when the file needs the lenient reader. */
export function forEachStoredTask(
  text: string,
  visit: (task: Task) => void,
  options: StoredTaskOptions = {},
): boolean {
  let read: ReturnType<typeof storedTaskReader> | null = null;
  const seen = new Set<string>();
  const plain = forEachCsvRecord(text, (row) => {
    restoreRecord(row);
    if (read === null) {
      const lookup = locateColumns(row, ['title']);
      if (!lookup.ok) return false;
      read = storedTaskReader(lookup.columns, options.isRepeat);
      return true;
    }
    const task = read(row);
    if (task === 'blank') return true;
    if (task === null || seen.has(task.id)) return false;
    seen.add(task.id);
    visit(task);
    return true;
  });
  return plain && read !== null;
}

/** Every task of `text`, or null when it needs the lenient reader. */
export function readStoredTasksCsv(text: string, options: StoredTaskOptions = {}): Task[] | null {
  const tasks: Task[] = [];
  return forEachStoredTask(text, (t) => tasks.push(t), options) ? tasks : null;
}
