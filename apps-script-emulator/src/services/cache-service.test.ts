import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function put(key, value, seconds) { CacheService.getScriptCache().put(key, value, seconds); }
function get(key) { return CacheService.getScriptCache().get(key); }
function putMany(values) { CacheService.getScriptCache().putAll(values, 60); }
function getMany(keys) { return CacheService.getScriptCache().getAll(keys); }
function userAndDocument() {
  CacheService.getUserCache().put('k', 'user');
  CacheService.getDocumentCache().put('k', 'document');
  return [CacheService.getScriptCache().get('k'), CacheService.getUserCache().get('k'), CacheService.getDocumentCache().get('k')];
}
`;

describe('CacheService', () => {
  describe('Cache.put / get', () => {
    it('keeps a value until its expiration on the emulator clock', () => {
      const app = inlineBundle(CODE);
      app.run('put', 'plan', '{"n":1}', 30);
      app.emulator.clock.advance(29_999);
      expect(app.run('get', 'plan')).toBe('{"n":1}');
      app.emulator.clock.advance(1);
      expect(app.run('get', 'plan')).toBeNull();
    });

    it('expires after 600 seconds when no expiration is given', () => {
      const app = inlineBundle(CODE);
      app.run('put', 'k', 'v');
      app.emulator.clock.advance(599_000);
      expect(app.run('get', 'k')).toBe('v');
      app.emulator.clock.advance(1000);
      expect(app.run('get', 'k')).toBeNull();
    });

    it('caps the expiration at six hours', () => {
      const app = inlineBundle(CODE);
      app.run('put', 'k', 'v', 86_400);
      app.emulator.clock.advance(21_600_000);
      expect(app.run('get', 'k')).toBeNull();
    });

    it('refuses values over 100 KB', () => {
      const app = inlineBundle(CODE);
      app.run('put', 'fits', 'x'.repeat(100 * 1024));
      expect(() => app.run('put', 'big', 'x'.repeat(100 * 1024 + 1))).toThrow(
        'Argument too large: value',
      );
    });

    it('survives across executions but not eviction', () => {
      const app = inlineBundle(CODE);
      app.run('put', 'k', 'v');
      expect(app.run('get', 'k')).toBe('v');
      app.emulator.caches.evictAll();
      expect(app.run('get', 'k')).toBeNull();
    });
  });

  describe('Cache.putAll / getAll', () => {
    it('returns only the keys it found', () => {
      const app = inlineBundle(CODE);
      app.run('putMany', { a: '1', b: '2' });
      expect(app.run('getMany', ['a', 'b', 'missing'])).toEqual({ a: '1', b: '2' });
    });
  });

  describe('getUserCache / getDocumentCache', () => {
    it('are separate from the script cache', () => {
      expect(inlineBundle(CODE).run('userAndDocument')).toEqual([null, 'user', 'document']);
    });
  });
});
