import type { Task } from '../task/task.schema.ts';
import { applyListQuery } from './task-query.ts';
import type { TaskListQuery, TaskStore } from './task-store.ts';

/**
 * A real TaskStore over a Map: the reference adapter the contract suite runs on, and the
 * store the CLI ranks CSV rows with. Tasks are copied in and out, as a database would.
 */
export class MemoryTaskStore implements TaskStore {
  private readonly tasks = new Map<string, Task>();

  constructor(initial: readonly Task[] = []) {
    for (const t of initial) this.tasks.set(t.id, copy(t));
  }

  get(id: string): Task | null {
    const t = this.tasks.get(id);
    return t ? copy(t) : null;
  }

  list(query: TaskListQuery): Task[] {
    return applyListQuery(this.tasks.values(), query).map(copy);
  }

  listActive(): Task[] {
    const out: Task[] = [];
    for (const t of this.tasks.values()) if (t.status !== 'completed') out.push(copy(t));
    return out;
  }

  insert(task: Task): 'ok' | 'conflict' {
    if (this.tasks.has(task.id)) return 'conflict';
    this.tasks.set(task.id, copy(task));
    return 'ok';
  }

  update(task: Task, expectedUpdatedAt: string): 'ok' | 'not_found' | 'conflict' {
    const current = this.tasks.get(task.id);
    if (!current) return 'not_found';
    if (current.updated_at !== expectedUpdatedAt) return 'conflict';
    this.tasks.set(task.id, copy(task));
    return 'ok';
  }

  delete(id: string): boolean {
    return this.tasks.delete(id);
  }

  upsertMany(tasks: readonly Task[]): void {
    for (const t of tasks) this.tasks.set(t.id, copy(t));
  }

  get size(): number {
    return this.tasks.size;
  }
}

function copy(t: Task): Task {
  return { ...t, tags: [...t.tags] };
}
