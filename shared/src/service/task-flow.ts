import type { Awaitable, TaskStore } from './task-store.ts';

// The service is written once and runs on synchronous stores (Apps Script's SpreadsheetApp
// cannot await) and on asynchronous ones (SQL). Handlers are generators that yield store
// calls; a driver performs each call and feeds the answer back, synchronously or not.

export type StoreCall = (store: TaskStore) => Awaitable<unknown>;
export type Flow<T> = Generator<StoreCall, T, unknown>;

/** Performs one store call inside a flow: `const task = yield* use((s) => s.get(id))`. */
export function* use<T>(
  call: (store: TaskStore) => Awaitable<T>,
): Generator<StoreCall, T, unknown> {
  return (yield call) as T;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export function runFlowSync<T>(flow: Flow<T>, store: TaskStore): T {
  let step = flow.next();
  while (!step.done) {
    const answer = step.value(store);
    if (isPromise(answer)) {
      throw new Error('runFlowSync needs a synchronous TaskStore; this one returned a promise');
    }
    step = flow.next(answer);
  }
  return step.value;
}

export async function runFlow<T>(flow: Flow<T>, store: TaskStore): Promise<T> {
  let step = flow.next();
  while (!step.done) {
    step = flow.next(await step.value(store));
  }
  return step.value;
}
