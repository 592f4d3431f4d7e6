import { describe, expect, it } from 'vitest';
import { effortMinutes, looksLikeMarker, readWordToken } from './word-tokens.ts';

describe('word-tokens', () => {
  describe('readWordToken', () => {
    it('reads each kind of marker', () => {
      expect(readWordToken('p2')).toEqual({ kind: 'priority', value: 4 });
      expect(readWordToken('!Urgent')).toEqual({ kind: 'priority', value: 5 });
      expect(readWordToken('90min')).toEqual({ kind: 'effort', value: 90 });
      expect(readWordToken('#deep-work')).toEqual({ kind: 'tag', value: 'deep-work' });
      expect(readWordToken('@Evening')).toEqual({ kind: 'preferred_time', value: 'evening' });
    });

    it('ignores punctuation that ends a clause', () => {
      expect(readWordToken('#work,')).toEqual({ kind: 'tag', value: 'work' });
      expect(readWordToken('p1.')).toEqual({ kind: 'priority', value: 5 });
      expect(readWordToken('!high!')).toEqual({ kind: 'priority', value: 4 });
    });

    it('returns null for ordinary and malformed words', () => {
      for (const word of [
        'Review',
        'p9',
        'p',
        '#',
        '#a.b',
        '@noon',
        '!',
        '!3',
        '3',
        '0m',
        '1441m',
        'Q3',
      ]) {
        expect(readWordToken(word), word).toBeNull();
      }
      expect(readWordToken(`#${'x'.repeat(41)}`)).toBeNull();
    });
  });

  describe('effortMinutes', () => {
    it('reads hours, minutes and both, rounding to a whole minute', () => {
      expect(effortMinutes('1h30m')).toBe(90);
      expect(effortMinutes('1h30min')).toBe(90);
      expect(effortMinutes('0.5h')).toBe(30);
      expect(effortMinutes('2hrs')).toBe(120);
      expect(effortMinutes('1.33h')).toBe(80);
      expect(effortMinutes('45minutes')).toBe(45);
    });

    it('allows 1 to 1440 minutes only', () => {
      expect(effortMinutes('1m')).toBe(1);
      expect(effortMinutes('1440m')).toBe(1440);
      expect(effortMinutes('24h1m')).toBeNull();
      expect(effortMinutes('0h')).toBeNull();
      expect(effortMinutes('1000h')).toBeNull();
    });
  });

  describe('looksLikeMarker', () => {
    it('flags words shaped like markers, valid or not', () => {
      for (const word of ['p9', '#', '@noon', '1000h', '45m', '!maybe', 'p1,']) {
        expect(looksLikeMarker(word), word).toBe(true);
      }
      for (const word of ['3pm', 'tomorrow', 'Q3', 'h', 'plan']) {
        expect(looksLikeMarker(word), word).toBe(false);
      }
    });
  });
});
