import type { Task } from '../task/task.schema.ts';
import { dueWrittenDate } from '../task/task-time.ts';
import type { ListCursor, TaskListQuery } from './task-store.ts';

// The reference semantics of TaskStore.list, used by the stores that filter in memory
// (memory, Sheet) and by the contract suite to check the ones that filter in SQL.

export function compareListOrder(a: ListCursor, b: ListCursor): number {
  if (a.created_at !== b.created_at) return a.created_at < b.created_at ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export function matchesQuery(task: Task, q: TaskListQuery): boolean {
  if (q.statuses !== null && !q.statuses.includes(task.status)) return false;
  if (q.tag !== null) {
    const tag = q.tag.toLowerCase();
    if (!task.tags.some((t) => t.toLowerCase() === tag)) return false;
  }
  if (q.text !== null) {
    const text = q.text.toLowerCase();
    const inTitle = task.title.toLowerCase().includes(text);
    if (!inTitle && !(task.description ?? '').toLowerCase().includes(text)) return false;
  }
  if (q.due_before !== null || q.due_after !== null) {
    if (task.due === null) return false;
    const date = dueWrittenDate(task.due);
    if (q.due_before !== null && !(date < q.due_before)) return false;
    if (q.due_after !== null && !(date > q.due_after)) return false;
  }
  if (q.after !== null && compareListOrder(task, q.after) <= 0) return false;
  return true;
}

export function applyListQuery(tasks: Iterable<Task>, q: TaskListQuery): Task[] {
  const out: Task[] = [];
  for (const t of tasks) if (matchesQuery(t, q)) out.push(t);
  out.sort(compareListOrder);
  return out.slice(0, q.limit);
}

const CURSOR_SEPARATOR = '~';

export function encodeCursor(task: ListCursor): string {
  return `${task.created_at}${CURSOR_SEPARATOR}${task.id}`;
}

export function decodeCursor(cursor: string): ListCursor | null {
  const i = cursor.lastIndexOf(CURSOR_SEPARATOR);
  if (i <= 0) return null;
  return { created_at: cursor.slice(0, i), id: cursor.slice(i + 1) };
}
