import {
  fail,
  isOperationName,
  OPERATION_NAMES,
  type OperationName,
  type OperationOutput,
  type Result,
  type TaskStore,
} from '@mindflow/shared';
import type { Caller } from '../accounts/account-repository.ts';
import type { TaskStoreFactory } from '../stores/task-store-factory.ts';

// Runs catalogue operations as an authenticated caller, for any transport: REST, MCP, the
// assistant. Validation, isolation (the caller's own store) and results come from the
// TaskService underneath; idempotency, caches and the calendar-aware planner are layers
// composed around it once, at boot (compose-executor.ts). Nothing here knows HTTP.

/** Gets every unexpected error before it becomes an `internal` result (to log it). */
export type ErrorSink = (error: unknown, operation: string) => void;

/** One operation for one caller, as every layer sees it. */
export interface OperationCall {
  readonly caller: Caller;
  readonly name: OperationName;
  /** As received; the operation's schema validates it. */
  readonly input: unknown;
  /** The one instant the whole call reads as now. */
  readonly now: number;
  /** The caller's tasks and no one else's; a layer may pass a wrapped one on. */
  readonly store: TaskStore;
  /** A write's retry key: a repeat gets the first answer and writes nothing. */
  readonly idempotencyKey: string | undefined;
  readonly onError: ErrorSink;
}

export interface Execution<T = unknown> {
  readonly result: Result<T>;
  /** The stored answer of an earlier call with the same idempotency key. */
  readonly replayed: boolean;
  /**
   * result.data already serialised (as text, or as its UTF-8 bytes), when a cache held it
   * so: send it as it is. Only a success is ever cached, so a json means result.ok without
   * reading (parsing) result.
   */
  readonly json?: string | Buffer;
}

/** A cached answer's JSON as text, whichever form the cache held it in. */
export function jsonText(json: string | Buffer): string {
  return typeof json === 'string' ? json : json.toString();
}

export type Execute = (call: OperationCall) => Promise<Execution>;
/** Wraps an Execute with one concern: a cache, idempotency, the planner's calendars … */
export type ExecutorLayer = (next: Execute) => Execute;

export interface RunOptions {
  idempotencyKey?: string;
  onError?: ErrorSink;
}

export function executed<T>(result: Result<T>): Execution<T> {
  return { result, replayed: false };
}

/** A layer for one operation; every other one passes straight through. */
export function forOperation(
  name: OperationName,
  handle: (call: OperationCall, next: Execute) => Promise<Execution>,
): ExecutorLayer {
  return (next) => (call) => (call.name === name ? handle(call, next) : next(call));
}

/** `base` wrapped in `layers`, the first outermost. */
export function layered(base: Execute, layers: readonly ExecutorLayer[]): Execute {
  return layers.reduceRight((next, layer) => layer(next), base);
}

const ignore: ErrorSink = () => undefined;

export class OperationExecutor {
  private readonly stores: TaskStoreFactory;
  private readonly clock: () => number;
  private readonly execute: Execute;

  constructor(deps: { stores: TaskStoreFactory; clock: () => number; execute: Execute }) {
    this.stores = deps.stores;
    this.clock = deps.clock;
    this.execute = deps.execute;
  }

  /**
   * Runs `name` as `caller`; an unknown name answers not_found, like the service. The
   * caches ask caller.taskRevision() at each call, so a Caller kept across writes (an
   * assistant's turn) still reads its own writes.
   */
  run<K extends OperationName>(
    caller: Caller,
    name: K,
    input: unknown,
    options?: RunOptions,
  ): Promise<Execution<OperationOutput<K>>>;
  run(caller: Caller, name: string, input: unknown, options?: RunOptions): Promise<Execution>;
  async run(
    caller: Caller,
    name: string,
    input: unknown,
    options: RunOptions = {},
  ): Promise<Execution> {
    if (!isOperationName(name)) {
      return executed(
        fail('not_found', `Unknown operation '${name}'`, { operations: OPERATION_NAMES }),
      );
    }
    return this.execute({
      caller,
      name,
      input,
      now: this.clock(),
      store: this.stores.forUser(caller),
      idempotencyKey: options.idempotencyKey,
      onError: options.onError ?? ignore,
    });
  }
}
