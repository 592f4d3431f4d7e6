import { describe, expect, it } from 'vitest';
import {
  resultEnvelope,
  errorCodeOfStatus,
  HTTP_STATUS_BY_CODE,
  ERROR_CODES,
} from './error-envelope.ts';
import { IDEMPOTENCY_KEY_MAX, idempotencyKeyIssue } from './idempotency-key.ts';
import { readSidebarArgs, SidebarContextSchema } from './sidebar-functions.ts';
import { z } from 'zod';

describe('wire', () => {
  describe('error-envelope', () => {
    it('maps every code to a status and back', () => {
      for (const code of ERROR_CODES)
        expect(errorCodeOfStatus(HTTP_STATUS_BY_CODE[code])).toBe(code);
    });
    it('accepts {ok,data} and {ok:false,error} and nothing else', () => {
      const envelope = resultEnvelope(z.number());
      expect(envelope.safeParse({ ok: true, data: 1 }).success).toBe(true);
      expect(
        envelope.safeParse({ ok: false, error: { code: 'conflict', message: 'm' } }).success,
      ).toBe(true);
      expect(envelope.safeParse({ ok: false, error: { code: 'oops', message: 'm' } }).success).toBe(
        false,
      );
      expect(envelope.safeParse({ ok: true }).success).toBe(false);
    });
  });

  describe('idempotency-key', () => {
    it('takes 1–255 visible ASCII characters, naming the field it came in otherwise', () => {
      expect(idempotencyKeyIssue('9b2c-…'.slice(0, 5), 'idempotency_key')).toBeNull();
      expect(idempotencyKeyIssue('k'.repeat(IDEMPOTENCY_KEY_MAX), 'idempotency_key')).toBeNull();
      for (const bad of ['', 'k'.repeat(IDEMPOTENCY_KEY_MAX + 1), 'a b', 'ключ', 42]) {
        expect(idempotencyKeyIssue(bad, 'Idempotency-Key')).toEqual({
          field: 'Idempotency-Key',
          rule: 'format',
          message:
            'Idempotency-Key must be 1–255 visible ASCII characters (letters, digits, punctuation; no spaces)',
        });
      }
    });
  });

  describe('sidebar-functions', () => {
    it('names the argument that is wrong', () => {
      expect(readSidebarArgs('runOperation', ['createTask', { title: 'x' }])).toEqual({
        ok: true,
        data: ['createTask', { title: 'x' }],
      });
      expect(readSidebarArgs('runOperation', ['createTask', ['x']])).toMatchObject({
        ok: false,
        error: { code: 'validation_failed', details: [{ field: 'input' }] },
      });
      expect(readSidebarArgs('runOperation', [42, {}])).toMatchObject({
        ok: false,
        error: { details: [{ field: 'op' }] },
      });
    });
    it('reads the context the add-on sends, leaving out what Google withheld', () => {
      expect(
        SidebarContextSchema.parse({ time_zone: 'Asia/Tokyo', user: null, sheet_url: 'u' }),
      ).toEqual({
        time_zone: 'Asia/Tokyo',
        sheet_url: 'u',
      });
      expect(SidebarContextSchema.safeParse({ zone: 'UTC' }).success).toBe(false);
    });
  });
});
