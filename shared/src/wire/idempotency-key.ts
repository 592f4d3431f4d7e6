import { z } from 'zod';
import type { FieldIssue } from './error-envelope.ts';

// A retry of a write carries the key of its first attempt, and gets the first answer
// instead of writing again. The one rule, for the server's Idempotency-Key header, the
// idempotency_key body field (GPT Actions cannot send headers), the add-on and every
// document: 1–255 visible ASCII characters, as Stripe allows; a UUID is a good key.

export const IDEMPOTENCY_KEY_MAX = 255;
const KEY_RE = /^[\x21-\x7e]+$/;
const RULE = `1–${IDEMPOTENCY_KEY_MAX} visible ASCII characters (letters, digits, punctuation; no spaces)`;

export const IdempotencyKeySchema = z.string().min(1).max(IDEMPOTENCY_KEY_MAX).regex(KEY_RE).meta({
  description:
    'A fresh random value per intended change (a UUID); resend the same one when retrying it.',
});

/** The broken rule, naming the field the key came in (`Idempotency-Key` or `idempotency_key`); null when usable. */
export function idempotencyKeyIssue(key: unknown, field: string): FieldIssue | null {
  if (IdempotencyKeySchema.safeParse(key).success) return null;
  return { field, rule: 'format', message: `${field} must be ${RULE}` };
}
