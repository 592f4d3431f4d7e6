import { API_LABEL, ApiObject, ServiceError } from '../runtime/api-object.ts';
import type { EmulatorClock } from '../clock.ts';

export type LockScope = 'script' | 'document' | 'user';

interface Holder {
  /** An execution id, or the name a test gave another process. */
  owner: string;
  /** Which Lock object holds it; null for a simulated other process. */
  lockId: number | null;
  /** When a simulated holder lets go; null = until released. */
  releaseAt: number | null;
}

/**
 * The locks every execution shares. Apps Script runs executions in parallel processes; the
 * emulator runs one at a time, so contention comes from holders a test declares
 * (holdBy) or from an execution left open. Waiting advances the fake clock instead of time.
 */
export class LockRegistry {
  private readonly holders = new Map<string, Holder>();
  private readonly clock: EmulatorClock;
  private readonly keyFor: (scope: LockScope) => string;
  private nextLockId = 1;

  constructor(clock: EmulatorClock, keyFor: (scope: LockScope) => string) {
    this.clock = clock;
    this.keyFor = keyFor;
  }

  /** Simulates another execution holding a lock, forever or for `releaseAfterMs`. */
  holdBy(owner: string, options: { scope?: LockScope; releaseAfterMs?: number } = {}): void {
    const key = this.keyFor(options.scope ?? 'script');
    const releaseAt =
      options.releaseAfterMs === undefined ? null : this.clock.now() + options.releaseAfterMs;
    this.holders.set(key, { owner, lockId: null, releaseAt });
  }

  /** Releases whatever `owner` holds (a simulated process, or an execution id). */
  release(owner: string): void {
    for (const [key, holder] of this.holders) if (holder.owner === owner) this.holders.delete(key);
  }

  /** Who holds the lock of a scope right now, if anyone. */
  holder(scope: LockScope = 'script'): string | null {
    return this.current(this.keyFor(scope))?.owner ?? null;
  }

  newLockId(): number {
    return this.nextLockId++;
  }

  tryAcquire(key: string, lockId: number, owner: string, timeoutMs: number): boolean {
    const holder = this.current(key);
    if (holder?.lockId === lockId) return true;
    if (holder) {
      const waitUntil = this.clock.now() + Math.max(0, timeoutMs);
      if (holder.releaseAt === null || holder.releaseAt > waitUntil) {
        this.clock.advance(Math.max(0, timeoutMs));
        return false;
      }
      this.clock.set(Math.max(this.clock.now(), holder.releaseAt));
    }
    this.holders.set(key, { owner, lockId, releaseAt: null });
    return true;
  }

  holds(key: string, lockId: number): boolean {
    return this.current(key)?.lockId === lockId;
  }

  releaseLock(key: string, lockId: number): void {
    if (this.current(key)?.lockId === lockId) this.holders.delete(key);
  }

  private current(key: string): Holder | undefined {
    const holder = this.holders.get(key);
    if (holder && holder.releaseAt !== null && holder.releaseAt <= this.clock.now()) {
      this.holders.delete(key);
      return undefined;
    }
    return holder;
  }
}

export class LockApi extends ApiObject {
  readonly [API_LABEL] = 'Lock';
  readonly #registry: LockRegistry;
  readonly #key: string;
  readonly #owner: string;
  readonly #id: number;

  constructor(registry: LockRegistry, key: string, owner: string) {
    super();
    this.#registry = registry;
    this.#key = key;
    this.#owner = owner;
    this.#id = registry.newLockId();
  }

  tryLock(timeoutInMillis: number): boolean {
    return this.#registry.tryAcquire(this.#key, this.#id, this.#owner, Number(timeoutInMillis));
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new ServiceError('Lock timeout: another process was holding the lock for too long.');
    }
  }

  hasLock(): boolean {
    return this.#registry.holds(this.#key, this.#id);
  }

  /** No effect when the lock is not held, as documented. */
  releaseLock(): void {
    this.#registry.releaseLock(this.#key, this.#id);
  }
}

/** LockService for one execution: each get…Lock() call returns a new Lock object. */
export class LockServiceApi extends ApiObject {
  readonly [API_LABEL] = 'LockService';
  readonly #registry: LockRegistry;
  readonly #executionId: string;
  readonly #keyFor: (scope: LockScope) => string;

  /** `keyFor` names this execution's locks: its document, its user. */
  constructor(registry: LockRegistry, executionId: string, keyFor: (scope: LockScope) => string) {
    super();
    this.#registry = registry;
    this.#executionId = executionId;
    this.#keyFor = keyFor;
  }

  getScriptLock(): LockApi {
    return this.#lock('script');
  }

  getDocumentLock(): LockApi {
    return this.#lock('document');
  }

  getUserLock(): LockApi {
    return this.#lock('user');
  }

  #lock(scope: LockScope): LockApi {
    return new LockApi(this.#registry, this.#keyFor(scope), this.#executionId);
  }
}
