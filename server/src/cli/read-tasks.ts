import type { RowContext, Task } from '@mindflow/shared';
import type { CsvProblem } from '../csv/task-csv.ts';
import { forEachStoredTask } from '../csv/stored-tasks-csv.ts';

/** Where the tasks go as they are read: a list, or a ranking that keeps the best few. */
export interface TaskSink<R> {
  add(task: Task): void;
  done(): R;
}

export interface CollectedTasks<R> {
  result: R;
  /** Tasks read (valid rows). */
  total: number;
  problems: CsvProblem[];
}

async function repeatRule(text: string): Promise<((repeat: string) => boolean) | undefined> {
  // Exports store repeats as RRULEs; a file without one never loads the recurrence code.
  if (!text.includes('FREQ=')) return undefined;
  const { normalizeRepeat } = await import('./repeat-rule.ts');
  return (repeat) => normalizeRepeat(repeat).ok;
}

/**
 * The tasks of a CSV text, handed one by one to a sink from `open()`. An export takes the
 * quick road; a file that needs the lenient reader (hand-typed rows, bad cells) is read by
 * it, loaded only then, into a fresh sink, with its problems by line.
 */
export async function collectTasks<R>(
  text: string,
  context: Omit<RowContext, 'newId'>,
  open: () => TaskSink<R>,
): Promise<CollectedTasks<R>> {
  let sink = open();
  let total = 0;
  const visit = (task: Task) => {
    total++;
    sink.add(task);
  };
  if (forEachStoredTask(text, visit, { isRepeat: await repeatRule(text) })) {
    return { result: sink.done(), total, problems: [] };
  }
  const { readTasksCsv } = await import('../csv/task-csv.ts');
  const read = readTasksCsv(text, context);
  sink = open();
  for (const task of read.tasks) sink.add(task);
  return { result: sink.done(), total: read.tasks.length, problems: read.problems };
}

/** A sink that keeps every task. */
export function taskList(): TaskSink<Task[]> {
  const tasks: Task[] = [];
  return { add: (t) => tasks.push(t), done: () => tasks };
}
