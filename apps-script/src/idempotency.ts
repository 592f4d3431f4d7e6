import type { Result } from '@mindflow/shared';

// Retries of a write (the GPT's, or a client's after Apps Script's POST redirect) must not
// write twice. The first result is kept in the script cache for 6 hours under a key made of
// the operation and the client's idempotency_key, with a fingerprint of the body: the same
// key with a different body is a client bug and answers `conflict`. The record is read and
// written while the script lock is held, so a concurrent retry waits and then finds it.
// CacheService may drop entries early; the guarantee is best effort beyond that.

const SIX_HOURS_S = 21_600;

function hex(bytes: number[]): string {
  return bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
}

function sha256(text: string): string {
  return hex(
    Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text, Utilities.Charset.UTF_8),
  );
}

/** JSON with object keys sorted, so equal bodies give equal fingerprints. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Results worth replaying: not the ones a retry might turn into a success. */
function replayable(result: Result<unknown>): boolean {
  return result.ok || (result.error.code !== 'internal' && result.error.code !== 'unavailable');
}

export class IdempotencyRecord {
  private readonly cacheKey: string;
  private readonly fingerprint: string;
  private readonly cache = CacheService.getScriptCache();

  constructor(operation: string, key: string, input: unknown) {
    this.cacheKey = `idem:${sha256(`${operation}\n${key}`)}`;
    this.fingerprint = sha256(`${operation}\n${stableJson(input)}`);
  }

  /** The first result for this key, 'mismatch' when the key came with another body, or null. */
  lookup(): Result<unknown> | 'mismatch' | null {
    const stored = this.cache.get(this.cacheKey);
    if (stored === null) return null;
    const record = JSON.parse(stored) as { fingerprint: string; result: Result<unknown> };
    return record.fingerprint === this.fingerprint ? record.result : 'mismatch';
  }

  remember(result: Result<unknown>): void {
    if (!replayable(result)) return;
    const record = JSON.stringify({ fingerprint: this.fingerprint, result });
    // A result too large for one cache entry (100 kB) is simply not replayed.
    if (record.length < 90_000) this.cache.put(this.cacheKey, record, SIX_HOURS_S);
  }
}
