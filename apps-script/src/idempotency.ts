import type { Result } from '@mindflow/shared';

// Retries of a write (the GPT's, or a client's after Apps Script's POST redirect) must not
// write twice. The first result is kept in the script cache for 6 hours under a key made of
// the operation and the client's idempotency_key, with a fingerprint of the body: the same
// key with a different body is a client bug and answers `conflict`. The record is read and
// written while the script lock is held, so a concurrent retry waits and then finds it.
// CacheService may drop entries early; the guarantee is best effort beyond that.

const SIX_HOURS_S = 21_600;
// CacheService takes values up to 100 KB, counted in bytes (UTF-8), not characters: an
// emoji is 4 bytes, a CJK character 3. Kept well under it for the record's own JSON.
const MAX_RECORD_BYTES = 90 * 1024;

/** The UTF-8 length of a text, as CacheService counts it. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

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

  /**
   * Keeps a result for retries. Called after the write committed, so it never throws: a
   * result too large for one cache entry, or a cache that refuses it, is simply not
   * replayed (a retry then runs again, as without a key).
   */
  remember(result: Result<unknown>): void {
    if (!replayable(result)) return;
    try {
      const record = JSON.stringify({ fingerprint: this.fingerprint, result });
      if (utf8Bytes(record) > MAX_RECORD_BYTES) return;
      this.cache.put(this.cacheKey, record, SIX_HOURS_S);
    } catch (error) {
      console.warn(`MindFlow: a result was not kept for retries: ${String(error)}`);
    }
  }
}
