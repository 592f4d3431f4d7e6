import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { ok } from '@mindflow/shared';
import { IdempotencyRecord, utf8Bytes } from './idempotency.ts';

// Issue 10 item 9: the guard counted characters, CacheService counts bytes; an emoji title
// passed the guard and then put threw after the write had committed.

/** Apps Script's CacheService as documented: values over 100 KB (in UTF-8 bytes) throw. */
class DocumentedCache {
  readonly entries = new Map<string, string>();
  put(key: string, value: string): void {
    if (Buffer.byteLength(value, 'utf8') > 100 * 1024) throw new Error('Argument too large: value');
    this.entries.set(key, value);
  }
  get(key: string): string | null {
    return this.entries.get(key) ?? null;
  }
}

const cache = new DocumentedCache();
const globals = globalThis as Record<string, unknown>;
beforeAll(() => {
  globals['CacheService'] = { getScriptCache: () => cache };
  globals['Utilities'] = {
    DigestAlgorithm: { SHA_256: 'sha256' },
    Charset: { UTF_8: 'utf8' },
    computeDigest: (_: string, text: string) => [
      ...createHash('sha256').update(text, 'utf8').digest(),
    ],
  };
});
afterAll(() => {
  delete globals['CacheService'];
  delete globals['Utilities'];
});

describe('idempotency', () => {
  it('counts UTF-8 bytes as CacheService does', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Bytes(text)).toBe(Buffer.byteLength(text, 'utf8'));
      }),
      { numRuns: 1000 },
    );
    expect(utf8Bytes('🌱日本a')).toBe(4 + 3 + 3 + 1);
  });

  it('keeps a result that fits, and never throws for one that does not', () => {
    const small = new IdempotencyRecord('createTask', 'k-small', { title: '🌱' });
    small.remember(ok({ title: '🌱' }));
    expect(small.lookup()).toEqual(ok({ title: '🌱' }));
    // 30,000 emoji: 60,000 characters (under the old 90,000-character guard), 120 KB.
    const title = '🌱'.repeat(30_000);
    const big = new IdempotencyRecord('createTask', 'k-big', { title });
    expect(() => big.remember(ok({ title }))).not.toThrow();
    expect(big.lookup()).toBeNull();
  });

  it('does not fail a committed write when the cache itself refuses', () => {
    const record = new IdempotencyRecord('createTask', 'k-refused', { title: 'x' });
    const put = cache.put;
    cache.put = () => {
      throw new Error('Service invoked too many times: cache');
    };
    try {
      expect(() => record.remember(ok({ title: 'x' }))).not.toThrow();
    } finally {
      cache.put = put;
    }
  });
});
