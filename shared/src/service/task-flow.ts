import type { CalendarSource } from '../planner/calendar-source.ts';
import type { Awaitable, TaskStore } from './task-store.ts';

// The service is written once and runs on synchronous ports (Apps Script's SpreadsheetApp
// and CalendarApp cannot await) and on asynchronous ones (SQL, the Calendar API). Handlers
// are generators that yield port calls; a driver performs each call and feeds the answer
// back, synchronously or not.

/** The I/O a handler may reach. The calendar is absent when the host has none. */
export interface FlowPorts {
  store: TaskStore;
  calendar: CalendarSource | null;
}

export type PortCall = (ports: FlowPorts) => Awaitable<unknown>;
export type Flow<T> = Generator<PortCall, T, unknown>;

/** Performs one store call inside a flow: `const task = yield* use((s) => s.get(id))`. */
export function* use<T>(call: (store: TaskStore) => Awaitable<T>): Generator<PortCall, T, unknown> {
  return (yield (ports) => call(ports.store)) as T;
}

/** Performs one call on any port: `yield* usePorts((p) => p.calendar?.listEvents(…) ?? [])`. */
export function* usePorts<T>(
  call: (ports: FlowPorts) => Awaitable<T>,
): Generator<PortCall, T, unknown> {
  return (yield call) as T;
}

function isPromise(value: unknown): value is Promise<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

export function runFlowSync<T>(flow: Flow<T>, ports: FlowPorts): T {
  let step = flow.next();
  while (!step.done) {
    const answer = step.value(ports);
    if (isPromise(answer)) {
      throw new Error('runFlowSync needs synchronous ports; one of them returned a promise');
    }
    step = flow.next(answer);
  }
  return step.value;
}

export async function runFlow<T>(flow: Flow<T>, ports: FlowPorts): Promise<T> {
  let step = flow.next();
  while (!step.done) {
    step = flow.next(await step.value(ports));
  }
  return step.value;
}
