import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inlineBundle } from '../inline-bundle.ts';

const CODE = `
function hex(bytes) { return bytes.map(function (b) { return ('0' + (b & 0xff).toString(16)).slice(-2); }).join(''); }
function sha256(text) { var d = Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, text); return [hex(d), Math.min.apply(null, d) < 0, Array.isArray(d)]; }
function hmac(text, key) { return hex(Utilities.computeHmacSha256Signature(text, key)); }
function base64(text) { var e = Utilities.base64Encode(text); return [e, Utilities.newBlob(Utilities.base64Decode(e)).getDataAsString()]; }
function webSafe(text) { return Utilities.base64EncodeWebSafe(text); }
function sleepy() { var before = Date.now(); Utilities.sleep(1500); return Date.now() - before; }
function ids() { return [Utilities.getUuid(), Utilities.getUuid()]; }
function fmt() { return Utilities.formatString('%s has %d tasks (%s%%)', 'Ana', 3.7, 50); }
`;

describe('Utilities', () => {
  describe('computeDigest', () => {
    it('returns the digest as signed Java bytes in a script-realm array', () => {
      const expected = createHash('sha256').update('mindflow', 'utf8').digest('hex');
      expect(inlineBundle(CODE).run('sha256', 'mindflow')).toEqual([expected, true, true]);
    });
  });

  describe('computeHmacSha256Signature', () => {
    it('signs the value with the key', () => {
      const expected = createHmac('sha256', 'secret').update('payload').digest('hex');
      expect(inlineBundle(CODE).run('hmac', 'payload', 'secret')).toBe(expected);
    });
  });

  describe('base64Encode / base64Decode', () => {
    it('round-trips UTF-8 text through bytes', () => {
      expect(inlineBundle(CODE).run('base64', 'Grüße ✓')).toEqual([
        Buffer.from('Grüße ✓').toString('base64'),
        'Grüße ✓',
      ]);
    });

    it('has a web-safe variant', () => {
      expect(inlineBundle(CODE).run('webSafe', '??>>')).toBe('Pz8+Pg=='.replace('+', '-'));
    });
  });

  describe('sleep', () => {
    it('advances the emulator clock instead of waiting', () => {
      const app = inlineBundle(CODE);
      const before = app.emulator.clock.now();
      expect(app.run('sleepy')).toBe(1500);
      expect(app.emulator.clock.now()).toBe(before + 1500);
    });
  });

  describe('getUuid', () => {
    it('uses the id source the test provides', () => {
      let n = 0;
      const app = inlineBundle(CODE, { uuid: () => `00000000-0000-4000-8000-00000000000${++n}` });
      expect(app.run('ids')).toEqual([
        '00000000-0000-4000-8000-000000000001',
        '00000000-0000-4000-8000-000000000002',
      ]);
    });
  });

  describe('formatString', () => {
    it('substitutes %s, %d and %%', () => {
      expect(inlineBundle(CODE).run('fmt')).toBe('Ana has 3 tasks (50%)');
    });
  });
});
