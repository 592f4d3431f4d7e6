/** Raised when another execution holds the script lock past the bounded wait. */
export class LockBusyError extends Error {
  constructor(waitedMs: number) {
    super(`another change held the script lock for more than ${waitedMs} ms`);
    this.name = 'LockBusyError';
  }
}

/** How long a write waits for the script lock before answering busy (GPT Actions give up at 45 s). */
export const WRITE_LOCK_WAIT_MS = 10_000;

/**
 * The script lock for one execution, reentrant. `epoch` counts acquisitions, so a reader can
 * tell whether what it read was read under the lock it holds now: anything read before it
 * was acquired may be stale and must be read again (rows are found by id under the lock,
 * never by a row number remembered from earlier).
 */
export class ScriptLock {
  private lock: GoogleAppsScript.Lock.Lock | null = null;
  private depth = 0;
  private acquisitions = 0;
  private readonly waitMs: number;

  constructor(waitMs = WRITE_LOCK_WAIT_MS) {
    this.waitMs = waitMs;
  }

  get held(): boolean {
    return this.depth > 0;
  }

  /** Which acquisition is current; 0 while never held. Changes each time the lock is taken. */
  get epoch(): number {
    return this.held ? this.acquisitions : 0;
  }

  /** Runs `body` holding the lock (taking it if needed, within the bounded wait). */
  runExclusive<T>(body: () => T): T {
    if (this.depth === 0) {
      this.lock ??= LockService.getScriptLock();
      if (!this.lock.tryLock(this.waitMs)) throw new LockBusyError(this.waitMs);
      this.acquisitions += 1;
    }
    this.depth += 1;
    try {
      return body();
    } finally {
      this.depth -= 1;
      if (this.depth === 0) this.lock?.releaseLock();
    }
  }
}
