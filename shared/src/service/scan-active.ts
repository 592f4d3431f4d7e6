import type { Task } from '../task/task.schema.ts';
import { use, type Flow } from './task-flow.ts';
import type { TaskStore } from './task-store.ts';

/** Hands every open task to `visit`, page by page where the store can, else all at once. */
export function visitActive(
  store: TaskStore,
  visit: (page: readonly Task[]) => void,
): void | Promise<void> {
  if (store.scanActive) return store.scanActive(visit);
  const all = store.listActive();
  return all instanceof Promise ? all.then(visit) : visit(all);
}

/** Inside a flow: `yield* scanActive((page) => …)`. */
export function* scanActive(visit: (page: readonly Task[]) => void): Flow<void> {
  yield* use((s) => visitActive(s, visit));
}
